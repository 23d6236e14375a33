// The simdjson reader the import and the red-flag run use in place of
// building whole nlohmann trees.
#include <gtest/gtest.h>

#include "money/ocds/simdjson_convert.h"

namespace apertura::money {
namespace {

using nlohmann::json;

TEST(FastJsonParser, ParsesAsNlohmannDoesAndRefusesWhatIsNotJson) {
  FastJsonParser parser;
  std::string text = R"({"b":[1,2.5,"tres",null,true],"a":{"ñ":"sí"},"big":18446744073709551615,"neg":-3})";
  EXPECT_EQ(parser.parse(text), json::parse(text));
  EXPECT_EQ(parser.parse(R"({"a":1,"a":2})")["a"], 2);  // the last of two equal keys, as nlohmann
  EXPECT_THROW(parser.parse("{\"a\":"), std::invalid_argument);
  EXPECT_THROW(parser.parse("\xff\xfe"), std::invalid_argument);
}

TEST(FastJsonParser, KeepsOnlyTheTopLevelFieldsAsked) {
  FastJsonParser parser;
  std::string text = R"({"ocid":"x","parties":[{"id":"1"}],"tender":{"parties":"kept inside"},"awards":[]})";
  EXPECT_EQ(parser.parse_fields(text, {"ocid", "tender", "bids"}),
            json::parse(R"({"ocid":"x","tender":{"parties":"kept inside"}})"));
  EXPECT_EQ(parser.parse_fields("[1,2]", {"ocid"}), json::parse("[1,2]"));
}

TEST(FastJsonParser, ReadsAReleaseHeadWithoutATree) {
  FastJsonParser parser;
  ReleaseHead head = parser.release_head(
      R"({"ocid":"ocds-1","id":7,"date":"2024-01-01T00:00:00Z","tag":"tender","parties":[],"packageInfo":{}})");
  EXPECT_TRUE(head.is_object);
  EXPECT_TRUE(head.has_ocid);
  EXPECT_EQ(head.ocid, "ocds-1");
  EXPECT_EQ(head.id, "7");  // a whole number reads as its text
  EXPECT_EQ(head.date, "2024-01-01T00:00:00Z");
  EXPECT_EQ(head.tags, R"(["tender"])");
  EXPECT_TRUE(head.has_package_info);
  EXPECT_FALSE(head.has_records_fields);

  ReleaseHead odd = parser.release_head(R"({"ocid":1.5,"id":null,"date":20240101,"tag":{"x":1},"releases":[]})");
  EXPECT_EQ(odd.ocid, "");  // not text, not a whole number
  EXPECT_EQ(odd.id, "");
  EXPECT_FALSE(odd.date.has_value());
  EXPECT_EQ(odd.tags, "");
  EXPECT_TRUE(odd.has_records_fields);
  EXPECT_FALSE(parser.release_head("[1]").is_object);
}

}  // namespace
}  // namespace apertura::money
