// Merge behaviour beyond the conformance fixtures: the worked example's
// record, date ordering and its errors, identifier types, type conflicts and
// the per-array overrides.
#include <gtest/gtest.h>

#include "money/ocds/merge_rules.h"
#include "money/ocds/release_merger.h"
#include "support/shared_data.h"

namespace apertura::money {
namespace {

using nlohmann::json;
using testing::read_json;
using testing::shared_data;

const MergeRules kNoRules;

std::vector<json> releases_of_sample() {
  std::vector<json> releases;
  for (const char* stage : {"01-planning", "02-tender", "03-tenderAmendment", "04-award", "05-contract",
                            "06-implementation"}) {
    json package = read_json(shared_data() / "ocds-sample" / ("ocds-213czf-000-00001-" + std::string(stage) + ".json"));
    for (json& release : package["releases"]) releases.push_back(std::move(release));
  }
  return releases;
}

TEST(ReleaseMerger, ReproducesTheWorkedExampleRecord) {
  json record = read_json(shared_data() / "ocds-sample" / "record" / "ocds-213czf-000-00001-withversions.json")["records"][0];
  std::vector<json> releases = releases_of_sample();
  ASSERT_EQ(releases.size(), 6u);
  const MergeRules& rules = MergeRules::for_version("1.1");
  EXPECT_EQ(compile_releases(releases, rules), record["compiledRelease"]);
  EXPECT_EQ(version_releases(releases, rules), record["versionedRelease"]);
}

TEST(ReleaseMerger, OrdersByDateAndKeepsInputOrderForEqualDates) {
  std::vector<json> releases = {
      {{"ocid", "A"}, {"id", "2"}, {"date", "2020-02-01T00:00:00Z"}, {"title", "second"}},
      {{"ocid", "A"}, {"id", "1"}, {"date", "2020-01-01T00:00:00Z"}, {"title", "first"}},
      {{"ocid", "A"}, {"id", "3"}, {"date", "2020-02-01T00:00:00Z"}, {"title", "third"}},
  };
  json compiled = compile_releases(releases, kNoRules);
  EXPECT_EQ(compiled["title"], "third");
  EXPECT_EQ(compiled["id"], "A-2020-02-01T00:00:00Z");
  json versioned = version_releases(releases, kNoRules);
  ASSERT_EQ(versioned["title"].size(), 3u);
  EXPECT_EQ(versioned["title"][0]["releaseID"], "1");
  EXPECT_EQ(versioned["title"][2]["releaseID"], "3");
}

TEST(ReleaseMerger, RefusesReleasesWithoutAUsableDate) {
  json good = {{"ocid", "A"}, {"id", "1"}, {"date", "2020-01-01T00:00:00Z"}};
  for (const json& bad : {json{{"ocid", "A"}, {"id", "2"}}, json{{"ocid", "A"}, {"date", nullptr}},
                          json{{"ocid", "A"}, {"date", json::object()}}, json::array()}) {
    std::vector<json> releases = {good, bad};
    EXPECT_THROW(compile_releases(releases, kNoRules), MergeError) << bad.dump();
  }
  // A single release is taken as it is.
  EXPECT_NO_THROW(compile_releases({json{{"ocid", "A"}, {"id", "1"}}}, kNoRules));
}

TEST(ReleaseMerger, IdentifiersOfDifferentTypesAreDifferentObjects) {
  auto merged = [](json first, json second) {
    std::vector<json> releases = {
        {{"date", "2000-01-01T00:00:00Z"}, {"array", json::array({{{"id", first}, {"x", "first"}}})}},
        {{"date", "2000-01-02T00:00:00Z"}, {"array", json::array({{{"id", second}, {"y", "second"}}})}},
    };
    return compile_releases(releases, kNoRules)["array"];
  };
  EXPECT_EQ(merged(1, 1), json::parse(R"([{"id":1,"x":"first","y":"second"}])"));
  EXPECT_EQ(merged("1", "1"), json::parse(R"([{"id":"1","x":"first","y":"second"}])"));
  EXPECT_EQ(merged(1, "1"), json::parse(R"([{"id":1,"x":"first"},{"id":"1","y":"second"}])"));
}

TEST(ReleaseMerger, ReportsAValueThatChangesFromLiteralToObject) {
  std::vector<json> releases = {
      {{"date", "2000-01-01T00:00:00Z"}, {"integer", 1}},
      {{"date", "2000-01-02T00:00:00Z"}, {"integer", {{"object", 1}}}},
  };
  try {
    compile_releases(releases, kNoRules);
    FAIL() << "expected a MergeError";
  } catch (const MergeError& error) {
    EXPECT_EQ(std::string(error.what()),
              "una entrega anterior tenía el valor 1 en /integer, y esta tiene ahí un objeto");
  }
  std::vector<json> object_then_array = {
      {{"date", "2000-01-01T00:00:00Z"}, {"integer", {{"object", 1}}}},
      {{"date", "2000-01-02T00:00:00Z"}, {"integer", json::array({{{"object", 1}}})}},
  };
  EXPECT_THROW(compile_releases(object_then_array, kNoRules), MergeError);
  EXPECT_THROW(version_releases(object_then_array, kNoRules), MergeError);
}

TEST(ReleaseMerger, MixedArraysAreReplacedWhole) {
  std::vector<json> releases = {
      {{"ocid", "A"}, {"date", "2000-01-01T00:00:00Z"}, {"mixed", json::parse(R"([{"id":1},"foo"])")}},
      {{"ocid", "A"}, {"date", "2000-01-02T00:00:00Z"}, {"mixed", json::parse(R"([{"id":2},"bar"])")}},
  };
  EXPECT_EQ(compile_releases(releases, kNoRules)["mixed"], json::parse(R"([{"id":2},"bar"])"));
}

TEST(ReleaseMerger, ArrayOverridesMergeByPositionOrAppend) {
  std::vector<json> releases = read_json(shared_data() / "ocds-merge-fixtures" / "schema" / "identifier-merge-duplicate-id.json");
  std::vector<json> twice = releases;
  twice.insert(twice.end(), releases.begin(), releases.end());

  MergeRules by_position;
  by_position.override_array("nested/array", ArrayStrategy::by_position);
  EXPECT_EQ(compile_releases(twice, by_position),
            read_json(shared_data() / "ocds-merge-fixtures" / "schema" / "identifier-merge-duplicate-id-by-position.json"));

  MergeRules append;
  append.override_array("nested/array", ArrayStrategy::append);
  EXPECT_EQ(compile_releases(twice, append),
            read_json(shared_data() / "ocds-merge-fixtures" / "schema" / "identifier-merge-duplicate-id-append.json"));
}

// A list merged by position over one an earlier release wrote with literals
// is reported like any other clash of shapes, not failed on as a bad cast.
TEST(ReleaseMerger, MergingByPositionOverALiteralIsAMergeError) {
  std::vector<json> releases = {
      {{"ocid", "A"}, {"id", "1"}, {"date", "2000-01-01T00:00:00Z"}, {"nested", {{"array", {1, 2}}}}},
      {{"ocid", "A"}, {"id", "2"}, {"date", "2000-01-02T00:00:00Z"},
       {"nested", {{"array", json::array({{{"id", "x"}}})}}}},
  };
  MergeRules by_position;
  by_position.override_array("nested/array", ArrayStrategy::by_position);
  try {
    compile_releases(releases, by_position);
    ADD_FAILURE() << "merged";
  } catch (const MergeError& error) {
    EXPECT_NE(std::string(error.what()).find("posición 0 de /nested/array"), std::string::npos) << error.what();
  }
  EXPECT_THROW(version_releases(releases, by_position), MergeError);
}

TEST(MergeRules, ReadsTheRulesOfOcds11FromItsSchema) {
  auto listing = MergeRules::for_version("1.1").listing();
  auto has = [&](const std::string& path, const std::string& rule) {
    return std::find(listing.begin(), listing.end(), std::make_pair(path, rule)) != listing.end();
  };
  EXPECT_TRUE(has("id", "omitWhenMerged"));
  EXPECT_TRUE(has("date", "omitWhenMerged"));
  EXPECT_TRUE(has("tag", "omitWhenMerged"));
  EXPECT_TRUE(has("parties/roles", "wholeListMerge"));
  EXPECT_TRUE(has("tender/items/additionalClassifications", "wholeListMerge"));
  EXPECT_FALSE(has("awards/suppliers", "wholeListMerge"));
  // OCDS 1.0 replaced the whole list of suppliers and omitted the ocid.
  auto old = MergeRules::for_version("1.0").listing();
  EXPECT_NE(std::find(old.begin(), old.end(), std::make_pair(std::string("awards/suppliers"), std::string("wholeListMerge"))),
            old.end());
  EXPECT_NE(std::find(old.begin(), old.end(), std::make_pair(std::string("ocid"), std::string("omitWhenMerged"))), old.end());
}

TEST(MergeRules, APackageVersionSelectsItsMinorVersion) {
  EXPECT_EQ(MergeRules::minor_version("1.1"), "1.1");
  EXPECT_EQ(MergeRules::minor_version("1.1.4"), "1.1");
  EXPECT_EQ(MergeRules::minor_version("1.0.1"), "1.0");
  EXPECT_EQ(MergeRules::minor_version("1.0"), "1.0");
  EXPECT_EQ(MergeRules::minor_version("1.10"), std::nullopt);
  EXPECT_EQ(MergeRules::minor_version(""), std::nullopt);
  EXPECT_EQ(MergeRules::minor_version("2.0"), std::nullopt);
  EXPECT_EQ(&MergeRules::for_version("1.0.3"), &MergeRules::for_version("1.0"));
  EXPECT_EQ(&MergeRules::for_version("1.1.5"), &MergeRules::for_version("1.1"));
}

TEST(MergeRules, RefusesASchemaWithoutProperties) {
  EXPECT_THROW(MergeRules::from_schema(json::object()), std::invalid_argument);
  EXPECT_THROW(MergeRules::from_schema(json::parse(R"({"properties":{"a":{"$ref":"#/definitions/Missing"}}})")),
               std::invalid_argument);
}

}  // namespace
}  // namespace apertura::money
