#include "core/messages.h"

#include <gtest/gtest.h>

namespace apertura {
namespace {

TEST(Messages, FillInPutsEachValueInItsPlaceInOrder) {
  EXPECT_EQ(fill_in("Ya hay un plan de {} que empieza el {}.", std::string("Jalisco"), "2026-01-01"),
            "Ya hay un plan de Jalisco que empieza el 2026-01-01.");
  EXPECT_EQ(fill_in("No existe el hito {}.", int64_t{42}), "No existe el hito 42.");
  EXPECT_EQ(fill_in("tiene {} columnas y el encabezado {}", size_t{3}, 5), "tiene 3 columnas y el encabezado 5");
}

TEST(Messages, FillInLeavesAMissingValueEmptyAndIgnoresExtraOnes) {
  EXPECT_EQ(fill_in("del {} al {}", "enero"), "del enero al ");
  EXPECT_EQ(fill_in("sin valores", "sobra"), "sin valores");
  EXPECT_EQ(fill_in("«{}»"), "«»");
  // A lone brace is text, not a place for a value.
  EXPECT_EQ(fill_in("¿falta una «}»? {", 1), "¿falta una «}»? {");
}

}  // namespace
}  // namespace apertura
