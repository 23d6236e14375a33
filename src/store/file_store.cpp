#include "store/file_store.h"

#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/clock.h"
#include "core/crypto.h"

namespace apertura::store {

namespace {

// Text columns are the one type both databases share; base64 costs a third
// more space and keeps the store free of dialect-specific binary types.
class DatabaseFileStore : public FileStore {
 public:
  std::string kind() const override { return "database"; }

  std::string save(Connection& connection, const std::string& data) override {
    std::string hash = sha256_hex(data);
    std::string encoded(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    encoded.resize(encoded.size() - 1);  // the terminating NUL
    connection.execute(
        "INSERT INTO stored_files (sha256, size, content_base64, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (sha256) DO NOTHING",
        {hash, static_cast<int64_t>(data.size()), encoded, now_timestamp()});
    return hash;
  }

  std::optional<std::string> load(Connection& connection, const std::string& sha256) override {
    auto row = connection.query_one("SELECT size, content_base64 FROM stored_files WHERE sha256 = ?", {sha256});
    if (!row) return std::nullopt;
    std::string encoded = row->text("content_base64");
    std::string data(static_cast<size_t>(row->integer("size")), '\0');
    size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(data.data()), data.size(), encoded.data(), encoded.size(),
                          nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
      throw StoreError("stored file " + sha256 + " is corrupt");
    }
    data.resize(length);
    return data;
  }
};

class DiskFileStore : public FileStore {
 public:
  explicit DiskFileStore(std::filesystem::path root) : root_(std::move(root)) {
    std::filesystem::create_directories(root_);
  }
  std::string kind() const override { return "disk"; }

  std::string save(Connection&, const std::string& data) override {
    std::string hash = sha256_hex(data);
    std::filesystem::path target = path_of(hash);
    if (std::filesystem::exists(target)) return hash;
    std::filesystem::create_directories(target.parent_path());
    std::filesystem::path partial = target;
    partial += ".part-" + random_token(6);
    {
      std::ofstream out(partial, std::ios::binary);
      out.write(data.data(), static_cast<std::streamsize>(data.size()));
      if (!out) throw StoreError("cannot write " + partial.string());
    }
    std::filesystem::rename(partial, target);  // atomic: readers never see half a file
    return hash;
  }

  std::optional<std::string> load(Connection&, const std::string& sha256) override {
    std::ifstream in(path_of(sha256), std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream data;
    data << in.rdbuf();
    return data.str();
  }

 private:
  std::filesystem::path path_of(const std::string& hash) const { return root_ / hash.substr(0, 2) / hash; }
  std::filesystem::path root_;
};

}  // namespace

std::unique_ptr<FileStore> make_file_store(const std::string& directory) {
  if (directory.empty()) return std::make_unique<DatabaseFileStore>();
  return std::make_unique<DiskFileStore>(directory);
}

}  // namespace apertura::store
