// The pneumoplan executable: parses the subcommand and hands over to it. Exit codes: 0 success,
// 1 the run failed (I/O, internal error), 2 bad input or bad command line (nothing written).
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "command_line.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/version.hpp"

namespace {

void print_usage(std::ostream& out) {
  out << "pneumoplan " << pneumo::kProgramVersion
      << " — simulation and policy planning for occupational pneumoconiosis\n\n"
         "Usage: pneumoplan COMMAND [OPTIONS]\n\n"
         "Commands:\n"
         "  run DIR        simulate a city scenario and write an HDF5 results file\n"
         "  cohort FILE    simulate a closed cohort and write its exposure-response life table\n"
         "  scorecard FILE score a results file against the city's plan targets\n"
         "  compare DIR    run policy packages on common random numbers and compare them\n"
         "  target DIR     smallest intensity of an intervention that meets a target\n"
         "  sweep SPEC     run a parameter sweep (threads, mpirun or Slurm array shards), resumable\n"
         "  merge SHARD... join the shards of a sweep\n"
         "  sensitivity F  Sobol indices or Morris effects of a sweep's output\n"
         "  calibrate F    fit swept parameters to observed counts (synthetic likelihood)\n"
         "  stations FILE...  compare rehabilitation station layouts of results files\n"
         "  plot FILE      draw the figures of a results or comparison file (gnuplot; PNG, SVG or PDF)\n"
         "  report FILE    write a Markdown and HTML report of a results or comparison file, with its figures\n"
         "  params         list every scenario parameter with its default, unit and source\n"
         "  locate         solve an OR-Library p-median instance (station-location solver check)\n\n"
         "Run 'pneumoplan COMMAND --help' for the options of a command.\n"
         "Exit codes: 0 success, 1 run failed, 2 bad input or command line (no output written).\n";
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file-size limit (ulimit -f, a quota) a write should fail with EFBIG and be reported like a full
  // disk, not kill the program by SIGXFSZ with a half-written temporary left behind.
  std::signal(SIGXFSZ, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_usage(std::cout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "pneumoplan " << pneumo::kProgramVersion << " (" << pneumo::kGitCommit << ")\n";
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "run") return pneumo::cli::run_command(args);
    if (command == "params") return pneumo::cli::params_command(args);
    if (command == "cohort") return pneumo::cli::cohort_command(args);
    if (command == "scorecard") return pneumo::cli::scorecard_command(args);
    if (command == "stations") return pneumo::cli::stations_command(args);
    if (command == "compare") return pneumo::cli::compare_command(args);
    if (command == "target") return pneumo::cli::target_command(args);
    if (command == "sweep") return pneumo::cli::sweep_command(args);
    if (command == "merge") return pneumo::cli::merge_command(args);
    if (command == "sensitivity") return pneumo::cli::sensitivity_command(args);
    if (command == "calibrate") return pneumo::cli::calibrate_command(args);
    if (command == "locate") return pneumo::cli::locate_command(args);
    if (command == "plot") return pneumo::cli::plot_command(args);
    if (command == "report") return pneumo::cli::report_command(args);
    std::cerr << "pneumoplan: unknown command '" << command << "'\n\n";
    print_usage(std::cerr);
    return 2;
  } catch (const pneumo::InputError& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 2;
  } catch (const pneumo::UsageError& error) {
    std::cerr << "pneumoplan " << command << ": " << error.what() << "\n(see 'pneumoplan " << command << " --help')\n";
    return 2;
  } catch (const boost::program_options::error& error) {
    std::cerr << "pneumoplan " << command << ": " << error.what() << "\n(see 'pneumoplan " << command << " --help')\n";
    return 2;
  } catch (const pneumo::IoError& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "internal error: " << error.what() << "\n";
    return 1;
  }
}
