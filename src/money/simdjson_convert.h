#pragma once
// Parses JSON text with simdjson (validating UTF-8 and structure at gigabytes
// per second) and builds the nlohmann tree that merging works on.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace apertura::money {

class FastJsonParser {
 public:
  FastJsonParser();
  ~FastJsonParser();
  FastJsonParser(const FastJsonParser&) = delete;
  FastJsonParser& operator=(const FastJsonParser&) = delete;

  // Throws std::invalid_argument with simdjson's reason when the text is not JSON.
  nlohmann::json parse(std::string_view text);

 private:
  struct State;
  State* state_;
};

}  // namespace apertura::money
