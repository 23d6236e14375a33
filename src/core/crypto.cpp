#include "core/crypto.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace apertura {

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string random_token(size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  std::string hex(crypto_hash_sha256_BYTES * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
  hex.pop_back();
  return hex;
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  crypto_auth_hmacsha256_final(&state, mac);
  std::string hex(crypto_auth_hmacsha256_BYTES * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac, sizeof mac);
  hex.pop_back();
  return hex;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string hash_password(std::string_view password, PasswordCost cost) {
  char out[crypto_pwhash_STRBYTES];
  unsigned long long ops = cost == PasswordCost::minimal ? crypto_pwhash_OPSLIMIT_MIN
                                                         : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t mem = cost == PasswordCost::minimal ? crypto_pwhash_MEMLIMIT_MIN
                                             : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool verify_password(std::string_view password, const std::string& stored_hash) {
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace apertura
