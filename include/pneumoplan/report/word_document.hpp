// A Word copy of a report (report.docx), since government reports are written in Word: pandoc (Debian
// package pandoc) converts the report's Markdown, figures included, when it is installed. Without pandoc
// the report has no .docx and says so; nothing else changes.
#pragma once

#include <string>

namespace pneumo {

// The program `name` on PATH, or "" when there is none.
std::string find_program_on_path(const std::string& name);

// Converts `markdown_path` (figures relative to its folder) to `docx_path`, atomically; throws IoError with
// pandoc's message when it fails or writes nothing.
void write_docx_with_pandoc(const std::string& pandoc, const std::string& markdown_path, const std::string& docx_path);

}  // namespace pneumo
