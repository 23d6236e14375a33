#include "core/spanish_plurals.h"

#include <gtest/gtest.h>

namespace apertura {
namespace {

using Forms = std::vector<std::string>;

TEST(SingularAndPlural, GivesTheOtherNumberOfAWord) {
  EXPECT_EQ(singular_and_plural("patrulla"), (Forms{"patrulla", "patrullas"}));
  EXPECT_EQ(singular_and_plural("construccion"), (Forms{"construccion", "construcciones"}));
  EXPECT_EQ(singular_and_plural("luz"), (Forms{"luz", "luces"}));
  EXPECT_EQ(singular_and_plural("patrullas"), (Forms{"patrullas", "patrulla"}));
  EXPECT_EQ(singular_and_plural("construcciones"), (Forms{"construcciones", "construccione", "construccion"}));
  EXPECT_EQ(singular_and_plural("luces"), (Forms{"luces", "luce", "luc", "luz"}));
  EXPECT_EQ(singular_and_plural("autobus"), (Forms{"autobus", "autobu", "autobuses"}));
}

TEST(SingularAndPlural, LeavesShortWordsAndNumbersAlone) {
  EXPECT_EQ(singular_and_plural("de"), (Forms{"de"}));
  EXPECT_EQ(singular_and_plural("2024"), (Forms{"2024"}));
  EXPECT_EQ(singular_and_plural("lp-001"), (Forms{"lp-001"}));
}

}  // namespace
}  // namespace apertura
