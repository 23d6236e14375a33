#include "core/spanish_syllables.h"

#include <vector>

namespace apertura {

namespace {

enum class Sound { consonant, open, closed, stressed_closed };

// Decodes the word into lower-case letters, keeping the accents that matter.
std::vector<char32_t> letters_of(std::string_view word) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if ((c >> 5) == 0x6 && i + 1 < word.size()) {
      char32_t code = ((c & 0x1F) << 6) | (static_cast<unsigned char>(word[i + 1]) & 0x3F);
      if (code >= 0xC0 && code <= 0xDE) code += 0x20;  // Latin-1 capitals to lower case
      out.push_back(code);
      ++i;
    } else {
      out.push_back(U'?');  // other scripts: not a Spanish vowel
      while (i + 1 < word.size() && (static_cast<unsigned char>(word[i + 1]) & 0xC0) == 0x80) ++i;
    }
  }
  return out;
}

Sound sound_of(const std::vector<char32_t>& letters, size_t i) {
  char32_t c = letters[i];
  switch (c) {
    case U'a': case U'e': case U'o': case U'á': case U'é': case U'ó': case U'à': case U'è': case U'ò':
      return Sound::open;
    case U'í': case U'ú': case U'ì': case U'ù':
      return Sound::stressed_closed;
    case U'i': case U'ü': case U'ï':
      return Sound::closed;
    case U'u': {
      // Silent in que/qui and gue/gui.
      bool after_q_or_g = i > 0 && (letters[i - 1] == U'q' || letters[i - 1] == U'g');
      bool before_e_or_i = i + 1 < letters.size() &&
                           (letters[i + 1] == U'e' || letters[i + 1] == U'i' || letters[i + 1] == U'é' ||
                            letters[i + 1] == U'í');
      return after_q_or_g && before_e_or_i ? Sound::consonant : Sound::closed;
    }
    case U'y': {
      bool last = i + 1 == letters.size();
      if (letters.size() == 1) return Sound::open;  // the conjunction "y"
      bool after_vowel = i > 0 && sound_of(letters, i - 1) != Sound::consonant;
      return last && after_vowel ? Sound::closed : Sound::consonant;
    }
    default:
      return Sound::consonant;
  }
}

bool joins(Sound previous, Sound current) {
  bool previous_closed = previous == Sound::closed;
  bool current_closed = current == Sound::closed;
  return (previous_closed && current != Sound::stressed_closed) || (current_closed && previous != Sound::stressed_closed);
}

}  // namespace

int spanish_syllables(std::string_view word) {
  std::vector<char32_t> letters = letters_of(word);
  int nuclei = 0;
  Sound previous = Sound::consonant;
  // The length of the current nucleus, so a closed vowel between two open
  // ones ("S W S") is not glued into one nucleus of three.
  int nucleus_length = 0;
  bool nucleus_has_open = false;
  for (size_t i = 0; i < letters.size(); ++i) {
    Sound current = sound_of(letters, i);
    if (current == Sound::consonant) {
      previous = current;
      nucleus_length = 0;
      nucleus_has_open = false;
      continue;
    }
    bool open = current == Sound::open || current == Sound::stressed_closed;
    bool same_nucleus = previous != Sound::consonant && joins(previous, current) &&
                        !(open && nucleus_has_open);
    if (!same_nucleus) {
      ++nuclei;
      nucleus_length = 0;
      nucleus_has_open = false;
    }
    ++nucleus_length;
    nucleus_has_open = nucleus_has_open || open;
    previous = current;
  }
  return nuclei;
}

}  // namespace apertura
