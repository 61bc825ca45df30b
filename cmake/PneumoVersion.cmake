# Configures include/pneumoplan/core/version.hpp with the program version and the git commit the build came
# from, so every results file can say exactly which code produced it.

find_package(Git QUIET)
set(PNEUMO_GIT_COMMIT "unknown")
if(GIT_FOUND AND EXISTS "${CMAKE_SOURCE_DIR}/.git")
  execute_process(
    COMMAND "${GIT_EXECUTABLE}" rev-parse HEAD
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
    OUTPUT_VARIABLE PNEUMO_GIT_COMMIT
    OUTPUT_STRIP_TRAILING_WHITESPACE
    ERROR_QUIET)
  execute_process(
    COMMAND "${GIT_EXECUTABLE}" status --porcelain --untracked-files=no
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
    OUTPUT_VARIABLE PNEUMO_GIT_DIRTY
    OUTPUT_STRIP_TRAILING_WHITESPACE
    ERROR_QUIET)
  if(PNEUMO_GIT_COMMIT STREQUAL "")
    set(PNEUMO_GIT_COMMIT "unknown")
  elseif(NOT PNEUMO_GIT_DIRTY STREQUAL "")
    string(APPEND PNEUMO_GIT_COMMIT "-dirty")
  endif()
endif()

# Re-run configuration when HEAD moves so the commit stays current.
if(EXISTS "${CMAKE_SOURCE_DIR}/.git/HEAD")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/.git/HEAD")
  if(EXISTS "${CMAKE_SOURCE_DIR}/.git/index")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/.git/index")
  endif()
endif()

configure_file(
  "${CMAKE_SOURCE_DIR}/include/pneumoplan/core/version.hpp.in"
  "${CMAKE_BINARY_DIR}/generated/pneumoplan/core/version.hpp"
  @ONLY)
