// Cardinal's own conformance cases: for every indicator, the compiled
// releases in R0NN*.jsonl must give exactly R0NN*.expected. The file name
// encodes the settings (R003-threshold-10 is "[R003] threshold = 10"), which
// are written here as the INI file an analyst would write.
#include <gtest/gtest.h>

#include <sstream>

#include "money/flags/cardinal_indicators.h"
#include "support/shared_data.h"

namespace apertura::money {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, separator)) parts.push_back(part);
  return parts;
}

// "R003-procurement_methods-open+selective" -> INI text.
std::string ini_for(const std::string& name) {
  std::vector<std::string> parts = split(name, '-');
  std::string code = parts[0];
  std::string ini = "no_price_comparison_procurement_methods = NPC\n[exclusions]\nprocurement_method_details = EXC\n";
  if (parts.size() < 3) {
    ini += "[" + code + "]\n";  // an empty section enables the indicator, as in Cardinal
  } else if (parts.size() == 3) {
    std::string value = parts[2];
    std::replace(value.begin(), value.end(), '+', '|');
    ini += "[" + code + "]\n" + parts[1] + " = " + value + "\n";
  } else if (parts.size() > 3) {
    ini += "[" + code + "." + parts[1] + "]\n";
    for (size_t i = 2; i + 1 < parts.size(); i += 2) ini += parts[i] + " = " + parts[i + 1] + "\n";
  }
  return ini;
}

TEST(CardinalConformance, EveryIndicatorCaseGivesCardinalsResult) {
  fs::path folder = testing::shared_data() / "cardinal-fixtures" / "indicators";
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".jsonl") continue;
    std::string name = entry.path().stem().string();
    auto settings = FlagSettings::from_ini(ini_for(name));
    ASSERT_TRUE(settings) << name << ": " << settings.error().message;
    // The file's sections enable one indicator, as in Cardinal's tests.
    EXPECT_EQ(settings->enabled, std::set<std::string>{name.substr(0, 4)}) << name;
    CardinalIndicators indicators(*settings);
    std::istringstream lines(testing::read_text(entry.path()));
    std::string line;
    while (std::getline(lines, line)) {
      if (!line.empty()) indicators.add(json::parse(line));
    }
    json actual = flag_results_json(indicators.finish());
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".expected");
    std::string expected_text = testing::read_text(expected_path);
    json expected = expected_text.find_first_not_of(" \n") == std::string::npos ? json::object()
                                                                                 : json::parse(expected_text);
    EXPECT_EQ(actual, expected) << name << "\nactual:   " << actual.dump() << "\nexpected: " << expected.dump();
    ++cases;
  }
  EXPECT_EQ(cases, 15);
}

TEST(CardinalIndicators, WholeDaysFollowRfc3339WithOffsets) {
  EXPECT_EQ(whole_days_between("2000-01-01T18:00:00Z", "2000-01-16T17:59:59Z"), 14);
  EXPECT_EQ(whole_days_between("2000-01-01T18:00:00Z", "2000-01-16T18:00:00Z"), 15);
  EXPECT_EQ(whole_days_between("2000-01-01T00:00:00-06:00", "2000-01-02T05:59:59Z"), 0);
  EXPECT_EQ(whole_days_between("2000-01-02T00:00:00Z", "2000-01-01T00:00:00.5Z"), 0);
  EXPECT_EQ(whole_days_between("2000-01-01", "2000-01-20T00:00:00Z"), std::nullopt);
  EXPECT_EQ(whole_days_between("invalid", "2000-01-20T00:00:00Z"), std::nullopt);
}

TEST(FlagSettings, RefusesUnknownKeysAndBadValuesWithTheirLine) {
  auto unknown = FlagSettings::from_ini("[R003]\nthreshold = 10\nthreshhold = 3\n");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("línea 3"), std::string::npos);
  auto bad = FlagSettings::from_ini("[R024]\nthreshold = mucho\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("línea 2"), std::string::npos);
  EXPECT_FALSE(FlagSettings::from_ini("[R999]\n"));
  auto ok = FlagSettings::from_ini("# comentario\ncurrency = MXN\n[MX01]\nthreshold = 250000\n");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->currency, "MXN");
  EXPECT_EQ(ok->mx01_threshold, 250000);
  EXPECT_EQ(ok->enabled, std::set<std::string>{"MX01"}) << "only the indicators with a section";
  auto general = FlagSettings::from_ini("currency = MXN\n[exclusions]\nprocurement_method_details = X\n");
  ASSERT_TRUE(general);
  EXPECT_EQ(general->enabled, FlagSettings::all_codes()) << "no indicator section: all on";
  auto split_section = FlagSettings::from_ini("[R003.procurement_method_details]\nA = 5\n[R024]\n");
  ASSERT_TRUE(split_section);
  EXPECT_EQ(split_section->enabled, (std::set<std::string>{"R003", "R024"}));
}

}  // namespace
}  // namespace apertura::money
