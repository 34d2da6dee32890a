#!/bin/sh
# Installs, from Debian bookworm's own packages, whatever building, running and testing kiosk
# needs and the machine lacks. Run as root. Packages already installed are left alone, so on a
# prepared machine this does nothing and needs no network.
set -eu

# The last line is for the fuzz targets the tests also run (tests/fuzz/run.sh): clang with
# libFuzzer and the sanitizers' runtimes, and llvm-symbolizer for readable stacks.
packages="cmake make g++ pkg-config ca-certificates
  libsdl2-dev libsdl2-image-dev libharfbuzz-dev libfreetype-dev libfontconfig-dev libicu-dev
  libcurl4-openssl-dev nlohmann-json3-dev catch2
  clang libclang-rt-14-dev llvm-14"

missing=""
for package in $packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $package"
    fi
done

if [ -n "$missing" ]; then
    echo "kiosk: installing$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi
