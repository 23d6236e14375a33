#pragma once
// A slice of a longer list, as services return it: the items of one page and
// how many there are in all.
#include <cstdint>
#include <vector>

namespace apertura {

struct Slice {
  int64_t limit = 20;
  int64_t offset = 0;
};

template <typename T>
struct Paged {
  std::vector<T> items;
  int64_t total = 0;
};

}  // namespace apertura
