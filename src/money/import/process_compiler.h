#pragma once
// Turns the releases of one contracting process into everything the store
// keeps of it: the compiled release, the summary columns, the folded text for
// search and the flags the process decides alone. Pure computation, so the
// importer can run it on one thread while another writes.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "money/contracting/contracting_repository.h"
#include "money/ocds/direct_compiler.h"
#include "money/ocds/json_view.h"
#include "money/ocds/merge_rules.h"
#include "money/flags/red_flag_service.h"
#include "money/ocds/simdjson_convert.h"

namespace apertura::money {

// The releases of one process with the two things merging needs beside them.
struct ReleaseSet {
  std::vector<nlohmann::json> trees;
  std::vector<std::string> dates;
  std::vector<std::string> versions;  // "1.0" or "1.1"

  void add(nlohmann::json tree, std::string date, std::string version);
  void remove_last();
  size_t size() const { return trees.size(); }
};

// The trees of releases the direct compiler handed back, for release_merger.
ReleaseSet parse_releases(const std::vector<ReleaseText>& texts, const std::vector<std::string>& versions,
                          FastJsonParser& parser);

struct CompiledProcess {
  ProcessRecord record;
  std::vector<RedFlag> flags;
};

// What describing a process needs of its releases beside the compiled
// release. Throws MergeError as compiling them would.
struct ReleaseFacts {
  std::string first_date;
  std::string last_date;
  int64_t count = 0;
  std::optional<double> initial_contract_amount;  // the first value of each contract, summed
};
ReleaseFacts facts_of(const ReleaseSet& releases);
ReleaseFacts facts_of(const DirectlyCompiled& compiled);

// Merges with the 1.1 rules if any release is 1.1, else with 1.0's. Throws MergeError.
nlohmann::json compile_set(const ReleaseSet& releases);
// The same, taking the values out of the release trees (see compile_releases).
nlohmann::json compile_set(ReleaseSet&& releases);

// The rules the releases merge by: 1.1's if any of them is 1.1, else 1.0's.
const MergeRules& merge_rules_for(const std::vector<std::string>& versions);

// The process record of releases already compiled into `compiled`, whose
// text is `compiled_text` (kept as it is); no flags without a flagger.
CompiledProcess describe_process(const std::string& ocid, JsonView compiled, std::string compiled_text,
                                 const ReleaseFacts& facts, std::optional<int64_t> jurisdiction_id,
                                 const ProcessFlagger* flagger);

// The same for a compiled release as release_merger gives it.
CompiledProcess describe_process(const std::string& ocid, const nlohmann::json& compiled, const ReleaseFacts& facts,
                                 std::optional<int64_t> jurisdiction_id, const ProcessFlagger* flagger);

// The same for one as the direct compiler gives it, read from its tree.
CompiledProcess describe_process(const std::string& ocid, DirectlyCompiled&& compiled,
                                 std::optional<int64_t> jurisdiction_id, const ProcessFlagger* flagger);

// A process known only by its publisher's compiled release (a record that
// links its releases without embedding them): that compilation kept as the
// publisher wrote it (`text`), dated `date`. Throws MergeError as describing
// a release set would.
CompiledProcess describe_publisher_compiled(const std::string& ocid, const std::string& text, const std::string& date,
                                            std::optional<int64_t> jurisdiction_id, const ProcessFlagger* flagger);

// Of a process's documents (`publisher_compiled` for each), the positions of
// its releases; when it has none, the position of its publisher's compiled
// release, the last received, alone. What compiles it, in both cases.
std::vector<size_t> documents_to_compile(const std::vector<bool>& publisher_compiled);

}  // namespace apertura::money
