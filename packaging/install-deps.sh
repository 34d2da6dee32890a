#!/bin/sh
# Installs, from Debian bookworm's own packages, whatever building (and testing) kiosk needs and
# the machine lacks. Run as root. Packages already installed are left alone, so on a prepared
# machine this does nothing and needs no network.
#
#   sh packaging/install-deps.sh              build and run the tests (what CI runs)
#   sh packaging/install-deps.sh --build      build only: what a venue machine needs to build on
#                                             itself (no test tools)
#   sh packaging/install-deps.sh --cross arm64  cross-build the arm64 package on an amd64 machine
set -eu

# What the program is built from (the -dev packages bring the runtime libraries with them).
libraries="libsdl2-dev libsdl2-image-dev libharfbuzz-dev libfreetype-dev libicu-dev
  libfontconfig-dev libcurl4-openssl-dev libqrencode-dev libjpeg62-turbo-dev"
tools="cmake make g++ pkg-config ca-certificates nlohmann-json3-dev dpkg-dev file"
# What the tests use besides: Catch2; Xvfb for the display that comes back; clang's
# libFuzzer and llvm-symbolizer (readable stacks) for the fuzzing run; lintian and
# systemd-analyze for the package; CJK fonts for fallback rendering; zbar-tools to read back
# the QR codes the program draws.
tests="catch2 xvfb clang libclang-rt-14-dev llvm-14 lintian systemd fonts-noto-cjk zbar-tools"

mode="${1:-}"
case "$mode" in
    "") packages="$tools $libraries $tests" ;;
    --build) packages="$tools $libraries" ;;
    --cross)
        arch="${2:?--cross needs an architecture, such as arm64}"
        gnu=$(dpkg-architecture -a"$arch" -qDEB_HOST_GNU_TYPE 2>/dev/null || echo aarch64-linux-gnu)
        if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
            dpkg --add-architecture "$arch"
            apt-get update -qq
        fi
        packages="$tools crossbuild-essential-$arch binutils-$gnu qemu-user-static imagemagick"
        for library in $libraries; do packages="$packages $library:$arch"; done
        ;;
    *) echo "usage: sh packaging/install-deps.sh [--build | --cross ARCH]" >&2; exit 2 ;;
esac

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
