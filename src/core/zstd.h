#pragma once
// zstd frames: fast enough to sit on an import's path (hundreds of MB/s on
// one core) and about a sixth of the size for OCDS JSON.
#include <stdexcept>
#include <string>
#include <string_view>

namespace apertura {

class CompressionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One frame holding `text`; each thread keeps its own context.
std::string zstd_compress(std::string_view text);
// The bytes of one frame; throws CompressionError for anything else.
std::string zstd_decompress(std::string_view frame);

}  // namespace apertura
