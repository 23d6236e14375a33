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

}  // namespace apertura
