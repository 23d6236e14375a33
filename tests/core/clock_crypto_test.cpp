#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/crypto.h"

namespace apertura {
namespace {

TEST(Clock, FormatsAndParsesUtcTimestamps) {
  auto parsed = parse_timestamp("2015-03-09T17:30:00Z");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(format_timestamp(*parsed), "2015-03-09T17:30:00Z");
  EXPECT_EQ(http_date(*parsed), "Mon, 09 Mar 2015 17:30:00 GMT");
  EXPECT_FALSE(parse_timestamp("2015-03-09").has_value());
  EXPECT_FALSE(parse_timestamp("2015-03-09T17:30:00Zjunk").has_value());
}

TEST(Crypto, Sha256MatchesKnownVector) {
  init_crypto();
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, RandomTokensAreUrlSafeAndDistinct) {
  init_crypto();
  std::string a = random_token(32), b = random_token(32);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

TEST(Crypto, PasswordHashIsArgon2idAndVerifies) {
  init_crypto();
  std::string hash = hash_password("una frase larga", PasswordCost::minimal);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password("una frase larga", hash));
  EXPECT_FALSE(verify_password("una frase larga ", hash));
  EXPECT_NE(hash, hash_password("una frase larga", PasswordCost::minimal));  // salted
}

TEST(Crypto, ConstantTimeEqualComparesContent) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
}

}  // namespace
}  // namespace apertura
