#include "core/human_check.h"

#include <sodium.h>

#include <array>
#include <charconv>
#include <optional>
#include <vector>

#include "core/crypto.h"
#include "core/number_text.h"
#include "core/text.h"

namespace apertura {

namespace {

constexpr std::array<const char*, 19> kWords = {"cero",  "uno",   "dos",     "tres",       "cuatro",
                                                 "cinco", "seis",  "siete",   "ocho",       "nueve",
                                                 "diez",  "once",  "doce",    "trece",      "catorce",
                                                 "quince", "dieciséis", "diecisiete", "dieciocho"};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == separator) parts.emplace_back();
    else parts.back() += c;
  }
  return parts;
}

std::string signed_part(int64_t issued, const std::string& id, int bits, int a, int b) {
  return "v1." + std::to_string(issued) + "." + id + "." + std::to_string(bits) + "." + std::to_string(a) + "." +
         std::to_string(b);
}

}  // namespace

HumanChallenge issue_human_challenge(std::string_view key, int64_t now_unix, int bits) {
  int a = 1 + static_cast<int>(randombytes_uniform(9));
  int b = 1 + static_cast<int>(randombytes_uniform(9));
  std::string body = signed_part(now_unix, random_token(12), bits, a, b);
  return {body + "." + hmac_sha256_hex(key, body), bits,
          std::string("¿Cuánto es ") + kWords[a] + " más " + kWords[b] + "?"};
}

bool proves_work(const std::string& token, const std::string& nonce, int bits) {
  if (nonce.empty() || nonce.size() > 20) return false;
  unsigned char digest[crypto_hash_sha256_BYTES];
  std::string data = token + ":" + nonce;
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  for (int bit = 0; bit < bits; ++bit) {
    if (digest[bit / 8] & (0x80 >> (bit % 8))) return false;
  }
  return true;
}

std::string solve_work(const std::string& token, int bits) {
  for (int64_t nonce = 0;; ++nonce) {
    if (proves_work(token, std::to_string(nonce), bits)) return std::to_string(nonce);
  }
}

HumanCheck check_human(std::string_view key, const std::string& token, const std::string& nonce,
                       const std::string& answer, int64_t now_unix, int64_t max_age_seconds) {
  if (token.empty()) return {HumanCheckResult::missing, ""};
  auto parts = split(token, '.');
  if (parts.size() != 7 || parts[0] != "v1" || token.size() > 200) return {HumanCheckResult::malformed, ""};
  auto issued = whole_number(parts[1]);
  auto bits = whole_number(parts[3]);
  auto a = whole_number(parts[4]);
  auto b = whole_number(parts[5]);
  if (!issued || !bits || !a || !b || *bits < 0 || *bits > 32 || *a < 0 || *a > 9 || *b < 0 || *b > 9) {
    return {HumanCheckResult::malformed, ""};
  }
  std::string body = signed_part(*issued, parts[2], static_cast<int>(*bits), static_cast<int>(*a), static_cast<int>(*b));
  if (body + "." + parts[6] != token || !constant_time_equal(hmac_sha256_hex(key, body), parts[6])) {
    return {HumanCheckResult::malformed, ""};
  }
  if (*issued > now_unix + 60 || now_unix - *issued > max_age_seconds) return {HumanCheckResult::expired, parts[2]};
  if (proves_work(token, nonce, static_cast<int>(*bits))) return {HumanCheckResult::passed, parts[2]};
  std::string typed = to_lower_ascii(trim(answer));
  int64_t sum = *a + *b;
  if (whole_number(typed) == sum || typed == kWords[sum]) return {HumanCheckResult::passed, parts[2]};
  return {answer.empty() && nonce.empty() ? HumanCheckResult::missing : HumanCheckResult::failed, parts[2]};
}

}  // namespace apertura
