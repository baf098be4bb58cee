# Install rules: `make install PREFIX=/usr/local DESTDIR=...` and `make deb`.
# Layout (GNUInstallDirs; LIBDIR is lib/<multiarch> when PREFIX is /usr):
#   bin/vgrun
#   LIBDIR/vgrun/vgmedia.so       the encoder, which vgrun opens when it encodes
#   LIBDIR/libvg.so.0.1.0 (SONAME libvg.so.0), libvg.so, libvg.a
#   LIBDIR/pkgconfig/libvg.pc
#   LIBDIR/lua/5.4/vg.so          where Debian's lua5.4 looks for C modules
#   include/vgrun/vg.h, vg_lua.h
#   share/doc/vgrun/              README, docs/, examples/
# vgrun needs no data files at run time: its Lua half is compiled in.
include(GNUInstallDirs)

install(TARGETS vgrun RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET vgmedia)
  install(TARGETS vgmedia LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/vgrun)
endif()
install(TARGETS vg_shared vg_static
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT dev
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS vg_module LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/lua/5.4)
install(FILES engine/core/vg.h engine/lua/vg_lua.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/vgrun)

# pkg-config: the headers include uv.h, cjson/cJSON.h and (vg_lua.h) lua.h, so
# those are Requires; what the stages link is only needed for static linking.
set(VG_PC_REQUIRES "libuv libcjson lua5.4")
set(VG_PC_REQUIRES_PRIVATE "libavcodec libavformat libavutil libswscale libswresample yaml-0.1 libcmark-gfm icu-uc pangocairo cairo fontconfig espeak-ng")
# The prefix is found from the .pc file's own place, so a tree installed with
# `cmake --install --prefix DIR` or unpacked elsewhere still resolves.
file(RELATIVE_PATH VG_PC_TO_PREFIX ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" VG_PC_TO_PREFIX "${VG_PC_TO_PREFIX}")
configure_file(${CMAKE_SOURCE_DIR}/cmake/libvg.pc.in ${CMAKE_BINARY_DIR}/libvg.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/libvg.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# `make deb`: a Debian package through CPack; dpkg-shlibdeps finds the
# run-time dependencies from the binaries themselves.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vgrun)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "vgrun maintainers <vgrun@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "turns documents into narrated explainer videos")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "vgrun turns Markdown, YAML, JSON and subtitle documents into narrated\n MP4 videos with slides and captions, offline. A C engine scripted in Lua 5.4.")
set(CPACK_DEBIAN_PACKAGE_SECTION video)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "espeak-ng-data, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-core, lua5.4, mandoc")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)

# Man pages: made by the built vgrun from the commands' specs (the same text
# as --help), so they never disagree. A stamp stands for the pages: their
# names come from the commands found at run time.
set(VG_MAN_DIR ${CMAKE_BINARY_DIR}/man)
add_custom_command(OUTPUT ${VG_MAN_DIR}/.stamp
  COMMAND ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/no-config ASAN_OPTIONS=detect_leaks=0
    $<TARGET_FILE:vgrun> ${CMAKE_SOURCE_DIR}/scripts/man.lua ${VG_MAN_DIR}
  # gzip -n: no name or time in the header, so the pages are reproducible
  COMMAND find ${VG_MAN_DIR} -name *.1 -exec gzip -9nkf {} +
  COMMAND ${CMAKE_COMMAND} -E touch ${VG_MAN_DIR}/.stamp
  DEPENDS vgrun ${CMAKE_SOURCE_DIR}/scripts/man.lua ${VG_LUA_SOURCES}
  COMMENT "man pages from the command specs" VERBATIM)
add_custom_target(man ALL DEPENDS ${VG_MAN_DIR}/.stamp)
install(DIRECTORY ${VG_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 FILES_MATCHING PATTERN "*.1.gz")

# Shell completion: small scripts that ask `vgrun __complete` (the specs
# again), where bash-completion and zsh look for them.
install(FILES completion/vgrun.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME vgrun)
install(FILES completion/_vgrun DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
