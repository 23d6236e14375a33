#include "core/spanish_plurals.h"

#include <algorithm>

namespace apertura {

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool ends_with(const std::string& word, const std::string& tail) {
  return word.size() > tail.size() && word.compare(word.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::vector<std::string> singular_and_plural(const std::string& word) {
  std::vector<std::string> forms = {word};
  bool has_digit = std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (word.size() < 3 || has_digit) return forms;
  auto add = [&forms](std::string form) {
    if (form.size() >= 3 && std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(std::move(form));
  };
  char last = word.back();
  char before = word[word.size() - 2];
  if (last == 's') {
    add(word.substr(0, word.size() - 1));                                    // patrullas -> patrulla
    if (ends_with(word, "es")) add(word.substr(0, word.size() - 2));         // construcciones -> construccion
    if (ends_with(word, "ces")) add(word.substr(0, word.size() - 3) + "z");  // luces -> luz
    if (before != 'a' && before != 'e' && before != 'o') add(word + "es");   // autobus -> autobuses
  } else if (is_vowel(last)) {
    add(word + "s");
  } else if (last == 'z') {
    add(word.substr(0, word.size() - 1) + "ces");
  } else if (static_cast<unsigned char>(last) < 0x80) {
    add(word + "es");
  }
  return forms;
}

}  // namespace apertura
