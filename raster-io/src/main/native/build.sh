#!/usr/bin/env bash
# Builds libradnorm-deflate.so, the JNI bridge to libdeflate (static), into OUT_DIR.
#   build.sh JAVA_HOME OUT_DIR
# Called by raster-io's build (process-classes). Where it cannot build (not Linux x86_64, no gcc,
# no libdeflate-dev) it says so and leaves the bridge out: radnorm then uses the JDK's zlib.
# RADNORM_NATIVE_REQUIRED=1 (set by CI) turns that into a build failure.
set -euo pipefail
java_home="$1" out="$2"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/radnorm_deflate.c"
lib="$out/libradnorm-deflate.so"

skip() {
  if [[ "${RADNORM_NATIVE_REQUIRED:-0}" == 1 ]]; then echo "native: cannot build $lib: $1" >&2; exit 1; fi
  echo "[WARNING] native: $1; libradnorm-deflate.so not built, Deflate uses the JDK's zlib (slower)" >&2
  exit 0
}

[[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]] || skip "not Linux x86_64"
command -v gcc >/dev/null || skip "no gcc"
static="$(gcc -print-file-name=libdeflate.a)"
[[ -f "$static" && "$static" == /* ]] || skip "no libdeflate.a (apt-get install libdeflate-dev)"
[[ -f "$java_home/include/jni.h" ]] || skip "no jni.h under $java_home/include"
if [[ -f "$lib" && "$lib" -nt "$src" && "$lib" -nt "$0" ]]; then exit 0; fi

mkdir -p "$out"
# -Wl,--exclude-libs,ALL: libdeflate's symbols stay private to the bridge (no clash with another
# libdeflate, e.g. GDAL's, in the same process).
gcc -O2 -fPIC -shared -Wall -Werror -I"$java_home/include" -I"$java_home/include/linux" \
    -o "$lib.tmp" "$src" "$static" -Wl,--exclude-libs,ALL -Wl,-z,noexecstack
mv "$lib.tmp" "$lib"
echo "native: built $lib" >&2
