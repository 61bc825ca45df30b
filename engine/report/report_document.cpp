#include "pneumoplan/report/report_document.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pneumo {
namespace {

std::string html_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Escaped text with `code` spans turned into <code>.
std::string html_text(const std::string& text) {
  std::string out;
  bool in_code = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '`') continue;
    out += html_escape(text.substr(start, i - start));
    out += in_code ? "</code>" : "<code>";
    in_code = !in_code;
    start = i + 1;
  }
  out += html_escape(text.substr(start));
  if (in_code) out += "</code>";  // an unmatched backtick: close the span
  return out;
}

std::string markdown_cell(const ReportCell& cell) {
  std::string text;
  for (const char c : cell.text) {
    if (c == '|') text += "\\|";
    else if (c == '\n') text += ' ';
    else text += c;
  }
  return cell.link.empty() ? text : "[" + text + "](" + cell.link + ")";
}

// Relative links to another report's Markdown point to its HTML twin in the HTML page.
std::string html_link(const std::string& link) {
  const bool relative = link.find("://") == std::string::npos;
  if (relative && link.size() > 3 && link.compare(link.size() - 3, 3, ".md") == 0) {
    return link.substr(0, link.size() - 3) + ".html";
  }
  return link;
}

std::string html_cell(const ReportCell& cell) {
  const std::string text = html_text(cell.text);
  return cell.link.empty() ? text : "<a href=\"" + html_escape(html_link(cell.link)) + "\">" + text + "</a>";
}

std::string base64(const std::string& bytes) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (const int shift : {18, 12, 6, 0}) out += kDigits[(v >> shift) & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kDigits[(v >> 18) & 63];
    out += kDigits[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// The figure as a data: URI, or its relative path when it cannot be read.
std::string image_source(const std::string& folder, const std::string& path) {
  const std::filesystem::path file = folder.empty() ? std::filesystem::path(path) : std::filesystem::path(folder) / path;
  std::ifstream in(file, std::ios::binary);
  if (!in) return path;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string ext = file.extension().string();
  const std::string type = ext == ".svg" ? "image/svg+xml" : ext == ".png" ? "image/png" : ext == ".pdf" ? "application/pdf" : "";
  if (type.empty()) return path;
  return "data:" + type + ";base64," + base64(bytes.str());
}

}  // namespace

std::string report_date_text() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && seconds >= 0) now = static_cast<std::time_t>(seconds);
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

std::string code_span(std::string_view text) {
  // Built by appending: GCC 12 warns falsely (-Wrestrict) about "`" + std::string.
  std::string out(1, '`');
  out += text;
  out += '`';
  return out;
}

std::string render_markdown(const ReportDocument& document) {
  std::string out;
  for (const auto& block : document.blocks) {
    if (!out.empty()) out += "\n";
    if (const auto* h = std::get_if<ReportHeading>(&block)) {
      out += std::string(static_cast<std::size_t>(h->level), '#') + " " + h->text + "\n";
    } else if (const auto* p = std::get_if<ReportParagraph>(&block)) {
      out += p->text + "\n";
    } else if (const auto* t = std::get_if<ReportTable>(&block)) {
      out += "|";
      for (const auto& h : t->header) {
        out += ' ';
        out += markdown_cell(ReportCell(h));
        out += " |";
      }
      out += "\n|";
      for (std::size_t i = 0; i < t->header.size(); ++i) out += "---|";
      out += "\n";
      for (const auto& row : t->rows) {
        out += "|";
        for (const auto& cell : row) {
          out += ' ';
          out += markdown_cell(cell);
          out += " |";
        }
        out += "\n";
      }
    } else if (const auto* f = std::get_if<ReportFigure>(&block)) {
      out += "![" + f->caption + "](" + f->path + ")\n";
    } else if (const auto* l = std::get_if<ReportList>(&block)) {
      for (const auto& item : l->items) out += "- " + markdown_cell(item) + "\n";
    }
  }
  return out;
}

std::string render_html(const ReportDocument& document, const std::string& folder) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"" + html_escape(document.language) + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
      html_escape(document.title) +
      "</title>\n<style>\n"
      "body { font-family: \"Noto Sans CJK SC\", \"Noto Sans\", sans-serif; max-width: 1200px; margin: 2em auto; "
      "padding: 0 1em; line-height: 1.5; color: #222; }\n"
      "table { border-collapse: collapse; margin: 1em 0; }\n"
      "th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }\n"
      "th { background: #f3f3f3; }\n"
      "figure { margin: 1.5em 0; }\nfigure img { max-width: 100%; height: auto; border: 1px solid #eee; }\n"
      "figcaption { color: #555; font-size: 0.9em; }\ncode { background: #f5f5f5; padding: 0 0.2em; }\n"
      "</style>\n</head>\n<body>\n";
  for (const auto& block : document.blocks) {
    if (const auto* h = std::get_if<ReportHeading>(&block)) {
      const std::string tag = std::string(1, 'h') + std::to_string(h->level);
      out += "<" + tag + ">" + html_text(h->text) + "</" + tag + ">\n";
    } else if (const auto* p = std::get_if<ReportParagraph>(&block)) {
      out += "<p>" + html_text(p->text) + "</p>\n";
    } else if (const auto* t = std::get_if<ReportTable>(&block)) {
      out += "<table>\n<tr>";
      for (const auto& h : t->header) out += "<th>" + html_text(h) + "</th>";
      out += "</tr>\n";
      for (const auto& row : t->rows) {
        out += "<tr>";
        for (const auto& cell : row) {
          out += cell.background.empty() ? "<td>"
                                         : "<td style=\"background: " + html_escape(cell.background) +
                                               (cell.colour.empty() ? "" : "; color: " + html_escape(cell.colour)) + "\">";
          out += html_cell(cell) + "</td>";
        }
        out += "</tr>\n";
      }
      out += "</table>\n";
    } else if (const auto* f = std::get_if<ReportFigure>(&block)) {
      out += "<figure><img src=\"" + html_escape(image_source(folder, f->path)) + "\" alt=\"" + html_escape(f->caption) +
             "\"><figcaption>" +
             html_text(f->caption) + "</figcaption></figure>\n";
    } else if (const auto* l = std::get_if<ReportList>(&block)) {
      out += "<ul>\n";
      for (const auto& item : l->items) out += "<li>" + html_cell(item) + "</li>\n";
      out += "</ul>\n";
    }
  }
  return out + "</body>\n</html>\n";
}

}  // namespace pneumo
