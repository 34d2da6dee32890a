# Cross-building for arm64 (a Raspberry Pi 4 or 5, most single-board computers) on an amd64
# Debian bookworm machine, with Debian's multiarch packages: the compilers of
# crossbuild-essential-arm64 and the :arm64 -dev packages in /usr/lib/aarch64-linux-gnu.
# Used by `sh packaging/build-deb.sh arm64`.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# Multiarch has no sysroot: headers are shared in /usr/include, libraries are the
# architecture's own. pkg-config must see only the arm64 ones.
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

# The package is for arm64; dpkg-shlibdeps reads its libraries with the cross objdump.
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
set(ENV{DEB_HOST_ARCH} arm64)
