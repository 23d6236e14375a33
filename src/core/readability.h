#pragma once
// Spanish readability of a text, for the plain-language check officials see
// while they write: the Fernández-Huerta index (206.84 - 0.60 P - 1.02 F, with
// P syllables and F sentences per 100 words), the Szigriszt-Pazos perspicuity
// index (206.835 - 62.3 syllables/words - words/sentences) with its INFLESZ
// band, and the sentences longer than 30 words.
#include <string>
#include <string_view>
#include <vector>

namespace apertura {

struct Readability {
  int words = 0;
  int sentences = 0;
  int syllables = 0;
  double fernandez_huerta = 0;
  std::string fernandez_huerta_band;  // "muy fácil" ... "muy difícil"
  double szigriszt_pazos = 0;
  std::string inflesz_band;           // "muy fácil", "bastante fácil", "normal", "algo difícil", "muy difícil"
  std::vector<std::string> long_sentences;  // over kLongSentenceWords words
};

constexpr int kLongSentenceWords = 30;

// An empty text has zero words and empty bands.
Readability measure_readability(std::string_view text);

}  // namespace apertura
