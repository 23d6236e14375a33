#pragma once
// Imports OCDS files into the store: every valid release is kept as received
// (one copy per ocid + id), each touched contracting process is compiled
// again, and everything else is reported with where it is in the file and why.
// Work is committed in batches; a batch is all or nothing, so a killed import
// leaves the store as it was before the batch it was in.
#include <string>

#include "core/actor.h"
#include "core/id_set.h"
#include "money/import/import_options.h"
#include "money/ocds/ocds_stream.h"
#include "store/database.h"

namespace apertura::money {

class OcdsImporter {
 public:
  OcdsImporter(store::Database& database, Actor actor, ImportOptions options = {});
  // `source` names the file in reports and in the stored package.
  ImportSummary import_file(const std::string& path, const std::string& source);
  ImportSummary import_text(const std::string& text, const std::string& source);
  // Processes compiled by all the files this importer has read, each once.
  int64_t distinct_processes() const;

 private:
  StreamLimits limits() const;
  store::Database& database_;
  Actor actor_;
  ImportOptions options_;
  IdSet compiled_;  // the processes compiled by every file read
};

}  // namespace apertura::money
