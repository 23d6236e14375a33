#pragma once
// What each red flag means, in plain Spanish: why it is a risk and with which
// parameters it was computed. One place, so pages, API and downloads agree.
#include <string>
#include <vector>

#include "money/flags/cardinal_settings.h"

namespace apertura::money {

// What a flag's stored value is, so it can be shown with its unit.
enum class FlagValueKind { always_one, share, count, money };

struct RedFlagInfo {
  std::string code;
  std::string title;
  std::string why;         // why it is a risk
  std::string how;         // how it is computed, with the parameters in use
  std::string value_means; // what the stored value is
  FlagValueKind value_kind = FlagValueKind::always_one;
  // The section of a process's page showing what it compared ("ofertas",
  // "contratos", "convocatoria", "adjudicaciones"), "" for flags about others.
  std::string evidence;
};

std::vector<RedFlagInfo> red_flag_catalog(const FlagSettings& settings);

// A flag's value for people, with its unit and what it is: "78.9 % de sus
// ofertas ganadas", "$4,960,000.00 MXN", "3 licitantes descalificados"; ""
// for the flags whose value is always 1 (the flag itself says it all).
std::string flag_value_text(const RedFlagInfo& info, double value, const FlagSettings& settings);

}  // namespace apertura::money
