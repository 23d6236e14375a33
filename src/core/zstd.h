#pragma once
// zstd frames: fast enough to sit on an import's path (hundreds of MB/s on
// one core) and about a sixth of the size for OCDS JSON. With a dictionary
// trained on documents of the same kind, small documents (a release is one or
// two kilobytes) compress three times faster and to about a third of that.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace apertura {

class CompressionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A trained zstd dictionary, ready to compress and to decompress with. Its id
// is written into every frame made with it, so a frame says which one it needs.
class ZstdDictionary {
 public:
  // Trains a dictionary of at most `capacity` bytes from sample documents;
  // nullptr when the samples are too few or too small to make one.
  static std::shared_ptr<const ZstdDictionary> train(const std::vector<std::string_view>& samples,
                                                     size_t capacity);
  // A dictionary as `bytes()` gave it; throws CompressionError for anything else.
  static std::shared_ptr<const ZstdDictionary> load(std::string bytes);

  ~ZstdDictionary();
  ZstdDictionary(const ZstdDictionary&) = delete;
  ZstdDictionary& operator=(const ZstdDictionary&) = delete;

  uint32_t id() const { return id_; }
  const std::string& bytes() const { return bytes_; }

 private:
  struct Prepared;
  explicit ZstdDictionary(std::string bytes);
  friend std::string zstd_compress(std::string_view, const ZstdDictionary*);
  friend std::string zstd_decompress(std::string_view, const ZstdDictionary*);

  std::string bytes_;
  uint32_t id_ = 0;
  std::unique_ptr<Prepared> prepared_;
};

// One frame holding `text`; each thread keeps its own context.
std::string zstd_compress(std::string_view text, const ZstdDictionary* dictionary = nullptr);
// The id of the dictionary a frame was made with; 0 for none.
uint32_t zstd_frame_dictionary(std::string_view frame);
// The bytes of one frame, made with `dictionary` when it names one; throws
// CompressionError for anything else (including the wrong dictionary).
std::string zstd_decompress(std::string_view frame, const ZstdDictionary* dictionary = nullptr);

}  // namespace apertura
