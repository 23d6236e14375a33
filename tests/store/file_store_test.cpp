#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.h"
#include "store/file_store.h"
#include "support/test_database.h"

namespace apertura::store {
namespace {

using FileStoreTest = apertura::testing::BackendTest;

// Both stores keep bytes exactly (NUL, high bytes) and address them by SHA-256.
void expect_round_trip(FileStore& files, Connection& connection) {
  std::string data("%PDF-\0\xff\x01 binario", 17);
  std::string hash = files.save(connection, data);
  EXPECT_EQ(hash, sha256_hex(data));
  EXPECT_EQ(files.save(connection, data), hash);  // saved once
  EXPECT_EQ(files.load(connection, hash), data);
  EXPECT_FALSE(files.load(connection, sha256_hex("otro")).has_value());
}

TEST_P(FileStoreTest, DatabaseStoreKeepsBytesExactly) {
  auto files = make_file_store("");
  EXPECT_EQ(files->kind(), "database");
  auto connection = db().database().connect();
  expect_round_trip(*files, *connection);
}

TEST_P(FileStoreTest, DiskStoreKeepsBytesExactlyInItsFolder) {
  auto dir = std::filesystem::temp_directory_path() / ("apertura-files-" + random_token(6));
  auto files = make_file_store(dir.string());
  EXPECT_EQ(files->kind(), "disk");
  auto connection = db().database().connect();
  expect_round_trip(*files, *connection);
  size_t stored = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) stored += entry.is_regular_file();
  EXPECT_EQ(stored, 1u);  // no partial files left behind
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, FileStoreTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura::store
