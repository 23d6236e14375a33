#include "money/import/batch_writer.h"

#include <algorithm>
#include <map>
#include <set>

#include "audit/audit_log.h"
#include "money/import/batch_compiler.h"
#include "money/import/messages.h"
#include "money/ocds/release_identity.h"
#include "money/ocds/release_merger.h"
#include "money/contracting/stored_json.h"

namespace apertura::money {

using nlohmann::json;

BatchWriter::BatchWriter(store::Database& database, const Actor& actor, const ImportOptions& options,
                         std::string source, const ProcessFlagger* flagger, IdSet& importer_compiled)
    : database_(database),
      actor_(actor),
      options_(options),
      source_(std::move(source)),
      flagger_(flagger),
      importer_compiled_(importer_compiled) {}

std::optional<CompiledProcess> BatchWriter::compile_with_stored(store::Connection& connection,
                                                                const std::string& ocid,
                                                                const std::vector<size_t>& indexes,
                                                                const Batch& batch,
                                                                const std::vector<StoredRelease>* stored,
                                                                Counts& counts) {
  // The documents stored before this batch for this process, then the new
  // ones; of those, the releases (or, without any, the publisher's compiled
  // release) compile it.
  std::set<std::pair<std::string, int64_t>> new_copies;
  for (size_t i : indexes) new_copies.emplace(batch.releases[i].record.release_id, batch.releases[i].record.copy_number);
  std::vector<const StoredRelease*> before;
  if (stored) {
    for (const StoredRelease& release : *stored) {
      if (!new_copies.count({release.release_id, release.copy_number})) before.push_back(&release);
    }
  }
  std::vector<bool> publisher_compiled;
  for (const StoredRelease* release : before) publisher_compiled.push_back(release->publisher_compiled);
  for (size_t i : indexes) publisher_compiled.push_back(batch.releases[i].record.publisher_compiled);
  std::vector<size_t> chosen = documents_to_compile(publisher_compiled);
  std::vector<ReleaseText> texts;
  std::vector<std::string> versions;
  std::vector<size_t> fresh;  // the new releases compiled, as indexes into batch.releases
  for (size_t k : chosen) {
    if (k < before.size()) {
      texts.push_back({&before[k]->data, before[k]->date});
      versions.push_back(before[k]->ocds_version);
    } else {
      const ReleaseRecord& record = batch.releases[indexes[k - before.size()]].record;
      texts.push_back({&record.data, record.date});
      versions.push_back(record.ocds_version);
      fresh.push_back(indexes[k - before.size()]);
    }
  }
  if (fresh.empty()) return std::nullopt;  // what compiles the process has not changed
  size_t stored_count = texts.size() - fresh.size();
  if (chosen.size() == 1 && publisher_compiled[chosen[0]]) {
    const BatchRelease& shown = batch.releases[fresh[0]];
    try {
      return describe_publisher_compiled(ocid, shown.record.data, shown.record.date, options_.jurisdiction_id,
                                         flagger_);
    } catch (const MergeError& error) {
      ContractingRepository::delete_release(connection, shown.record);
      --counts.imported;
      counts.problems.push_back({source_, shown.line, shown.offset, ocid, shown.record.release_id,
                                 say(ImportMsg::cannot_compile, error.what())});
      return std::nullopt;
    }
  }
  // Straight from their text when they merge (the usual case).
  if (std::optional<DirectlyCompiled> direct = direct_.compile(texts, merge_rules_for(versions))) {
    return describe_process(ocid, std::move(*direct), options_.jurisdiction_id, flagger_);
  }
  ReleaseSet releases = parse_releases(texts, versions, parser_);
  json compiled;
  try {
    compiled = compile_set(releases);
  } catch (const MergeError&) {
    // Some new release cannot be merged with the others: keep the ones that
    // can, one at a time, and take the rest back out.
    ReleaseSet accepted;
    for (size_t k = 0; k < releases.size(); ++k) {
      accepted.add(std::move(releases.trees[k]), releases.dates[k], releases.versions[k]);
      if (k < stored_count) continue;
      const BatchRelease& release = batch.releases[fresh[k - stored_count]];
      try {
        compiled = compile_set(accepted);
      } catch (const MergeError& error) {
        accepted.remove_last();
        ContractingRepository::delete_release(connection, release.record);
        --counts.imported;
        counts.problems.push_back({source_, release.line, release.offset, ocid, release.record.release_id,
                                   say(ImportMsg::cannot_compile, error.what())});
      }
    }
    if (accepted.size() == stored_count) return std::nullopt;  // nothing new to compile
    compiled = compile_set(accepted);
    releases = std::move(accepted);
  }
  return describe_process(ocid, compiled, facts_of(releases), options_.jurisdiction_id, flagger_);
}

namespace {
// Two SQLite settings for the batch's transaction only, so that other work
// on the connection keeps the defaults:
// - statement journals (the pages one statement inside a transaction
//   changes, so that it alone can be undone) in memory: past 64 KiB they go
//   to temporary files, and an import of 48,000 releases wrote 3.0 GB of
//   them for a 164 MB database;
// - no foreign key checks: every key the writer stores it has just read or
//   been given back inside the same transaction (process, package and
//   organisation ids) or checked at its start (the jurisdiction), and the
//   checks were a third of the cost of the party rows (two parent lookups
//   for each of 1.5 million rows at 1M releases).
class BatchPragmas {
 public:
  explicit BatchPragmas(store::Connection& connection)
      : connection_(connection), on_(connection.dialect() == store::Dialect::sqlite) {
    if (on_) connection_.execute_script("PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF");
  }
  ~BatchPragmas() {
    if (!on_) return;
    try {
      connection_.execute_script("PRAGMA temp_store=DEFAULT; PRAGMA foreign_keys=ON");
    } catch (const std::exception&) {
      // A connection that cannot take a pragma is not healthy and is replaced.
    }
  }
  BatchPragmas(const BatchPragmas&) = delete;
  BatchPragmas& operator=(const BatchPragmas&) = delete;

 private:
  store::Connection& connection_;
  bool on_;
};
}  // namespace

std::vector<size_t> BatchWriter::store_changed_copies(store::Connection& connection, Batch& batch,
                                                      const std::vector<size_t>& taken, Counts& counts) {
  std::vector<const ReleaseRecord*> of_taken;
  for (size_t i : taken) of_taken.push_back(&batch.releases[i].record);
  StoredCopies stored = ContractingRepository::stored_copies(connection, of_taken);
  std::vector<const ReleaseRecord*> changed;
  std::vector<size_t> positions;
  for (size_t i : taken) {
    ReleaseRecord& record = batch.releases[i].record;
    std::vector<StoredCopy>& copies = stored[record.ocid][record.release_id];
    bool same = std::any_of(copies.begin(), copies.end(),
                            [&](const StoredCopy& copy) { return same_release_content(copy.data, record.data); });
    if (same) continue;  // a plain duplicate
    int64_t last = -1;
    for (const StoredCopy& copy : copies) last = std::max(last, copy.copy_number);
    record.copy_number = last + 1;
    copies.push_back({record.copy_number, record.data});  // a third copy is compared with this one too
    changed.push_back(&record);
    positions.push_back(i);
  }
  std::vector<size_t> stored_now;
  std::vector<bool> inserted = ContractingRepository::insert_releases(connection, changed);
  for (size_t k = 0; k < changed.size(); ++k) {
    // Not inserted: another import stored that copy meanwhile.
    if (!inserted[k]) continue;
    stored_now.push_back(positions[k]);
    ++counts.imported;
    counts.changed.push_back(changed[k]->ocid);
  }
  return stored_now;
}

void BatchWriter::count_compiled(int64_t process_id, Counts& counts) {
  ++counts.processes;
  if (compiled_.insert(process_id)) ++counts.first_compiled;
  importer_compiled_.insert(process_id);
}

void BatchWriter::write(Batch& batch) {
  auto connection = database_.connect();
  BatchPragmas pragmas(*connection);
  store::Transaction transaction(*connection);
  if (options_.jurisdiction_id &&
      !connection->query_one("SELECT 1 AS one FROM jurisdictions WHERE id = ?", {*options_.jurisdiction_id})) {
    throw store::StoreError(say(ImportMsg::jurisdiction_unknown_field, *options_.jurisdiction_id));
  }
  for (auto& [key, record] : batch.packages) {
    if (key >= packages_.size()) {
      packages_.resize(key + 1);
      package_rows_.resize(key + 1);
    }
    packages_[key] = std::move(record);
  }
  std::vector<std::optional<int64_t>> rows = package_rows_;
  for (const auto& [key, _] : batch.packages) {
    if (rows[key]) ContractingRepository::update_package(*connection, *rows[key], packages_[key]);
  }

  Counts counts;
  std::vector<const ReleaseRecord*> records;
  std::vector<size_t> positions;  // of `records` in batch.releases
  records.reserve(batch.releases.size());
  for (size_t i = 0; i < batch.releases.size(); ++i) {
    BatchRelease& release = batch.releases[i];
    auto& row = rows[release.package_key];
    if (!row) row = ContractingRepository::insert_package(*connection, packages_[release.package_key]);
    if (release.stored) continue;  // seen in the store by the reading thread
    release.record.package_id = *row;
    // Unless the reading thread did, being the less busy of the two.
    if (release.record.stored_data.is_null()) {
      release.record.stored_data = json_for_store(connection->dialect(), release.record.data, batch.dictionary.get());
    }
    records.push_back(&release.record);
    positions.push_back(i);
  }
  std::vector<bool> stored_now = ContractingRepository::insert_releases(*connection, records);
  std::map<std::string, std::vector<size_t>> inserted;  // ocid -> indexes into batch.releases, in order
  std::vector<size_t> taken;  // releases whose ocid + id were there, stored or earlier in the batch
  for (size_t k = 0; k < records.size(); ++k) {
    if (stored_now[k]) {
      inserted[batch.releases[positions[k]].record.ocid].push_back(positions[k]);
      ++counts.imported;
    } else {
      taken.push_back(positions[k]);
    }
  }
  if (!taken.empty()) {
    for (size_t i : store_changed_copies(*connection, batch, taken, counts)) {
      std::vector<size_t>& of_process = inserted[batch.releases[i].record.ocid];
      of_process.insert(std::upper_bound(of_process.begin(), of_process.end(), i), i);
    }
  }
  counts.duplicates = static_cast<int64_t>(batch.releases.size()) - counts.imported;

  std::vector<std::string> ocids;
  for (const auto& [ocid, _] : inserted) ocids.push_back(ocid);
  std::set<std::string> known = ContractingRepository::known_ocids(*connection, ocids);
  std::map<std::string, std::vector<StoredRelease>> stored;
  for (StoredRelease& release : ContractingRepository::releases_of(*connection, {known.begin(), known.end()})) {
    stored[release.ocid].push_back(std::move(release));
  }

  SearchRows search;
  // New processes compiled on the reading thread go in together, several to a statement.
  std::vector<CompiledProcess*> fresh;
  for (const auto& [ocid, indexes] : inserted) {
    bool is_new = !known.count(ocid);
    const CompiledProcess* process = nullptr;
    std::optional<CompiledProcess> recompiled;
    if (auto ready = batch.compiled.find(ocid); is_new && ready != batch.compiled.end()) {
      fresh.push_back(&ready->second);
      continue;
    } else {
      auto of_process = stored.find(ocid);
      recompiled = compile_with_stored(*connection, ocid, indexes, batch,
                                       of_process == stored.end() ? nullptr : &of_process->second, counts);
      if (!recompiled) continue;
      recompiled->record.stored_compiled =
          json_for_store(connection->dialect(), recompiled->record.compiled, batch.dictionary.get());
      process = &*recompiled;
    }
    int64_t process_id = ContractingRepository::save_process(*connection, process->record, is_new, organizations_,
                                                              search);
    if (flagger_) ProcessFlagger::replace(*connection, ocid, process->flags, is_new);
    count_compiled(process_id, counts);
  }
  std::vector<const ProcessRecord*> records_of_fresh;
  std::vector<RedFlag> flags_of_fresh;
  for (CompiledProcess* process : fresh) {
    // Unless the reading thread did, being the less busy of the two.
    if (process->record.stored_compiled.is_null()) {
      process->record.stored_compiled =
          json_for_store(connection->dialect(), process->record.compiled, batch.dictionary.get());
    }
    records_of_fresh.push_back(&process->record);
    flags_of_fresh.insert(flags_of_fresh.end(), process->flags.begin(), process->flags.end());
  }
  for (int64_t process_id :
       ContractingRepository::insert_new_processes(*connection, records_of_fresh, organizations_, search)) {
    count_compiled(process_id, counts);
  }
  if (flagger_) ProcessFlagger::insert(*connection, flags_of_fresh);

  ContractingRepository::write_search_rows(*connection, search);

  std::optional<int64_t> audit_package;
  for (const auto& row : rows) {
    if (row) audit_package = row;
  }
  if (audit_package && (counts.imported > 0 || counts.processes > 0)) {
    audit::AuditLog::append_public(*connection, actor_, "import", "ocds_package", *audit_package,
                                   options_.jurisdiction_id, nullptr,
                                   {{"source", source_}, {"releases", counts.imported},
                                    {"processes", counts.processes}});
  }
  transaction.commit();

  package_rows_ = std::move(rows);
  totals_.imported += counts.imported;
  totals_.duplicates += counts.duplicates;
  for (const std::string& ocid : counts.changed) totals_.add_changed_copy(ocid);
  totals_.processes += counts.first_compiled;
  for (auto& problem : counts.problems) {
    ++totals_.rejected;
    ++totals_.problems_total;
    totals_.keep(std::move(problem));
  }
}

}  // namespace apertura::money
