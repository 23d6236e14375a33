#pragma once
// A set of database row ids (dense, non-negative), one bit each: a million
// processes take 125 KB.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace apertura {

class IdSet {
 public:
  // True when `id` was not in the set yet.
  bool insert(int64_t id) {
    auto bit = static_cast<size_t>(id);
    if (bit >= bits_.size()) bits_.resize(std::max(bit + 1, bits_.size() * 2));
    if (bits_[bit]) return false;
    bits_[bit] = true;
    ++size_;
    return true;
  }
  bool contains(int64_t id) const {
    auto bit = static_cast<size_t>(id);
    return bit < bits_.size() && bits_[bit];
  }
  int64_t size() const { return size_; }

 private:
  std::vector<bool> bits_;
  int64_t size_ = 0;
};

}  // namespace apertura
