#pragma once
// The eleven procurement red flags of the Open Contracting Partnership's
// Cardinal tool, computed over compiled releases with the same methodology,
// defaults and exclusions as its documentation states
// (https://cardinal.readthedocs.io/en/latest/cli/indicators/), so an analyst
// gets the same answer from either tool. Indicators that compare a process
// with all the others (R024, R025, R038, R048, R058) need every process
// before `finish`; the others are decided process by process.
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "money/flags/cardinal_settings.h"
#include "money/ocds/json_view.h"

namespace apertura::money {

enum class FlagGroup { ocid, buyer, procuring_entity, tenderer };

// group -> ocid or organisation id -> indicator code -> value
using FlagResults = std::map<FlagGroup, std::map<std::string, std::map<std::string, double>>>;

class CardinalIndicators {
 public:
  explicit CardinalIndicators(FlagSettings settings);
  // Settings shared with others, as the importer's many one-process runs do.
  explicit CardinalIndicators(std::shared_ptr<const FlagSettings> settings);
  ~CardinalIndicators();
  CardinalIndicators(const CardinalIndicators&) = delete;
  CardinalIndicators& operator=(const CardinalIndicators&) = delete;

  void add(JsonView compiled_release);
  FlagResults finish();
  // Quartiles and fences used, per indicator ("R024" -> {"q1": ..., "lower_fence": ...}).
  const std::map<std::string, std::map<std::string, double>>& meta() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Cardinal's output shape: {"OCID": {...}, "Buyer": {...}, "ProcuringEntity": {...}, "Tenderer": {...}}.
nlohmann::json flag_results_json(const FlagResults& results);

// Whole days from an RFC 3339 start to an end, truncated toward zero; nullopt
// when either is not an RFC 3339 date-time.
std::optional<int64_t> whole_days_between(std::string_view start, std::string_view end);

}  // namespace apertura::money
