#include <gtest/gtest.h>

#include <string_view>
#include <vector>

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

std::vector<std::string> releases(int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    out.push_back(R"({"ocid":"ocds-abc-)" + std::to_string(i) + R"(","id":"r)" + std::to_string(i * 7) +
                  R"(","date":"2024-01-0)" + std::to_string(i % 9 + 1) +
                  R"(T10:00:00Z","tag":["tender"],"buyer":{"id":"MX-DEP-)" + std::to_string(i % 13) +
                  R"(","name":"Secretaría de Salud"},"tender":{"title":"Compra de patrullas )" +
                  std::to_string(i * 31) + R"(","value":{"amount":)" + std::to_string(i * 1013) +
                  R"(,"currency":"MXN"}}})");
  }
  return out;
}

TEST(ZstdDictionary, SmallDocumentsCompressSmallerWithADictionaryAndRoundTrip) {
  std::vector<std::string> documents = releases(1200);
  std::vector<std::string_view> samples(documents.begin(), documents.begin() + 1000);
  auto dictionary = ZstdDictionary::train(samples, 16 * 1024);
  ASSERT_NE(dictionary, nullptr);
  EXPECT_NE(dictionary->id(), 0u);
  size_t plain = 0;
  size_t with_dictionary = 0;
  for (size_t i = 1000; i < documents.size(); ++i) {
    std::string frame = zstd_compress(documents[i], dictionary.get());
    EXPECT_EQ(zstd_frame_dictionary(frame), dictionary->id());
    EXPECT_EQ(zstd_decompress(frame, dictionary.get()), documents[i]);
    with_dictionary += frame.size();
    plain += zstd_compress(documents[i]).size();
  }
  EXPECT_LT(with_dictionary * 2, plain);
  EXPECT_EQ(zstd_frame_dictionary(zstd_compress(documents[0])), 0u);
}

TEST(ZstdDictionary, AFrameReadsOnlyWithTheDictionaryItNames) {
  std::vector<std::string> documents = releases(1000);
  auto dictionary = ZstdDictionary::train({documents.begin(), documents.end()}, 16 * 1024);
  ASSERT_NE(dictionary, nullptr);
  std::string frame = zstd_compress(documents[3], dictionary.get());
  EXPECT_THROW(zstd_decompress(frame), CompressionError);
  EXPECT_THROW(zstd_decompress(zstd_compress(documents[3]), dictionary.get()), CompressionError);
  // A dictionary saved as bytes and loaded again is the same one.
  auto loaded = ZstdDictionary::load(dictionary->bytes());
  EXPECT_EQ(loaded->id(), dictionary->id());
  EXPECT_EQ(zstd_decompress(frame, loaded.get()), documents[3]);
  EXPECT_THROW(ZstdDictionary::load("not a dictionary"), CompressionError);
}

TEST(ZstdDictionary, TooFewSamplesMakeNoDictionary) {
  std::vector<std::string> documents = releases(3);
  EXPECT_EQ(ZstdDictionary::train({documents.begin(), documents.end()}, 16 * 1024), nullptr);
}

}  // namespace
}  // namespace apertura
