// A text input read whole and split into lines, the common ground of the INI and CSV readers.
// A UTF-8 byte-order mark is skipped and Windows line endings are accepted; bytes that are not valid
// UTF-8 (a table saved as GBK, say) or NUL bytes are refused with the line they sit on.
#pragma once

#include <string>
#include <vector>

namespace pneumo {

struct TextFile {
  std::string path;                // as the user gave it, for messages
  std::vector<std::string> lines;  // without line terminators; lines[0] is line 1
  std::string contents;            // normalised text (no BOM, '\n' endings), for provenance
};

// Reads `path`; throws InputError when the file is missing, unreadable (stating why), not UTF-8 (UTF-16 and
// UTF-32 are named) or contains NUL.
TextFile read_text_file(const std::string& path);

// Whether an optional input exists. Absent (nothing at all under that name): false. Present: true. Anything
// else — a loop of symbolic links, a link to nothing, a path through a file — throws InputError stating it.
bool input_file_present(const std::string& path);

// Why `path` cannot be read as a file ("it is missing", "it is a loop of symbolic links", "it is a folder",
// ...), or "" when it can.
std::string why_not_readable(const std::string& path);

// Same checks on text already in memory (used by tests and fuzzers).
TextFile parse_text(const std::string& path, const std::string& bytes);

}  // namespace pneumo
