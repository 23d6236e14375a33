// Markdown of session minutes and evidence notes, rendered to HTML that is
// safe to show (no raw HTML, no script links).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string html = apertura::markdown_to_safe_html(std::string_view(reinterpret_cast<const char*>(data), size));
  // What the renderer promises: raw HTML in the input never reaches the page.
  if (html.find("<script") != std::string::npos) std::abort();
  return 0;
}
