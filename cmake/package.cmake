# Debian packages from CPack (`cpack -G DEB` in the build directory; README "Install"):
#   poolkit         the tools, their data, man pages, completion and examples; its Depends are
#                   worked out by dpkg-shlibdeps from the libraries the tools link (libc6,
#                   libstdc++6, libgcc-s1, libfmt9, libssl3 on Debian 12)
#   libpoolkit-dev  the libraries, headers and CMake package config; it depends on the -dev
#                   packages whose headers poolkit's headers include or whose libraries the
#                   static layers need.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME poolkit)
set(CPACK_PACKAGE_VENDOR "poolkit")
set(CPACK_PACKAGE_CONTACT "poolkit maintainers <poolkit@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "accounts of NHS and local-authority shared budgets (section 75 pooled funds)")
set(CPACK_PACKAGE_DESCRIPTION
    "Small command-line tools for pooled, aligned and joint budgets: agreement checks,\n\
contribution shares, ledger actuals, month-end reconciliation, year-end settlement and\n\
the re-verification of any statement from the inputs it records.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL Runtime Development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME poolkit)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "man-db, bash-completion")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libpoolkit-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "libfmt-dev, libboost-dev, libtomlplusplus-dev, libssl-dev, libxlsxwriter-dev, pkg-config")
set(CPACK_STRIP_FILES ON)
include(CPack)
