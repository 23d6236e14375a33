#include "core/csv.h"

#include <gtest/gtest.h>

namespace apertura {
namespace {

std::vector<std::vector<std::string>> fields_of(const std::vector<CsvRecord>& records) {
  std::vector<std::vector<std::string>> out;
  for (const auto& record : records) out.push_back(record.fields);
  return out;
}

// Feeds `text` in chunks of `size` bytes.
std::vector<CsvRecord> read_in_chunks(std::string_view text, size_t size, char delimiter = ',') {
  std::vector<CsvRecord> records;
  CsvParser parser(delimiter);
  auto keep = [&](const CsvRecord& record) {
    records.push_back(record);
    return true;
  };
  for (size_t i = 0; i < text.size(); i += size) parser.feed(text.substr(i, size), keep);
  parser.finish(keep);
  EXPECT_FALSE(parser.error());
  return records;
}

TEST(Csv, ReadsQuotedFieldsWithDelimitersQuotesAndLineBreaksInside) {
  auto result = read_csv("\xEF\xBB\xBFnombre,nota\r\n\"Pérez, Ana\",\"dijo \"\"sí\"\"\"\n\"dos\nlíneas\",x\n");
  ASSERT_FALSE(result.error);
  EXPECT_EQ(fields_of(result.records),
            (std::vector<std::vector<std::string>>{{"nombre", "nota"}, {"Pérez, Ana", "dijo \"sí\""}, {"dos\nlíneas", "x"}}));
  EXPECT_EQ(result.records[2].line, 3);
}

TEST(Csv, EveryChunkingReadsTheSameRecords) {
  std::string text = "a;b;c\r\n\"x;\"\"y\"\"\";2;\r\n\r\n\"\";\"3\r\n4\";z\r5;6;7";
  auto whole = read_csv(text, ';');
  ASSERT_FALSE(whole.error);
  ASSERT_EQ(whole.records.size(), 4u);
  for (size_t size = 1; size <= text.size(); ++size) {
    auto chunked = read_in_chunks(text, size, ';');
    EXPECT_EQ(fields_of(chunked), fields_of(whole.records)) << "chunks of " << size;
    EXPECT_EQ(chunked.back().line, whole.records.back().line) << "chunks of " << size;
  }
  EXPECT_EQ(whole.records[1].fields, (std::vector<std::string>{"x;\"y\"", "2", ""}));
  EXPECT_EQ(whole.records[3].fields, (std::vector<std::string>{"5", "6", "7"}));
}

TEST(Csv, AQuoteLeftOpenIsAnErrorNamingItsLine) {
  auto result = read_csv("a,b\n1,\"abierta\n2,3\n");
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("línea 2"), std::string::npos);
}

TEST(Csv, TheVisitorStopsTheParser) {
  CsvParser parser;
  int seen = 0;
  EXPECT_FALSE(parser.feed("1\n2\n3\n", [&](const CsvRecord&) { return ++seen < 2; }));
  EXPECT_EQ(seen, 2);
}

TEST(Csv, SniffsTheDelimiterThatSplitsLinesEvenly) {
  EXPECT_EQ(sniff_csv_delimiter("a;b;c\n1;2,5;3\n"), ';');
  EXPECT_EQ(sniff_csv_delimiter("a\tb\n1\t2\n"), '\t');
  EXPECT_EQ(sniff_csv_delimiter("a,b,c\n1,2,3\n4,5,6"), ',');
  EXPECT_EQ(sniff_csv_delimiter("a|b\n\"1|x\"|2\n"), '|');
  EXPECT_EQ(sniff_csv_delimiter("solo una columna\n1\n"), ',');
}

}  // namespace
}  // namespace apertura
