#include "money/flags/quantiles.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace apertura::money {

double quantile_type8(std::vector<double> values, double probability) {
  if (values.empty() || probability < 0.0 || probability > 1.0) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  double n = static_cast<double>(values.size());
  double h = (n + 1.0 / 3.0) * probability + 1.0 / 3.0;
  auto whole = static_cast<long long>(h);  // truncation, as the reference does
  if (whole <= 0 || probability == 0.0) return values.front();
  if (whole >= static_cast<long long>(values.size()) || probability == 1.0) return values.back();
  double below = values[static_cast<size_t>(whole - 1)];
  double above = values[static_cast<size_t>(whole)];
  return below + (h - static_cast<double>(whole)) * (above - below);
}

}  // namespace apertura::money
