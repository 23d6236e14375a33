// Throughput of the OCDS data path without the database, on a JSON Lines file
// of releases (one release per line, the releases of a process together, as
// `apertura demo --output` writes them):
//   apertura_bench parse FILE   simdjson parsing alone (the floor)
//   apertura_bench read FILE    the import's reader alone: the file split into
//                               releases, each copied out whole
//   apertura_bench merge FILE   parsing into trees, then compiling each process;
//                               then the import's way: straight from the text,
//                               and describing each process from its tree
//                               (summary, the red flags of one process)
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "money/ocds/direct_compiler.h"
#include "money/ocds/merge_rules.h"
#include "money/flags/cardinal_settings.h"
#include "money/ocds/ocds_stream.h"
#include "money/import/process_compiler.h"
#include "money/flags/red_flag_service.h"
#include "money/ocds/release_merger.h"
#include "money/ocds/simdjson_convert.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int parse_only(const std::string& path) {
  auto started = Clock::now();
  simdjson::padded_string text;
  if (simdjson::padded_string::load(path).get(text)) {
    std::cerr << "cannot read " << path << "\n";
    return 1;
  }
  double load = seconds_since(started);
  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  if (parser.parse_many(text, 1 << 24).get(stream)) {
    std::cerr << "cannot parse " << path << "\n";
    return 1;
  }
  auto parsing = Clock::now();
  size_t documents = 0;
  for (auto document : stream) {
    simdjson::dom::element element;
    if (!document.get(element)) ++documents;
  }
  double parse = seconds_since(parsing);
  double megabytes = static_cast<double>(text.size()) / 1e6;
  std::printf("parse-only (simdjson): %zu releases, %.0f MB in %.2f s: %.0f releases/s, %.0f MB/s (reading the file: %.2f s)\n",
              documents, megabytes, parse, documents / parse, megabytes / parse, load);
  return 0;
}

int read_only(const std::string& path) {
  auto started = Clock::now();
  size_t items = 0;
  uint64_t bytes = 0;
  apertura::money::StreamHandlers handlers;
  handlers.item = [&](const apertura::money::StreamItem& item) {
    ++items;
    bytes += item.text.size();
  };
  apertura::money::read_ocds_stream(path, handlers, {});
  double seconds = seconds_since(started);
  std::printf("reader: %zu items, %.0f MB in %.2f s: %.0f items/s, %.0f MB/s\n", items, bytes / 1e6, seconds,
              items / seconds, bytes / 1e6 / seconds);
  return 0;
}

// The import's compiler: each process's releases as text (simdjson reads
// them) to the compiled release's text, no nlohmann tree; then what the
// import keeps of the process, read from the compiler's tree.
int direct_merge(const std::string& path) {
  std::ifstream in(path);
  apertura::money::FastJsonParser parser;
  apertura::money::DirectCompiler compiler;
  apertura::money::FlagSettings settings;
  settings.enabled = apertura::money::FlagSettings::all_codes();
  const apertura::money::ProcessFlagger flagger(settings);
  double describing = 0;
  size_t flags = 0;
  const auto& rules = apertura::money::MergeRules::for_version("1.1");
  std::vector<std::string> texts, dates;
  std::string group_ocid, line;
  size_t releases = 0, processes = 0, handed_back = 0, bytes = 0;
  double compiling = 0;
  auto flush = [&] {
    if (texts.empty()) return;
    std::vector<apertura::money::ReleaseText> group;
    for (size_t i = 0; i < texts.size(); ++i) group.push_back({&texts[i], dates[i]});
    auto started = Clock::now();
    std::optional<apertura::money::DirectlyCompiled> compiled = compiler.compile(group, rules);
    compiling += seconds_since(started);
    if (compiled) {
      started = Clock::now();
      flags += describe_process(group_ocid, std::move(*compiled), std::nullopt, &flagger).flags.size();
      describing += seconds_since(started);
    } else {
      ++handed_back;
    }
    ++processes;
    texts.clear();
    dates.clear();
  };
  auto started = Clock::now();
  while (std::getline(in, line)) {
    bytes += line.size() + 1;
    // What the import reads of each release first (ocid, id, date).
    apertura::money::ReleaseHead head = parser.release_head(line);
    if (head.ocid != group_ocid) {
      flush();
      group_ocid = head.ocid;
    }
    texts.push_back(line);
    dates.push_back(head.date.value_or(""));
    ++releases;
  }
  flush();
  double total = seconds_since(started);
  std::printf("read + direct compile: %zu releases of %zu processes in %.2f s: %.0f releases/s\n", releases,
              processes, total, releases / total);
  std::printf("direct compile alone (parse, merge, write): %.2f s: %.0f releases/s; %zu handed back\n", compiling,
              releases / compiling, handed_back);
  std::printf("describe alone (summary, one-process red flags): %.2f s: %.0f processes/s; %zu flags\n", describing,
              processes / describing, flags);
  return 0;
}

int merge(const std::string& path) {
  std::ifstream in(path);
  apertura::money::FastJsonParser parser;
  const auto& rules = apertura::money::MergeRules::for_version("1.1");
  std::vector<nlohmann::json> group;
  std::string group_ocid, line;
  size_t releases = 0, processes = 0, bytes = 0;
  double merging = 0;
  auto flush = [&] {
    if (group.empty()) return;
    auto started = Clock::now();
    // As the import does: the parsed releases are consumed by compiling them.
    nlohmann::json compiled = apertura::money::compile_releases(std::move(group), rules);
    merging += seconds_since(started);
    ++processes;
    group.clear();
  };
  auto started = Clock::now();
  while (std::getline(in, line)) {
    bytes += line.size() + 1;
    nlohmann::json release = parser.parse(line);
    const std::string& ocid = release["ocid"].get_ref<const std::string&>();
    if (ocid != group_ocid) {
      flush();
      group_ocid = ocid;
    }
    group.push_back(std::move(release));
    ++releases;
  }
  flush();
  double total = seconds_since(started);
  std::printf("parse + merge: %zu releases of %zu processes, %.0f MB in %.2f s: %.0f releases/s, %.0f MB/s\n",
              releases, processes, bytes / 1e6, total, releases / total, bytes / 1e6 / total);
  std::printf("merge alone: %.2f s: %.0f releases/s, %.0f processes/s\n", merging, releases / merging,
              processes / merging);
  return direct_merge(path);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: apertura_bench parse|read|merge FILE\n";
    return 2;
  }
  std::string mode = argv[1];
  if (mode == "parse") return parse_only(argv[2]);
  if (mode == "read") return read_only(argv[2]);
  if (mode == "merge") return merge(argv[2]);
  std::cerr << "unknown mode " << mode << "\n";
  return 2;
}
