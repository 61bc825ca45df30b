#include "pneumoplan/core/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "pneumoplan/core/error.hpp"

namespace pneumo {
namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 when it is not valid UTF-8.
std::size_t utf8_sequence_length(const std::string& s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned min_code = 0;
  unsigned code = 0;
  if ((c & 0xE0) == 0xC0) { n = 2; code = c & 0x1F; min_code = 0x80; }
  else if ((c & 0xF0) == 0xE0) { n = 3; code = c & 0x0F; min_code = 0x800; }
  else if ((c & 0xF8) == 0xF0) { n = 4; code = c & 0x07; min_code = 0x10000; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

TextFile parse_text(const std::string& path, const std::string& bytes) {
  TextFile file;
  file.path = path;
  std::size_t start = 0;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  // UTF-32 first: its little-endian byte-order mark starts like UTF-16's.
  if (bytes.size() >= 4 && (bytes.compare(0, 4, std::string("\xFF\xFE\0\0", 4)) == 0 ||
                            bytes.compare(0, 4, std::string("\0\0\xFE\xFF", 4)) == 0)) {
    throw InputError(path, 1, "expected UTF-8 text, found UTF-32 (save the file as UTF-8)");
  }
  // Excel's "Unicode text" and Notepad's "Unicode" are UTF-16, with a byte-order mark saying so.
  if (bytes.size() >= 2 && (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0)) {
    throw InputError(path, 1, "expected UTF-8 text, found UTF-16 (save the file as UTF-8)");
  }

  std::string current;
  long line_number = 1;
  for (std::size_t i = start; i < bytes.size();) {
    const char c = bytes[i];
    if (c == '\0') throw InputError(path, line_number, "expected text, found a NUL byte (is this a binary file?)");
    if (c == '\r') {
      // "\r\n" is a Windows line ending; a lone "\r" is an old Mac ending: both end the line.
      file.lines.push_back(current);
      current.clear();
      ++line_number;
      i += (i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c == '\n') {
      file.lines.push_back(current);
      current.clear();
      ++line_number;
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(bytes, i);
    if (n == 0) {
      throw InputError(path, line_number,
                       "expected UTF-8 text, found an invalid byte sequence (save the file as UTF-8, not GBK)");
    }
    current.append(bytes, i, n);
    i += n;
  }
  if (!current.empty()) file.lines.push_back(current);

  std::ostringstream normalised;
  for (const auto& line : file.lines) normalised << line << '\n';
  file.contents = normalised.str();
  return file;
}

std::string why_not_readable(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    const int err = errno;
    if (err == ENOENT) {
      struct stat link {};
      if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) return "it is a symbolic link to nothing";
      return "it is missing";
    }
    if (err == ELOOP) return "it is a loop of symbolic links";
    if (err == ENOTDIR) return "it is missing (a part of its path is a file, not a folder)";
    return "it cannot be read (" + std::string(std::strerror(err)) + ")";
  }
  if (S_ISDIR(info.st_mode)) return "it is a folder";
  if (S_ISFIFO(info.st_mode)) return "it is a FIFO (named pipe)";
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) return "it is a device";
  if (S_ISSOCK(info.st_mode)) return "it is a socket";
  if (::access(path.c_str(), R_OK) != 0) return "it cannot be read (" + std::string(std::strerror(errno)) + ")";
  return "";
}

bool input_file_present(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) return true;
  const int err = errno;
  struct stat link {};
  if (err == ENOENT && ::lstat(path.c_str(), &link) != 0) return false;  // absent, and no dangling link either
  throw InputError(path, 0, "expected a readable file; " + why_not_readable(path));
}

TextFile read_text_file(const std::string& path) {
  if (const std::string why = why_not_readable(path); !why.empty()) {
    throw InputError(path, 0, "expected a readable file; " + why);
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw InputError(path, 0, "expected a readable file; it cannot be read (" + std::string(std::strerror(errno)) + ")");
  }
  // A failing disk is not bad input: the read error is an I/O failure (exit code 1), with its cause.
  std::string bytes;
  char block[65536];
  while (true) {
    const ssize_t got = ::read(fd, block, sizeof block);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      throw IoError("cannot read " + path + ": " + std::strerror(err));
    }
    bytes.append(block, static_cast<std::size_t>(got));
  }
  ::close(fd);
  return parse_text(path, bytes);
}

}  // namespace pneumo
