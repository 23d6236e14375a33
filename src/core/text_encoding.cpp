#include "core/text_encoding.h"

#include <uchardet.h>

#include <cerrno>
#include <memory>
#include <stdexcept>

#include "core/text.h"

namespace apertura {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

std::string detect_encoding(std::string_view sample, bool cut_at_end) {
  if (sample.substr(0, 3) == kUtf8Bom) return "UTF-8";
  if (sample.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (sample.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  size_t valid = utf8_valid_prefix(sample);
  bool utf8 = valid == sample.size() || (cut_at_end && sample.size() - valid < 4);
  // Text without a byte-order mark whose every other byte is zero is UTF-16.
  size_t zeros_even = 0, zeros_odd = 0;
  for (size_t i = 0; i < sample.size(); ++i) {
    if (sample[i] == '\0') ++(i % 2 == 0 ? zeros_even : zeros_odd);
  }
  if (sample.size() >= 4) {
    if (zeros_odd * 3 > sample.size()) return "UTF-16LE";
    if (zeros_even * 3 > sample.size()) return "UTF-16BE";
  }
  if (utf8) return "UTF-8";
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> detector(uchardet_new(),
                                                                                    uchardet_delete);
  std::string name;
  if (detector && uchardet_handle_data(detector.get(), sample.data(), sample.size()) == 0) {
    uchardet_data_end(detector.get());
    name = uchardet_get_charset(detector.get());
  }
  // uchardet tells the Latin single-byte sets apart by letter frequencies, and
  // on short Spanish samples it may answer Central European (1250) or Latin-9.
  // Windows-1252 is the one spreadsheets in Spanish write (and ISO-8859-1 is it
  // without its letters and signs at 0x80-0x9F: € “ ” –).
  bool latin = name.rfind("WINDOWS-125", 0) == 0 || name.rfind("ISO-8859-", 0) == 0;
  if (name.empty() || name == "ASCII" || name == "UTF-8" || latin) return "WINDOWS-1252";
  iconv_t probe = iconv_open("UTF-8", name.c_str());
  if (probe == reinterpret_cast<iconv_t>(-1)) return "WINDOWS-1252";
  iconv_close(probe);
  return name;
}

Utf8Decoder::Utf8Decoder(const std::string& encoding) : encoding_(encoding) {
  std::string key = to_lower_ascii(encoding);
  utf8_ = key == "utf-8" || key == "utf8";
  if (!utf8_) {
    cd_ = iconv_open("UTF-8", encoding.c_str());
    if (cd_ == reinterpret_cast<iconv_t>(-1)) throw std::invalid_argument("unknown character set: " + encoding);
  }
}

Utf8Decoder::~Utf8Decoder() {
  if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
}

bool Utf8Decoder::decode(std::string_view chunk, std::string& out, bool last) {
  if (error_offset_ >= 0) return false;
  std::string joined;
  std::string_view input = chunk;
  if (!carry_.empty()) {
    joined = carry_ + std::string(chunk);
    carry_.clear();
    input = joined;
  }
  size_t start = out.size();
  size_t converted = 0;  // bytes of `input` turned into `out`
  if (utf8_) {
    size_t valid = utf8_valid_prefix(input);
    out.append(input.substr(0, valid));
    converted = valid;
    if (valid < input.size()) {
      if (last || input.size() - valid >= 4) {
        error_offset_ = consumed_ + static_cast<int64_t>(valid);
        return false;
      }
      carry_ = std::string(input.substr(valid));
    }
  } else {
    char* in = const_cast<char*>(input.data());  // iconv's signature; it does not write there
    size_t in_left = input.size();
    while (in_left > 0) {
      size_t offset = out.size();
      out.resize(offset + 3 * in_left + 16);
      char* to = out.data() + offset;
      size_t out_left = out.size() - offset;
      size_t rc = iconv(cd_, &in, &in_left, &to, &out_left);
      out.resize(out.size() - out_left);
      if (rc != static_cast<size_t>(-1)) break;
      if (errno == E2BIG) continue;
      if (errno == EINVAL && !last) {  // a character cut by the chunk's end
        carry_ = std::string(in, in_left);
        in_left = 0;
        break;
      }
      error_offset_ = consumed_ + (in - input.data());
      return false;
    }
    converted = input.size() - carry_.size();
  }
  consumed_ += static_cast<int64_t>(converted);
  if (!started_ && (out.size() - start >= 3 || last)) {
    started_ = true;
    if (std::string_view(out).substr(start, 3) == kUtf8Bom) out.erase(start, 3);
  }
  return true;
}

}  // namespace apertura
