#include "sweep_files.hpp"

#include "file_edits.hpp"
#include "fuzz_scratch_scenario.hpp"
#include "pneumoplan/research/sweep_file.hpp"
#include "pneumoplan/research/sweep_journal.hpp"
#include "pneumoplan/research/sweep_point.hpp"
#include "pneumoplan/research/sweep_spec.hpp"

namespace pneumo::fuzz {

const SweepFiles& sweep_files() {
  static const SweepFiles files = [] {
    SweepFiles f;
    const ScratchFile spec_file("sweep.ini");
    spec_file.write(std::string("[sweep]\nscenario = ") + PNEUMO_FUZZ_SCENARIO_DIR +
                    "\ndesign = lhs\npoints = 4\nreplicates = 1\nend_year = 2022\nset = simulation.start_year=2016\n"
                    "outputs = new_diagnoses, new_cases_true\n"
                    "[parameter.attendance]\nkey = surveillance.attendance\nmin = 0.3\nmax = 1.0\n");
    const SweepSpec spec = read_sweep_spec(spec_file.path());
    const SweepPlan plan = plan_sweep(spec);
    const Scenario base = load_sweep_base(spec);
    const SweepContext context = sweep_context(spec, plan, base);
    f.fingerprint = sweep_fingerprint(spec, base);
    SweepData whole = start_sweep_data(spec, plan, context, base, f.fingerprint);
    SweepData shard0 = whole, shard1 = whole;
    shard0.shard = "0/2";
    shard1.shard = "1/2";
    for (std::size_t n = 0; n < plan.points; ++n) {
      const PointResult r = evaluate_point(context, n);
      add_point(whole, r);
      add_point(n % 2 == 0 ? shard0 : shard1, r);
      if (n == 1) f.record = encode_journal_record(f.fingerprint, r);
    }
    f.whole = bytes_written_by([&](const std::string& path) { write_sweep_file(path, whole); });
    f.shard0 = bytes_written_by([&](const std::string& path) { write_sweep_file(path, shard0); });
    f.shard1 = bytes_written_by([&](const std::string& path) { write_sweep_file(path, shard1); });
    return f;
  }();
  return files;
}

}  // namespace pneumo::fuzz
