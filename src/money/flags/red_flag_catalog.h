#pragma once
// What each red flag means, in plain Spanish: why it is a risk and with which
// parameters it was computed. One place, so pages, API and downloads agree.
#include <string>
#include <vector>

#include "money/flags/cardinal_settings.h"

namespace apertura::money {

struct RedFlagInfo {
  std::string code;
  std::string title;
  std::string why;         // why it is a risk
  std::string how;         // how it is computed, with the parameters in use
  std::string value_means; // what the stored value is
};

std::vector<RedFlagInfo> red_flag_catalog(const FlagSettings& settings);

}  // namespace apertura::money
