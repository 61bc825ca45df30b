// The outputs of one command as a set: a run's results file and its scorecards, a comparison's package files
// and tables, a report with its figures. They are written into a hidden staging folder inside the destination
// folder (".pneumoplan-set-HOST-PID-N/new/..."), flushed to disk, and then moved into place together:
//
//   1. every earlier output the set replaces is hard-linked into the staging folder's old/ (a backup);
//   2. a manifest naming every member, its size and checksum is written and flushed: the commit point;
//   3. the members are renamed into place in a fixed order (sorted paths), and earlier outputs the new set
//      lacks (a stale scorecard) are removed;
//   4. the destination folders are flushed, and the staging folder is removed.
//
// A failure before the commit point leaves the earlier set untouched. A failure after it (an I/O error on a
// rename or on the final flush) moves the earlier outputs back from old/ and reports the error: again the
// earlier set. A process killed after the commit point leaves the staging folder with its manifest; the next
// pneumoplan command that writes into the folder, or reads a file of it (settle_output_sets, called before
// every results, comparison and sweep file is opened), completes the move, so what any command sees is
// always the complete earlier set or the complete new one, never a mix (docs/reliability.md).
#pragma once

#include <string>
#include <vector>

namespace pneumo {

class OutputSet {
 public:
  // Every member lies in `folder` or below it; the folder is created if needed.
  explicit OutputSet(std::string folder);
  ~OutputSet();  // abandons the set (removes the staging folder) unless commit() succeeded
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  const std::string& folder() const { return folder_; }
  // Whether `final_path` lies inside the set's folder, so that it can be a member.
  bool contains(const std::string& final_path) const;
  // Where to write the member whose final path is `final_path`: its place in the staging folder (parent
  // folders created). Throws std::logic_error when `final_path` is not inside the set's folder.
  std::string stage(const std::string& final_path);
  // The same for a folder: every file written below the returned folder becomes a member.
  std::string stage_folder(const std::string& final_folder);
  // An earlier output the new set does not replace (a scorecard of a scenario that now has no targets):
  // removed when the set is committed, so no stale member is left beside the new ones.
  void remove_on_commit(const std::string& final_path);
  // Messages of writers name staging paths; this names the final ones instead.
  std::string final_names(const std::string& message) const;
  // Moves the set into place (above). Throws IoError; the earlier set is then in place.
  void commit();

 private:
  std::string relative(const std::string& final_path) const;
  std::string folder_;       // as given, for messages
  std::string staging_;      // FOLDER/.pneumoplan-set-HOST-PID-N
  std::vector<std::string> removals_;
  bool committed_ = false;
};

// Completes (rolls forward) or discards the staging folders of output sets in `folder` whose writer is gone:
// a committed set (with its manifest) is moved into place, an uncommitted one removed. Waits for a set a live
// process of this machine is committing. Throws IoError naming the folder when a committed set cannot be
// completed (no permission, a damaged manifest). Cheap when there is nothing to settle.
void settle_output_sets(const std::string& folder);

// Test hook: the name prefix of staging folders.
inline constexpr const char* kOutputSetPrefix = ".pneumoplan-set-";

}  // namespace pneumo
