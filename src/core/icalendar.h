#pragma once
// iCalendar (RFC 5545) files of all-day events, for calendar programs to
// subscribe to: CRLF lines folded at 75 octets, text escaped.
#include <string>
#include <vector>

namespace apertura {

struct CalendarEvent {
  std::string uid;      // unique and stable: the same event keeps it
  std::string date;     // YYYY-MM-DD, the whole day
  std::string summary;
  std::string description;
  std::string url;
};

// `stamp` is when the file was made (UTC, ISO 8601); `name` the calendar's title.
std::string icalendar(const std::string& name, const std::vector<CalendarEvent>& events, const std::string& stamp);

}  // namespace apertura
