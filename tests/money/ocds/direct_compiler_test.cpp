// The direct compiler must give, byte for byte, the text that compiling with
// release_merger and dumping gives: on the merge conformance fixtures, on
// every process of the real publications, on generated processes, and on the
// corners of JSON (equal keys, number forms, escapes). What it does not take
// (type conflicts, odd identifiers) it must hand back.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "money/contracting/demo_contracts.h"
#include "money/ocds/direct_compiler.h"
#include "money/flags/cardinal_indicators.h"
#include "money/ocds/json_access.h"
#include "money/ocds/json_view.h"
#include "money/ocds/process_summary.h"
#include "money/flags/red_flag_service.h"
#include "money/ocds/release_merger.h"
#include "money/ocds/simdjson_convert.h"
#include "support/shared_data.h"

namespace apertura::money {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::read_json;
using testing::shared_data;

const MergeRules kNoRules;

// The releases as the import holds them: text, and the date that orders them.
struct Texts {
  std::vector<std::string> texts;
  std::vector<std::string> dates;

  std::vector<ReleaseText> view() const {
    std::vector<ReleaseText> out;
    for (size_t i = 0; i < texts.size(); ++i) out.push_back({&texts[i], dates[i]});
    return out;
  }
};

Texts texts_of(const std::vector<std::string>& raw) {
  Texts out;
  FastJsonParser parser;
  for (const std::string& text : raw) {
    out.texts.push_back(text);
    json tree = parser.parse(text);
    const std::string* date = string_field(tree, "date");
    out.dates.push_back(date ? *date : "");
  }
  return out;
}

std::vector<std::string> dumped(const std::vector<json>& releases) {
  std::vector<std::string> out;
  for (const json& release : releases) out.push_back(release.dump());
  return out;
}

// Everything of a summary, to compare two.
json summary_json(const ProcessSummary& summary) {
  auto organization = [](const OrganizationRef& ref) {
    return json{ref.key, ref.name, ref.identifier, ref.party_id};
  };
  json parties = json::array();
  for (const PartyShare& party : summary.parties) {
    parties.push_back({organization(party.organization), party.role, party.amount ? json(*party.amount) : json()});
  }
  auto optional = [](const auto& value) { return value ? json(*value) : json(); };
  return {summary.ocid, summary.title, summary.description,
          summary.buyer ? organization(*summary.buyer) : json(), summary.procurement_method,
          summary.procurement_method_details, summary.status, summary.stage, summary.currency,
          optional(summary.tender_amount), optional(summary.award_amount), optional(summary.contract_amount),
          optional(summary.initial_contract_amount), optional(summary.amount), optional(summary.tenderers),
          summary.budget_id, optional(summary.year), parties, summary.supplier_names, summary.search_text};
}

json flags_json(const std::vector<RedFlag>& flags) {
  json out = json::array();
  for (const RedFlag& flag : flags) out.push_back({flag.code, flag.scope, flag.subject, flag.value});
  return out;
}

FlagSettings every_flag() {
  FlagSettings settings;
  settings.enabled = FlagSettings::all_codes();
  return settings;
}

// An import describes a process (summary, red flags) from the direct
// compiler's tree; it must read the same as the compiled text parsed.
void expect_tree_reads_as_text(const DirectlyCompiled& compiled, const std::string& what) {
  ASSERT_NE(compiled.tree, nullptr) << what;
  json parsed = json::parse(compiled.text);
  JsonView tree(*compiled.tree);
  std::string first_date = compiled.first_date;
  ProcessSummary from_tree = summarize_process(tree, first_date);
  ProcessSummary from_text = summarize_process(parsed, first_date);
  EXPECT_EQ(summary_json(from_tree), summary_json(from_text)) << what;
  static const ProcessFlagger flagger(every_flag());
  EXPECT_EQ(flags_json(flagger.compute(tree, from_tree)), flags_json(flagger.compute(parsed, from_text))) << what;
}

// Compiles both ways and expects the same; the direct compiler's text, or
// nothing when it handed the releases back.
std::optional<std::string> compare(const std::vector<std::string>& raw, const MergeRules& rules,
                                   const std::string& what) {
  Texts texts = texts_of(raw);
  DirectCompiler direct;
  std::optional<DirectlyCompiled> compiled = direct.compile(texts.view(), rules);
  FastJsonParser parser;
  std::vector<json> trees;
  for (const std::string& text : raw) trees.push_back(parser.parse(text));
  if (!compiled) return std::nullopt;
  json expected = compile_releases(trees, rules);
  EXPECT_EQ(compiled->text, expected.dump()) << what;
  EXPECT_EQ(compiled->initial_contract_amount, initial_contract_amount(releases_in_merge_order(trees))) << what;
  EXPECT_EQ(compiled->count, static_cast<int64_t>(raw.size())) << what;
  EXPECT_EQ(compiled->first_date, *std::min_element(texts.dates.begin(), texts.dates.end())) << what;
  EXPECT_EQ(compiled->last_date, *std::max_element(texts.dates.begin(), texts.dates.end())) << what;
  expect_tree_reads_as_text(*compiled, what);
  return compiled->text;
}

TEST(DirectCompiler, MatchesEveryConformanceFixture) {
  int compared = 0, handed_back = 0, undated = 0;
  fs::path root = shared_data() / "ocds-merge-fixtures";
  for (const auto& [folder, schema] : std::vector<std::pair<std::string, std::string>>{
           {"1.0", "release-schema-1__0__3.json"}, {"1.1", "release-schema-1__1__4.json"}, {"schema", "schema.json"}}) {
    MergeRules rules = MergeRules::from_schema(read_json(root / schema));
    for (const auto& entry : fs::directory_iterator(root / folder)) {
      std::string name = entry.path().filename().string();
      if (!name.ends_with("-compiled.json")) continue;
      std::string input = name.substr(0, name.rfind("-compiled")) + ".json";
      std::vector<json> releases = read_json(root / folder / input).get<std::vector<json>>();
      bool dated = std::all_of(releases.begin(), releases.end(),
                               [](const json& release) { return string_field(release, "date") != nullptr; });
      if (!dated && releases.size() > 1) {
        ++undated;  // release_merger refuses these; the import never has them
        continue;
      }
      if (auto text = compare(dumped(releases), rules, folder + "/" + name)) {
        ++compared;
        // And it is the reference output.
        EXPECT_EQ(json::parse(*text), read_json(root / folder / name)) << folder << "/" << name;
      } else {
        ++handed_back;
      }
    }
  }
  // Every compiled output of the three folders.
  EXPECT_EQ(compared, 31);
  EXPECT_EQ(undated, 0);
  EXPECT_EQ(handed_back, 0);
}


// Releases from a package, a record package or a list, grouped by ocid
// (text ocid and date only, as the import queues them; the first of equal ids).
void gather(const json& document, std::map<std::string, std::vector<std::string>>& by_ocid,
            std::map<std::string, std::set<std::string>>& ids) {
  auto add = [&](const json& release) {
    const std::string* ocid = string_field(release, "ocid");
    const std::string* date = string_field(release, "date");
    std::string id = text_of(field(release, "id"));
    if (!ocid || !date || id.empty() || !ids[*ocid].insert(id).second) return;
    by_ocid[*ocid].push_back(release.dump());
  };
  if (document.is_array()) {
    for (const json& item : document) gather(item, by_ocid, ids);
    return;
  }
  for (const json& release : array_field(document, "releases")) add(release);
  for (const json& record : array_field(document, "records")) {
    for (const json& release : array_field(record, "releases")) add(release);
  }
  if (document.contains("ocid") && document.contains("date")) add(document);
}

TEST(DirectCompiler, MatchesEveryProcessOfTheRealPublications) {
  int processes = 0, handed_back = 0;
  for (const auto& publisher : fs::directory_iterator(shared_data() / "ocds-real")) {
    std::map<std::string, std::vector<std::string>> by_ocid;
    std::map<std::string, std::set<std::string>> ids;
    for (const auto& entry : fs::recursive_directory_iterator(publisher.path())) {
      if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
      json document = json::parse(testing::read_text(entry.path()), nullptr, false);
      if (!document.is_discarded()) gather(document, by_ocid, ids);
    }
    for (const auto& [ocid, releases] : by_ocid) {
      for (const char* version : {"1.0", "1.1"}) {
        std::string what = publisher.path().filename().string() + " " + ocid + " (" + version + ")";
        if (compare(releases, MergeRules::for_version(version), what)) {
          ++processes;
        } else {
          ++handed_back;
        }
      }
    }
  }
  // 345 processes, each with the rules of both versions; none needs release_merger.
  EXPECT_EQ(processes, 690);
  EXPECT_EQ(handed_back, 0);
}

// The releases of `processes` generated processes, by ocid.
std::map<std::string, std::vector<std::string>> generated_processes(int64_t processes) {
  std::stringstream lines;
  DemoContractsOptions options;
  options.processes = processes;
  write_demo_releases(lines, options);
  std::map<std::string, std::vector<std::string>> by_ocid;
  FastJsonParser parser;
  std::string line;
  while (std::getline(lines, line)) by_ocid[parser.release_head(line).ocid].push_back(line);
  return by_ocid;
}

TEST(DirectCompiler, MatchesGeneratedProcesses) {
  std::map<std::string, std::vector<std::string>> by_ocid = generated_processes(300);
  ASSERT_EQ(by_ocid.size(), 300u);
  int with_amendments = 0;
  for (const auto& [ocid, releases] : by_ocid) {
    ASSERT_TRUE(compare(releases, MergeRules::for_version("1.1"), ocid)) << ocid;
    if (releases.size() > 3) ++with_amendments;
  }
  EXPECT_GT(with_amendments, 10);
}

// Cardinal's indicators over many processes (quartiles, fences) give the
// same from the trees as from the texts, and the generated processes trip them.
TEST(DirectCompiler, TreesGiveTheFlagsOfTheWholeStoreAsTheirTexts) {
  std::map<std::string, std::vector<std::string>> by_ocid = generated_processes(600);
  CardinalIndicators from_trees(every_flag()), from_texts(every_flag());
  DirectCompiler direct;
  const ProcessFlagger flagger(every_flag());
  std::set<std::string> process_codes;
  for (const auto& [ocid, releases] : by_ocid) {
    Texts texts = texts_of(releases);
    std::optional<DirectlyCompiled> compiled = direct.compile(texts.view(), MergeRules::for_version("1.1"));
    ASSERT_TRUE(compiled) << ocid;
    from_trees.add(JsonView(*compiled->tree));
    from_texts.add(json::parse(compiled->text));
    JsonView tree(*compiled->tree);
    ProcessSummary summary = summarize_process(tree, compiled->first_date);
    summary.initial_contract_amount = compiled->initial_contract_amount;
    for (const RedFlag& flag : flagger.compute(tree, summary)) {
      process_codes.insert(flag.code);
    }
  }
  json trees = flag_results_json(from_trees.finish());
  EXPECT_EQ(trees, flag_results_json(from_texts.finish()));
  std::set<std::string> store_codes;
  for (const auto& [group, subjects] : trees.items()) {
    for (const auto& [_, codes] : subjects.items()) {
      for (const auto& [code, __] : codes.items()) store_codes.insert(code);
    }
  }
  // R025, R038 and R048 compare tenderers and buyers across more processes than these.
  for (const char* code : {"R024", "R058"}) EXPECT_TRUE(store_codes.count(code)) << code;
  for (const char* code : {"R003", "R018", "R028", "R030", "R035", "R036", "MX01", "MX02", "MX03"}) {
    EXPECT_TRUE(process_codes.count(code)) << code;
  }
}

std::string compiled_text(const std::vector<std::string>& releases, const MergeRules& rules = kNoRules) {
  std::optional<std::string> text = compare(releases, rules, releases.front());
  return text ? *text : "(handed back)";
}

TEST(DirectCompiler, KeepsTheLastOfEqualKeysAsNlohmannReadsThem) {
  // In a literal, in an object merged field by field, and in an array's identifier.
  EXPECT_EQ(compiled_text({R"({"ocid":"A","id":"1","date":"2020-01-01","x":1,"x":2,)"
                           R"("tender":{"title":"a","title":"b"},"tender":{"status":"active"},)"
                           R"("awards":[{"id":"1","id":"2","title":"t"}]})",
                           R"({"ocid":"A","id":"2","date":"2020-02-01","awards":[{"id":"2","value":{"amount":3}}]})"}),
            R"({"awards":[{"id":"2","title":"t","value":{"amount":3}}],"date":"2020-02-01","id":"A-2020-02-01",)"
            R"("ocid":"A","tag":["compiled"],"tender":{"status":"active"},"x":2})");
}

TEST(DirectCompiler, WritesNumbersAndStringsAsNlohmannDoes) {
  EXPECT_EQ(compiled_text({R"({"ocid":"A","id":"1","date":"2020","n":[1.0,-0.0,1e21,0.1,1e-7,12345678901234567890.5,)"
                           R"(18446744073709551615,-9223372036854775808,5E+2,2.50],)"
                           R"("s":"quote \" back \\ slash \/ tab \t nl \n cr \r bs \b ff \f nul \u0000 del \u007f \u00e1 é \ud83d\ude00"})"}),
            R"({"date":"2020","id":"A-2020","n":[1.0,-0.0,1e+21,0.1,1e-07,1.2345678901234567e+19,)"
            R"(18446744073709551615,-9223372036854775808,500.0,2.5],"ocid":"A",)"
            "\"s\":\"quote \\\" back \\\\ slash / tab \\t nl \\n cr \\r bs \\b ff \\f nul \\u0000 del \x7f \xc3\xa1 \xc3\xa9 \xf0\x9f\x98\x80\","
            R"("tag":["compiled"]})");
}

TEST(DirectCompiler, MergesByTheRulesAndTheOcdsDefaults) {
  const MergeRules& rules = MergeRules::for_version("1.1");
  std::string text = compiled_text(
      {R"({"ocid":"A","id":"2","date":"2020-02-01","tag":["award"],"tender":{"title":null,"status":"complete"},)"
       R"("awards":[{"id":1,"status":"active"},{"id":"1","status":"pending"}],"empty":{},"none":[]})",
       R"({"ocid":"A","id":"1","date":"2020-01-01","tag":["tender"],"tender":{"title":"Obra","items":[{"id":"i"}]},)"
       R"("awards":[{"id":1,"title":"first"}],"parties":[{"id":"p","roles":["buyer"]}],"planning":{"budget":{}}})"},
      rules);
  json compiled = json::parse(text);
  EXPECT_FALSE(compiled["tender"].contains("title"));  // null removes the field
  EXPECT_EQ(compiled["tender"]["status"], "complete");
  EXPECT_EQ(compiled["awards"].size(), 2u);  // 1 and "1" are different objects
  EXPECT_EQ(compiled["awards"][0]["title"], "first");
  EXPECT_EQ(compiled["awards"][0]["status"], "active");
  EXPECT_FALSE(compiled.contains("empty"));
  EXPECT_FALSE(compiled.contains("none"));
  EXPECT_FALSE(compiled.contains("planning"));  // held only empty objects
  EXPECT_EQ(compiled["tag"], json::array({"compiled"}));
  EXPECT_EQ(compiled["id"], "A-2020-02-01");
}

TEST(DirectCompiler, HandsBackWhatReleaseMergerReportsOrTreatsItsOwnWay) {
  DirectCompiler direct;
  auto handed_back = [&](const std::vector<std::string>& raw) {
    std::vector<std::string> texts = raw;
    std::vector<std::string> dates;  // ReleaseText views its date: the strings must outlive it
    for (size_t i = 0; i < texts.size(); ++i) dates.push_back(std::to_string(i));
    std::vector<ReleaseText> view;
    for (size_t i = 0; i < texts.size(); ++i) view.push_back({&texts[i], dates[i]});
    return !direct.compile(view, kNoRules).has_value();
  };
  // An object after a literal, and an array of objects after one.
  EXPECT_TRUE(handed_back({R"({"ocid":"A","id":"1","date":"1","tender":"x"})",
                           R"({"ocid":"A","id":"2","date":"2","tender":{"title":"t"}})"}));
  EXPECT_TRUE(handed_back({R"({"ocid":"A","id":"1","date":"1","awards":{"id":"1"}})",
                           R"({"ocid":"A","id":"2","date":"2","awards":[{"id":"1"}]})"}));
  EXPECT_TRUE(handed_back({R"({"ocid":"A","id":"1","date":"1","awards":[{"id":{"x":1}}]})"}));
  EXPECT_TRUE(handed_back({R"(["not", "an", "object"])"}));
  EXPECT_TRUE(handed_back({R"({"ocid":"A","id":"1","date":"1",)"}));
  // The same compiler goes on compiling after handing back.
  EXPECT_FALSE(handed_back({R"({"ocid":"A","id":"1","date":"1","tender":{"title":"t"}})"}));
}

}  // namespace
}  // namespace apertura::money
