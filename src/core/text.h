#pragma once
// Small text helpers shared by every domain. All strings are UTF-8.
#include <string>
#include <string_view>
#include <vector>

namespace apertura {

std::string trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
// Lower-cases and removes Spanish diacritics (á é í ó ú ü ñ and capitals), so
// "Año Económico" and "ano economico" compare equal; used for search.
std::string fold_for_search(std::string_view text);
// "Baja California Sur" -> "baja-california-sur".
std::string slugify(std::string_view text);
bool is_valid_utf8(std::string_view text);
// How many bytes at the start of `text` are valid UTF-8: the offset of the
// first byte that is not (or of a character cut short at the end).
size_t utf8_valid_prefix(std::string_view text);
// Number of Unicode code points (not bytes).
size_t utf8_length(std::string_view text);
// At most `bytes` of `text`, cut at a character and marked with "…" when cut.
std::string excerpt(const std::string& text, size_t bytes);
std::vector<std::string> split(std::string_view text, char separator);
bool looks_like_email(std::string_view text);
// At most `limit` bytes of `text` for a log line, cut at a character boundary
// and followed by how much was left out ("… (4 812 bytes más)"), so no input
// can write a log line of its own size.
std::string for_log(std::string_view text, size_t limit = 300);

}  // namespace apertura
