#pragma once
// Parses JSON text with simdjson (validating UTF-8 and structure at gigabytes
// per second) and builds the nlohmann tree that merging works on.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace apertura::money {

// What an import reads of a release before it compiles it, taken from the
// text without building a tree. Identifiers are text or whole numbers (as
// text); anything else reads as "".
struct ReleaseHead {
  bool is_object = false;
  bool has_ocid = false;  // the key, whatever its value
  std::string ocid;
  std::string id;
  std::optional<std::string> date;  // when it is a string
  std::string tags;                 // `tag` as a JSON array (a lone string in one); "" without
  std::string version;  // a `version` the release states itself (some publishers do), "" without
  bool has_package_info = false;
  bool has_records_fields = false;  // `compiledRelease` or `releases`: a record, not a release
};

class FastJsonParser {
 public:
  FastJsonParser();
  ~FastJsonParser();
  FastJsonParser(const FastJsonParser&) = delete;
  FastJsonParser& operator=(const FastJsonParser&) = delete;

  // Throws std::invalid_argument with simdjson's reason when the text is not JSON.
  nlohmann::json parse(std::string_view text);
  // Only the top-level fields named in `keys` of an object (for readers that
  // need a few parts of large documents); throws as parse does.
  nlohmann::json parse_fields(std::string_view text, const std::vector<std::string_view>& keys);
  // Throws as parse does. Text with spare room after it (SIMDJSON_PADDING
  // bytes, as the import's reader leaves) is read in place, without a copy.
  ReleaseHead release_head(const std::string& text);

 private:
  struct State;
  State* state_;
};

}  // namespace apertura::money
