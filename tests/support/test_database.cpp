#include <gtest/gtest.h>

#include "support/test_database.h"

#include <cstdlib>
#include <filesystem>

#include "core/crypto.h"
#include "store/migrations.h"

namespace apertura::testing {

namespace {
const char* postgres_url() { return std::getenv("APERTURA_TEST_POSTGRES_URL"); }

std::string with_search_path(const std::string& url, const std::string& schema) {
  std::string separator = url.find('?') == std::string::npos ? "?" : "&";
  return url + separator + "options=-csearch_path%3D" + schema;
}

std::string unique_name() {
  std::string token = random_token(9);
  std::string name = "t_";
  for (char c : token) name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  return name;
}
}  // namespace

std::vector<std::string> available_backends() { return {"sqlite", "postgresql"}; }

bool postgres_configured() { return postgres_url() && *postgres_url(); }

void BackendTest::SetUp() {
  if (GetParam() == "postgresql" && !postgres_configured()) {
    GTEST_SKIP() << "APERTURA_TEST_POSTGRES_URL is not set (scripts/postgres-test-cluster.sh starts a server)";
  }
  db_ = std::make_unique<TestDatabase>(GetParam());
}

TestDatabase::TestDatabase(const std::string& backend, const Before& before) : backend_(backend) {
  init_crypto();
  if (backend == "postgresql") {
    schema_ = unique_name();
    auto admin = store::open_database(postgres_url(), 1);
    admin->connect()->execute_script("CREATE SCHEMA " + schema_);
    url_ = with_search_path(postgres_url(), schema_);
    if (before.postgresql) {
      auto filler = store::open_database(url_, 1);
      before.postgresql(schema_, *filler->connect());
    }
  } else {
    path_ = (std::filesystem::temp_directory_path() / (unique_name() + ".db")).string();
    url_ = "sqlite:" + path_;
    if (before.sqlite) before.sqlite(path_);
  }
  database_ = store::open_database(url_, 4);
  store::apply_migrations(*database_);
}

TestDatabase::~TestDatabase() {
  database_.reset();
  if (!schema_.empty()) {
    auto admin = store::open_database(postgres_url(), 1);
    admin->connect()->execute_script("DROP SCHEMA " + schema_ + " CASCADE");
  }
  if (!path_.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
}

store::Database& TestDatabase::database() {
  if (!database_) database_ = store::open_database(url_, 4);
  return *database_;
}

}  // namespace apertura::testing
