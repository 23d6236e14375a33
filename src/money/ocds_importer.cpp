#include "money/ocds_importer.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "audit/audit_log.h"
#include "money/contracting_repository.h"
#include "money/json_access.h"
#include "money/merge_rules.h"
#include "money/ocds_stream.h"
#include "money/process_summary.h"
#include "money/red_flag_service.h"
#include "money/release_merger.h"
#include "money/simdjson_convert.h"

namespace apertura::money {

namespace {

using nlohmann::json;

// Identifiers are text or whole numbers; anything else reads as missing.
std::string text_field(const json& object, const char* key) {
  const json& value = field(object, key);
  return value.is_number_float() ? "" : text_of(value);
}

// Package fields worth keeping; the releases, records and a bare record's
// compiled and versioned releases are stored elsewhere or recomputed.
PackageRecord package_from_metadata(const json& metadata, const std::string& source,
                                    std::optional<int64_t> jurisdiction_id) {
  PackageRecord package;
  package.jurisdiction_id = jurisdiction_id;
  package.source = source;
  if (!metadata.is_object()) return package;
  package.uri = text_field(metadata, "uri");
  auto publisher = metadata.find("publisher");
  if (publisher != metadata.end()) {
    package.publisher_name = publisher->is_object() ? text_field(*publisher, "name")
                             : publisher->is_string() ? publisher->get<std::string>()
                                                      : "";
  }
  package.license = text_field(metadata, "license");
  package.publication_policy = text_field(metadata, "publicationPolicy");
  package.published_date = text_field(metadata, "publishedDate");
  package.version = text_field(metadata, "version");
  json kept = metadata;
  for (const char* key : {"releases", "records", "compiledRelease", "versionedRelease"}) kept.erase(key);
  package.metadata = kept.dump();
  return package;
}

struct PackageState {
  PackageRecord record;
  std::optional<int64_t> row_id;
  bool dirty = false;
  bool is_record = false;  // a bare record, read like a package
  int64_t queued = 0;      // releases taken from it
  json compiled_fallback;
};

struct Pending {
  ReleaseRecord record;
  size_t package_key = 0;
  json release;
  uint64_t line = 0;
  uint64_t offset = 0;
};

class FileImport {
 public:
  FileImport(store::Database& database, const Actor& actor, const ImportOptions& options, std::string source)
      : database_(database), actor_(actor), options_(options), source_(std::move(source)) {}

  void run(const std::function<void(const StreamHandlers&)>& read) {
    StreamHandlers handlers;
    handlers.item = [this](const StreamItem& item) { on_item(item); };
    handlers.package_begin = [this](size_t index, const std::string& metadata) { on_package(index, metadata, false); };
    handlers.package_end = [this](size_t index, const std::string& metadata) { on_package(index, metadata, true); };
    try {
      read(handlers);
    } catch (const StreamError& error) {
      if (!seen_anything_) {
        summary_.refused = source_ + ", línea " + std::to_string(error.line) + ": " + error.what();
        return;
      }
      reject(error.line, error.offset, "", "", error.what());
    }
    flush();
  }

  ImportSummary& summary() { return summary_; }

 private:
  void on_package(size_t index, const std::string& metadata_text, bool ended) {
    seen_anything_ = true;
    json metadata;
    try {
      metadata = parser_.parse(metadata_text);
    } catch (const std::invalid_argument& error) {
      reject(0, 0, "", "", std::string("los datos del paquete no son JSON válido: ") + error.what());
      metadata = json::object();
    }
    size_t key = key_for(index);
    PackageState& state = packages_[key];
    state.record = package_from_metadata(metadata, source_, options_.jurisdiction_id);
    state.dirty = state.row_id.has_value();
    if (metadata.is_object() && metadata.contains("ocid")) {
      state.is_record = true;
      auto compiled = metadata.find("compiledRelease");
      if (compiled != metadata.end()) state.compiled_fallback = *compiled;
    }
    if (ended && state.is_record && state.queued == 0 && state.compiled_fallback.is_object()) {
      add_compiled(state.compiled_fallback, text_field(metadata, "ocid"), key, 0, 0);
    }
  }

  size_t key_for(std::optional<size_t> stream_package) {
    if (!stream_package) {
      if (!loose_key_) {
        loose_key_ = packages_.size();
        PackageState state;
        state.record = package_from_metadata(json::object(), source_, options_.jurisdiction_id);
        packages_.push_back(std::move(state));
      }
      return *loose_key_;
    }
    auto it = stream_keys_.find(*stream_package);
    if (it != stream_keys_.end()) return it->second;
    stream_keys_[*stream_package] = packages_.size();
    packages_.emplace_back();
    return packages_.size() - 1;
  }

  void on_item(const StreamItem& item) {
    seen_anything_ = true;
    if (!item.oversize.empty()) {
      reject(item.line, item.offset, "", "", "el elemento es demasiado grande (" + item.oversize + ")");
      return;
    }
    json value;
    try {
      value = parser_.parse(item.text);
    } catch (const std::invalid_argument& error) {
      reject(item.line, item.offset, "", "", std::string("no es JSON válido: ") + error.what());
      return;
    }
    size_t key = key_for(item.package);
    switch (item.kind) {
      case StreamItem::Kind::release:
        add_release(std::move(value), item.text, key, item.line, item.offset, "");
        return;
      case StreamItem::Kind::record:
        add_record(value, key, item.line, item.offset);
        return;
      case StreamItem::Kind::top_level:
        if (value.is_object() && value.contains("ocid") &&
            (value.contains("compiledRelease") || value.contains("releases"))) {
          add_record(value, key, item.line, item.offset);
        } else {
          adopt_package_info(value, key);
          add_release(std::move(value), item.text, key, item.line, item.offset, "");
        }
        return;
    }
  }

  // Early Mexican publications put the package fields inside each release.
  void adopt_package_info(const json& release, size_t key) {
    PackageState& state = packages_[key];
    if (!release.is_object() || !state.record.uri.empty() || !state.record.publisher_name.empty()) return;
    auto info = release.find("packageInfo");
    if (info == release.end() || !info->is_object()) return;
    PackageRecord from_info = package_from_metadata(*info, source_, options_.jurisdiction_id);
    state.record = from_info;
    state.dirty = state.row_id.has_value();
  }

  void add_record(const json& record, size_t key, uint64_t line, uint64_t offset) {
    if (!record.is_object()) {
      reject(line, offset, "", "", "un registro (record) debe ser un objeto JSON");
      return;
    }
    std::string ocid = text_field(record, "ocid");
    int64_t embedded = 0;
    auto releases = record.find("releases");
    if (releases != record.end() && releases->is_array()) {
      for (const json& release : *releases) {
        bool linked = release.is_object() && release.contains("url") && !release.contains("ocid") &&
                      !release.contains("id");
        if (linked) {
          ++summary_.linked;
          continue;
        }
        add_release(release, "", key, line, offset, ocid);
        ++embedded;
      }
    }
    auto compiled = record.find("compiledRelease");
    if (embedded == 0 && compiled != record.end() && compiled->is_object()) {
      add_compiled(*compiled, ocid, key, line, offset);
    } else if (embedded == 0) {
      reject(line, offset, ocid, "", "el registro no trae entregas incluidas ni una entrega compilada");
    }
  }

  // A record that links to its releases but carries its compiled release:
  // the compiled release is the only data there is, so it is kept as one.
  void add_compiled(json compiled, const std::string& ocid, size_t key, uint64_t line, uint64_t offset) {
    if (!compiled.contains("id") && compiled.contains("date") && compiled["date"].is_string()) {
      compiled["id"] = (ocid.empty() ? text_field(compiled, "ocid") : ocid) + "-" + compiled["date"].get<std::string>();
    }
    if (add_release(std::move(compiled), "", key, line, offset, ocid)) ++summary_.from_compiled;
  }

  bool add_release(json release, std::string text, size_t key, uint64_t line, uint64_t offset,
                   const std::string& ocid_fallback) {
    if (!release.is_object()) {
      reject(line, offset, "", "", "una entrega (release) debe ser un objeto JSON");
      return false;
    }
    std::string ocid = text_field(release, "ocid");
    if (ocid.empty() && !ocid_fallback.empty() && !release.contains("ocid")) {
      release["ocid"] = ocid = ocid_fallback;
      text.clear();
    }
    std::string id = text_field(release, "id");
    if (ocid.empty()) {
      reject(line, offset, "", id, "falta `ocid` (identificador del proceso de contratación) o no es texto");
      return false;
    }
    if (id.empty()) {
      reject(line, offset, ocid, "", "falta `id` (identificador de la entrega) o no es texto");
      return false;
    }
    auto date = release.find("date");
    if (date == release.end() || !date->is_string() || date->get_ref<const std::string&>().empty()) {
      reject(line, offset, ocid, id, "falta `date` (fecha de la entrega) o no es texto");
      return false;
    }
    Pending pending;
    pending.record.ocid = ocid;
    pending.record.release_id = id;
    pending.record.date = date->get<std::string>();
    auto tag = release.find("tag");
    if (tag != release.end() && tag->is_array()) pending.record.tags = tag->dump();
    if (tag != release.end() && tag->is_string()) pending.record.tags = json::array({*tag}).dump();
    const std::string& package_version = packages_[key].record.version;
    pending.record.ocds_version = package_version == "1.0" || package_version == "1.1" ? package_version
                                  : release.contains("parties")                       ? "1.1"
                                                                                      : "1.0";
    pending.record.data = text.empty() ? release.dump() : std::move(text);
    pending.package_key = key;
    pending.release = std::move(release);
    pending.line = line;
    pending.offset = offset;
    pending_.push_back(std::move(pending));
    ++packages_[key].queued;
    if (pending_.size() >= options_.batch_size) flush();
    return true;
  }

  void reject(uint64_t line, uint64_t offset, std::string ocid, std::string id, std::string reason) {
    reject({source_, line, offset, std::move(ocid), std::move(id), std::move(reason)});
  }
  void reject(ImportProblem problem) {
    ++summary_.rejected;
    ++summary_.problems_total;
    summary_.keep(std::move(problem));
  }

  void flush();

  store::Database& database_;
  const Actor& actor_;
  const ImportOptions& options_;
  std::string source_;
  ImportSummary summary_;
  // Processes compiled so far in this file, by id (dense integers): one bit
  // each, so a process that spans two batches is counted once.
  std::vector<bool> compiled_;
  bool seen_anything_ = false;
  std::vector<PackageState> packages_;
  std::map<size_t, size_t> stream_keys_;
  std::optional<size_t> loose_key_;
  std::vector<Pending> pending_;
  FastJsonParser parser_;
  std::unordered_map<std::string, int64_t> organization_ids_;
};

void FileImport::flush() {
  bool dirty_packages = false;
  for (const auto& package : packages_) dirty_packages = dirty_packages || package.dirty;
  if (pending_.empty() && !dirty_packages) return;

  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  std::vector<std::optional<int64_t>> row_ids;
  for (auto& package : packages_) row_ids.push_back(package.row_id);
  for (const Pending& pending : pending_) {
    auto& row_id = row_ids[pending.package_key];
    if (!row_id) row_id = ContractingRepository::insert_package(*connection, packages_[pending.package_key].record);
  }
  for (size_t key = 0; key < packages_.size(); ++key) {
    if (packages_[key].dirty && packages_[key].row_id) {
      ContractingRepository::update_package(*connection, *row_ids[key], packages_[key].record);
    }
  }

  int64_t imported = 0, duplicates = 0;
  std::map<std::string, std::vector<size_t>> inserted;  // ocid -> indexes into pending_
  for (size_t i = 0; i < pending_.size(); ++i) {
    Pending& pending = pending_[i];
    pending.record.package_id = *row_ids[pending.package_key];
    if (ContractingRepository::insert_release(*connection, pending.record)) {
      inserted[pending.record.ocid].push_back(i);
      ++imported;
    } else {
      ++duplicates;
    }
  }

  std::vector<std::string> ocids;
  for (const auto& [ocid, _] : inserted) ocids.push_back(ocid);
  std::set<std::string> known = ContractingRepository::known_ocids(*connection, ocids);
  std::map<std::string, std::vector<StoredRelease>> stored;
  for (StoredRelease& release : ContractingRepository::releases_of(*connection, {known.begin(), known.end()})) {
    stored[release.ocid].push_back(std::move(release));
  }

  std::vector<ImportProblem> merge_problems;
  int64_t processes = 0;
  int64_t first_compiled = 0;
  for (const auto& [ocid, indexes] : inserted) {
    // The releases already stored for this process, then the new ones.
    std::vector<json> releases;
    std::vector<std::string> dates, versions;
    std::set<std::string> new_ids;
    for (size_t i : indexes) new_ids.insert(pending_[i].record.release_id);
    if (known.count(ocid)) {
      for (const StoredRelease& release : stored[ocid]) {
        if (new_ids.count(release.release_id)) continue;
        releases.push_back(parser_.parse(release.data));
        dates.push_back(release.date);
        versions.push_back(release.ocds_version);
      }
    }
    size_t stored_count = releases.size();
    for (size_t i : indexes) {
      releases.push_back(std::move(pending_[i].release));
      dates.push_back(pending_[i].record.date);
      versions.push_back(pending_[i].record.ocds_version);
    }
    auto compile = [&](const std::vector<json>& subset, const std::vector<std::string>& subset_versions) {
      bool any_1_1 = std::find(subset_versions.begin(), subset_versions.end(), "1.1") != subset_versions.end();
      return compile_releases(subset, MergeRules::for_version(any_1_1 ? "1.1" : "1.0"));
    };
    json compiled;
    try {
      compiled = compile(releases, versions);
    } catch (const MergeError&) {
      // Some new release cannot be merged with the others: keep the ones
      // that can, one at a time, and take the rest back out.
      std::vector<json> accepted(releases.begin(), releases.begin() + static_cast<long>(stored_count));
      std::vector<std::string> accepted_dates(dates.begin(), dates.begin() + static_cast<long>(stored_count));
      std::vector<std::string> accepted_versions(versions.begin(), versions.begin() + static_cast<long>(stored_count));
      for (size_t k = 0; k < indexes.size(); ++k) {
        const Pending& pending = pending_[indexes[k]];
        accepted.push_back(parser_.parse(pending.record.data));  // the parsed copy was moved away
        accepted_versions.push_back(pending.record.ocds_version);
        try {
          compiled = compile(accepted, accepted_versions);
          accepted_dates.push_back(pending.record.date);
        } catch (const MergeError& error) {
          accepted.pop_back();
          accepted_versions.pop_back();
          connection->execute("DELETE FROM ocds_releases WHERE ocid = ? AND release_id = ?",
                              {ocid, pending.record.release_id});
          --imported;
          merge_problems.push_back({source_, pending.line, pending.offset, ocid, pending.record.release_id,
                                    std::string("no se puede compilar con las demás entregas del proceso: ") +
                                        error.what()});
        }
      }
      if (accepted.size() == stored_count) continue;  // nothing new to compile
      compiled = compile(accepted, accepted_versions);
      releases = std::move(accepted);
      dates = std::move(accepted_dates);
    }
    ProcessRecord process;
    process.first_date = *std::min_element(dates.begin(), dates.end());
    process.last_date = *std::max_element(dates.begin(), dates.end());
    process.summary = summarize_process(compiled, process.first_date);
    process.summary.initial_contract_amount = initial_contract_amount(releases_in_merge_order(releases));
    process.summary.ocid = ocid;
    process.jurisdiction_id = options_.jurisdiction_id;
    process.compiled = compiled.dump();
    process.release_count = static_cast<int64_t>(releases.size());
    bool is_new = !known.count(ocid);
    int64_t process_id = ContractingRepository::save_process(*connection, process, is_new, organization_ids_);
    if (options_.flags) {
      RedFlagService::recompute_process(*connection, *options_.flags, compiled, process.summary, is_new);
    }
    ++processes;
    auto bit = static_cast<size_t>(process_id);
    if (bit >= compiled_.size()) compiled_.resize(std::max(bit + 1, compiled_.size() * 2));
    if (!compiled_[bit]) ++first_compiled;
    compiled_[bit] = true;
  }

  std::optional<int64_t> audit_package;
  for (const auto& id : row_ids) {
    if (id) audit_package = id;
  }
  if (audit_package && (imported > 0 || processes > 0)) {
    audit::AuditLog::append_public(*connection, actor_, "import", "ocds_package", *audit_package,
                                   options_.jurisdiction_id, nullptr,
                                   {{"source", source_}, {"releases", imported}, {"processes", processes}});
  }
  transaction.commit();

  for (size_t key = 0; key < packages_.size(); ++key) {
    packages_[key].row_id = row_ids[key];
    packages_[key].dirty = false;
  }
  summary_.imported += imported;
  summary_.duplicates += duplicates;
  summary_.processes += first_compiled;
  for (auto& problem : merge_problems) reject(std::move(problem));
  pending_.clear();
}

}  // namespace

void ImportSummary::keep(ImportProblem problem) {
  if (problems.size() < kMaxKeptProblems) problems.push_back(std::move(problem));
}

void ImportSummary::add(ImportSummary other) {
  imported += other.imported;
  duplicates += other.duplicates;
  rejected += other.rejected;
  linked += other.linked;
  from_compiled += other.from_compiled;
  processes += other.processes;
  problems_total += other.problems_total;
  for (auto& problem : other.problems) keep(std::move(problem));
  if (other.refused && !refused) refused = other.refused;
}

OcdsImporter::OcdsImporter(store::Database& database, Actor actor, ImportOptions options)
    : database_(database), actor_(std::move(actor)), options_(options) {}

StreamLimits OcdsImporter::limits() const {
  StreamLimits limits;
  limits.max_item_bytes = options_.max_item_bytes;
  return limits;
}

ImportSummary OcdsImporter::import_file(const std::string& path, const std::string& source) {
  FileImport import(database_, actor_, options_, source);
  import.run([&](const StreamHandlers& handlers) { read_ocds_stream(path, handlers, limits()); });
  return std::move(import.summary());
}

ImportSummary OcdsImporter::import_text(const std::string& text, const std::string& source) {
  FileImport import(database_, actor_, options_, source);
  import.run([&](const StreamHandlers& handlers) { read_ocds_text(text, handlers, limits()); });
  return std::move(import.summary());
}

}  // namespace apertura::money
