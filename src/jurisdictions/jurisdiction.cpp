#include "jurisdictions/jurisdiction.h"

namespace apertura::jurisdictions {

std::string level_name(Level level) {
  switch (level) {
    case Level::federal: return "federal";
    case Level::state: return "state";
    case Level::municipality: return "municipality";
  }
  return "state";
}

std::optional<Level> parse_level(const std::string& name) {
  for (Level level : {Level::federal, Level::state, Level::municipality}) {
    if (level_name(level) == name) return level;
  }
  return std::nullopt;
}

nlohmann::json Jurisdiction::to_json() const {
  return {{"id", id},
          {"code", code},
          {"slug", slug},
          {"name", name},
          {"level", level_name(level)},
          {"parent_id", parent_id ? nlohmann::json(*parent_id) : nlohmann::json()},
          {"created_at", created_at},
          {"updated_at", updated_at}};
}

nlohmann::json Institution::to_json() const {
  return {{"id", id},           {"jurisdiction_id", jurisdiction_id},
          {"slug", slug},       {"name", name},
          {"acronym", acronym}, {"website", website},
          {"created_at", created_at}, {"updated_at", updated_at}};
}

}  // namespace apertura::jurisdictions
