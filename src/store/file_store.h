#pragma once
// Where uploaded files live: in the database (the default; one backup holds
// everything) or in a directory (--files-dir; for large volumes). Files are
// addressed by their SHA-256, so saving the same file twice stores it once and
// a file left behind by a rolled-back transaction is harmless.
#include <memory>
#include <optional>
#include <string>

#include "store/connection.h"

namespace apertura::store {

class FileStore {
 public:
  virtual ~FileStore() = default;
  virtual std::string kind() const = 0;  // "database" or "disk"
  // Saves `data` under its SHA-256 (hex), which it returns.
  virtual std::string save(Connection& connection, const std::string& data) = 0;
  virtual std::optional<std::string> load(Connection& connection, const std::string& sha256) = 0;
};

// An empty directory means the database.
std::unique_ptr<FileStore> make_file_store(const std::string& directory);

}  // namespace apertura::store
