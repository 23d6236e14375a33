#pragma once
// What an OCDS import takes (options, hooks to follow and stop it) and what
// it gives back (the summary with its problems), apart from the importer so
// that the pipeline's parts and the import's callers need only this.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/license.h"
#include "core/result.h"
#include "money/flags/cardinal_settings.h"
#include "money/ocds/source_encoding.h"

namespace apertura::money {

struct ImportProblem {
  std::string source;
  uint64_t line = 0;
  uint64_t offset = 0;
  std::string ocid;
  std::string release_id;
  std::string reason;
};

struct ImportSummary {
  int64_t imported = 0;       // new releases stored
  int64_t duplicates = 0;     // releases already stored with the same ocid, id and content
  // Releases whose ocid + id were stored with other content: the publisher
  // published one release twice, differently. Stored and compiled too.
  int64_t changed_copies = 0;
  std::vector<std::string> changed_copy_ocids;  // their processes, the first kMaxKeptOcids, each once
  // The releases read by the merge rules of each version ("1.0", "1.1"),
  // and how many of them came from packages that state no version (1.0).
  std::map<std::string, int64_t> releases_by_rules;
  int64_t releases_without_version = 0;
  int64_t rejected = 0;       // releases or items that could not be imported
  int64_t linked = 0;         // linked (not embedded) releases inside records
  int64_t from_compiled = 0;  // compiled releases taken from records without embedded releases
  int64_t processes = 0;      // contracting processes compiled
  int64_t problems_total = 0;
  std::vector<ImportProblem> problems;  // the first kMaxKeptProblems
  std::optional<std::string> refused;   // the file was refused whole; nothing was written
  bool interrupted = false;             // stopped on request after a whole batch; the rest was not read

  static constexpr size_t kMaxKeptProblems = 1000;
  static constexpr size_t kMaxKeptOcids = 1000;
  // Keeps a problem's details while there is room (the total is counted apart).
  void keep(ImportProblem problem);
  // Counts a changed copy of a release of `ocid`, and keeps the ocid while there is room.
  void add_changed_copy(const std::string& ocid);
  // Counts a release read with the rules of `version`; `unstated`: its package states none.
  void count_rules(const std::string& version, bool unstated);
  void add(ImportSummary other);

 private:
  void keep_changed_copy_ocid(const std::string& ocid);
};

// Releases committed together: larger batches commit less often; a batch
// stays bounded in memory (a few tens of megabytes).
constexpr size_t kDefaultBatchSize = 4000;

// How far an import has read, reported after each batch it hands over.
struct ImportProgress {
  uint64_t source_bytes = 0;  // of the file as stored (compressed bytes of a gzip file)
  int64_t releases_read = 0;  // releases and records read, valid or not
  // The whole file is read; the last batches are being written and, after a
  // first import, the list indexes built (seconds at a million releases).
  bool finishing = false;
};

// What a caller may follow and stop of an import.
struct ImportHooks {
  // Called on the reading thread after each batch; keep it cheap.
  std::function<void(const ImportProgress&)> progress;
  // Asked after each batch: true stops reading there. The batches read are
  // stored, and the summary says `interrupted`.
  std::function<bool()> stop_requested;
};

// What the person importing chooses: on the command line, the upload form or
// the API, kept with a queued job.
struct ImportChoices {
  std::optional<int64_t> jurisdiction_id;  // the releases' jurisdiction, when the file does not say
  // The id of the licence (License::offered()) Apertura republishes the
  // releases under when their package states none; "" is the default, CC BY 4.0.
  std::string license;
  // The file's character encoding (parse_source_encoding); "" is UTF-8.
  std::string encoding;
};

// What a person chose on a form, the API or the command line: "" is UTF-8; a
// name not known is an invalid `encoding` field.
Result<SourceEncoding> choose_source_encoding(std::string_view name);

// The same for the version of releases that do not state theirs: "" is 1.0;
// "1.0", "1.1" and their patch versions are taken; anything else is an
// invalid `ocds_version` field.
Result<std::string> choose_unstated_version(std::string_view version);

struct ImportOptions {
  std::optional<int64_t> jurisdiction_id;
  // Recorded as the package's licence when the publisher states none.
  License license = License::cc_by_4();
  SourceEncoding encoding = SourceEncoding::utf8;
  // The merge rules ("1.0" or "1.1") of releases whose package states no
  // version, or that come without a package (JSON Lines): 1.0, as the
  // standard says, unless the person importing knows better.
  std::string unstated_version = "1.0";
  // Every release read is a compiled release (--compiled), kept as the
  // publisher's compilation of its process. Without it, those that say so
  // (tag "compiled") or that have neither id nor date are taken as such.
  bool compiled = false;
  size_t batch_size = kDefaultBatchSize;
  size_t max_item_bytes = 64u << 20;  // one release or record
  // When set, each compiled process gets its own red flags recomputed.
  const FlagSettings* flags = nullptr;
  ImportHooks hooks;
};

}  // namespace apertura::money
