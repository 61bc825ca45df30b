# One manual page from the program's --help (cmake -P): help2man runs a small wrapper that puts COMMAND before
# the options, so 'pneumoplan-run --help' is 'pneumoplan run --help'; then gzip -n (no name or time stamp, so
# the same program gives the same page).
set(wrapper "${FOLDER}/${PAGE}")
if(COMMAND)
  file(WRITE "${wrapper}" "#!/bin/sh\nexec \"${PROGRAM}\" ${COMMAND} \"$@\"\n")
  set(name "pneumoplan ${COMMAND}")
else()
  file(WRITE "${wrapper}" "#!/bin/sh\nexec \"${PROGRAM}\" \"$@\"\n")
  set(name "simulation and policy planning for occupational pneumoconiosis")
endif()
file(CHMOD "${wrapper}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
if(COMMAND)
  # The command's line in 'pneumoplan --help' ("  run DIR        simulate a city scenario and ...") names it.
  execute_process(COMMAND "${PROGRAM}" --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
  string(REGEX MATCH "\n  ${COMMAND}[^\n]*" line "${help}")
  string(REGEX REPLACE "^\n  ${COMMAND}( [A-Z.]+)* +" "" name "${line}")
  if(name STREQUAL "")
    message(FATAL_ERROR "'pneumoplan --help' does not list the command ${COMMAND}")
  endif()
endif()
execute_process(
  COMMAND "${HELP2MAN}" --no-info --no-discard-stderr "--version-string=${VERSION}" "--name=${name}"
          --section=1 "--output=${FOLDER}/${PAGE}.1" "${wrapper}"
  RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "help2man failed for ${PAGE}: ${errors}")
endif()
file(REMOVE "${wrapper}")
if(GZIP)
  execute_process(COMMAND "${GZIP}" -n -9 -f "${FOLDER}/${PAGE}.1" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gzip failed for ${PAGE}.1")
  endif()
else()
  message(FATAL_ERROR "gzip is needed for the manual pages")
endif()
