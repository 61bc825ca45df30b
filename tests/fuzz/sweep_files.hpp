// Sweep files for the harnesses of the sweep reader, merge and the journal: a small Latin hypercube over one
// parameter of the test scenario (4 points, 1 replicate, 2016-2022), run once at start-up by the engine, as
// a whole sweep and as its two shards, with its fingerprint and one journal record.
#pragma once

#include <string>

namespace pneumo::fuzz {

struct SweepFiles {
  std::string whole, shard0, shard1;  // bytes of sealed sweep files
  std::string fingerprint;
  std::string record;                 // a journal record of point 1
};

const SweepFiles& sweep_files();

}  // namespace pneumo::fuzz
