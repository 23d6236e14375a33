#include "web/gzip.h"

#include <zlib.h>

#include "core/text.h"

namespace apertura::web {

std::optional<std::string> gzip_compress(std::string_view data) {
  z_stream stream{};
  // 15 window bits + 16 selects the gzip wrapper; level 5 is a good
  // speed/size balance for pages generated per request.
  if (deflateInit2(&stream, 5, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return std::nullopt;
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&stream, Z_FINISH);
  size_t written = stream.total_out;
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) return std::nullopt;
  out.resize(written);
  return out;
}

bool is_compressible(std::string_view content_type) {
  return content_type.rfind("text/", 0) == 0 ||
         content_type.find("json") != std::string_view::npos ||
         content_type.find("javascript") != std::string_view::npos ||
         content_type.find("svg") != std::string_view::npos;
}

bool accepts_gzip(std::string_view accept_encoding) {
  for (const std::string& part : split(accept_encoding, ',')) {
    std::string item = to_lower_ascii(trim(part));
    if (item.rfind("gzip", 0) != 0 && item.rfind("*", 0) != 0) continue;
    return item.find("q=0") == std::string::npos || item.find("q=0.") != std::string::npos;
  }
  return false;
}

}  // namespace apertura::web
