#!/bin/sh
# Makes a self-signed key pair for TLS between the nodes of a private Squall cluster:
#
#   docker/make-keystore.sh DIR [PASSWORD]
#
# writes DIR/squall-keystore.p12 (the key and its certificate: squall.cluster.tls.key-store) and
# DIR/squall-truststore.p12 (the certificate alone: squall.cluster.tls.trust-store), both PKCS12
# with the one PASSWORD (default: $SQUALL_TLS_KEY_STORE_PASSWORD, else a random one, printed).
# Give every node the same two files; a node without them cannot join the cluster:
#
#   SQUALL_TLS_ENABLED=on SQUALL_TLS_KEY_STORE=DIR/squall-keystore.p12 \
#   SQUALL_TLS_TRUST_STORE=DIR/squall-truststore.p12 SQUALL_TLS_KEY_STORE_PASSWORD=PASSWORD \
#   SQUALL_TLS_TRUST_STORE_PASSWORD=PASSWORD ./squall worker
#
# Needs keytool (any JDK or JRE). The certificate is valid for 10 years; keep the files private.
set -eu

dir="${1:?usage: make-keystore.sh DIR [PASSWORD]}"
password="${2:-${SQUALL_TLS_KEY_STORE_PASSWORD:-}}"
if [ -z "$password" ]; then
  password="$(od -An -tx1 -N18 /dev/urandom | tr -d ' \n')"
  echo "password: $password"
fi
if [ "${#password}" -lt 6 ]; then
  echo "make-keystore.sh: the password needs at least 6 characters" >&2
  exit 2
fi
if [ -n "${JAVA_HOME:-}" ]; then
  keytool="$JAVA_HOME/bin/keytool"
else
  keytool="keytool"
fi

mkdir -p "$dir"
keystore="$dir/squall-keystore.p12"
truststore="$dir/squall-truststore.p12"
certificate="$dir/squall-certificate.pem"
rm -f "$keystore" "$truststore" "$certificate"

"$keytool" -genkeypair -alias squall -keyalg RSA -keysize 2048 -validity 3650 \
  -dname "CN=squall-cluster" -storetype PKCS12 -keystore "$keystore" \
  -storepass "$password" -keypass "$password" >/dev/null 2>&1
"$keytool" -exportcert -alias squall -rfc -keystore "$keystore" -storepass "$password" \
  -file "$certificate" >/dev/null 2>&1
"$keytool" -importcert -noprompt -alias squall -file "$certificate" -storetype PKCS12 \
  -keystore "$truststore" -storepass "$password" >/dev/null 2>&1
chmod 600 "$keystore" "$truststore"
echo "wrote $keystore and $truststore"
