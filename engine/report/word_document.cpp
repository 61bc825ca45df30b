#include "pneumoplan/report/word_document.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/error.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string find_program_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return "";
  std::stringstream folders(path);
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    if (folder.empty()) continue;
    const std::string candidate = folder + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0 && fs::is_regular_file(candidate)) return candidate;
  }
  return "";
}

void write_docx_with_pandoc(const std::string& pandoc, const std::string& markdown_path, const std::string& docx_path) {
  AtomicOutput output(docx_path);
  const std::string folder = fs::absolute(markdown_path).parent_path().string();
  // Figures are found relative to the report; a pipe table's wide cells wrap in Word.
  const std::string command = shell_quote(pandoc) + " --from=markdown --to=docx --resource-path=" + shell_quote(folder) +
                              " --output=" + shell_quote(output.temporary_path()) + " " + shell_quote(markdown_path) +
                              " 2>&1";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw IoError("cannot run pandoc (" + pandoc + ")");
  std::string messages;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe)) messages += buffer;
  const int status = ::pclose(pipe);
  if (status != 0 || !fs::exists(output.temporary_path()) || fs::file_size(output.temporary_path()) == 0) {
    throw IoError("pandoc could not write " + docx_path + " (exit status " +
                  std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")" +
                  (messages.empty() ? std::string() : ":\n" + messages));
  }
  output.commit();
}

}  // namespace pneumo
