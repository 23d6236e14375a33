#include <gtest/gtest.h>

#include "core/human_check.h"

namespace apertura {
namespace {

constexpr const char* kKey = "clave-de-prueba";
constexpr int64_t kNow = 1796601600;  // 2026-12-07

TEST(HumanCheck, TheScriptsNonceOrTheSumInDigitsOrWordsPass) {
  auto challenge = issue_human_challenge(kKey, kNow, 12);
  EXPECT_EQ(challenge.bits, 12);
  std::string nonce = solve_work(challenge.token, 12);
  EXPECT_TRUE(proves_work(challenge.token, nonce, 12));
  auto check = check_human(kKey, challenge.token, nonce, "", kNow + 30, 3600);
  EXPECT_EQ(check.result, HumanCheckResult::passed);
  EXPECT_FALSE(check.id.empty());

  // The sum: the token carries its two numbers, signed.
  std::string token = challenge.token;
  int a = token[token.size() - 68] - '0';
  int b = token[token.size() - 66] - '0';
  static const char* words[] = {"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
                                "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho"};
  EXPECT_NE(challenge.question.find(std::string(words[a]) + " más " + words[b]), std::string::npos) << challenge.question;
  EXPECT_EQ(check_human(kKey, token, "", std::to_string(a + b), kNow, 3600).result, HumanCheckResult::passed);
  EXPECT_EQ(check_human(kKey, token, "", std::string(" ") + words[a + b] + " ", kNow, 3600).result, HumanCheckResult::passed);
  EXPECT_EQ(check_human(kKey, token, "", std::to_string(a + b + 1), kNow, 3600).result, HumanCheckResult::failed);
  EXPECT_EQ(check_human(kKey, token, "", "", kNow, 3600).result, HumanCheckResult::missing);
  // A nonce that does not prove the work is a failure, not a pass.
  std::string wrong = nonce == "0" ? "1" : "0";
  if (!proves_work(token, wrong, 12)) {
    EXPECT_EQ(check_human(kKey, token, wrong, "", kNow, 3600).result, HumanCheckResult::failed);
  }
}

TEST(HumanCheck, ForgedOldOrMalformedChallengesFail) {
  auto challenge = issue_human_challenge(kKey, kNow, 8);
  std::string nonce = solve_work(challenge.token, 8);
  EXPECT_EQ(check_human("otra-clave", challenge.token, nonce, "", kNow, 3600).result, HumanCheckResult::malformed);
  // Asking for no work at all, or changing the numbers, breaks the signature.
  std::string easier = challenge.token;
  easier.replace(easier.find(".8."), 3, ".0.");
  EXPECT_EQ(check_human(kKey, easier, "0", "", kNow, 3600).result, HumanCheckResult::malformed);
  EXPECT_EQ(check_human(kKey, challenge.token, nonce, "", kNow + 3601, 3600).result, HumanCheckResult::expired);
  EXPECT_EQ(check_human(kKey, challenge.token, nonce, "", kNow - 3600, 3600).result, HumanCheckResult::expired);
  for (const char* bad : {"", "v1", "v1.a.b.c.d.e.f", "v2.1.2.3.4.5.6", "v1.1.x.99.1.1.00"}) {
    auto result = check_human(kKey, bad, "1", "2", kNow, 3600).result;
    EXPECT_TRUE(result == HumanCheckResult::malformed || result == HumanCheckResult::missing) << bad;
  }
  // Two challenges are never the same.
  EXPECT_NE(issue_human_challenge(kKey, kNow, 8).token, issue_human_challenge(kKey, kNow, 8).token);
}

}  // namespace
}  // namespace apertura
