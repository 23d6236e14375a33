#pragma once
// A plain PDF of text: a title and paragraphs in Helvetica (WinAnsi), wrapped
// to the page and continued on as many Letter pages as they need. For
// documents people print or keep: a filing receipt, the demo's evidence.
// Characters outside Latin-1 print as "?".
#include <string>
#include <vector>

namespace apertura {

// An empty paragraph is a blank line.
std::string text_pdf(const std::string& title, const std::vector<std::string>& paragraphs);

}  // namespace apertura
