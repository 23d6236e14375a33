#pragma once
// A check that a form was sent by a person, without outside services: the
// page's script does a small proof of work (finds a nonce whose SHA-256,
// with the challenge, starts with `bits` zero bits), and a browser without
// JavaScript answers a sum written in words instead. The challenge is
// signed with a server key, so any server sharing the database can check it,
// and carries its own id so that a caller can refuse a second use.
#include <cstdint>
#include <string>
#include <string_view>

namespace apertura {

struct HumanChallenge {
  std::string token;  // "v1.ISSUED.ID.BITS.A.B.MAC"
  int bits = 0;       // zero bits the proof of work needs
  std::string question;  // "¿Cuánto es seis más tres?"
};

// A new challenge issued at `now_unix` (seconds), with a sum of two numbers
// from 1 to 9 for browsers without JavaScript.
HumanChallenge issue_human_challenge(std::string_view key, int64_t now_unix, int bits);

enum class HumanCheckResult { passed, missing, malformed, expired, failed };

struct HumanCheck {
  HumanCheckResult result = HumanCheckResult::missing;
  std::string id;  // the challenge's id, once its signature checks
};

// Whether `token` is ours, issued at most `max_age_seconds` before `now_unix`,
// and either `nonce` proves the work or `answer` is the sum (in digits or in
// words).
HumanCheck check_human(std::string_view key, const std::string& token, const std::string& nonce,
                       const std::string& answer, int64_t now_unix, int64_t max_age_seconds);

// Whether SHA-256(token + ":" + nonce) starts with `bits` zero bits.
bool proves_work(const std::string& token, const std::string& nonce, int bits);
// The first nonce (decimal, counting from 0) that proves the work: what the
// page's script does, for tests and API clients.
std::string solve_work(const std::string& token, int bits);

}  // namespace apertura
