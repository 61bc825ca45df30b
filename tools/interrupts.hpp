// SIGINT, SIGTERM and SIGHUP end pneumoplan cleanly: the temporaries it is writing are removed, a set of
// outputs being moved into place is finished first (interrupt_cleanup.hpp), and it exits with 128 + the
// signal number (130, 143, 129) and one line on stderr. The signal handler only writes the signal's number
// to a pipe; a thread waiting on the pipe does the work, outside the handler.
#pragma once

namespace pneumo::cli {

void install_interrupt_handling();

}  // namespace pneumo::cli
