// Form bodies the server parses itself: multipart (boundary from the
// Content-Type, then the parts) and urlencoded fields and query strings. The
// input's first line is the Content-Type, the rest the body.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "web/multipart.h"
#include "web/request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  std::string_view content_type = input.substr(0, newline);
  std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  if (auto boundary = apertura::web::multipart_boundary(content_type)) {
    (void)apertura::web::parse_multipart(body, *boundary);
  }
  apertura::web::FormData::parse(body);
  apertura::web::url_decode(body, false);
  return 0;
}
