#include "support/shared_data.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace apertura::testing {

std::filesystem::path shared_data() {
  const char* from_env = std::getenv("APERTURA_SHARED_DATA");
  std::filesystem::path path = from_env && *from_env ? from_env : APERTURA_SHARED_DATA;
  if (!std::filesystem::is_directory(path)) {
    throw std::runtime_error("shared data not found at " + path.string() +
                             " (set APERTURA_SHARED_DATA to the shared/data folder)");
  }
  return path;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

nlohmann::json read_json(const std::filesystem::path& path) { return nlohmann::json::parse(read_text(path)); }

}  // namespace apertura::testing
