#pragma once
// The singular and plural forms of a folded Spanish word, so that a search for
// "patrulla" finds "patrullas" and one for "construcciones" finds
// "construccion" while every search term stays a whole word (a whole-word
// lookup in a full-text index is a seek; a prefix lookup reads every word
// that starts with it).
#include <string>
#include <vector>

namespace apertura {

// The word itself first, then its other likely forms: a vowel takes "s", a
// consonant "es" ("z" becomes "ces"); a word ending in "s" or "es" also
// gives the forms without it (one of them may be no word at all, which only
// costs a lookup). Words of fewer than three letters and numbers are
// returned alone.
std::vector<std::string> singular_and_plural(const std::string& folded_word);

}  // namespace apertura
