# Builds with run-time checkers (docs/reliability.md):
#   -DPNEUMO_SANITIZE=address,undefined  AddressSanitizer + UndefinedBehaviorSanitizer (CI runs the suite so)
#   -DPNEUMO_SANITIZE=thread             ThreadSanitizer (oneTBB needs tests/tsan.supp, see below)
#   -DPNEUMO_BUILD_FUZZERS=ON            libFuzzer harnesses under tests/fuzz (clang only)
# Every target of the project is instrumented; the Debian libraries it links (oneTBB, HDF5, Boost) are not.

set(PNEUMO_SANITIZE "" CACHE STRING "Sanitizers to build with: address,undefined or thread (empty: none)")
option(PNEUMO_BUILD_FUZZERS "Build the libFuzzer harnesses of tests/fuzz (needs clang)" OFF)

if(PNEUMO_SANITIZE)
  string(REPLACE "," ";" pneumo_sanitizers "${PNEUMO_SANITIZE}")
  foreach(sanitizer IN LISTS pneumo_sanitizers)
    if(NOT sanitizer MATCHES "^(address|undefined|thread)$")
      message(FATAL_ERROR "PNEUMO_SANITIZE: unknown sanitizer '${sanitizer}'; expected address, undefined or thread")
    endif()
  endforeach()
  if("thread" IN_LIST pneumo_sanitizers AND "address" IN_LIST pneumo_sanitizers)
    message(FATAL_ERROR "PNEUMO_SANITIZE: thread cannot be combined with address")
  endif()
  # Frame pointers give readable stacks; an undefined-behaviour report stops the program (it is a bug, not
  # a warning), so a test that triggers one fails.
  add_compile_options(-fsanitize=${PNEUMO_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${PNEUMO_SANITIZE})
endif()

if(PNEUMO_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PNEUMO_BUILD_FUZZERS needs clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14)")
  endif()
  # Coverage feedback for libFuzzer in everything; only the harnesses link the fuzzer's main().
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
