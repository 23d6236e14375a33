#include "store/server_secrets.h"

#include "core/clock.h"
#include "core/crypto.h"

namespace apertura::store {

std::string server_secret(Connection& c, const std::string& name) {
  c.execute("INSERT INTO server_secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
            {name, random_token(32), now_timestamp()});
  return c.query_one("SELECT value FROM server_secrets WHERE name = ?", {name})->text("value");
}

}  // namespace apertura::store
