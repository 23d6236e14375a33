#include "core/zstd.h"

#include <memory>

#include <zstd.h>

namespace apertura {

namespace {
// Level 1: an import compresses every release on its way to the disk, so
// speed matters more than the last few percent of size.
constexpr int kLevel = 1;

struct CompressContext {
  std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> context{ZSTD_createCCtx(), ZSTD_freeCCtx};
};
struct DecompressContext {
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> context{ZSTD_createDCtx(), ZSTD_freeDCtx};
};
}  // namespace

std::string zstd_compress(std::string_view text) {
  thread_local CompressContext local;
  std::string frame(ZSTD_compressBound(text.size()), '\0');
  size_t size = ZSTD_compressCCtx(local.context.get(), frame.data(), frame.size(), text.data(), text.size(), kLevel);
  if (ZSTD_isError(size)) throw CompressionError(std::string("zstd: ") + ZSTD_getErrorName(size));
  frame.resize(size);
  return frame;
}

std::string zstd_decompress(std::string_view frame) {
  thread_local DecompressContext local;
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    throw CompressionError("not a zstd frame with its size");
  }
  std::string text(size, '\0');
  size_t written = ZSTD_decompressDCtx(local.context.get(), text.data(), text.size(), frame.data(), frame.size());
  if (ZSTD_isError(written) || written != size) {
    throw CompressionError(std::string("damaged zstd frame: ") +
                           (ZSTD_isError(written) ? ZSTD_getErrorName(written) : "short"));
  }
  return text;
}

}  // namespace apertura
