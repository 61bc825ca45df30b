#include "interrupts.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <thread>

#include "pneumoplan/core/interrupt_cleanup.hpp"

namespace pneumo::cli {
namespace {

int signal_pipe[2] = {-1, -1};

extern "C" void on_signal(int number) {
  const int saved = errno;
  const unsigned char byte = static_cast<unsigned char>(number);
  [[maybe_unused]] const ssize_t written = ::write(signal_pipe[1], &byte, 1);  // async-signal-safe
  errno = saved;
}

[[noreturn]] void wait_for_signal() {
  unsigned char number = 0;
  while (::read(signal_pipe[0], &number, 1) != 1) {
  }
  remove_registered_temporaries();
  const char* name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : number == SIGHUP ? "SIGHUP" : "a signal";
  char line[160];
  // A progress line may be on the terminal: the message starts on a line of its own.
  const int length = std::snprintf(line, sizeof line, "%spneumoplan: interrupted by %s; temporary files removed, "
                                                      "earlier outputs left as they were\n",
                                   ::isatty(STDERR_FILENO) ? "\n" : "", name);
  if (length > 0) {
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, line, static_cast<std::size_t>(length));
  }
  ::_exit(128 + number);
}

}  // namespace

void install_interrupt_handling() {
  if (::pipe2(signal_pipe, O_CLOEXEC) != 0) return;  // then signals keep their default action
  std::thread(wait_for_signal).detach();
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (const int number : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction previous {};
    // A command started with SIGHUP ignored (nohup) keeps ignoring it.
    if (number == SIGHUP && ::sigaction(number, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
    ::sigaction(number, &action, nullptr);
  }
}

}  // namespace pneumo::cli
