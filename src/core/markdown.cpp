#include "core/markdown.h"

#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>

namespace apertura {

std::string markdown_to_safe_html(std::string_view markdown) {
  // cmark-gfm is safe by default: without CMARK_OPT_UNSAFE it drops raw HTML
  // and unsafe link schemes.
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_SMART), &std::free);
  return html ? std::string(html.get()) : std::string();
}

std::string markdown_as_plain_text(const std::string& markdown) {
  std::string out;
  bool line_start = true;
  for (size_t i = 0; i < markdown.size(); ++i) {
    char c = markdown[i];
    if (line_start && (c == '#' || c == '>' || c == ' ')) continue;  // headings and quotes
    line_start = c == '\n';
    if (c == '`' || c == '*' || c == '[') continue;
    if (c == ']' && i + 1 < markdown.size() && markdown[i + 1] == '(') {
      size_t close = markdown.find(')', i);  // a link keeps its text, not its address
      if (close != std::string::npos) {
        i = close;
        continue;
      }
    }
    if (c == ']') continue;
    out.push_back(c == '\n' ? ' ' : c);
  }
  return out;
}

}  // namespace apertura
