// Every file a command reads and writes, checked before it does any work. An output is refused (UsageError,
// exit code 2, naming both paths) when it is one of the command's inputs — the same file by device and inode,
// however it is reached (a symbolic or hard link, "./", "..") —, when it is a folder, a device, a FIFO or a
// socket, when it is empty or ends in '/', or when two outputs of the command are the same file. Output
// folders (plot, report, compare) are refused when they exist and are not folders. So no command can write
// over its own input or over a device (docs/reliability.md).
#pragma once

#include <string>
#include <vector>

namespace pneumo {

class CommandPaths {
 public:
  // `what` describes the path in messages: "the scenario's counties.csv", "shard file".
  // Inputs that do not exist are skipped here: their reader reports them.
  void input(const std::string& path, const std::string& what);
  // Every file of `names` in `folder` (a scenario folder's tables), as inputs.
  void inputs_in_folder(const std::string& folder, const std::vector<std::string>& names, const std::string& what);
  // `option` names where the path came from ("--out"), or "" for a default path.
  void output(const std::string& path, const std::string& option);
  void output_folder(const std::string& path, const std::string& option);

  // Throws UsageError for the first problem found.
  void check() const;

 private:
  struct Input {
    std::string path, what;
  };
  struct Output {
    std::string path, option;
    bool folder = false;
  };
  std::vector<Input> inputs_;
  std::vector<Output> outputs_;
};

}  // namespace pneumo
