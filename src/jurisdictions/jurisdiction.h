#pragma once
// A jurisdiction is a level of government that has its own guarantor and
// action plan: the federation, a state or a municipality, identified by its
// INEGI code ("00" federal, "14" Jalisco, "14039" Guadalajara). Institutions
// (sujetos obligados) belong to one jurisdiction.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace apertura::jurisdictions {

enum class Level { federal, state, municipality };

std::string level_name(Level level);
std::optional<Level> parse_level(const std::string& name);

struct Jurisdiction {
  int64_t id = 0;
  std::string code;
  std::string slug;
  std::string name;
  Level level = Level::state;
  std::optional<int64_t> parent_id;
  std::string created_at;
  std::string updated_at;

  nlohmann::json to_json() const;
};

struct Institution {
  int64_t id = 0;
  int64_t jurisdiction_id = 0;
  std::string slug;
  std::string name;
  std::string acronym;
  std::string website;
  std::string created_at;
  std::string updated_at;

  nlohmann::json to_json() const;
};

}  // namespace apertura::jurisdictions
