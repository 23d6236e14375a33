#pragma once
// The character encoding an OCDS file arrives in. JSON is UTF-8 (RFC 8259
// §8.1), but Mexican publishers still produce Latin-1 and Windows-1252 files:
// those are converted to UTF-8 while reading when the person importing says
// so, and a file that is not UTF-8 is otherwise refused with the likely
// encoding named.
#include <cstdint>
#include <iconv.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace apertura::money {

enum class SourceEncoding { utf8, latin1, windows1252 };

// "utf-8", "latin1" or "windows-1252" (also "UTF8", "ISO-8859-1", "cp1252",
// any case); nullopt for anything else.
std::optional<SourceEncoding> parse_source_encoding(std::string_view name);
// The same, UTF-8 for a name not known (a stored choice, checked when made).
SourceEncoding source_encoding_or_utf8(std::string_view name);
// The name the choice is stored and shown with: "utf-8", "latin1", "windows-1252".
std::string_view encoding_id(SourceEncoding encoding);
// For people: "UTF-8", "Latin-1 (ISO-8859-1)", "Windows-1252".
std::string_view encoding_label(SourceEncoding encoding);
// Every choice, in the order forms offer them.
std::vector<SourceEncoding> source_encodings();

// Converts a single-byte encoding to UTF-8 with glibc's iconv. Each byte is a
// character of its own, so a file can be converted in chunks cut anywhere.
class Recoder {
 public:
  explicit Recoder(SourceEncoding from);
  ~Recoder();
  Recoder(const Recoder&) = delete;
  Recoder& operator=(const Recoder&) = delete;
  // Appends the UTF-8 of `bytes` to `out`; throws std::invalid_argument
  // naming the first byte the encoding does not define (five in Windows-1252).
  void convert(std::string_view bytes, std::string& out);
  // The most UTF-8 bytes `n` source bytes can become.
  static size_t max_growth(size_t n) { return 3 * n; }

 private:
  SourceEncoding from_;
  iconv_t cd_;
};

// Where `text` first stops being UTF-8, when that looks like a file in another
// encoding (UTF-16, or a byte of Latin-1 or Windows-1252 before any character
// beyond ASCII), with the encoding it most likely is in and a sentence that
// says so and how to import it; nullopt otherwise (a bad release of a UTF-8
// file is that release's problem). `cut_at_end`: the text is the start of a longer input, so an
// incomplete character at its very end is not an error.
struct EncodingProblem {
  uint64_t offset = 0;
  uint64_t line = 1;
  std::string message;
};
std::optional<EncodingProblem> find_encoding_problem(std::string_view text, bool cut_at_end);

}  // namespace apertura::money
