#pragma once
// Figures the platform computes from its own data (the share of requests an
// institution answered on time, ...), which a commitment's indicator can be
// bound to instead of typed by hand. Other domains add theirs to the
// catalog the plans service keeps; the plans domain only asks them.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace apertura::plans {

// Where and when a bound indicator measures: the plan's jurisdiction, the
// institution the indicator names (or all of them), and the plan's period.
struct MeasureScope {
  int64_t jurisdiction_id = 0;
  std::optional<int64_t> institution_id;
  std::string from;   // first day, ISO
  std::string until;  // last day, ISO
};

struct Measured {
  double value = 0;
  std::string list_url;  // the records behind the figure
};

struct Measure {
  std::string key;    // "requests_on_time_share"
  std::string label;  // "Solicitudes respondidas en plazo"
  std::string unit;   // "%"
  // nullopt when there is nothing to measure yet (no requests answered).
  std::function<std::optional<Measured>(const MeasureScope&)> compute;
};

class MeasureCatalog {
 public:
  void add(Measure measure) { measures_.push_back(std::move(measure)); }
  const Measure* find(const std::string& key) const {
    for (const auto& measure : measures_) {
      if (measure.key == key) return &measure;
    }
    return nullptr;
  }
  const std::vector<Measure>& all() const { return measures_; }

 private:
  std::vector<Measure> measures_;
};

}  // namespace apertura::plans
