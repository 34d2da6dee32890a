# The Debian package, made by CPack from the same tree: `sh packaging/build-deb.sh [arm64]`.
# Runtime dependencies are computed from the binary (dpkg-shlibdeps); the operator's files in
# /etc/kiosk are conffiles; the maintainer scripts enable and start the service.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_PACKAGE_CONTACT ${KIOSK_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${KIOSK_MAINTAINER})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "venue display: bilingual slides and a live counter")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "kiosk shows rotating slides in Vietnamese and English, shaped by HarfBuzz,
with a live signature counter read from any JSON feed over HTTP, on a TV
driven by a PC or a single-board computer. It draws straight to the screen
through KMS/DRM (or in a desktop session), keeps the last good content when
files or the network fail, and comes back by itself when the display does.
.
Settings are in /etc/kiosk/kiosk.json and the slides in /etc/kiosk/content.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# deb-systemd-helper for the maintainer scripts; CA certificates for https feeds.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "init-system-helpers (>= 1.54)")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ca-certificates")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_BINARY_DIR}/packaging/control/conffiles
    ${PROJECT_BINARY_DIR}/packaging/control/postinst
    ${PROJECT_BINARY_DIR}/packaging/control/prerm
    ${PROJECT_BINARY_DIR}/packaging/control/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/;/\\\\.git/")
include(CPack)
