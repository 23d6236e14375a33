// A CSV read as a table (catalog/datastore/table_reader.h): what anyone may
// upload to the catalog. Any bytes (any character set, quotes left open,
// ragged rows, huge headers) must give a report, never a crash; rows reach
// the loader only while the file has had no error, each with one value per
// field.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "catalog/datastore/table_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  apertura::catalog::TableReaderLimits limits;
  limits.max_columns = 64;
  limits.max_cell_bytes = 4096;
  limits.sample_rows = 8;
  apertura::catalog::TableReader reader(limits);
  size_t fields = 0;
  bool began = false;
  auto report = reader.read(
      apertura::catalog::bytes_of(text), std::nullopt,
      [&](const apertura::catalog::TableSchema& schema) {
        began = true;
        fields = schema.fields.size();
      },
      [&](int64_t, std::vector<apertura::store::Value>& values) {
        if (!began || values.size() != fields) std::abort();
      });
  if (report.error_count < static_cast<int64_t>(report.errors.size())) std::abort();
  return 0;
}
