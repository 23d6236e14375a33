#include <gtest/gtest.h>

#include "core/readability.h"
#include "core/spanish_syllables.h"

namespace apertura {
namespace {

// Syllable counts as the RAE divides these words.
TEST(SpanishSyllables, CountsKnownWords) {
  const std::pair<const char*, int> words[] = {
      {"casa", 2},        {"árbol", 2},        {"murciélago", 4},     {"aéreo", 4},       {"poeta", 3},
      {"leer", 2},        {"día", 2},          {"país", 2},           {"baúl", 2},        {"ciudad", 2},
      {"cuidado", 3},     {"buey", 1},         {"Uruguay", 3},        {"averiguáis", 4},  {"queso", 2},
      {"guerra", 2},      {"pingüino", 3},     {"hoy", 1},            {"muy", 1},         {"y", 1},
      {"transparencia", 4}, {"información", 4}, {"gobierno", 3},      {"ciudadanía", 5},  {"rendición", 3},
      {"cuentas", 2},     {"participación", 5}, {"héroe", 3},         {"maíz", 2},        {"reúne", 3},
      {"aeropuerto", 5},  {"caos", 2},         {"oasis", 3},          {"guion", 1},       {"huevo", 2},
      {"ahorro", 3},      {"rey", 1},          {"reyes", 2},          {"ley", 1},         {"leyes", 2},
      {"Ángel", 2},       {"ÚLTIMO", 3},       {"quién", 1},          {"guiño", 2},       {"acuífero", 5},
  };
  for (const auto& [word, expected] : words) EXPECT_EQ(spanish_syllables(word), expected) << word;
}

TEST(SpanishSyllables, NonWordsHaveNone) {
  EXPECT_EQ(spanish_syllables("2025"), 0);
  EXPECT_EQ(spanish_syllables("—"), 0);
  EXPECT_EQ(spanish_syllables(""), 0);
}

TEST(Readability, ComputesBothIndicesFromCounts) {
  // 2 sentences, 8 words, 14 syllables: "La ley es clara. Todos pueden pedir información."
  Readability r = measure_readability("La ley es clara. Todos pueden pedir información.");
  EXPECT_EQ(r.sentences, 2);
  EXPECT_EQ(r.words, 8);
  EXPECT_EQ(r.syllables, 1 + 1 + 1 + 2 + 2 + 2 + 2 + 4);
  EXPECT_NEAR(r.fernandez_huerta, 206.84 - 0.60 * (15 * 100.0 / 8) - 1.02 * (2 * 100.0 / 8), 1e-9);
  EXPECT_NEAR(r.szigriszt_pazos, 206.835 - 62.3 * (15.0 / 8) - 8.0 / 2, 1e-9);
  EXPECT_EQ(r.inflesz_band, "muy fácil");  // 86.0
  EXPECT_TRUE(r.long_sentences.empty());
}

TEST(Readability, FlagsSentencesOverThirtyWords) {
  std::string long_sentence = "Palabra";
  for (int i = 0; i < 30; ++i) long_sentence += " palabra";
  Readability r = measure_readability("Frase corta. " + long_sentence + ". Otra frase corta.");
  EXPECT_EQ(r.sentences, 3);
  ASSERT_EQ(r.long_sentences.size(), 1u);
  EXPECT_EQ(r.long_sentences[0].rfind("Palabra palabra", 0), 0u);
}

TEST(Readability, DenseAdministrativeTextScoresAsDifficult) {
  Readability r = measure_readability(
      "La implementación de mecanismos institucionales de transparencia proactiva constituye una obligación "
      "ineludible de las administraciones públicas estatales y municipales.");
  EXPECT_EQ(r.inflesz_band, "muy difícil");
  EXPECT_LT(r.fernandez_huerta, 30);
}

TEST(Readability, DecimalsDoNotSplitSentencesAndEmptyTextIsEmpty) {
  EXPECT_EQ(measure_readability("Subió 3.5 por ciento este año.").sentences, 1);
  Readability empty = measure_readability("  ");
  EXPECT_EQ(empty.words, 0);
  EXPECT_EQ(empty.inflesz_band, "");
}

}  // namespace
}  // namespace apertura
