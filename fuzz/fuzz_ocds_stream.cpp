// The OCDS stream reader and what the importer does with each item before it
// touches the store: package fields, the fast release head, a full parse,
// and merging the releases read as one process (direct compiler, and
// release_merger for what it hands back). Any input: no crash, no leak, no
// undefined behaviour; a bad file is a StreamError.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "money/ocds/direct_compiler.h"
#include "money/ocds/merge_rules.h"
#include "money/ocds/ocds_stream.h"
#include "money/ocds/release_merger.h"
#include "money/ocds/simdjson_convert.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace apertura::money;
  std::string text(reinterpret_cast<const char*>(data), size);
  FastJsonParser parser;
  std::vector<std::string> releases;
  std::vector<std::string> dates;
  StreamHandlers handlers;
  handlers.item = [&](StreamItem& item) {
    if (!item.problem.empty()) return;
    try {
      ReleaseHead head = parser.release_head(item.text);
      nlohmann::json tree = parser.parse(item.text);
      if (head.is_object && head.date && releases.size() < 16) {
        releases.push_back(item.text);
        dates.push_back(*head.date);
      }
    } catch (const std::invalid_argument&) {
      // Not JSON: the importer reports it.
    }
  };
  handlers.package_begin = [&](size_t, const std::string& metadata) {
    try {
      parser.parse(metadata);
    } catch (const std::invalid_argument&) {
    }
  };
  StreamLimits limits;
  limits.max_item_bytes = 1 << 20;
  try {
    read_ocds_text(text, handlers, limits);
  } catch (const StreamError&) {
    // A file the reader refuses, with its line: what the importer reports.
  }
  std::vector<ReleaseText> texts;
  for (size_t i = 0; i < releases.size(); ++i) texts.push_back({&releases[i], dates[i]});
  DirectCompiler direct;
  for (const char* version : {"1.0", "1.1"}) {
    const MergeRules& rules = MergeRules::for_version(version);
    if (direct.compile(texts, rules)) continue;
    std::vector<nlohmann::json> trees;
    for (const std::string& release : releases) {
      nlohmann::json tree = nlohmann::json::parse(release, nullptr, false);
      if (tree.is_object()) trees.push_back(std::move(tree));  // as the importer checks
    }
    try {
      compile_releases(trees, rules);
    } catch (const MergeError&) {
      // Releases that do not merge: the importer reports them.
    }
  }
  return 0;
}
