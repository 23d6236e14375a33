#include "money/import/process_compiler.h"

#include <algorithm>

#include "core/text.h"
#include "money/ocds/merge_rules.h"
#include "money/ocds/process_summary.h"
#include "money/ocds/release_merger.h"

namespace apertura::money {

using nlohmann::json;

void ReleaseSet::add(json tree, std::string date, std::string version) {
  trees.push_back(std::move(tree));
  dates.push_back(std::move(date));
  versions.push_back(std::move(version));
}

void ReleaseSet::remove_last() {
  trees.pop_back();
  dates.pop_back();
  versions.pop_back();
}

ReleaseSet parse_releases(const std::vector<ReleaseText>& texts, const std::vector<std::string>& versions,
                          FastJsonParser& parser) {
  ReleaseSet releases;
  for (size_t k = 0; k < texts.size(); ++k) {
    releases.add(parser.parse(*texts[k].text), std::string(texts[k].date), versions[k]);
  }
  return releases;
}

const MergeRules& merge_rules_for(const std::vector<std::string>& versions) {
  bool any_1_1 = std::find(versions.begin(), versions.end(), "1.1") != versions.end();
  return MergeRules::for_version(any_1_1 ? "1.1" : "1.0");
}

ReleaseFacts facts_of(const ReleaseSet& releases) {
  ReleaseFacts facts;
  if (releases.size() == 0) return facts;
  auto [first, last] = std::minmax_element(releases.dates.begin(), releases.dates.end());
  facts.first_date = *first;
  facts.last_date = *last;
  facts.count = static_cast<int64_t>(releases.size());
  facts.initial_contract_amount = initial_contract_amount(releases_in_merge_order(releases.trees));
  return facts;
}

ReleaseFacts facts_of(const DirectlyCompiled& compiled) {
  return {compiled.first_date, compiled.last_date, compiled.count, compiled.initial_contract_amount};
}

json compile_set(const ReleaseSet& releases) {
  return compile_releases(releases.trees, merge_rules_for(releases.versions));
}

json compile_set(ReleaseSet&& releases) {
  return compile_releases(std::move(releases.trees), merge_rules_for(releases.versions));
}

CompiledProcess describe_process(const std::string& ocid, JsonView compiled, std::string compiled_text,
                                 const ReleaseFacts& facts, std::optional<int64_t> jurisdiction_id,
                                 const ProcessFlagger* flagger) {
  CompiledProcess out;
  ProcessRecord& process = out.record;
  process.first_date = facts.first_date;
  process.last_date = facts.last_date;
  process.summary = summarize_process(compiled, process.first_date);
  process.summary.initial_contract_amount = facts.initial_contract_amount;
  process.summary.ocid = ocid;
  process.search_body = fold_for_search(process.summary.search_text);
  process.jurisdiction_id = jurisdiction_id;
  process.compiled = std::move(compiled_text);
  process.release_count = facts.count;
  if (flagger) out.flags = flagger->compute(compiled, process.summary);
  return out;
}

CompiledProcess describe_process(const std::string& ocid, const json& compiled, const ReleaseFacts& facts,
                                 std::optional<int64_t> jurisdiction_id, const ProcessFlagger* flagger) {
  return describe_process(ocid, compiled, compiled.dump(), facts, jurisdiction_id, flagger);
}

CompiledProcess describe_publisher_compiled(const std::string& ocid, const std::string& text, const std::string& date,
                                            std::optional<int64_t> jurisdiction_id, const ProcessFlagger* flagger) {
  ReleaseSet set;
  set.add(json::parse(text), date, "1.1");
  ReleaseFacts facts = facts_of(set);
  facts.count = 0;  // none of its releases is here
  return describe_process(ocid, JsonView(set.trees.front()), text, facts, jurisdiction_id, flagger);
}

std::vector<size_t> documents_to_compile(const std::vector<bool>& publisher_compiled) {
  std::vector<size_t> releases;
  for (size_t i = 0; i < publisher_compiled.size(); ++i) {
    if (!publisher_compiled[i]) releases.push_back(i);
  }
  if (releases.empty() && !publisher_compiled.empty()) releases.push_back(publisher_compiled.size() - 1);
  return releases;
}

CompiledProcess describe_process(const std::string& ocid, DirectlyCompiled&& compiled,
                                 std::optional<int64_t> jurisdiction_id, const ProcessFlagger* flagger) {
  ReleaseFacts facts = facts_of(compiled);
  return describe_process(ocid, JsonView(*compiled.tree), std::move(compiled.text), facts, jurisdiction_id, flagger);
}

}  // namespace apertura::money
