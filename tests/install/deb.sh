#!/usr/bin/env bash
# `make deb` as a user runs it, from this source tree into a scratch build
# folder: the package holds the program, the library with its SONAME, the
# pkg-config file, the Lua module where Debian's lua5.4 looks, gzipped man
# pages and completion, and its Depends (from dpkg-shlibdeps) name the
# libraries the binaries link.
set -euo pipefail
command -v cpack >/dev/null && command -v dpkg-deb >/dev/null || { echo "SKIP: no cpack or dpkg-deb"; exit 77; }
SRC=$PWD
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cmake -S "$SRC" -B "$T/b" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DVG_TESTS=OFF >"$T/log" 2>&1 \
  || { echo "FAIL: configure"; tail -20 "$T/log"; exit 1; }
cmake --build "$T/b" -j "$(nproc)" >>"$T/log" 2>&1 || { echo "FAIL: build"; tail -20 "$T/log"; exit 1; }
(cd "$T/b" && cpack -G DEB) >>"$T/log" 2>&1 || { echo "FAIL: cpack"; tail -20 "$T/log"; exit 1; }
deb=$(ls "$T"/b/vgrun_*.deb)
ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$T/files"
fail=0
for f in /usr/bin/vgrun "/usr/lib/$ma/libvg.so.0" "/usr/lib/$ma/libvg.a" "/usr/lib/$ma/pkgconfig/libvg.pc" \
         "/usr/lib/$ma/lua/5.4/vg.so" /usr/include/vgrun/vg.h /usr/share/man/man1/vgrun.1.gz \
         /usr/share/man/man1/vgrun-create.1.gz /usr/share/bash-completion/completions/vgrun \
         /usr/share/zsh/vendor-completions/_vgrun /usr/share/doc/vgrun/README.md; do
  grep -qx -- "$f" "$T/files" || { echo "FAIL: the package lacks $f"; fail=1; }
done
dep=$(dpkg-deb -f "$deb" Depends)
for lib in libavcodec libavformat libespeak-ng1 libcairo2 libpango-1.0-0 liblua5.4-0 libuv1 libcjson1 libyaml-0-2 espeak-ng-data; do
  grep -q "$lib" <<<"$dep" || { echo "FAIL: Depends lacks $lib: $dep"; fail=1; }
done
# the .pc inside resolves to /usr
dpkg-deb -x "$deb" "$T/root"
grep -q '^Requires: libuv libcjson lua5.4' "$T/root/usr/lib/$ma/pkgconfig/libvg.pc" || { echo "FAIL: libvg.pc Requires"; fail=1; }
[ $fail -eq 0 ] && echo "deb: ok ($(basename "$deb"))"
exit $fail
