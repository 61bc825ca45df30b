# Installation and the Debian package: `cmake --install build [--prefix P]` puts
#   P/bin/pneumoplan                                  the program
#   P/share/pneumoplan/scenarios/                     the five city packs, cohorts/, sweeps/ and validation/ (packs
#                                                     found by name from any folder: 'pneumoplan run xuzhou')
#   P/share/man/man1/pneumoplan.1, pneumoplan-COMMAND.1  manual pages made by help2man from --help (when help2man
#                                                     is installed; tools/install_dependencies.sh installs it)
#   P/share/bash-completion/completions/pneumoplan    bash completion
#   P/share/doc/pneumoplan/                           README, LICENSE (code), DATA-LICENSES.md, docs/
# and `cpack -G DEB` (from the build folder) makes pneumoplan_VERSION_ARCH.deb of the same files under /usr,
# its library dependencies found by dpkg-shlibdeps.

install(TARGETS pneumoplan RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/scenarios/" DESTINATION "${CMAKE_INSTALL_DATADIR}/pneumoplan/scenarios")
install(FILES "${PROJECT_SOURCE_DIR}/README.md" "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/DATA-LICENSES.md"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/" DESTINATION "${CMAKE_INSTALL_DOCDIR}/docs")
# Debian looks for a package's licence in /usr/share/doc/PACKAGE/copyright.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME copyright)
install(FILES "${PROJECT_SOURCE_DIR}/tools/pneumoplan.bash-completion"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" RENAME pneumoplan)

# Manual pages from the program's own --help, so they cannot drift from it. Optional: without help2man the
# rest builds and installs, and configuration says so.
set(PNEUMO_COMMANDS run cohort survival scorecard compare target sweep merge sensitivity calibrate stations plot report
    params locate)
find_program(HELP2MAN_EXECUTABLE help2man)
find_program(GZIP_EXECUTABLE gzip)
# Not in sanitizer builds: they test the code, and help2man would run an instrumented program.
if(HELP2MAN_EXECUTABLE AND NOT PNEUMO_SANITIZE)
  set(PNEUMO_MAN_PAGES ON CACHE INTERNAL "manual pages are made")
  set(man_folder "${CMAKE_BINARY_DIR}/man")
  set(man_pages)
  set(man_page_names pneumoplan)
  foreach(command IN LISTS PNEUMO_COMMANDS)
    list(APPEND man_page_names "pneumoplan-${command}")
  endforeach()
  foreach(page IN LISTS man_page_names)
    set(command_word "")
    if(NOT page STREQUAL "pneumoplan")
      string(REPLACE "pneumoplan-" "" command_word "${page}")
    endif()
    add_custom_command(
      OUTPUT "${man_folder}/${page}.1.gz"
      COMMAND "${CMAKE_COMMAND}" -E make_directory "${man_folder}"
      COMMAND "${CMAKE_COMMAND}" -DHELP2MAN=${HELP2MAN_EXECUTABLE} -DGZIP=${GZIP_EXECUTABLE}
              -DPROGRAM=$<TARGET_FILE:pneumoplan> -DCOMMAND=${command_word} -DPAGE=${page}
              -DVERSION=${PROJECT_VERSION} -DFOLDER=${man_folder} -P "${PROJECT_SOURCE_DIR}/cmake/PneumoManPage.cmake"
      DEPENDS pneumoplan "${PROJECT_SOURCE_DIR}/cmake/PneumoManPage.cmake"
      COMMENT "Manual page ${page}.1 (help2man)"
      VERBATIM)
    list(APPEND man_pages "${man_folder}/${page}.1.gz")
  endforeach()
  add_custom_target(man_pages ALL DEPENDS ${man_pages})
  install(FILES ${man_pages} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
elseif(PNEUMO_REQUIRE_MAN_PAGES AND NOT PNEUMO_SANITIZE)
  message(FATAL_ERROR "PNEUMO_REQUIRE_MAN_PAGES is on but help2man is missing (apt-get install help2man)")
else()
  set(PNEUMO_MAN_PAGES OFF CACHE INTERNAL "manual pages are made")
  message(STATUS "help2man not found: no manual pages (apt-get install help2man, or tools/install_dependencies.sh)")
endif()

# The Debian package (Debian 12): the same files under /usr; shared-library dependencies from dpkg-shlibdeps,
# gnuplot for the figures. `cpack -G DEB` in the build folder, after the build: cpack packs what was built
# (it does not make every target again first).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)
set(CPACK_PACKAGE_NAME "pneumoplan")
set(CPACK_PACKAGE_VENDOR "pneumoplan")
set(CPACK_PACKAGE_CONTACT "pneumoplan maintainers <pneumoplan@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "gnuplot-nox | gnuplot")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, fontconfig, hdf5-tools, openmpi-bin")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "slurm-client, python3-h5py")
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "Simulates the dust-exposed workers of a Chinese prefecture-level city, county by county and replicate by\n"
  "replicate, and writes self-describing HDF5 results; scores plan indicators, compares policy packages,\n"
  "places rehabilitation stations and runs parameter sweeps on threads, MPI or Slurm. Five city scenario\n"
  "packs ship in /usr/share/pneumoplan/scenarios.")
include(CPack)
