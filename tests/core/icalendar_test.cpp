#include <gtest/gtest.h>

#include "core/icalendar.h"

namespace apertura {
namespace {

TEST(ICalendar, AllDayEventsWithEscapedTextAndFoldedLines) {
  std::string long_text(100, 'a');
  long_text += "ñ";  // a two-byte letter across the fold must stay whole
  std::string file = icalendar("Vencimientos; SEFIN", {{"2026-SEFIN-000001@apertura", "2026-02-03", "Vence, hoy",
                                                         "línea uno\nlínea dos", "https://portal.example.mx/x"},
                                                        {"b@apertura", "2026-02-04", long_text, "", ""}},
                               "2026-01-05T17:00:00Z");
  EXPECT_EQ(file.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_NE(file.find("X-WR-CALNAME:Vencimientos\\; SEFIN\r\n"), std::string::npos);
  EXPECT_NE(file.find("DTSTART;VALUE=DATE:20260203\r\n"), std::string::npos);
  EXPECT_NE(file.find("DTSTAMP:20260105T170000Z\r\n"), std::string::npos);
  EXPECT_NE(file.find("SUMMARY:Vence\\, hoy\r\n"), std::string::npos);
  EXPECT_NE(file.find("DESCRIPTION:línea uno\\nlínea dos\r\n"), std::string::npos);
  EXPECT_EQ(file.find("DESCRIPTION:\r\n"), std::string::npos);  // empty fields are left out
  EXPECT_TRUE(file.size() >= 15 && file.substr(file.size() - 15) == "END:VCALENDAR\r\n");
  // No line is longer than 75 octets, and unfolding gives the text back.
  size_t start = 0;
  std::string unfolded;
  while (start < file.size()) {
    size_t end = file.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 75u) << file.substr(start, end - start);
    std::string line = file.substr(start, end - start);
    unfolded += line[0] == ' ' ? line.substr(1) : "\n" + line;
    start = end + 2;
  }
  EXPECT_NE(unfolded.find("\nSUMMARY:" + long_text + "\n"), std::string::npos);
}

}  // namespace
}  // namespace apertura
