#include <gtest/gtest.h>

#include "core/text.h"

namespace apertura {
namespace {

TEST(FoldForSearch, RemovesSpanishAccentsAndLowercases) {
  EXPECT_EQ(fold_for_search("Año Económico ÚNICO Pingüino"), "ano economico unico pinguino");
  EXPECT_EQ(fold_for_search("ÁÉÍÓÚÑÜ"), "aeiounu");
  EXPECT_EQ(fold_for_search("plain ascii 123"), "plain ascii 123");
}

TEST(FoldForSearch, LeavesOtherMultibyteCharactersIntact) {
  EXPECT_EQ(fold_for_search("€ y ç"), "€ y ç");
}

TEST(Slugify, JoinsWordsWithDashes) {
  EXPECT_EQ(slugify("Veracruz de Ignacio de la Llave"), "veracruz-de-ignacio-de-la-llave");
  EXPECT_EQ(slugify("  Secretaría de Finanzas (SEFIN)  "), "secretaria-de-finanzas-sefin");
  EXPECT_EQ(slugify("¡¿!"), "");
}

TEST(Utf8, AcceptsValidAndRejectsMalformedSequences) {
  EXPECT_TRUE(is_valid_utf8("Michoacán de Ocampo 🇲🇽"));
  EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_EQ(utf8_length("año"), 3u);
}

TEST(Email, RecognisesPlausibleAddresses) {
  EXPECT_TRUE(looks_like_email("ana@example.mx"));
  EXPECT_FALSE(looks_like_email("ana@"));
  EXPECT_FALSE(looks_like_email("@example.mx"));
  EXPECT_FALSE(looks_like_email("ana@@example.mx"));
  EXPECT_FALSE(looks_like_email("ana example@example.mx"));
  EXPECT_FALSE(looks_like_email("ana@example"));
}

TEST(Split, KeepsEmptyParts) {
  EXPECT_EQ(split("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(trim("  x y \n"), "x y");
}

TEST(ForLog, KeepsShortTextAndCutsLongTextAtACharacterBoundary) {
  EXPECT_EQ(for_log("número 12"), "número 12");
  std::string digits(5000, '7');
  EXPECT_EQ(for_log(digits, 10), "7777777777… (4990 bytes más)");
  // "ñ" is two bytes; a cut inside it moves back to before it.
  EXPECT_EQ(for_log("aañb", 2), "aa… (3 bytes más)");
  EXPECT_EQ(for_log("aañb", 3), "aa… (3 bytes más)");
}

}  // namespace
}  // namespace apertura
