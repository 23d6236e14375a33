#include "money/process_compiler.h"

#include <algorithm>

#include "core/text.h"
#include "money/merge_rules.h"
#include "money/process_summary.h"
#include "money/release_merger.h"

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

json compile_set(const ReleaseSet& releases) {
  bool any_1_1 = std::find(releases.versions.begin(), releases.versions.end(), "1.1") != releases.versions.end();
  return compile_releases(releases.trees, MergeRules::for_version(any_1_1 ? "1.1" : "1.0"));
}

CompiledProcess describe_process(const std::string& ocid, const json& compiled, const ReleaseSet& releases,
                                 std::optional<int64_t> jurisdiction_id, const ProcessFlagger* flagger) {
  CompiledProcess out;
  ProcessRecord& process = out.record;
  auto [first, last] = std::minmax_element(releases.dates.begin(), releases.dates.end());
  process.first_date = *first;
  process.last_date = *last;
  process.summary = summarize_process(compiled, process.first_date);
  process.summary.initial_contract_amount = initial_contract_amount(releases_in_merge_order(releases.trees));
  process.summary.ocid = ocid;
  process.search_body = fold_for_search(process.summary.search_text);
  process.jurisdiction_id = jurisdiction_id;
  process.compiled = compiled.dump();
  process.release_count = static_cast<int64_t>(releases.size());
  if (flagger) out.flags = flagger->compute(compiled, process.summary);
  return out;
}

}  // namespace apertura::money
