#include "pneumoplan/report/figure_file_check.hpp"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "pneumoplan/core/error.hpp"

namespace pneumo {
namespace {

constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);
// The last chunk of every PNG: length 0, type IEND, its CRC.
constexpr std::string_view kPngEnd("\0\0\0\0IEND\xae\x42\x60\x82", 12);

std::uint32_t big_endian_32(const std::string& bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
  return v;
}

std::string_view trimmed_end(const std::string& bytes) {
  std::size_t end = bytes.size();
  while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
    --end;
  }
  return std::string_view(bytes).substr(0, end);
}

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

FigureFileInfo inspect_png(const std::string& bytes, const std::string& name) {
  // Signature (8), IHDR length (4) = 13, "IHDR" (4), width (4), height (4).
  if (bytes.size() < 8 + 8 + 13 + 4 + kPngEnd.size() || big_endian_32(bytes, 8) != 13 ||
      bytes.compare(12, 4, "IHDR") != 0) {
    throw IoError(name + ": not a valid PNG (no IHDR header after the signature)");
  }
  if (!ends_with(bytes, kPngEnd)) throw IoError(name + ": incomplete PNG (no IEND chunk at the end)");
  FigureFileInfo info{FigureFormat::Png, static_cast<double>(big_endian_32(bytes, 16)),
                      static_cast<double>(big_endian_32(bytes, 20))};
  if (info.width == 0 || info.height == 0) throw IoError(name + ": PNG of zero size");
  return info;
}

FigureFileInfo inspect_svg(const std::string& bytes, const std::string& name) {
  const std::size_t start = bytes.find("<svg");
  const std::size_t close = start == std::string::npos ? start : bytes.find('>', start);
  if (close == std::string::npos) throw IoError(name + ": not a valid SVG (no <svg> root element)");
  if (!ends_with(trimmed_end(bytes), "</svg>")) throw IoError(name + ": incomplete SVG (no </svg> at the end)");
  const std::string element = bytes.substr(start, close - start);
  const auto attribute = [&](const char* key) {
    const std::regex pattern(std::string("\\s") + key + "\\s*=\\s*[\"']([0-9.]+)(px)?[\"']");
    std::smatch match;
    if (!std::regex_search(element, match, pattern)) {
      throw IoError(name + ": SVG root element has no numeric " + key + " attribute");
    }
    return std::strtod(match[1].str().c_str(), nullptr);
  };
  return {FigureFormat::Svg, attribute("width"), attribute("height")};
}

FigureFileInfo inspect_pdf(const std::string& bytes, const std::string& name) {
  if (!ends_with(trimmed_end(bytes), "%%EOF")) throw IoError(name + ": incomplete PDF (no %%EOF at the end)");
  static const std::regex media_box(R"(/MediaBox\s*\[\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s+(-?[0-9.]+)\s+(-?[0-9.]+)\s*\])");
  const std::size_t at = bytes.find("/MediaBox");
  const std::string box = at == std::string::npos ? std::string() : bytes.substr(at, 96);
  std::smatch match;
  if (!std::regex_search(box, match, media_box)) throw IoError(name + ": PDF without a page MediaBox");
  const auto number = [&](int i) { return std::strtod(match[i].str().c_str(), nullptr); };
  return {FigureFormat::Pdf, number(3) - number(1), number(4) - number(2)};
}

}  // namespace

FigureFileInfo inspect_figure_bytes(const std::string& bytes, const std::string& name) {
  if (bytes.empty()) throw IoError(name + ": empty file");
  if (bytes.compare(0, kPngSignature.size(), kPngSignature) == 0) return inspect_png(bytes, name);
  if (bytes.compare(0, 5, "%PDF-") == 0) return inspect_pdf(bytes, name);
  const std::size_t head = bytes.find_first_not_of(" \t\r\n");
  if (head != std::string::npos && bytes[head] == '<' && bytes.find("<svg") != std::string::npos) {
    return inspect_svg(bytes, name);
  }
  throw IoError(name + ": neither PNG, SVG nor PDF");
}

FigureFileInfo inspect_figure_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": figure file missing or unreadable");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return inspect_figure_bytes(buffer.str(), path);
}

}  // namespace pneumo
