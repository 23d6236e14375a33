#pragma once
// Keys every server sharing the database signs with (a form's human check),
// created at random on first use and kept in a private table.
#include <string>

#include "store/connection.h"

namespace apertura::store {

// The secret called `name`, created now if there is none yet; two servers
// asking at once get the same one.
std::string server_secret(Connection& c, const std::string& name);

}  // namespace apertura::store
