#pragma once
// Sample quantiles as Cardinal computes them (Hyndman and Fan's type 8, the
// median-unbiased estimator that statrs implements), so that fences match.
#include <vector>

namespace apertura::money {

// NaN for an empty sample or a probability outside [0, 1].
double quantile_type8(std::vector<double> values, double probability);

}  // namespace apertura::money
