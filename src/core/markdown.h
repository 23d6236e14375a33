#pragma once
// Markdown (GitHub flavour) to HTML for text that officials write, such as
// session minutes. Raw HTML and javascript: links are removed, so the result
// can be inserted into a page as is.
#include <string>
#include <string_view>

namespace apertura {

std::string markdown_to_safe_html(std::string_view markdown);

// The text without its marks, on one line, for excerpts: "# A\n**b** [c](d)" -> "A b c".
std::string markdown_as_plain_text(const std::string& markdown);

}  // namespace apertura
