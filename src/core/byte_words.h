#pragma once
// Looks at eight bytes at once for the few byte values a scan stops at (the
// usual bit tricks for "a byte equal to c" and "a byte below n"): scanners of
// JSON text spend most of their time inside strings, where nothing happens.
#include <cstdint>
#include <cstring>

namespace apertura::byte_words {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHigh = 0x8080808080808080ULL;

// The eight bytes at `p`, whatever their alignment.
inline uint64_t load(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// Whether any of the word's bytes is `c`.
constexpr bool has_byte(uint64_t word, unsigned char c) {
  uint64_t v = word ^ (kOnes * c);
  return ((v - kOnes) & ~v & kHigh) != 0;
}

// Whether any of the word's bytes is below `n` (n at most 128).
constexpr bool has_byte_below(uint64_t word, unsigned char n) {
  return ((word - kOnes * n) & ~word & kHigh) != 0;
}

}  // namespace apertura::byte_words
