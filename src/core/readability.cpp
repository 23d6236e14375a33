#include "core/readability.h"

#include "core/spanish_syllables.h"
#include "core/text.h"

namespace apertura {

namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Splits at . ! ? … and line breaks; a period between digits ("3.5") or
// inside an abbreviation followed by a lower-case word does not end a sentence.
std::vector<std::string> sentences_of(std::string_view text) {
  std::vector<std::string> sentences;
  std::string current;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool ends = c == '!' || c == '?' || c == '\n';
    if (c == '.') {
      bool between_digits = i > 0 && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
                            std::isdigit(static_cast<unsigned char>(text[i + 1]));
      size_t next = text.find_first_not_of(' ', i + 1);
      bool lower_next = next != std::string_view::npos && text[next] >= 'a' && text[next] <= 'z';
      ends = !between_digits && !lower_next;
    }
    if (text.compare(i, 3, "\xE2\x80\xA6") == 0) ends = true;  // …
    current.push_back(c);
    if (ends) {
      std::string sentence = trim(current);
      if (!sentence.empty()) sentences.push_back(sentence);
      current.clear();
    }
  }
  std::string last = trim(current);
  if (!last.empty()) sentences.push_back(last);
  return sentences;
}

std::vector<std::string> words_of(std::string_view sentence) {
  std::vector<std::string> words;
  std::string current;
  for (size_t i = 0; i < sentence.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(sentence[i]);
    // ¿ ¡ « » and other Latin-1 punctuation (U+00A1..U+00BF) separate words.
    if (c == 0xC2) {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
      ++i;
      continue;
    }
    if (is_word_byte(c)) {
      current.push_back(static_cast<char>(c));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

std::string fernandez_huerta_band(double index) {
  if (index >= 90) return "muy fácil";
  if (index >= 80) return "fácil";
  if (index >= 70) return "algo fácil";
  if (index >= 60) return "normal";
  if (index >= 50) return "algo difícil";
  if (index >= 30) return "difícil";
  return "muy difícil";
}

std::string inflesz_band(double index) {
  if (index > 80) return "muy fácil";
  if (index > 65) return "bastante fácil";
  if (index > 55) return "normal";
  if (index >= 40) return "algo difícil";
  return "muy difícil";
}

}  // namespace

Readability measure_readability(std::string_view text) {
  Readability result;
  for (const std::string& sentence : sentences_of(text)) {
    std::vector<std::string> words = words_of(sentence);
    int counted = 0;
    for (const std::string& word : words) {
      int syllables = spanish_syllables(word);
      if (syllables == 0) continue;  // numbers and symbols are not read as words here
      result.syllables += syllables;
      ++counted;
    }
    if (counted == 0) continue;
    result.words += counted;
    ++result.sentences;
    if (counted > kLongSentenceWords) result.long_sentences.push_back(sentence);
  }
  if (result.words == 0) return result;
  double words = result.words;
  double per_hundred = 100.0 / words;
  result.fernandez_huerta = 206.84 - 0.60 * (result.syllables * per_hundred) - 1.02 * (result.sentences * per_hundred);
  result.szigriszt_pazos = 206.835 - 62.3 * (result.syllables / words) - (words / result.sentences);
  result.fernandez_huerta_band = fernandez_huerta_band(result.fernandez_huerta);
  result.inflesz_band = inflesz_band(result.szigriszt_pazos);
  return result;
}

}  // namespace apertura
