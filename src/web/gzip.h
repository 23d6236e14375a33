#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace apertura::web {

// gzip-compresses `data`; nullopt if zlib fails (the caller sends it plain).
std::optional<std::string> gzip_compress(std::string_view data);
// True for content types worth compressing (text, JSON, JavaScript, SVG).
bool is_compressible(std::string_view content_type);
// True when an Accept-Encoding header value allows gzip.
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace apertura::web
