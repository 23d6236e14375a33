#pragma once
// Paths into the real public data beside the repository (../shared/data).
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace apertura::testing {

// The shared data folder; fails the calling test when it is missing.
std::filesystem::path shared_data();
std::string read_text(const std::filesystem::path& path);
nlohmann::json read_json(const std::filesystem::path& path);

}  // namespace apertura::testing
