#include "money/ocds/source_encoding.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <stdexcept>

#include "core/text.h"
#include "money/ocds/messages.h"

namespace apertura::money {

namespace {

const char* iconv_name(SourceEncoding encoding) {
  switch (encoding) {
    case SourceEncoding::utf8: return "UTF-8";
    case SourceEncoding::latin1: return "ISO-8859-1";
    case SourceEncoding::windows1252: return "WINDOWS-1252";
  }
  return "UTF-8";
}

std::string hex_byte(unsigned char byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", byte);
  return text;
}

}  // namespace

std::optional<SourceEncoding> parse_source_encoding(std::string_view name) {
  std::string key = to_lower_ascii(trim(name));
  key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return c == '-' || c == '_'; }), key.end());
  if (key.empty() || key == "utf8") return SourceEncoding::utf8;
  if (key == "latin1" || key == "iso88591" || key == "l1") return SourceEncoding::latin1;
  if (key == "windows1252" || key == "cp1252" || key == "win1252") return SourceEncoding::windows1252;
  return std::nullopt;
}

SourceEncoding source_encoding_or_utf8(std::string_view name) {
  return parse_source_encoding(name).value_or(SourceEncoding::utf8);
}

std::string_view encoding_id(SourceEncoding encoding) {
  switch (encoding) {
    case SourceEncoding::utf8: return "utf-8";
    case SourceEncoding::latin1: return "latin1";
    case SourceEncoding::windows1252: return "windows-1252";
  }
  return "utf-8";
}

std::string_view encoding_label(SourceEncoding encoding) {
  switch (encoding) {
    case SourceEncoding::utf8: return "UTF-8";
    case SourceEncoding::latin1: return "Latin-1 (ISO-8859-1)";
    case SourceEncoding::windows1252: return "Windows-1252";
  }
  return "UTF-8";
}

std::vector<SourceEncoding> source_encodings() {
  return {SourceEncoding::utf8, SourceEncoding::windows1252, SourceEncoding::latin1};
}

Recoder::Recoder(SourceEncoding from) : from_(from), cd_(iconv_open("UTF-8", iconv_name(from))) {
  if (cd_ == reinterpret_cast<iconv_t>(-1)) {
    throw std::runtime_error(std::string("iconv cannot convert from ") + iconv_name(from));
  }
}

Recoder::~Recoder() { iconv_close(cd_); }

void Recoder::convert(std::string_view bytes, std::string& out) {
  size_t start = out.size();
  out.resize(start + max_growth(bytes.size()));
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write there
  size_t in_left = bytes.size();
  char* to = out.data() + start;
  size_t out_left = out.size() - start;
  if (iconv(cd_, &in, &in_left, &to, &out_left) == static_cast<size_t>(-1)) {
    out.resize(start);
    unsigned char byte = static_cast<unsigned char>(*in);
    throw std::invalid_argument(say(OcdsMsg::byte_not_in_encoding, hex_byte(byte), encoding_label(from_),
                                    in - bytes.data()));
  }
  out.resize(out.size() - out_left);
}

std::optional<EncodingProblem> find_encoding_problem(std::string_view text, bool cut_at_end) {
  size_t valid = utf8_valid_prefix(text);
  if (valid == text.size() || (cut_at_end && text.size() - valid < 4)) return std::nullopt;
  EncodingProblem problem;
  problem.offset = valid;
  problem.line = 1 + static_cast<uint64_t>(std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(valid), '\n'));
  unsigned char byte = static_cast<unsigned char>(text[valid]);
  size_t zeros = static_cast<size_t>(std::count(text.begin(), text.end(), '\0'));
  bool utf16 = text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF" || zeros * 4 > text.size();
  if (utf16) {
    problem.message = say(OcdsMsg::looks_utf16);
    return problem;
  }
  // A file that is UTF-8 elsewhere (it has characters beyond ASCII before this
  // byte), or a byte no single-byte encoding makes of Spanish text, is a bad
  // release of a UTF-8 file: its release alone is refused, by the importer.
  bool utf8_before = std::any_of(text.begin(), text.begin() + static_cast<ptrdiff_t>(valid),
                                 [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (utf8_before || byte >= 0xFE) return std::nullopt;
  // Bytes 0x80-0x9F are control codes in Latin-1 but letters and signs (€ “ ” –) in Windows-1252.
  bool c1 = std::any_of(text.begin() + static_cast<ptrdiff_t>(valid), text.end(), [](char c) {
    auto b = static_cast<unsigned char>(c);
    return b >= 0x80 && b <= 0x9F;
  });
  SourceEncoding likely = c1 ? SourceEncoding::windows1252 : SourceEncoding::latin1;
  std::string shown;
  try {
    Recoder(likely).convert(text.substr(valid, 1), shown);
  } catch (const std::invalid_argument&) {
    shown = "?";
  }
  problem.message = say(OcdsMsg::not_utf8, hex_byte(byte), problem.line, encoding_label(likely), shown,
                        encoding_id(likely), encoding_id(likely), iconv_name(likely));
  return problem;
}

}  // namespace apertura::money
