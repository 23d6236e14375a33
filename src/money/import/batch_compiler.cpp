#include "money/import/batch_compiler.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "money/contracting/json_dictionaries.h"
#include "money/ocds/release_identity.h"
#include "money/ocds/release_merger.h"
#include "money/contracting/stored_json.h"

namespace apertura::money {

BatchCompiler::BatchCompiler(store::Database& database, const ImportOptions& options, const ProcessFlagger* flagger)
    : database_(database), options_(options), flagger_(flagger) {
  auto connection = database_.connect();
  if (database_.dialect() == store::Dialect::sqlite) dictionary_ = JsonDictionaries::current(*connection);
  store_had_processes_ = connection->query_one("SELECT 1 AS one FROM contracting_processes LIMIT 1").has_value();
}

namespace {
// 2^26 bits (8 MB): at a million processes, one new process in sixty shares a
// bit with one seen.
constexpr size_t kSeenBits = size_t{1} << 26;

size_t seen_bit(std::string_view ocid) { return std::hash<std::string_view>{}(ocid) & (kSeenBits - 1); }
}  // namespace

std::unordered_set<std::string> BatchCompiler::compiled_before(Batch& batch, const std::vector<std::string>& ocids) {
  if (seen_.empty()) seen_.resize(kSeenBits / 64);
  std::unordered_set<std::string> before;
  for (const std::string& ocid : ocids) {
    size_t bit = seen_bit(ocid);
    uint64_t mask = uint64_t{1} << (bit % 64);
    if (seen_[bit / 64] & mask) before.insert(ocid);
    seen_[bit / 64] |= mask;
  }
  if (store_had_processes_) {
    // A re-import of a file finds most of its processes and releases there.
    // A release stored with other content is not marked: the writer keeps it
    // as another copy.
    auto connection = database_.connect();
    std::vector<const ReleaseRecord*> records;
    for (const BatchRelease& release : batch.releases) records.push_back(&release.record);
    auto stored = ContractingRepository::stored_copies(*connection, records);
    for (BatchRelease& release : batch.releases) {
      auto process = stored.find(release.record.ocid);
      if (process == stored.end()) continue;
      auto copies = process->second.find(release.record.release_id);
      if (copies == process->second.end()) continue;
      release.stored = std::any_of(copies->second.begin(), copies->second.end(), [&](const StoredCopy& copy) {
        return same_release_content(copy.data, release.record.data);
      });
    }
    for (const auto& [ocid, _] : stored) before.insert(ocid);
  }
  return before;
}

// Each process is compiled from the batch's releases (of two with the same
// id, both when they differ, as the store keeps them) straight from their text; the few the
// direct compiler hands back are parsed into trees and compiled by
// release_merger. A process the store already holds, or that an earlier
// batch of the import held, is compiled by the writer, with its stored
// releases (compiled here too, it was compiled twice).
void BatchCompiler::compile(Batch& batch) {
  std::unordered_map<std::string, std::vector<size_t>> by_ocid;
  for (size_t i = 0; i < batch.releases.size(); ++i) by_ocid[batch.releases[i].record.ocid].push_back(i);
  std::vector<std::string> ocids;
  ocids.reserve(by_ocid.size());
  for (const auto& [ocid, _] : by_ocid) ocids.push_back(ocid);
  std::unordered_set<std::string> before = compiled_before(batch, ocids);
  std::vector<ReleaseText> texts;
  std::vector<std::string> versions;
  std::vector<bool> publisher_compiled;
  for (auto& [ocid, indexes] : by_ocid) {
    if (before.count(ocid)) continue;
    publisher_compiled.clear();
    for (size_t i : indexes) publisher_compiled.push_back(batch.releases[i].record.publisher_compiled);
    std::vector<size_t> chosen = documents_to_compile(publisher_compiled);
    if (chosen.size() == 1 && publisher_compiled[chosen[0]]) {
      const ReleaseRecord& shown = batch.releases[indexes[chosen[0]]].record;
      try {
        batch.compiled.emplace(ocid, describe_publisher_compiled(ocid, shown.data, shown.date, options_.jurisdiction_id,
                                                                 flagger_));
      } catch (const MergeError&) {
        // The writer tries again and reports it.
      }
      continue;
    }
    texts.clear();
    versions.clear();
    std::map<std::string_view, std::vector<const std::string*>> copies;  // by release id
    for (size_t k : chosen) {
      size_t i = indexes[k];
      const ReleaseRecord& record = batch.releases[i].record;
      std::vector<const std::string*>& kept = copies[record.release_id];
      bool same = std::any_of(kept.begin(), kept.end(),
                              [&](const std::string* text) { return same_release_content(*text, record.data); });
      if (same) continue;
      kept.push_back(&record.data);
      texts.push_back({&record.data, record.date});
      versions.push_back(record.ocds_version);
    }
    const MergeRules& rules = merge_rules_for(versions);
    if (std::optional<DirectlyCompiled> direct = direct_.compile(texts, rules)) {
      batch.compiled.emplace(ocid, describe_process(ocid, std::move(*direct), options_.jurisdiction_id, flagger_));
      continue;
    }
    ReleaseSet releases = parse_releases(texts, versions, parser_);
    try {
      ReleaseFacts facts = facts_of(releases);
      nlohmann::json compiled = compile_set(std::move(releases));
      batch.compiled.emplace(ocid, describe_process(ocid, compiled, facts, options_.jurisdiction_id, flagger_));
    } catch (const MergeError&) {
      // The writer merges them one at a time and reports the ones that do not fit.
    }
  }

  if (!dictionary_ && !dictionary_tried_ && database_.dialect() == store::Dialect::sqlite) train_dictionary(batch);
  batch.dictionary = dictionary_;
}

void BatchCompiler::compress(Batch& batch) {
  store::Dialect dialect = database_.dialect();
  for (BatchRelease& release : batch.releases) {
    if (!release.stored) release.record.stored_data = json_for_store(dialect, release.record.data, dictionary_.get());
  }
  for (auto& [_, process] : batch.compiled) {
    process.record.stored_compiled = json_for_store(dialect, process.record.compiled, dictionary_.get());
  }
}

// A database's first import batch large enough to learn from trains its
// dictionary, on releases and compiled releases alike (both are stored).
void BatchCompiler::train_dictionary(const Batch& batch) {
  if (batch.releases.size() < JsonDictionaries::kMinSamples) return;
  dictionary_tried_ = true;
  std::vector<std::string_view> samples;
  // A few thousand documents train in a tenth of a second; more add little.
  constexpr size_t kMaxSamples = 4000;
  size_t documents = batch.releases.size() + batch.compiled.size();
  size_t step = std::max<size_t>(1, documents / kMaxSamples);
  for (size_t i = 0; i < batch.releases.size(); i += step) samples.push_back(batch.releases[i].record.data);
  size_t k = 0;
  for (const auto& [_, process] : batch.compiled) {
    if (k++ % step == 0) samples.push_back(process.record.compiled);
  }
  try {
    auto connection = database_.connect();
    dictionary_ = JsonDictionaries::train(*connection, samples);
  } catch (const std::exception&) {
    // Without a dictionary the documents are larger, and nothing else changes.
    dictionary_ = nullptr;
  }
}

}  // namespace apertura::money
