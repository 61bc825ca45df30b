#include "pneumoplan/report/figure_renderer.hpp"

#include <gnuplot-iostream.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/report/figure_file_check.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.pop_back();
  std::size_t start = 0;
  while (start < text.size() && (text[start] == '\n' || text[start] == ' ')) ++start;
  return text.substr(start);
}

// A private folder for gnuplot's messages and exit status, removed afterwards.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (fs::temp_directory_path() / "pneumoplan-gnuplot-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw IoError("cannot create a temporary folder for gnuplot: " + std::string(std::strerror(errno)));
    path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  std::string file(const char* name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// cairo stamps each PDF with the time it was made; the same figure should give the same bytes, so the
// stamp is overwritten in place with a fixed one of the same length (offsets in the PDF stay valid).
void remove_pdf_timestamp(const std::string& path) {
  std::string bytes = read_whole_file(path);
  const std::string key = "/CreationDate (D:";
  const std::size_t at = bytes.find(key);
  if (at == std::string::npos) return;
  const std::size_t digits = at + key.size();
  std::size_t end = digits;
  while (end < bytes.size() && end - digits < 14 && bytes[end] >= '0' && bytes[end] <= '9') ++end;
  if (end - digits != 14) return;  // not the D:YYYYMMDDHHmmSS form cairo writes: leave it
  bytes.replace(digits, 14, "20000101000000");
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out.flush()) throw IoError("cannot write " + path);
}

// Why a file just written in full by another program may be cut off: the file system is full, or the
// file reached this process's file-size limit. "" when neither explains it.
std::string write_failure_cause(const std::string& path) {
  const std::string folder = fs::path(path).parent_path().empty() ? "." : fs::path(path).parent_path().string();
  struct statvfs disk {};
  if (::statvfs(folder.c_str(), &disk) == 0) {
    const double free_bytes = static_cast<double>(disk.f_bavail) * static_cast<double>(disk.f_frsize);
    if (free_bytes < 1024.0 * 1024.0) {
      char text[96];
      std::snprintf(text, sizeof text, "the disk is full (%.0f KiB free)", free_bytes / 1024.0);
      return text;
    }
    if (disk.f_favail == 0 && disk.f_files > 0) return "the file system has no free inodes";
  }
  struct rlimit limit {};
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && !ec &&
      size + 4096 >= static_cast<std::uintmax_t>(limit.rlim_cur)) {
    return "the file-size limit (ulimit -f) of " + std::to_string(limit.rlim_cur) + " bytes was reached";
  }
  return "";
}

void ignore_broken_pipes() {
  // A gnuplot that dies early must give an error message, not kill pneumoplan with SIGPIPE.
  static std::once_flag once;
  std::call_once(once, [] { std::signal(SIGPIPE, SIG_IGN); });
}

}  // namespace

std::string find_gnuplot_on_path() {
  const char* path = std::getenv("PATH");
  if (!path) return "";
  std::stringstream folders(path);
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    if (folder.empty()) continue;
    const std::string candidate = folder + "/gnuplot";
    if (::access(candidate.c_str(), X_OK) == 0 && fs::is_regular_file(candidate)) return candidate;
  }
  return "";
}

FigureRenderer::FigureRenderer() : FigureRenderer(find_gnuplot_on_path()) {}

FigureRenderer::FigureRenderer(std::string gnuplot_program) : gnuplot_(std::move(gnuplot_program)) {
  if (gnuplot_.empty()) {
    throw IoError("gnuplot not found on PATH: figures need it (Debian: apt-get install gnuplot-nox, or run "
                  "tools/install_dependencies.sh)");
  }
  if (::access(gnuplot_.c_str(), X_OK) != 0) throw IoError("cannot run gnuplot at " + gnuplot_);
  ignore_broken_pipes();
}

RenderedFigure FigureRenderer::render(const Figure& figure, FigureFormat format, const std::string& final_path) const {
  RenderedFigure result;
  result.output = std::make_unique<AtomicOutput>(final_path);
  const std::string& temporary = result.output->temporary_path();
  const std::string script = gnuplot_script(figure, format, temporary);

  ScratchDirectory scratch;
  const std::string messages_path = scratch.file("messages"), status_path = scratch.file("status");
  // -d: no start-up file, so a user's ~/.gnuplot cannot change the figures. The shell records the status
  // gnuplot-iostream does not report.
  const std::string command = shell_quote(gnuplot_) + " -d 2>" + shell_quote(messages_path) + "; echo $? >" +
                              shell_quote(status_path);
  bool sent = false;
  {
    Gnuplot gnuplot(command);
    gnuplot << script;
    gnuplot.flush();
    sent = static_cast<bool>(gnuplot);
  }  // closing the pipe waits for gnuplot to finish
  const std::string messages = trim(read_whole_file(messages_path));
  const std::string status_text = trim(read_whole_file(status_path));
  if (status_text != "0") {  // the temporary, if any, goes with result.output
    throw IoError("gnuplot failed on figure " + figure.name + " (exit status " +
                  (status_text.empty() ? std::string("unknown") : status_text) + ")" +
                  (messages.empty() ? std::string() : ":\n" + messages));
  }
  if (!sent) throw IoError("could not send figure " + figure.name + " to gnuplot (" + gnuplot_ + ")");
  result.gnuplot_messages = messages;

  if (!fs::exists(temporary)) {
    throw IoError("gnuplot reported success but wrote no file for figure " + figure.name +
                  (messages.empty() ? std::string() : ":\n" + messages));
  }
  if (format == FigureFormat::Pdf) remove_pdf_timestamp(temporary);
  const std::string what = "figure " + figure.name + " (" + final_path + ")";
  FigureFileInfo info;
  try {
    info = inspect_figure_file(temporary);
  } catch (const IoError& error) {
    // gnuplot does not report a failed write: a cut-off figure is all there is to see. Say why, when the
    // disk or a limit explains it.
    const std::string cause = write_failure_cause(temporary);
    if (cause.empty()) throw;
    throw IoError("cannot write " + what + ": " + cause + " (gnuplot left an incomplete file: " + error.what() + ")");
  }
  if (info.format != format) {
    throw IoError(what + ": gnuplot wrote " + figure_extension(info.format) + ", expected " + figure_extension(format));
  }
  if (std::abs(info.width - figure.width_px) > 0.5 || std::abs(info.height - figure.height_px) > 0.5) {
    std::ostringstream text;
    text << what << ": gnuplot wrote " << info.width << " x " << info.height << ", expected " << figure.width_px << " x "
         << figure.height_px;
    throw IoError(text.str());
  }
  return result;
}

void check_figure_font_installed() {
  const std::string command = "fc-match -f '%{family}' " + shell_quote(std::string(kFigureFont)) + " 2>/dev/null";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  std::string family;
  if (pipe) {
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe)) family += buffer;
    ::pclose(pipe);
  }
  if (family.find("Noto Sans CJK") == std::string::npos) {
    throw IoError("the font " + std::string(kFigureFont) + " is not installed" +
                  (family.empty() ? std::string() : " (fontconfig offers '" + trim(family) + "')") +
                  ": Chinese labels would not render (Debian: apt-get install fonts-noto-cjk, or run "
                  "tools/install_dependencies.sh)");
  }
}

}  // namespace pneumo
