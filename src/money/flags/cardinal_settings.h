#pragma once
// Settings of the procurement red flags, in the INI format of the Open
// Contracting Partnership's Cardinal tool (so one settings file serves both),
// plus Apertura's Mexican indicators (sections [MX...]). Every setting is
// optional; the defaults are Cardinal's.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/result.h"

namespace apertura::money {

struct FlagSettings {
  std::set<std::string> enabled;  // indicator codes; every indicator by default

  std::optional<std::string> currency;
  std::set<std::string> no_price_comparison_procurement_methods;
  std::set<std::string> price_comparison_procurement_methods;
  std::set<std::string> excluded_procurement_method_details;

  int64_t r003_threshold = 15;  // whole days
  std::set<std::string> r003_procurement_methods;
  std::map<std::string, int64_t> r003_procurement_method_details;
  std::set<std::string> r018_procurement_methods = {"open", "selective"};
  std::optional<double> r024_threshold;
  int64_t r025_percentile = 75;
  std::optional<double> r025_threshold;
  int64_t r035_threshold = 1;
  std::optional<double> r038_threshold;
  int64_t r038_minimum_submitted_bids = 2;
  int64_t r038_minimum_contracting_processes = 2;
  int64_t r048_digits = 2;
  std::optional<int64_t> r048_threshold;
  int64_t r048_minimum_contracting_processes = 20;
  std::optional<double> r058_threshold;

  double mx01_threshold = 1'000'000;  // direct award above this amount
  double mx02_threshold = 0.20;       // contract value increased by more than this share
  double mx03_threshold = 0.30;       // award above the tender's estimate by more than this share
  double mx04_threshold = 0.50;       // one supplier's share of a buyer's spending
  int64_t mx04_minimum_contracting_processes = 5;

  static const std::set<std::string>& all_codes();
  static FlagSettings defaults();
  // Reads an INI file; an unknown section or key, or a value of the wrong
  // type, is an error naming its line. As in Cardinal, the indicators with
  // a section in the file (even an empty one) are the ones enabled; a file
  // with no indicator section enables them all.
  static Result<FlagSettings> from_ini(const std::string& text);
};

}  // namespace apertura::money
