// The pneumoplan executable: parses the subcommand and hands over to it. Exit codes: 0 success,
// 1 the run failed (I/O, internal error), 2 bad input or bad command line (nothing written).
#include <csignal>
#include <filesystem>
#include <iostream>
#include <new>
#include <string>
#include <system_error>
#include <vector>

#include "command_line.hpp"
#include "interrupts.hpp"
#include "pneumoplan/core/available_memory.hpp"
#include "shipped_data.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/interrupt_cleanup.hpp"
#include "pneumoplan/core/version.hpp"
#include "pneumoplan/model/memory_estimate.hpp"

namespace {

void print_usage(std::ostream& out) {
  out << "pneumoplan " << pneumo::kProgramVersion
      << " - simulation and policy planning for occupational pneumoconiosis\n\n"
         "Usage: pneumoplan COMMAND [OPTIONS]\n\n"
         "Commands:\n"
         "  run DIR            simulate a city scenario and write an HDF5 results file\n"
         "  cohort FILE        simulate a closed cohort and write its exposure-response life table\n"
         "  survival FILE      survival of diagnosed patients by stage at diagnosis (or --patients DIR)\n"
         "  scorecard FILE     score a results file against the city's plan targets\n"
         "  compare DIR        run policy packages on common random numbers and compare them\n"
         "  target DIR         smallest intensity of an intervention that meets a target\n"
         "  sweep SPEC         run a parameter sweep (threads, mpirun or Slurm array shards), resumable\n"
         "  merge SHARD...     join the shards of a sweep\n"
         "  sensitivity F      Sobol indices or Morris effects of a sweep's output\n"
         "  calibrate F        fit swept parameters to observed counts (synthetic likelihood)\n"
         "  stations FILE...   compare rehabilitation station layouts of results files\n"
         "  plot FILE          draw the figures of a results, comparison or sweep file (gnuplot; PNG, SVG or PDF)\n"
         "  report FILE        write a Markdown and HTML report of a results, comparison or sweep file, with its figures\n"
         "  params             list every scenario parameter with its default, unit and source\n"
         "  locate             solve an OR-Library p-median instance (station-location solver check)\n"
         "  help COMMAND       the options of a command (the same as 'pneumoplan COMMAND --help')\n\n"
         "Options:\n"
         "  --help             this list\n"
         "  --version          the version and the commit it was built from\n"
         "  --data-dir         the folder of the shipped scenario packs (found by name from any folder:\n"
         "                     'pneumoplan run xuzhou')\n\n"
         "Exit codes: 0 success, 1 run failed, 2 bad input or command line (no output written).\n";
}

using Command = int (*)(const std::vector<std::string>&);

struct NamedCommand {
  const char* name;
  Command run;
};

constexpr NamedCommand kCommands[] = {
    {"run", pneumo::cli::run_command},
    {"params", pneumo::cli::params_command},
    {"cohort", pneumo::cli::cohort_command},
    {"survival", pneumo::cli::survival_command},
    {"scorecard", pneumo::cli::scorecard_command},
    {"stations", pneumo::cli::stations_command},
    {"compare", pneumo::cli::compare_command},
    {"target", pneumo::cli::target_command},
    {"sweep", pneumo::cli::sweep_command},
    {"merge", pneumo::cli::merge_command},
    {"sensitivity", pneumo::cli::sensitivity_command},
    {"calibrate", pneumo::cli::calibrate_command},
    {"locate", pneumo::cli::locate_command},
    {"plot", pneumo::cli::plot_command},
    {"report", pneumo::cli::report_command},
};

Command find_command(const std::string& name) {
  for (const auto& c : kCommands) {
    if (name == c.name) return c.run;
  }
  return nullptr;
}

// What is left now, for messages about memory: " (820 KiB left under ulimit -v)".
std::string memory_now() {
  const auto available = pneumo::available_memory();
  if (!available) return "";
  return " (" + pneumo::format_bytes(static_cast<double>(available->bytes)) + " left: " + available->source + ")";
}

// Runs the command; every failure ends in one message and its exit code (0 success, 1 the run failed,
// 2 bad input or command line), with the temporaries and empty output folders of the failed work removed.
int run_guarded(const std::string& command, Command run, const std::vector<std::string>& args) {
  try {
    return run(args);
  } catch (const pneumo::InputError& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 2;
  } catch (const pneumo::UsageError& error) {
    std::cerr << "pneumoplan " << command << ": " << error.what() << "\n(see 'pneumoplan help " << command << "')\n";
    return 2;
  } catch (const boost::program_options::error& error) {
    std::cerr << "pneumoplan " << command << ": " << error.what() << "\n(see 'pneumoplan help " << command << "')\n";
    return 2;
  } catch (const pneumo::IoError& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  } catch (const std::bad_alloc&) {
    // Past the estimate's checks (a limit lowered meanwhile, other programs taking memory, or a solver's own
    // needs): one clear line instead of an abort.
    std::cerr << "error: out of memory: the command needed more memory than it could get" << memory_now()
              << "; use fewer --threads or --replicates, or a machine with more memory\n";
    return 1;
  } catch (const std::filesystem::filesystem_error& error) {
    std::cerr << "error: " << error.path1().string() << ": " << error.code().message() << "\n";
    return 1;
  } catch (const std::system_error& error) {
    // A thread that cannot be started: memory for its stack, or a limit on processes.
    std::cerr << "error: cannot start a thread (" << error.what() << ")" << memory_now()
              << "; use fewer --threads, or raise the limit (ulimit -v, ulimit -u)\n";
    return 1;
  } catch (const std::exception& error) {
    const std::string what = error.what();
    if (what.find("pthread_create") != std::string::npos) {  // oneTBB's own report of the same
      std::cerr << "error: cannot start a thread (" << what << ")" << memory_now()
                << "; use fewer --threads, or raise the limit (ulimit -v, ulimit -u)\n";
      return 1;
    }
    std::cerr << "internal error: " << what << "\n";
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file-size limit (ulimit -f, a quota) a write should fail with EFBIG and be reported like a full
  // disk, not kill the program by SIGXFSZ with a half-written temporary left behind.
  std::signal(SIGXFSZ, SIG_IGN);
  pneumo::cli::install_interrupt_handling();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {  // a command is required: bad command line
    print_usage(std::cerr);
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h" || (args[0] == "help" && args.size() == 1)) {
    print_usage(std::cout);
    return 0;
  }
  if (args[0] == "--version") {
    std::cout << "pneumoplan " << pneumo::kProgramVersion << " (" << pneumo::kGitCommit << ")\n";
    return 0;
  }
  if (args[0] == "--data-dir") {
    const auto folder = pneumo::cli::shipped_data_folder();
    if (!folder) {
      std::cerr << "pneumoplan: no shipped scenario packs found (looked in " << pneumo::cli::shipped_data_candidates()
                << ")\n";
      return 1;
    }
    std::cout << *folder << "\n";
    return 0;
  }
  // 'pneumoplan help COMMAND' is 'pneumoplan COMMAND --help'.
  if (args[0] == "help") {
    if (args.size() > 2) {
      std::cerr << "pneumoplan help: expected one command, e.g. 'pneumoplan help run'\n";
      return 2;
    }
    args = {args[1], "--help"};
  }
  const std::string command = args[0];
  args.erase(args.begin());
  const Command run = find_command(command);
  if (!run) {
    std::cerr << "pneumoplan: unknown command '" << command << "'\n\n";
    print_usage(std::cerr);
    return 2;
  }
  const int code = run_guarded(command, run, args);
  if (code != 0) pneumo::remove_registered_temporaries();  // folders created for outputs that never came
  return code;
}
