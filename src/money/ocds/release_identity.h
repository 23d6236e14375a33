#pragma once
// Whether two texts of one release (the same ocid and id) are the same
// release or the publisher's second version of it. A copy that says the same
// is a plain duplicate; one that differs is kept and compiled too, as the
// OCDS reference merge library compiles every release it is given.
#include <string_view>

namespace apertura::money {

// The same bytes, or the same JSON once parsed: key order, spacing and the
// spelling of a number (1 and 1.0) aside. Text that is not JSON is equal
// only byte for byte.
bool same_release_content(std::string_view a, std::string_view b);

}  // namespace apertura::money
