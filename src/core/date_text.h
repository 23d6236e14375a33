#pragma once
// Dates for people, in Mexican Spanish: "1 de enero de 2026". Pages show this
// text inside <time datetime="2026-01-01">, so machines still read the ISO date.
#include <string>
#include <string_view>

namespace apertura {

// "2026-01-01", "2026-01-01T10:00:00-06:00" or "2026-01-01T16:00:00Z" ->
// "1 de enero de 2026" (the calendar date as written, whatever its offset);
// "" when the text does not start with a real date.
std::string date_es(std::string_view iso);

// The ISO date a text starts with ("2026-01-01"), or "" when none: the
// `datetime` of the <time> element that shows date_es.
std::string iso_date_part(std::string_view text);

// "del 1 al 20 de marzo de 2026", "del 1 de enero al 31 de diciembre de 2026", "del 15 de julio de 2026 al
// 14 de julio de 2027"; one side alone: "desde el …", "hasta el …"; "" for neither.
std::string date_range_es(std::string_view from, std::string_view to);

}  // namespace apertura
