#!/usr/bin/env bash
# tests/engine/hash_digest.sh: the engine's SHA-256 (cache keys, the digests
# of produced files) is OpenSSL's, and libavutil's where OpenSSL's default
# provider is not there: the same digests either way, never a key of zeros.
. "$(dirname "$0")/../lib.sh"
vg_need sha256sum
vg_scratch hash
head -c 3000000 /dev/urandom >"$T/data"
want=$(sha256sum "$T/data" | cut -d' ' -f1)
# an OpenSSL configuration whose only provider is the null one: no SHA-256
cat >"$T/null.cnf" <<'CNF'
openssl_conf = openssl_init
[openssl_init]
providers = provs
[provs]
null = null_sect
[null_sect]
activate = 1
CNF
digest='local d = assert(require("vg.core").file_digest(arg_path)); print(d.sha256, d.size)'
for conf in default null; do
  if [ $conf = null ]; then export OPENSSL_CONF="$T/null.cnf"; else unset OPENSSL_CONF; fi
  got=$("$VGRUN" -e "arg_path = '$T/data'; $digest" 2>&1)
  [ "$got" = "$want	3000000" ] || bad "$conf: file digest '$got', sha256sum says $want"
  key=$("$VGRUN" -e 'print(require("vg.core").sha256("abc"))' 2>&1)
  # "abc" as the engine hashes a string: its length (8 bytes, little-endian) first
  [ "$key" = ce91dc5eec0139adf091900d225971d6ad246a845bad791b5693a9d0d55dd391 ] || bad "$conf: key of 'abc' is $key"
done
[ $fail -eq 0 ] && echo "digests agree with and without OpenSSL's default provider"
exit $((fail > 0))
