#include "core/icalendar.h"

namespace apertura {

namespace {

// TEXT values escape backslash, semicolon, comma and newline (RFC 5545 3.3.11).
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// Lines longer than 75 octets continue on lines that start with a space,
// never splitting a UTF-8 sequence (RFC 5545 3.1).
void add_line(std::string& out, const std::string& line) {
  size_t start = 0;
  size_t limit = 75;
  while (line.size() - start > limit) {
    size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(start, cut - start) + "\r\n ";
    start = cut;
    limit = 74;  // the leading space counts
  }
  out += line.substr(start) + "\r\n";
}

std::string compact_date(const std::string& iso) {
  std::string out;
  for (char c : iso) {
    if (c != '-') out += c;
  }
  return out;
}

// 2026-12-07T10:00:00Z -> 20261207T100000Z
std::string compact_stamp(const std::string& iso) {
  std::string out;
  for (char c : iso.substr(0, 19)) {
    if (c != '-' && c != ':') out += c;
  }
  return out + "Z";
}

}  // namespace

std::string icalendar(const std::string& name, const std::vector<CalendarEvent>& events, const std::string& stamp) {
  std::string out;
  add_line(out, "BEGIN:VCALENDAR");
  add_line(out, "VERSION:2.0");
  add_line(out, "PRODID:-//Apertura//Gobierno abierto local//ES");
  add_line(out, "CALSCALE:GREGORIAN");
  add_line(out, "X-WR-CALNAME:" + escaped(name));
  for (const auto& event : events) {
    add_line(out, "BEGIN:VEVENT");
    add_line(out, "UID:" + event.uid);
    add_line(out, "DTSTAMP:" + compact_stamp(stamp));
    add_line(out, "DTSTART;VALUE=DATE:" + compact_date(event.date));
    add_line(out, "SUMMARY:" + escaped(event.summary));
    if (!event.description.empty()) add_line(out, "DESCRIPTION:" + escaped(event.description));
    if (!event.url.empty()) add_line(out, "URL:" + event.url);
    add_line(out, "END:VEVENT");
  }
  add_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace apertura
