#pragma once
// Counts the syllables of a Spanish word by its vowel nuclei: two vowels form
// one nucleus (a diphthong) when one or both are unstressed closed vowels
// (i, u, ü) — "ciu-dad", "cui-da-do"; three form a triphthong — "buey",
// "a-ve-ri-guáis"; open vowels side by side (a, e, o) or a stressed í/ú next
// to another vowel are in hiatus — "po-e-ta", "dí-a", "ba-úl". The u of
// "que", "qui", "gue", "gui" is silent; ü is not ("pin-güi-no"); a final y
// after a vowel closes a diphthong ("hoy", "U-ru-guay") and y alone is a word
// of one syllable. h does not join vowels ("a-ho-rro").
#include <string_view>

namespace apertura {

// 0 for a word without vowels (digits, symbols).
int spanish_syllables(std::string_view word);

}  // namespace apertura
