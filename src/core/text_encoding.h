#pragma once
// Text files arrive in whatever character set the program that wrote them
// used: spreadsheets in Mexico still export Windows-1252, some UTF-16. This
// names a sample's character set (its byte-order mark, then whether it is
// UTF-8, then uchardet's guess) and converts a stream of such bytes to UTF-8
// chunk by chunk, with glibc's iconv.
#include <cstdint>
#include <iconv.h>
#include <string>
#include <string_view>

namespace apertura {

// The iconv name of the sample's character set: "UTF-8", "UTF-16LE",
// "UTF-16BE", "WINDOWS-1252" or another uchardet names. A sample that is not
// UTF-8 and that uchardet cannot name is taken as Windows-1252, the character
// set spreadsheets in Spanish write. `cut_at_end`: the sample is the start of
// a longer input, so a character cut at its very end does not count.
std::string detect_encoding(std::string_view sample, bool cut_at_end = true);

// Converts bytes in `encoding` to UTF-8, a chunk at a time: a character cut
// between chunks is completed by the next one. A byte-order mark at the very
// start is dropped. Bytes that are not valid in the encoding stop it; error()
// then says which byte, counted from the start of the input.
class Utf8Decoder {
 public:
  // Throws std::invalid_argument when iconv does not know `encoding`.
  explicit Utf8Decoder(const std::string& encoding);
  ~Utf8Decoder();
  Utf8Decoder(const Utf8Decoder&) = delete;
  Utf8Decoder& operator=(const Utf8Decoder&) = delete;

  // Appends the UTF-8 of `chunk` to `out`; false once a byte is invalid (what
  // came before it is appended, nothing after). `last`: no more input follows, so a character
  // left incomplete is an error.
  bool decode(std::string_view chunk, std::string& out, bool last);
  // The offset of the first invalid byte in the whole input; -1 when none.
  int64_t error_offset() const { return error_offset_; }
  const std::string& encoding() const { return encoding_; }

 private:
  std::string encoding_;
  bool utf8_ = false;
  iconv_t cd_ = reinterpret_cast<iconv_t>(-1);
  std::string carry_;       // the start of a character cut by the chunk's end
  int64_t consumed_ = 0;    // bytes of input converted so far
  int64_t error_offset_ = -1;
  bool started_ = false;    // the byte-order mark has been looked for
};

}  // namespace apertura
