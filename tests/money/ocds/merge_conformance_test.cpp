// The conformance fixtures of the reference merge library (ocds-merge): every
// X.json (a list of releases) must compile to X-compiled.json and version to
// X-versioned.json with the rules of the matching release schema.
#include <gtest/gtest.h>

#include <algorithm>

#include "money/ocds/merge_rules.h"
#include "money/ocds/release_merger.h"
#include "support/shared_data.h"

namespace apertura::money {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::read_json;
using testing::shared_data;

struct Fixture {
  std::string folder;   // "1.0", "1.1" or "schema"
  std::string schema;   // file in ocds-merge-fixtures/, or "embedded-1.1"
  std::string expected; // "simple-compiled.json"
};

std::vector<Fixture> fixtures() {
  std::vector<Fixture> out;
  fs::path root = shared_data() / "ocds-merge-fixtures";
  std::vector<std::pair<std::string, std::string>> sets = {
      {"1.0", "release-schema-1__0__3.json"},
      {"1.1", "release-schema-1__1__4.json"},
      {"1.1", "embedded-1.1"},  // the 1.1.5 schema Apertura ships
      {"schema", "schema.json"},
  };
  for (const auto& [folder, schema] : sets) {
    for (const auto& entry : fs::directory_iterator(root / folder)) {
      std::string name = entry.path().filename().string();
      if (name.ends_with("-compiled.json") || name.ends_with("-versioned.json")) {
        out.push_back({folder, schema, name});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Fixture& a, const Fixture& b) {
    return std::tie(a.folder, a.schema, a.expected) < std::tie(b.folder, b.schema, b.expected);
  });
  return out;
}

MergeRules rules_for(const Fixture& fixture) {
  if (fixture.schema == "embedded-1.1") return MergeRules::for_version("1.1");
  return MergeRules::from_schema(read_json(shared_data() / "ocds-merge-fixtures" / fixture.schema));
}

TEST(MergeConformance, EveryFixtureMatchesTheReferenceOutput) {
  std::vector<Fixture> cases = fixtures();
  // 2 (1.0) + 34 (1.1, run with two schemas) + 14 (schema) expected outputs.
  ASSERT_EQ(cases.size(), 2u + 2 * 34u + 14u);
  int compared = 0;
  for (const Fixture& fixture : cases) {
    fs::path folder = shared_data() / "ocds-merge-fixtures" / fixture.folder;
    bool compiled = fixture.expected.ends_with("-compiled.json");
    std::string input = fixture.expected.substr(0, fixture.expected.rfind(compiled ? "-compiled" : "-versioned")) + ".json";
    std::vector<json> releases = read_json(folder / input).get<std::vector<json>>();
    json expected = read_json(folder / fixture.expected);
    MergeRules rules = rules_for(fixture);
    json actual = compiled ? compile_releases(releases, rules) : version_releases(releases, rules);
    EXPECT_EQ(actual, expected) << fixture.folder << "/" << fixture.expected << " with " << fixture.schema
                                << "\nactual: " << actual.dump(2);
    if (compiled) {
      // The import's form, which moves values out of the releases, gives the same.
      EXPECT_EQ(compile_releases(std::move(releases), rules), expected) << fixture.folder << "/" << fixture.expected;
    }
    ++compared;
  }
  EXPECT_EQ(compared, 84);
}

}  // namespace
}  // namespace apertura::money
