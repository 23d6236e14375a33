#include "money/import/ocds_importer.h"

#include <algorithm>
#include <map>

#include "core/hand_off.h"
#include "money/import/batch_compiler.h"
#include "money/import/batch_writer.h"
#include "money/import/messages.h"
#include "money/contracting/contracting_repository.h"
#include "money/import/import_indexes.h"
#include "money/ocds/json_access.h"
#include "money/ocds/merge_rules.h"
#include "money/ocds/ocds_stream.h"
#include "money/import/process_compiler.h"
#include "money/ocds/simdjson_convert.h"

namespace apertura::money {

namespace {

using nlohmann::json;

// A release that says it is compiled (tag "compiled"), or that has neither
// id nor date, which every release has and a compiled release may lack.
bool is_compiled_release(const ReleaseHead& head) {
  return head.tags.find("\"compiled\"") != std::string::npos || (head.id.empty() && !head.date);
}

// Identifiers are text or whole numbers; anything else reads as missing.
std::string text_field(const json& object, const char* key) {
  const json& value = field(object, key);
  return value.is_number_float() ? "" : text_of(value);
}

// Package fields worth keeping; the releases, records and a bare record's
// compiled and versioned releases are stored elsewhere or recomputed.
PackageRecord package_from_metadata(const json& metadata, const std::string& source, const ImportOptions& options) {
  PackageRecord package;
  package.jurisdiction_id = options.jurisdiction_id;
  package.source = source;
  package.license = options.license.url;  // unless the publisher states its own
  if (!metadata.is_object()) return package;
  package.uri = text_field(metadata, "uri");
  auto publisher = metadata.find("publisher");
  if (publisher != metadata.end()) {
    package.publisher_name = publisher->is_object() ? text_field(*publisher, "name")
                             : publisher->is_string() ? publisher->get<std::string>()
                                                      : "";
  }
  if (std::string stated = text_field(metadata, "license"); !stated.empty()) package.license = stated;
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
  bool changed = false;    // since the last batch was handed over
  bool is_record = false;  // a bare record, read like a package
  int64_t queued = 0;      // releases taken from it
  json compiled_fallback;
};

// Reads a file, checks each release and compiles each batch's processes
// (BatchCompiler) on the calling thread; a BatchWriter stores the batches on
// another. A third thread, compiling between the two, was tried: on two cores
// it was slower (more CPU for the same work) and held two more batches.
class FileImport {
 public:
  FileImport(store::Database& database, const Actor& actor, const ImportOptions& options, std::string source,
             IdSet& importer_compiled)
      : options_(options),
        source_(std::move(source)),
        flagger_(options.flags ? std::make_optional<ProcessFlagger>(*options.flags) : std::nullopt),
        compiler_(database, options, flagger_ ? &*flagger_ : nullptr),
        writer_(database, actor, options, source_, flagger_ ? &*flagger_ : nullptr, importer_compiled) {}

  void run(const std::function<void(const StreamHandlers&)>& read) {
    StreamHandlers handlers;
    handlers.item = [this](StreamItem& item) { on_item(item); };
    handlers.package_begin = [this](size_t index, const std::string& metadata) { on_package(index, metadata, false); };
    handlers.package_end = [this](size_t index, const std::string& metadata) { on_package(index, metadata, true); };
    handlers.progress = [this](uint64_t bytes) { progress_.source_bytes = bytes; };
    try {
      read(handlers);
    } catch (const StreamError& error) {
      if (!seen_anything_) {
        summary_.refused = say(ImportMsg::refused_at_line, source_, error.line, error.what());
        return;
      }
      reject(error.line, error.offset, "", "", error.what());
    } catch (const Interrupted&) {
      summary_.interrupted = true;
    }
    if (!summary_.interrupted) {
      hand_over(true);
      progress_.finishing = true;
      if (options_.hooks.progress) options_.hooks.progress(progress_);
    }
    write_.finish();
    summary_.add(std::move(writer_.totals()));
  }

  ImportSummary& summary() { return summary_; }

 private:
  void on_package(size_t index, const std::string& metadata_text, bool ended) {
    seen_anything_ = true;
    json metadata;
    try {
      metadata = parser_.parse(metadata_text);
    } catch (const std::invalid_argument& error) {
      reject(0, 0, "", "", say(ImportMsg::package_not_json, error.what()));
      metadata = json::object();
    }
    size_t key = key_for(index);
    PackageState& state = packages_[key];
    state.record = package_from_metadata(metadata, source_, options_);
    state.changed = true;
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
        state.record = package_from_metadata(json::object(), source_, options_);
        state.changed = true;
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

  void on_item(StreamItem& item) {
    seen_anything_ = true;
    ++progress_.releases_read;
    if (!item.problem.empty()) {
      reject(item.line, item.offset, "", "", item.problem);
      return;
    }
    size_t key = key_for(item.package);
    // Most items are releases as they are: read what the store needs of them
    // without building a tree, which compiling builds when it needs one.
    if (item.kind != StreamItem::Kind::record) {
      ReleaseHead head;
      if (!parsed(item, [&] { head = parser_.release_head(item.text); })) return;
      bool as_is = head.is_object && (item.kind == StreamItem::Kind::release ||
                                      (!(head.has_ocid && head.has_records_fields) &&
                                       !(head.has_package_info && lacks_package_info(key))));
      if (as_is) {
        queue_release(head, std::move(item.text), key, item.line, item.offset);
        return;
      }
    }
    json value;
    if (!parsed(item, [&] { value = parser_.parse(item.text); })) return;
    switch (item.kind) {
      case StreamItem::Kind::release:
        add_release(std::move(value), std::move(item.text), key, item.line, item.offset, "");
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
          add_release(std::move(value), std::move(item.text), key, item.line, item.offset, "");
        }
        return;
    }
  }

  // Runs `parse` on an item; one that is not JSON is reported, and gives false.
  template <typename Parse>
  bool parsed(const StreamItem& item, Parse&& parse) {
    try {
      parse();
      return true;
    } catch (const std::invalid_argument& error) {
      reject(item.line, item.offset, "", "", say(ImportMsg::item_not_json, error.what()));
      return false;
    }
  }

  bool lacks_package_info(size_t key) const {
    return packages_[key].record.uri.empty() && packages_[key].record.publisher_name.empty();
  }

  // Early Mexican publications put the package fields inside each release.
  void adopt_package_info(const json& release, size_t key) {
    PackageState& state = packages_[key];
    if (!release.is_object() || !lacks_package_info(key)) return;
    auto info = release.find("packageInfo");
    if (info == release.end() || !info->is_object()) return;
    state.record = package_from_metadata(*info, source_, options_);
    state.changed = true;
  }

  void add_record(const json& record, size_t key, uint64_t line, uint64_t offset) {
    if (!record.is_object()) {
      reject(line, offset, "", "", say(ImportMsg::record_not_object));
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
      reject(line, offset, ocid, "", say(ImportMsg::record_without_releases));
    }
  }

  // A record that links to its releases but carries its compiled release:
  // kept as the publisher's compilation, which the process shows until its
  // releases arrive and are compiled by the merge rules; never merged as a
  // release. Stored with the releases, keyed by its id (else ocid and date).
  void add_compiled(json compiled, const std::string& ocid, size_t key, uint64_t line, uint64_t offset) {
    if (!compiled.contains("id") && compiled.contains("date") && compiled["date"].is_string()) {
      compiled["id"] = (ocid.empty() ? text_field(compiled, "ocid") : ocid) + "-" + compiled["date"].get<std::string>();
    }
    if (add_release(std::move(compiled), "", key, line, offset, ocid, true)) ++summary_.from_compiled;
  }

  // A release read as a tree: kept as received (`text`) unless it has none
  // (it comes from a record) or it takes its record's ocid.
  bool add_release(json release, std::string text, size_t key, uint64_t line, uint64_t offset,
                   const std::string& ocid_fallback, bool publisher_compiled = false) {
    if (release.is_object() && !ocid_fallback.empty() && !release.contains("ocid")) {
      release["ocid"] = ocid_fallback;
      text.clear();
    }
    if (text.empty()) text = release.dump();
    ReleaseHead head = parser_.release_head(text);
    return queue_release(head, std::move(text), key, line, offset, publisher_compiled);
  }

  bool queue_release(const ReleaseHead& head, std::string text, size_t key, uint64_t line, uint64_t offset,
                     bool publisher_compiled = false) {
    if (!head.is_object) {
      reject(line, offset, "", "", say(ImportMsg::release_not_object));
      return false;
    }
    if (head.ocid.empty()) {
      reject(line, offset, "", head.id, say(ImportMsg::release_without_ocid));
      return false;
    }
    std::string date = head.date.value_or("");
    // A compiled release on its own (JSON Lines of them, as Cardinal reads,
    // need neither id nor date) is kept as the publisher's compilation.
    bool compiled = publisher_compiled || options_.compiled || is_compiled_release(head);
    if (head.id.empty() && !compiled) {
      reject(line, offset, head.ocid, "", say(ImportMsg::release_without_id));
      return false;
    }
    if (date.empty() && !compiled) {
      reject(line, offset, head.ocid, head.id, say(ImportMsg::release_without_date));
      return false;
    }
    BatchRelease pending;
    pending.record.ocid = head.ocid;
    pending.record.release_id = !head.id.empty() ? head.id : date.empty() ? "compilada" : head.ocid + "-" + date;
    pending.record.date = date;
    pending.record.publisher_compiled = compiled;
    if (compiled && !publisher_compiled) ++summary_.from_compiled;
    if (!head.tags.empty()) pending.record.tags = head.tags;
    // "1.1.4" selects the 1.1 rules. The package's version, else one the
    // release states itself; with neither, 1.0 as the standard says unless
    // the person importing said otherwise.
    const std::string& stated = packages_[key].record.version.empty() ? head.version : packages_[key].record.version;
    pending.record.ocds_version = stated.empty() ? options_.unstated_version : MergeRules::rules_version(stated);
    summary_.count_rules(pending.record.ocds_version, stated.empty());
    pending.record.data = std::move(text);
    pending.package_key = key;
    pending.line = line;
    pending.offset = offset;
    batch_.releases.push_back(std::move(pending));
    ++packages_[key].queued;
    if (batch_.releases.size() >= options_.batch_size) hand_over();
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

  // `last`: the end of the file, where there is nothing left to stop.
  void hand_over(bool last = false);

  const ImportOptions& options_;
  std::string source_;
  // Thrown out of the reader when the caller asks to stop.
  struct Interrupted {};

  ImportSummary summary_;
  ImportProgress progress_;
  bool seen_anything_ = false;
  std::vector<PackageState> packages_;
  std::map<size_t, size_t> stream_keys_;
  std::optional<size_t> loose_key_;
  Batch batch_;
  FastJsonParser parser_;
  std::optional<ProcessFlagger> flagger_;
  BatchCompiler compiler_;
  BatchWriter writer_;
  // Batches vary in cost (new processes or known ones, a checkpoint): two may
  // wait, so that neither thread idles while the other finishes a slow one.
  HandOff<Batch> write_{[this](Batch& batch) { writer_.write(batch); }, 2};
};

// Compiles the batch, with the package records changed since the last one,
// and hands it to the writing thread.
void FileImport::hand_over(bool last) {
  for (size_t key = 0; key < packages_.size(); ++key) {
    if (!packages_[key].changed) continue;
    batch_.packages.emplace_back(key, packages_[key].record);
    packages_[key].changed = false;
  }
  if (batch_.releases.empty() && batch_.packages.empty()) return;
  compiler_.compile(batch_);
  // Compressing the documents goes to whichever thread is the less busy
  // now: the writer when it is idle, this thread when batches wait for it.
  if (write_.backlog() > 0) compiler_.compress(batch_);
  write_.push(std::move(batch_));
  batch_ = Batch();
  if (last) return;  // run() reports the end of the reading
  const ImportHooks& hooks = options_.hooks;
  if (hooks.progress) hooks.progress(progress_);
  if (hooks.stop_requested && hooks.stop_requested()) throw Interrupted{};
}

}  // namespace

OcdsImporter::OcdsImporter(store::Database& database, Actor actor, ImportOptions options)
    : database_(database), actor_(std::move(actor)), options_(options) {}

StreamLimits OcdsImporter::limits() const {
  StreamLimits limits;
  limits.max_item_bytes = options_.max_item_bytes;
  limits.encoding = options_.encoding;
  return limits;
}

ImportSummary OcdsImporter::import_file(const std::string& path, const std::string& source) {
  DeferredImportIndexes indexes(database_);
  FileImport import(database_, actor_, options_, source, compiled_);
  import.run([&](const StreamHandlers& handlers) { read_ocds_stream(path, handlers, limits()); });
  indexes.finish();
  return std::move(import.summary());
}

int64_t OcdsImporter::distinct_processes() const {
  return compiled_.size();
}

ImportSummary OcdsImporter::import_text(const std::string& text, const std::string& source) {
  DeferredImportIndexes indexes(database_);
  FileImport import(database_, actor_, options_, source, compiled_);
  import.run([&](const StreamHandlers& handlers) { read_ocds_text(text, handlers, limits()); });
  indexes.finish();
  return std::move(import.summary());
}

}  // namespace apertura::money
