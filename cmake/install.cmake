# What `cmake --install` puts where (README "Install"). Two components, which CPack makes two
# Debian packages (cmake/package.cmake):
#   Runtime      bin/poolkit and bin/pool-*, share/poolkit (config/: ledger profiles, templates,
#                legal bases), the man pages, bash completion, share/doc/poolkit (examples, LICENSE)
#   Development  the layer libraries, their headers under include/poolkit/, and the CMake package
#                config, so that find_package(poolkit) gives poolkit::<layer> and poolkit::poolkit.
# The layers are installed as they are built, one library each (static unless
# POOLKIT_LAYER_CHECK), rather than merged into one: a program that needs only money or model
# links just those and their own dependencies (no OpenSSL or toml++), the layer rule of
# docs/ARCHITECTURE.md holds for consumers too, and nothing has to be built twice. Static, because
# poolkit promises no stable ABI yet: a shared library would need a soname policy first.
include(CMakePackageConfigHelpers)

set(POOLKIT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/poolkit)
# Shared layers (POOLKIT_LAYER_CHECK) are found by the installed tools next to them.
set(CMAKE_INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
set_target_properties(${POOLKIT_TOOLS} poolkit PROPERTIES INSTALL_RPATH
                      "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")

install(TARGETS ${POOLKIT_TOOLS} poolkit RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT Runtime)

# poolkit::poolkit: every layer (writers and readers bring the rest).
add_library(poolkit_all INTERFACE)
target_link_libraries(poolkit_all INTERFACE poolkit_writers poolkit_readers)
set_target_properties(poolkit_all PROPERTIES EXPORT_NAME poolkit)
install(TARGETS ${POOLKIT_LAYERS} poolkit_all EXPORT poolkitTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Runtime)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/lib/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/poolkit
        COMPONENT Development FILES_MATCHING PATTERN "*.hpp")
install(FILES ${CMAKE_BINARY_DIR}/generated/support/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/poolkit/support COMPONENT Development)
install(EXPORT poolkitTargets NAMESPACE poolkit:: DESTINATION ${POOLKIT_CMAKE_DIR}
        COMPONENT Development)
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/poolkitConfig.cmake.in
                              ${CMAKE_BINARY_DIR}/cmake/poolkitConfig.cmake
                              INSTALL_DESTINATION ${POOLKIT_CMAKE_DIR})
# 0.x: a new minor version may change the library's interface.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/cmake/poolkitConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/cmake/poolkitConfig.cmake
              ${CMAKE_BINARY_DIR}/cmake/poolkitConfigVersion.cmake
        DESTINATION ${POOLKIT_CMAKE_DIR} COMPONENT Development)

# config/ as share/poolkit: where the tools look for shipped profiles and templates
# (apps/common/data_directory.hpp).
install(DIRECTORY ${CMAKE_SOURCE_DIR}/config/ DESTINATION ${CMAKE_INSTALL_DATADIR}/poolkit
        COMPONENT Runtime)

# The man pages, compressed as Debian installs them (man reads them either way).
find_program(GZIP gzip REQUIRED)
file(GLOB man_pages CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/man/*.[1-8])
set(man_gz "")
foreach(page ${man_pages})
  get_filename_component(name ${page} NAME)
  string(REGEX REPLACE ".*\\.([1-8])$" "\\1" section ${name})
  set(gz ${CMAKE_BINARY_DIR}/man/${name}.gz)
  add_custom_command(OUTPUT ${gz} COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
                     COMMAND ${GZIP} -9nc ${page} > ${gz} DEPENDS ${page} VERBATIM)
  list(APPEND man_gz ${gz})
  install(FILES ${gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section} COMPONENT Runtime)
endforeach()
add_custom_target(poolkit_man_pages ALL DEPENDS ${man_gz})

# Bash completion: one script for every tool; bash-completion loads a command's completion from
# the file of its name, so each tool's name is a link to it.
set(completion_dir ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${CMAKE_SOURCE_DIR}/completion/poolkit.bash DESTINATION ${completion_dir}
        RENAME poolkit COMPONENT Runtime)
foreach(tool ${POOLKIT_TOOLS})
  install(CODE "file(CREATE_LINK poolkit \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${completion_dir}/${tool}\" SYMBOLIC)"
          COMPONENT Runtime)
endforeach()

# The examples and the licence, where Debian keeps a package's documentation.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        COMPONENT Runtime)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT Runtime)
install(FILES ${CMAKE_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright
        COMPONENT Runtime)
