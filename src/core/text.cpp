#include "core/text.h"

#include <algorithm>
#include <array>
#include <utility>

namespace apertura {

std::string trim(std::string_view text) {
  const char* spaces = " \t\r\n\f\v";
  size_t begin = text.find_first_not_of(spaces);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(spaces);
  return std::string(text.substr(begin, end - begin + 1));
}

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {
// Two-byte UTF-8 sequences (0xC3 xx) of the Latin-1 letters Spanish uses,
// mapped to their folded ASCII letter.
constexpr std::array<std::pair<unsigned char, char>, 24> kLatin1Folds{{
    {0x81, 'a'}, {0x89, 'e'}, {0x8D, 'i'}, {0x93, 'o'}, {0x9A, 'u'}, {0x9C, 'u'},
    {0x91, 'n'}, {0x80, 'a'}, {0x88, 'e'}, {0x8C, 'i'}, {0x92, 'o'}, {0x99, 'u'},
    {0xA1, 'a'}, {0xA9, 'e'}, {0xAD, 'i'}, {0xB3, 'o'}, {0xBA, 'u'}, {0xBC, 'u'},
    {0xB1, 'n'}, {0xA0, 'a'}, {0xA8, 'e'}, {0xAC, 'i'}, {0xB2, 'o'}, {0xB9, 'u'},
}};
}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      unsigned char next = static_cast<unsigned char>(text[i + 1]);
      auto it = std::find_if(kLatin1Folds.begin(), kLatin1Folds.end(),
                             [next](const auto& fold) { return fold.first == next; });
      if (it != kLatin1Folds.end()) {
        out.push_back(it->second);
        ++i;
        continue;
      }
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
  }
  return out;
}

std::string slugify(std::string_view text) {
  std::string folded = fold_for_search(text);
  std::string out;
  bool dash = false;
  for (char c : folded) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (dash && !out.empty()) out.push_back('-');
      out.push_back(c);
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

size_t utf8_valid_prefix(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return i;
    if (length == 2 && c < 0xC2) return i;  // overlong
    unsigned int code = length == 1 ? c : c & (0xFF >> (length + 1));
    for (size_t k = 1; k < length; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc >> 6) != 0x2) return i;
      code = (code << 6) | (cc & 0x3F);
    }
    if ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
        (length == 4 && (code < 0x10000 || code > 0x10FFFF))) {
      return i;
    }
    i += length;
  }
  return i;
}

bool is_valid_utf8(std::string_view text) { return utf8_valid_prefix(text) == text.size(); }

size_t utf8_length(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

bool looks_like_email(std::string_view text) {
  size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view domain = text.substr(at + 1);
  size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
         text.find_first_of(" \t\r\n<>\"") == std::string_view::npos;
}

std::string for_log(std::string_view text, size_t limit) {
  if (text.size() <= limit) return std::string(text);
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
  return std::string(text.substr(0, cut)) + "… (" + std::to_string(text.size() - cut) + " bytes más)";
}

std::string excerpt(const std::string& text, size_t bytes) {
  if (text.size() <= bytes) return text;
  std::string cut = text.substr(0, bytes - 3);
  cut.resize(utf8_valid_prefix(cut));
  return cut + "…";
}

}  // namespace apertura
