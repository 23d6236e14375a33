#include <gtest/gtest.h>

#include "core/zstd.h"

namespace apertura {
namespace {

TEST(Zstd, RoundTripsTextOfAnySizeIncludingEmpty) {
  std::string release = R"({"ocid":"ocds-abc-1","id":"r1","tender":{"title":"Compra de patrullas — año 2024"}})";
  std::string large;
  for (int i = 0; i < 5000; ++i) large += release;
  for (const std::string& text : {std::string(), release, large}) {
    std::string frame = zstd_compress(text);
    EXPECT_EQ(zstd_decompress(frame), text);
  }
  EXPECT_LT(zstd_compress(large).size(), large.size() / 20);
}

TEST(Zstd, RefusesBytesThatAreNotAWholeFrame) {
  std::string frame = zstd_compress(std::string(4000, 'a') + "fin");
  EXPECT_THROW(zstd_decompress("{\"ocid\":\"x\"}"), CompressionError);
  EXPECT_THROW(zstd_decompress(""), CompressionError);
  EXPECT_THROW(zstd_decompress(frame.substr(0, frame.size() - 3)), CompressionError);
}

}  // namespace
}  // namespace apertura
