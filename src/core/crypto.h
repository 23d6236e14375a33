#pragma once
// Passwords, random tokens and digests, all through libsodium.
#include <string>
#include <string_view>

namespace apertura {

// Must be called once before any other function here (sodium_init).
void init_crypto();

// URL-safe random token with `bytes` bytes of entropy.
std::string random_token(size_t bytes = 32);
std::string sha256_hex(std::string_view data);
bool constant_time_equal(std::string_view a, std::string_view b);
// HMAC-SHA-256 of `data` under `key`, in lowercase hex.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

enum class PasswordCost { interactive, minimal };
// Argon2id hash in the PHC string format. `minimal` exists for tests and demo
// seeding, where hundreds of hashes would otherwise dominate the run time.
std::string hash_password(std::string_view password, PasswordCost cost = PasswordCost::interactive);
bool verify_password(std::string_view password, const std::string& stored_hash);

}  // namespace apertura
