#include "core/zstd.h"

#include <zdict.h>
#include <zstd.h>

namespace apertura {

namespace {
// An import compresses every release on its way to the disk, so speed
// matters more than the last few percent of size. With a dictionary, level 3
// ran as fast as level 1 on releases of one to two kilobytes (about 700 MB/s)
// and wrote 6% less; without one, level 1 was 25% faster for the same size.
constexpr int kLevel = 1;
constexpr int kDictionaryLevel = 3;

struct CompressContext {
  std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> context{ZSTD_createCCtx(), ZSTD_freeCCtx};
};
struct DecompressContext {
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> context{ZSTD_createDCtx(), ZSTD_freeDCtx};
};
}  // namespace

// The dictionary digested once for each direction, as zstd wants it for speed.
struct ZstdDictionary::Prepared {
  std::unique_ptr<ZSTD_CDict, size_t (*)(ZSTD_CDict*)> compress{nullptr, ZSTD_freeCDict};
  std::unique_ptr<ZSTD_DDict, size_t (*)(ZSTD_DDict*)> decompress{nullptr, ZSTD_freeDDict};
};

ZstdDictionary::ZstdDictionary(std::string bytes) : bytes_(std::move(bytes)), prepared_(std::make_unique<Prepared>()) {
  id_ = ZSTD_getDictID_fromDict(bytes_.data(), bytes_.size());
  if (id_ == 0) throw CompressionError("not a zstd dictionary");
  prepared_->compress.reset(ZSTD_createCDict(bytes_.data(), bytes_.size(), kDictionaryLevel));
  prepared_->decompress.reset(ZSTD_createDDict(bytes_.data(), bytes_.size()));
  if (!prepared_->compress || !prepared_->decompress) throw CompressionError("damaged zstd dictionary");
}

ZstdDictionary::~ZstdDictionary() = default;

std::shared_ptr<const ZstdDictionary> ZstdDictionary::train(const std::vector<std::string_view>& samples,
                                                            size_t capacity) {
  std::string joined;
  std::vector<size_t> sizes;
  sizes.reserve(samples.size());
  for (std::string_view sample : samples) {
    joined.append(sample);
    sizes.push_back(sample.size());
  }
  std::string dictionary(capacity, '\0');
  // zstd's default trainer (fastCover): a tenth of a second for a few
  // megabytes of samples.
  size_t size = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                                      static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(size)) return nullptr;
  dictionary.resize(size);
  return std::shared_ptr<const ZstdDictionary>(new ZstdDictionary(std::move(dictionary)));
}

std::shared_ptr<const ZstdDictionary> ZstdDictionary::load(std::string bytes) {
  return std::shared_ptr<const ZstdDictionary>(new ZstdDictionary(std::move(bytes)));
}

std::string zstd_compress(std::string_view text, const ZstdDictionary* dictionary) {
  thread_local CompressContext local;
  std::string frame(ZSTD_compressBound(text.size()), '\0');
  size_t size = dictionary ? ZSTD_compress_usingCDict(local.context.get(), frame.data(), frame.size(), text.data(),
                                                      text.size(), dictionary->prepared_->compress.get())
                           : ZSTD_compressCCtx(local.context.get(), frame.data(), frame.size(), text.data(),
                                               text.size(), kLevel);
  if (ZSTD_isError(size)) throw CompressionError(std::string("zstd: ") + ZSTD_getErrorName(size));
  frame.resize(size);
  return frame;
}

uint32_t zstd_frame_dictionary(std::string_view frame) {
  return ZSTD_getDictID_fromFrame(frame.data(), frame.size());
}

std::string zstd_decompress(std::string_view frame, const ZstdDictionary* dictionary) {
  thread_local DecompressContext local;
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    throw CompressionError("not a zstd frame with its size");
  }
  uint32_t needed = zstd_frame_dictionary(frame);
  if (needed != (dictionary ? dictionary->id() : 0)) {
    throw CompressionError("the zstd frame needs dictionary " + std::to_string(needed) + ", not " +
                           std::to_string(dictionary ? dictionary->id() : 0));
  }
  std::string text(size, '\0');
  size_t written = dictionary ? ZSTD_decompress_usingDDict(local.context.get(), text.data(), text.size(),
                                                           frame.data(), frame.size(),
                                                           dictionary->prepared_->decompress.get())
                              : ZSTD_decompressDCtx(local.context.get(), text.data(), text.size(), frame.data(),
                                                    frame.size());
  if (ZSTD_isError(written) || written != size) {
    throw CompressionError(std::string("damaged zstd frame: ") +
                           (ZSTD_isError(written) ? ZSTD_getErrorName(written) : "short"));
  }
  return text;
}

}  // namespace apertura
