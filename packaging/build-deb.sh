#!/bin/sh
# Builds the kiosk's Debian package from this tree, without the test suite. Run as root on
# Debian bookworm; it first installs what the build lacks.
#
#   sh packaging/build-deb.sh          for this machine: build-deb/kiosk_VERSION_ARCH.deb
#   sh packaging/build-deb.sh arm64    cross-built on amd64 for arm64 boards: build-deb-arm64/
set -eu
cd "$(dirname "$0")/.."
native=$(dpkg --print-architecture)
arch="${1:-$native}"

if [ "$arch" = "$native" ]; then
    sh packaging/install-deps.sh --build
    dir=build-deb
    set --
else
    sh packaging/install-deps.sh --cross "$arch"
    dir="build-deb-$arch"
    set -- -DCMAKE_TOOLCHAIN_FILE="$PWD/packaging/$(dpkg-architecture -a"$arch" -qDEB_HOST_GNU_TYPE 2>/dev/null).cmake"
fi
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
      -DKIOSK_BUILD_TESTS=OFF "$@"
cmake --build "$dir" -j"$(nproc)"
# dpkg-shlibdeps names the runtime libraries the binary needs, for the target architecture.
(cd "$dir" && DEB_HOST_ARCH="$arch" cpack -G DEB)
ls "$dir"/kiosk_*_"$arch".deb
