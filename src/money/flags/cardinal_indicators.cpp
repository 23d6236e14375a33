#include "money/flags/cardinal_indicators.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <set>
#include <tuple>
#include <unordered_map>

#include "money/ocds/json_view.h"
#include "money/flags/quantiles.h"

namespace apertura::money {

namespace {

bool has_status(JsonView object, const char* status) {
  std::optional<std::string_view> s = string_field(object, "status");
  return s && *s == status;
}

// --- RFC 3339 ---------------------------------------------------------------

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool digits(std::string_view s, size_t at, size_t count, int& out) {
  if (at + count > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// Nanoseconds since the epoch, or nullopt.
std::optional<__int128> rfc3339_nanos(std::string_view s) {
  int year, month, day, hour, minute, second;
  if (!digits(s, 0, 4, year) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' ||
      !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, hour) ||
      s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':' || !digits(s, 17, 2, second)) {
    return std::nullopt;
  }
  static const int kDaysIn[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDaysIn[month - 1] || hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return std::nullopt;
  size_t at = 19;
  int64_t nanos = 0;
  if (at < s.size() && s[at] == '.') {
    ++at;
    size_t start = at;
    int64_t scale = 100000000;
    while (at < s.size() && s[at] >= '0' && s[at] <= '9') {
      nanos += (s[at] - '0') * scale;
      scale /= 10;
      ++at;
    }
    if (at == start) return std::nullopt;
  }
  int64_t offset = 0;
  if (at < s.size() && (s[at] == 'Z' || s[at] == 'z')) {
    ++at;
  } else if (at < s.size() && (s[at] == '+' || s[at] == '-')) {
    int oh, om;
    if (!digits(s, at + 1, 2, oh) || at + 3 >= s.size() || s[at + 3] != ':' || !digits(s, at + 4, 2, om) ||
        oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset = (oh * 3600 + om * 60) * (s[at] == '+' ? 1 : -1);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != s.size()) return std::nullopt;
  int64_t seconds = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
                    hour * 3600 + minute * 60 + second - offset;
  return static_cast<__int128>(seconds) * 1000000000 + nanos;
}

// --- helpers shared by indicators -------------------------------------------

bool matches_method(JsonView tender, const std::set<std::string>& methods) {
  if (methods.empty()) return true;
  std::optional<std::string_view> method = string_field(tender, "procurementMethod");
  return method && methods.count(std::string(*method));
}

bool matches_method_details(JsonView release, const std::set<std::string>& include,
                            const std::set<std::string>& exclude) {
  if (include.empty() && exclude.empty()) return true;  // the defaults: no need to read the tender
  std::optional<std::string_view> details = string_field(field(release, "tender"), "procurementMethodDetails");
  if (details) {
    std::string text(*details);
    return include.empty() ? !exclude.count(text) : include.count(text) > 0;
  }
  return include.empty();
}

// Pending, valid and disqualified bids (not invited or withdrawn).
std::vector<JsonView> submitted_bids(JsonView release) {
  std::vector<JsonView> bids;
  JsonView details = field(field(release, "bids"), "details");
  if (!details.is_array()) return bids;
  for (JsonView bid : details) {
    std::optional<std::string_view> status = string_field(bid, "status");
    if (status && *status != "invited" && *status != "withdrawn") bids.push_back(bid);
  }
  return bids;
}

// The active awards and the bids, when every award with a status is final.
bool complete_awards_and_bids(JsonView release, std::vector<JsonView>& awards_out, JsonView& details_out) {
  JsonView awards = field(release, "awards");
  JsonView details = field(field(release, "bids"), "details");
  if (!awards.is_array() || !details.is_array()) return false;
  for (JsonView award : awards) {
    std::optional<std::string_view> status = string_field(award, "status");
    if (!status) continue;
    if (*status == "active") {
      awards_out.push_back(award);
    } else if (*status != "cancelled" && *status != "unsuccessful") {
      return false;
    }
  }
  details_out = details;
  return true;
}

struct ValidBid {
  std::string tenderer;
  double amount;
  std::string currency;
};

std::vector<ValidBid> valid_bids_with_value(JsonView details) {
  std::vector<ValidBid> out;
  for (JsonView bid : details) {
    std::optional<std::string_view> status = string_field(bid, "status");
    JsonView value = field(bid, "value");
    JsonView amount = field(value, "amount");
    std::optional<std::string_view> currency = string_field(value, "currency");
    JsonView tenderers = field(bid, "tenderers");
    if (!status || !value.is_object() || !amount.is_number() || !currency || !tenderers.is_array() ||
        tenderers.size() != 1) {
      continue;
    }
    std::optional<std::string_view> id = string_field(tenderers[0], "id");
    if (id && *status == "valid") out.push_back({std::string(*id), amount.number(), std::string(*currency)});
  }
  return out;
}

std::optional<std::string_view> single_supplier_of_single_award(const std::vector<JsonView>& awards) {
  if (awards.size() != 1) return std::nullopt;
  JsonView suppliers = field(awards[0], "suppliers");
  if (!suppliers.is_array() || suppliers.size() != 1) return std::nullopt;
  return string_field(suppliers[0], "id");
}

// A few ids (the tenderers of a bid, the suppliers of a process), sorted and
// each once, pointing into the release being read: the indicators run once
// per process on every import, and sets of copied strings were most of their cost.
class FewIds {
 public:
  void insert(std::string_view id) {
    auto at = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (at == ids_.end() || *at != id) ids_.insert(at, id);
  }
  bool contains(std::string_view id) const { return std::binary_search(ids_.begin(), ids_.end(), id); }
  size_t size() const { return ids_.size(); }
  bool empty() const { return ids_.empty(); }
  std::vector<std::string_view>::const_iterator begin() const { return ids_.begin(); }
  std::vector<std::string_view>::const_iterator end() const { return ids_.end(); }
  bool operator==(const FewIds& other) const = default;

 private:
  std::vector<std::string_view> ids_;
};

struct Fraction {
  size_t numerator = 0;
  size_t denominator = 0;
  double value() const { return static_cast<double>(numerator) / static_cast<double>(denominator); }
};

std::vector<double> values_of(const std::map<std::string, double>& map) {
  std::vector<double> out;
  out.reserve(map.size());
  for (const auto& [_, v] : map) out.push_back(v);
  return out;
}

}  // namespace

std::optional<int64_t> whole_days_between(std::string_view start, std::string_view end) {
  auto a = rfc3339_nanos(start);
  auto b = rfc3339_nanos(end);
  if (!a || !b) return std::nullopt;
  __int128 difference = *b - *a;
  auto seconds = static_cast<int64_t>(difference / 1000000000);  // toward zero
  return seconds / 86400;
}

// The indicators, for a table of which are on: a process is judged by each
// in turn, and looking the codes up in the settings' set took longer than
// some of the indicators.
enum class Indicator { R003, R018, R024, R025, R028, R030, R035, R036, R038, R048, R058, count };
constexpr const char* kIndicatorCodes[] = {"R003", "R018", "R024", "R025", "R028", "R030",
                                           "R035", "R036", "R038", "R048", "R058"};
static_assert(std::size(kIndicatorCodes) == static_cast<size_t>(Indicator::count));

struct CardinalIndicators::State {
  explicit State(std::shared_ptr<const FlagSettings> shared) : shared_settings(std::move(shared)) {
    for (size_t i = 0; i < enabled.size(); ++i) enabled[i] = settings.enabled.count(kIndicatorCodes[i]) > 0;
  }

  std::shared_ptr<const FlagSettings> shared_settings;
  const FlagSettings& settings = *shared_settings;
  std::array<bool, static_cast<size_t>(Indicator::count)> enabled{};
  FlagResults results;
  std::map<std::string, std::map<std::string, double>> meta;
  std::optional<std::string> currency;
  // Per ocid whose winning bid has a lower-or-equal non-winning one above it
  // (R024, R058): their distance and both tenderers. Kept for every such
  // process until the end, so the tenderers are numbers (a million processes
  // held two id strings each).
  struct BidGap {
    double ratio;
    uint32_t winner;
    uint32_t lowest_other;
  };
  std::map<std::string, BidGap> bid_gaps;
  std::vector<std::string> tenderer_ids;
  std::unordered_map<std::string, uint32_t> tenderer_numbers;

  uint32_t tenderer_number(const std::string& id) {
    auto [it, added] = tenderer_numbers.emplace(id, static_cast<uint32_t>(tenderer_ids.size()));
    if (added) tenderer_ids.push_back(id);
    return it->second;
  }
  std::vector<double> bid_gap_ratios() const {
    std::vector<double> out;
    out.reserve(bid_gaps.size());
    for (const auto& [_, gap] : bid_gaps) out.push_back(gap.ratio);
    return out;
  }
  std::map<std::string, Fraction> r025_tenderer, r038_buyer, r038_procuring_entity, r038_tenderer;
  std::map<std::string, std::pair<size_t, std::set<std::string>>> r048_classifications;

  bool on(Indicator indicator) const { return enabled[static_cast<size_t>(indicator)]; }
  void set(FlagGroup group, const std::string& key, const char* code, double value) {
    results[group][key][code] = value;
  }
  bool currency_matches(std::string_view observed) {
    if (!currency) currency = settings.currency ? *settings.currency : std::string(observed);
    return observed == *currency;
  }

  void r003(JsonView release, const std::string& ocid) {
    JsonView tender = field(release, "tender");
    if (!tender.is_object() || !matches_method(tender, settings.r003_procurement_methods)) return;
    JsonView period = field(tender, "tenderPeriod");
    std::optional<std::string_view> start = string_field(period, "startDate");
    std::optional<std::string_view> end = string_field(period, "endDate");
    if (!start || !end) return;
    auto days = whole_days_between(*start, *end);
    if (!days) return;
    int64_t threshold = settings.r003_threshold;
    std::optional<std::string_view> details = string_field(tender, "procurementMethodDetails");
    if (details) {
      auto it = settings.r003_procurement_method_details.find(std::string(*details));
      if (it != settings.r003_procurement_method_details.end()) threshold = it->second;
    }
    if (*days < threshold) set(FlagGroup::ocid, ocid, "R003", 1.0);
  }

  void r018(JsonView release, const std::string& ocid) {
    JsonView tender = field(release, "tender");
    if (!tender.is_object() || !matches_method(tender, settings.r018_procurement_methods)) return;
    JsonView count = field(tender, "numberOfTenderers");
    // A whole number 1; 1.0 does not count, as in the reference.
    if (count.is_number_integer() && count.integer() == 1) set(FlagGroup::ocid, ocid, "R018", 1.0);
  }

  void second_lowest_bid_ratio(JsonView release, const std::string& ocid) {
    if (!matches_method_details(release, settings.price_comparison_procurement_methods,
                                settings.no_price_comparison_procurement_methods)) {
      return;
    }
    std::vector<JsonView> awards;
    JsonView details;
    if (!complete_awards_and_bids(release, awards, details)) return;
    std::optional<std::string_view> supplier = single_supplier_of_single_award(awards);
    if (!supplier) return;
    std::optional<std::string> winner, lowest_other;
    std::optional<double> winner_amount, lowest_other_amount;
    for (const ValidBid& bid : valid_bids_with_value(details)) {
      if (!currency_matches(bid.currency)) continue;
      if (bid.tenderer == *supplier) {
        if (!winner_amount || bid.amount < *winner_amount) {
          winner = bid.tenderer;
          winner_amount = bid.amount;
        }
      } else if (!lowest_other_amount || bid.amount < *lowest_other_amount) {
        lowest_other = bid.tenderer;
        lowest_other_amount = bid.amount;
      }
    }
    if (winner && lowest_other && *lowest_other_amount >= *winner_amount) {
      bid_gaps[ocid] = {(*lowest_other_amount - *winner_amount) / *winner_amount, tenderer_number(*winner),
                        tenderer_number(*lowest_other)};
    }
  }

  void r025(JsonView release) {
    std::vector<JsonView> awards;
    JsonView details;
    if (!complete_awards_and_bids(release, awards, details)) return;
    std::optional<std::string_view> supplier = single_supplier_of_single_award(awards);
    if (!supplier) return;
    std::set<std::string> valid;
    for (JsonView bid : details) {
      std::optional<std::string_view> status = string_field(bid, "status");
      JsonView tenderers = field(bid, "tenderers");
      if (!status || !tenderers.is_array() || tenderers.size() != 1) continue;
      std::optional<std::string_view> id = string_field(tenderers[0], "id");
      if (id && *status == "valid") valid.insert(std::string(*id));
    }
    for (const std::string& id : valid) {
      Fraction& f = r025_tenderer[id];
      f.numerator += id == *supplier ? 1 : 0;
      f.denominator += 1;
    }
  }

  void r028(JsonView release, const std::string& ocid) {
    if (!matches_method_details(release, settings.price_comparison_procurement_methods,
                                settings.no_price_comparison_procurement_methods)) {
      return;
    }
    // Each price (amount and currency) with the tenderers of the last bid at it.
    std::vector<std::tuple<double, std::string_view, FewIds>> prices;
    for (JsonView bid : submitted_bids(release)) {
      JsonView tenderers = field(bid, "tenderers");
      JsonView value = field(bid, "value");
      JsonView amount = field(value, "amount");
      std::optional<std::string_view> currency = string_field(value, "currency");
      if (!tenderers.is_array() || !value.is_object() || !amount.is_number() || !currency) continue;
      FewIds ids;
      for (JsonView tenderer : tenderers) {
        if (std::optional<std::string_view> id = string_field(tenderer, "id")) ids.insert(*id);
      }
      if (ids.empty()) continue;
      double price = amount.number();
      auto found = std::find_if(prices.begin(), prices.end(), [&](const auto& entry) {
        return std::get<0>(entry) == price && std::get<1>(entry) == *currency;
      });
      if (found != prices.end() && std::get<2>(*found) != ids) {
        set(FlagGroup::ocid, ocid, "R028", 1.0);
        for (std::string_view id : ids) set(FlagGroup::tenderer, std::string(id), "R028", 1.0);
        for (std::string_view id : std::get<2>(*found)) set(FlagGroup::tenderer, std::string(id), "R028", 1.0);
      }
      if (found != prices.end()) {
        std::get<2>(*found) = std::move(ids);
      } else {
        prices.emplace_back(price, *currency, std::move(ids));
      }
    }
  }

  void r030(JsonView release, const std::string& ocid) {
    std::optional<std::string_view> end = string_field(field(field(release, "tender"), "tenderPeriod"), "endDate");
    JsonView awards = field(release, "awards");
    JsonView details = field(field(release, "bids"), "details");
    if (!end || !awards.is_array() || !details.is_array()) return;
    FewIds suppliers;
    for (JsonView award : awards) {
      JsonView list = field(award, "suppliers");
      if (!has_status(award, "active") || !list.is_array()) continue;
      for (JsonView s : list) {
        if (std::optional<std::string_view> id = string_field(s, "id")) suppliers.insert(*id);
      }
    }
    for (JsonView bid : details) {
      std::optional<std::string_view> date = string_field(bid, "date");
      JsonView tenderers = field(bid, "tenderers");
      if (!has_status(bid, "valid") || !date || !tenderers.is_array() || !(*date > *end)) continue;
      for (JsonView t : tenderers) {
        std::optional<std::string_view> id = string_field(t, "id");
        if (id && suppliers.contains(*id)) {
          set(FlagGroup::ocid, ocid, "R030", 1.0);
          set(FlagGroup::tenderer, std::string(*id), "R030", 1.0);
        }
      }
    }
  }

  void r035(JsonView release, const std::string& ocid) {
    FewIds suppliers, valid, disqualified;
    std::vector<JsonView> awards;
    JsonView details;
    if (complete_awards_and_bids(release, awards, details)) {
      for (JsonView award : awards) {
        JsonView list = field(award, "suppliers");
        if (!list.is_array()) continue;
        for (JsonView s : list) {
          if (std::optional<std::string_view> id = string_field(s, "id")) suppliers.insert(*id);
        }
      }
      for (JsonView bid : details) {
        std::optional<std::string_view> status = string_field(bid, "status");
        JsonView tenderers = field(bid, "tenderers");
        if (!status || !tenderers.is_array()) continue;
        FewIds* target = *status == "valid" ? &valid : *status == "disqualified" ? &disqualified : nullptr;
        if (!target) continue;
        for (JsonView t : tenderers) {
          if (std::optional<std::string_view> id = string_field(t, "id")) target->insert(*id);
        }
      }
    }
    if (valid.size() != 1 || valid != suppliers) return;
    int64_t difference = 0;
    for (std::string_view id : disqualified) difference += valid.contains(id) ? 0 : 1;
    if (difference >= settings.r035_threshold) {
      set(FlagGroup::ocid, ocid, "R035", static_cast<double>(difference));
      set(FlagGroup::tenderer, std::string(*valid.begin()), "R035", 0.0);
    }
  }

  void r036(JsonView release, const std::string& ocid) {
    if (!matches_method_details(release, settings.price_comparison_procurement_methods,
                                settings.no_price_comparison_procurement_methods)) {
      return;
    }
    JsonView awards = field(release, "awards");
    if (!awards.is_array()) return;
    bool any_active = false;
    for (JsonView award : awards) any_active = any_active || has_status(award, "active");
    if (!any_active) return;
    std::optional<double> lowest;
    bool lowest_disqualified = false, has_valid = false;
    for (JsonView bid : submitted_bids(release)) {
      std::optional<std::string_view> status = string_field(bid, "status");
      JsonView value = field(bid, "value");
      JsonView amount = field(value, "amount");
      std::optional<std::string_view> currency = string_field(value, "currency");
      if (!status || !value.is_object() || !amount.is_number() || !currency) continue;
      if (!currency_matches(*currency)) continue;
      double a = amount.number();
      if (!lowest || a < *lowest) {
        lowest = a;
        lowest_disqualified = *status == "disqualified";
      }
      if (*status == "valid") has_valid = true;
    }
    if (has_valid && lowest_disqualified) set(FlagGroup::ocid, ocid, "R036", 1.0);
  }

  void r038(JsonView release) {
    std::vector<JsonView> bids = submitted_bids(release);
    if (bids.empty()) return;
    size_t disqualified = 0;
    for (JsonView bid : bids) {
      size_t increment = has_status(bid, "disqualified") ? 1 : 0;
      disqualified += increment;
      JsonView tenderers = field(bid, "tenderers");
      if (!tenderers.is_array()) continue;
      for (JsonView t : tenderers) {
        if (std::optional<std::string_view> id = string_field(t, "id")) {
          Fraction& f = r038_tenderer[std::string(*id)];
          f.numerator += increment;
          f.denominator += 1;
        }
      }
    }
    if (std::optional<std::string_view> id = string_field(field(release, "buyer"), "id")) {
      Fraction& f = r038_buyer[std::string(*id)];
      f.numerator += disqualified;
      f.denominator += bids.size();
    }
    if (std::optional<std::string_view> id = string_field(field(field(release, "tender"), "procuringEntity"), "id")) {
      Fraction& f = r038_procuring_entity[std::string(*id)];
      f.numerator += disqualified;
      f.denominator += bids.size();
    }
  }

  void r048(JsonView release) {
    std::set<std::string> observed;
    JsonView awards = field(release, "awards");
    if (!awards.is_array()) return;
    for (JsonView award : awards) {
      JsonView items = field(award, "items");
      JsonView suppliers = field(award, "suppliers");
      if (!has_status(award, "active") || !items.is_array() || !suppliers.is_array() || suppliers.size() != 1) continue;
      std::optional<std::string_view> supplier = string_field(suppliers[0], "id");
      if (!supplier) continue;
      for (JsonView item : items) {
        std::optional<std::string_view> code = string_field(field(item, "classification"), "id");
        if (!code) continue;
        auto& [count, codes] = r048_classifications[std::string(*supplier)];
        if (observed.insert(std::string(*supplier)).second) ++count;
        // The first `digits` characters (Unicode scalar values, as Rust's chars()).
        std::string prefix;
        size_t taken = 0;
        for (size_t i = 0; i < code->size() && taken < static_cast<size_t>(settings.r048_digits); ++taken) {
          unsigned char c = static_cast<unsigned char>((*code)[i]);
          size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
          prefix += code->substr(i, length);
          i += length;
        }
        codes.insert(prefix);
      }
    }
  }

  // q1 - 1.5 IQR and q3 + 1.5 IQR, with the quartiles recorded in meta.
  std::pair<double, double> quartiles(const std::vector<double>& values, const std::string& code,
                                      const std::string& prefix = "") {
    double q1 = quantile_type8(values, 0.25);
    double q3 = quantile_type8(values, 0.75);
    meta[code][prefix + "q1"] = q1;
    meta[code][prefix + "q3"] = q3;
    return {q1, q3};
  }

  void finish_r024() {
    double lower_fence, q1;
    if (settings.r024_threshold) {
      lower_fence = *settings.r024_threshold;
      q1 = 1.0;
    } else {
      auto [a, b] = quartiles(bid_gap_ratios(), "R024");
      q1 = a;
      lower_fence = a - 1.5 * (b - a);
    }
    meta["R024"]["lower_fence"] = lower_fence;
    if (!(q1 > 0.0 && lower_fence > 0.0)) return;
    for (const auto& [ocid, gap] : bid_gaps) {
      if (gap.ratio <= lower_fence) {
        set(FlagGroup::ocid, ocid, "R024", gap.ratio);
        set(FlagGroup::tenderer, tenderer_ids[gap.winner], "R024", 0.0);
        set(FlagGroup::tenderer, tenderer_ids[gap.lowest_other], "R024", 0.0);
      }
    }
  }

  void finish_r025() {
    std::vector<double> denominators, ratios;
    for (const auto& [_, f] : r025_tenderer) {
      denominators.push_back(static_cast<double>(f.denominator));
      ratios.push_back(f.value());
    }
    double upper_fence = quantile_type8(denominators, static_cast<double>(settings.r025_percentile) / 100.0);
    double lower_fence, q1;
    if (settings.r025_threshold) {
      lower_fence = *settings.r025_threshold;
      q1 = 1.0;
    } else {
      auto [a, b] = quartiles(ratios, "R025");
      q1 = a;
      lower_fence = a - 1.5 * (b - a);
    }
    meta["R025"]["upper_fence"] = upper_fence;
    meta["R025"]["lower_fence"] = lower_fence;
    if (!(q1 > 0.0 && lower_fence > 0.0)) return;
    for (const auto& [id, f] : r025_tenderer) {
      double ratio = f.value();
      if (static_cast<double>(f.denominator) >= upper_fence && ratio <= lower_fence) {
        set(FlagGroup::tenderer, id, "R025", ratio);
      }
    }
  }

  void finish_r038(std::map<std::string, Fraction>& fractions, int64_t minimum, FlagGroup group,
                   const std::string& name) {
    std::map<std::string, double> ratios;
    for (const auto& [id, f] : fractions) {
      if (static_cast<int64_t>(f.denominator) >= minimum) ratios[id] = f.value();
    }
    if (ratios.empty()) return;
    double upper_fence;
    if (settings.r038_threshold) {
      upper_fence = *settings.r038_threshold;
    } else {
      auto [q1, q3] = quartiles(values_of(ratios), "R038", name + "_");
      upper_fence = q3 + 1.5 * (q3 - q1);
    }
    meta["R038"][name + "_upper_fence"] = upper_fence;
    if (!(upper_fence > 0.0)) return;
    for (const auto& [id, ratio] : ratios) {
      if (ratio >= upper_fence) set(group, id, "R038", ratio);
    }
  }

  void finish_r048() {
    std::map<std::string, double> lengths;
    for (const auto& [id, entry] : r048_classifications) {
      if (static_cast<int64_t>(entry.first) >= settings.r048_minimum_contracting_processes) {
        lengths[id] = static_cast<double>(entry.second.size());
      }
    }
    double upper_fence;
    if (settings.r048_threshold) {
      upper_fence = static_cast<double>(*settings.r048_threshold);
    } else {
      auto [q1, q3] = quartiles(values_of(lengths), "R048");
      upper_fence = q3 + 1.5 * (q3 - q1);
    }
    meta["R048"]["upper_fence"] = upper_fence;
    for (const auto& [id, length] : lengths) {
      if (length >= upper_fence) set(FlagGroup::tenderer, id, "R048", length);
    }
  }

  void finish_r058() {
    double upper_fence;
    if (settings.r058_threshold) {
      upper_fence = *settings.r058_threshold;
    } else {
      auto [q1, q3] = quartiles(bid_gap_ratios(), "R058");
      upper_fence = q3 + 1.5 * (q3 - q1);
    }
    meta["R058"]["upper_fence"] = upper_fence;
    if (!(upper_fence > 0.0)) return;
    for (const auto& [ocid, gap] : bid_gaps) {
      if (gap.ratio >= upper_fence) {
        set(FlagGroup::ocid, ocid, "R058", gap.ratio);
        set(FlagGroup::tenderer, tenderer_ids[gap.winner], "R058", 0.0);
      }
    }
  }
};

CardinalIndicators::CardinalIndicators(FlagSettings settings)
    : CardinalIndicators(std::make_shared<const FlagSettings>(std::move(settings))) {}

CardinalIndicators::CardinalIndicators(std::shared_ptr<const FlagSettings> settings)
    : state_(std::make_unique<State>(std::move(settings))) {}

CardinalIndicators::~CardinalIndicators() = default;

void CardinalIndicators::add(JsonView release) {
  State& s = *state_;
  std::optional<std::string_view> ocid_text = string_field(release, "ocid");
  if (!release.is_object() || !ocid_text) return;
  const std::string ocid(*ocid_text);
  if (has_status(field(release, "tender"), "cancelled")) return;  // a cancelled process is not judged
  if (!matches_method_details(release, {}, s.settings.excluded_procurement_method_details)) return;
  if (s.on(Indicator::R024) || s.on(Indicator::R058)) s.second_lowest_bid_ratio(release, ocid);
  if (s.on(Indicator::R003)) s.r003(release, ocid);
  if (s.on(Indicator::R018)) s.r018(release, ocid);
  if (s.on(Indicator::R025)) s.r025(release);
  if (s.on(Indicator::R028)) s.r028(release, ocid);
  if (s.on(Indicator::R030)) s.r030(release, ocid);
  if (s.on(Indicator::R035)) s.r035(release, ocid);
  if (s.on(Indicator::R036)) s.r036(release, ocid);
  if (s.on(Indicator::R038)) s.r038(release);
  if (s.on(Indicator::R048)) s.r048(release);
}

FlagResults CardinalIndicators::finish() {
  State& s = *state_;
  if (s.on(Indicator::R024)) s.finish_r024();
  if (s.on(Indicator::R025)) s.finish_r025();
  if (s.on(Indicator::R038)) {
    s.finish_r038(s.r038_buyer, s.settings.r038_minimum_contracting_processes, FlagGroup::buyer, "Buyer");
    s.finish_r038(s.r038_procuring_entity, s.settings.r038_minimum_contracting_processes, FlagGroup::procuring_entity,
                  "ProcuringEntity");
    s.finish_r038(s.r038_tenderer, s.settings.r038_minimum_submitted_bids, FlagGroup::tenderer, "Tenderer");
  }
  if (s.on(Indicator::R048)) s.finish_r048();
  if (s.on(Indicator::R058)) s.finish_r058();
  return std::move(s.results);
}

const std::map<std::string, std::map<std::string, double>>& CardinalIndicators::meta() const { return state_->meta; }

nlohmann::json flag_results_json(const FlagResults& results) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [group, entries] : results) {
    const char* name = group == FlagGroup::ocid               ? "OCID"
                       : group == FlagGroup::buyer            ? "Buyer"
                       : group == FlagGroup::procuring_entity ? "ProcuringEntity"
                                                              : "Tenderer";
    nlohmann::json& target = out[name];
    for (const auto& [key, codes] : entries) {
      for (const auto& [code, value] : codes) target[key][code] = value;
    }
  }
  return out;
}

}  // namespace apertura::money
