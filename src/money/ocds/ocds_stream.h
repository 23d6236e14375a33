#pragma once
// Reads OCDS files of any size with bounded memory: release packages, record
// packages, bare releases or records, JSON arrays of any of these, and JSON
// Lines / concatenated JSON; plain or gzip (detected by content). The top-level
// "releases" or "records" array of a package is never held whole: each of its
// elements is handed over on its own, with the byte offset and line where it
// starts, so that one bad release is reported and the rest still import.
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "money/ocds/source_encoding.h"

namespace apertura::money {

// The input is not JSON at all, or its structure breaks (a truncated file).
class StreamError : public std::runtime_error {
 public:
  StreamError(const std::string& message, uint64_t offset, uint64_t line)
      : std::runtime_error(message), offset(offset), line(line) {}
  uint64_t offset;
  uint64_t line;
};

struct StreamItem {
  enum class Kind { release, record, top_level };
  Kind kind = Kind::top_level;  // top_level: an object outside any package
  std::string text;             // the item's JSON text, exactly as in the file
  uint64_t offset = 0;          // byte offset (of the uncompressed input) where it starts
  uint64_t line = 1;
  std::optional<size_t> package;  // which package of the file it belongs to (0, 1, ...)
  // Non-empty when the item cannot be imported (too large to keep, its
  // brackets do not match): why. Its text is then empty.
  std::string problem;
};

struct StreamHandlers {
  // May take the item's text (the reader does not read it again): a release
  // kept as it came is then neither copied nor copied again to be parsed.
  std::function<void(StreamItem&)> item;
  // A package's fields other than its releases or records, as a JSON object:
  // `begin` with the fields before the array, `end` with all of them.
  std::function<void(size_t package, const std::string& metadata)> package_begin;
  std::function<void(size_t package, const std::string& metadata)> package_end;
  // Optional: how many bytes of the source (of a gzip file, compressed
  // bytes) have been read so far, each time more are read.
  std::function<void(uint64_t source_bytes)> progress;
};

struct StreamLimits {
  // A single release or record, or the fields of a package around its list.
  size_t max_item_bytes = 64u << 20;
  // The file's encoding: UTF-8 is checked at its start (a file in another
  // encoding is refused naming it); Latin-1 and Windows-1252 are converted
  // while reading, so offsets count the converted bytes.
  SourceEncoding encoding = SourceEncoding::utf8;
};

// Reads `path` to the end, calling the handlers in file order. Throws
// StreamError when the file cannot be read as JSON from that point on; items
// handed over before stay handed over.
void read_ocds_stream(const std::string& path, const StreamHandlers& handlers, const StreamLimits& limits = {});
// The same over text in memory (uploads and tests).
void read_ocds_text(const std::string& text, const StreamHandlers& handlers, const StreamLimits& limits = {});

}  // namespace apertura::money
