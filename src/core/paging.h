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

// A page that came back short, and not empty past the end, already tells the
// total: the COUNT query is needed only for a full page or an empty one.
inline bool needs_count(size_t items_on_page, const Slice& slice) {
  return static_cast<int64_t>(items_on_page) >= slice.limit || (items_on_page == 0 && slice.offset > 0);
}

template <typename T>
struct Paged {
  std::vector<T> items;
  int64_t total = 0;
  // Counting stopped at `total`: there are at least that many (lists whose
  // exact count would cost a lookup per match, such as a search for a common
  // word under a filter).
  bool total_is_lower_bound = false;
};

}  // namespace apertura
