// What an interrupted process must remove: every temporary file and staging folder it is writing, and the
// output folders it created that are still empty. The writers register them here (AtomicOutput, OutputSet);
// the command-line tool removes them when SIGINT or SIGTERM arrives, before it exits (tools/interrupts.cpp).
// Moving finished outputs into place holds the commit lock, so an interruption waits until a set of outputs
// is completely the old one or completely the new one and never removes a committed set's journal.
#pragma once

#include <mutex>
#include <string>

namespace pneumo {

enum class TemporaryKind {
  File,         // a temporary file: removed
  Tree,         // a staging folder: removed with everything in it
  EmptyFolder,  // a folder this process created for its outputs: removed only if still empty
};

void register_temporary(const std::string& path, TemporaryKind kind);
void unregister_temporary(const std::string& path);

// Held while finished outputs are moved into place (AtomicOutput::commit, OutputSet::commit).
std::unique_lock<std::recursive_mutex> hold_commit_lock();

// Waits for a commit in progress, then removes every registered temporary (newest first). Called on an
// interruption, from a normal thread (not a signal handler); the process exits right after.
void remove_registered_temporaries();

}  // namespace pneumo
