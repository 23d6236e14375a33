#include "money/import/import_options.h"

#include <algorithm>

#include "money/import/messages.h"
#include "money/ocds/merge_rules.h"

namespace apertura::money {

Result<SourceEncoding> choose_source_encoding(std::string_view name) {
  if (auto encoding = parse_source_encoding(name)) return *encoding;
  return Error::invalid(say(ImportMsg::encoding_unknown, name), {{"encoding", say(ImportMsg::encoding_field)}});
}

Result<std::string> choose_unstated_version(std::string_view version) {
  if (version.empty()) return std::string("1.0");
  if (auto minor = MergeRules::minor_version(version)) return *minor;
  return Error::invalid(say(ImportMsg::ocds_version_unknown, version),
                        {{"ocds_version", say(ImportMsg::ocds_version_field)}});
}

void ImportSummary::keep(ImportProblem problem) {
  if (problems.size() < kMaxKeptProblems) problems.push_back(std::move(problem));
}

void ImportSummary::add_changed_copy(const std::string& ocid) {
  ++changed_copies;
  keep_changed_copy_ocid(ocid);
}

void ImportSummary::keep_changed_copy_ocid(const std::string& ocid) {
  bool kept = std::find(changed_copy_ocids.begin(), changed_copy_ocids.end(), ocid) != changed_copy_ocids.end();
  if (!kept && changed_copy_ocids.size() < kMaxKeptOcids) changed_copy_ocids.push_back(ocid);
}

void ImportSummary::count_rules(const std::string& version, bool unstated) {
  ++releases_by_rules[version];
  if (unstated) ++releases_without_version;
}

void ImportSummary::add(ImportSummary other) {
  for (const auto& [version, count] : other.releases_by_rules) releases_by_rules[version] += count;
  releases_without_version += other.releases_without_version;
  imported += other.imported;
  duplicates += other.duplicates;
  changed_copies += other.changed_copies;
  for (const std::string& ocid : other.changed_copy_ocids) keep_changed_copy_ocid(ocid);
  rejected += other.rejected;
  linked += other.linked;
  from_compiled += other.from_compiled;
  processes += other.processes;
  problems_total += other.problems_total;
  for (auto& problem : other.problems) keep(std::move(problem));
  if (other.refused && !refused) refused = other.refused;
  interrupted = interrupted || other.interrupted;
}

}  // namespace apertura::money
