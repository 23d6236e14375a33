#include <gtest/gtest.h>

#include "app/config.h"

namespace apertura::app {
namespace {

std::function<std::optional<std::string>(const std::string&)> env_of(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

TEST(Config, DefaultsApplyWhenNothingIsSet) {
  auto config = resolve_config({}, env_of({}), {});
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->db, "sqlite:apertura.db");
  EXPECT_EQ(config->port, 8080);
  EXPECT_EQ(config->public_url, "http://localhost:8080");
  EXPECT_EQ(config->upload_dir, "apertura-uploads");
  EXPECT_TRUE(config->check_links);
  auto quiet = resolve_config({{"check_links", "false"}}, env_of({}), {});
  ASSERT_TRUE(quiet.ok());
  EXPECT_FALSE(quiet->check_links);
  EXPECT_FALSE(resolve_config({}, env_of({{"APERTURA_CHECK_LINKS", "a veces"}}), {}).ok());
}

TEST(Config, UploadsWaitBesideTheSqliteFileTheyAreQueuedIn) {
  EXPECT_EQ(default_upload_dir("sqlite:/var/lib/apertura/portal.db"), "/var/lib/apertura/portal-uploads");
  EXPECT_EQ(default_upload_dir("datos/estado.sqlite"), "datos/estado-uploads");
  EXPECT_EQ(default_upload_dir("postgresql://apertura@127.0.0.1/apertura"), "apertura-uploads");
  EXPECT_EQ(default_upload_dir("sqlite::memory:"), "apertura-uploads");
  auto config = resolve_config({{"db", "sqlite:/srv/a.db"}}, env_of({}), {});
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->upload_dir, "/srv/a-uploads");
  auto chosen = resolve_config({{"db", "sqlite:/srv/a.db"}}, env_of({{"APERTURA_UPLOAD_DIR", "/srv/subidas"}}), {});
  EXPECT_EQ(chosen->upload_dir, "/srv/subidas");
}

TEST(Config, FlagBeatsEnvironmentBeatsFile) {
  std::map<std::string, std::string> file = {{"db", "sqlite:file.db"}, {"port", "7000"}, {"address", "0.0.0.0"}};
  auto env = env_of({{"APERTURA_DB", "sqlite:env.db"}, {"APERTURA_PORT", "7100"}});
  auto config = resolve_config({{"port", "7200"}}, env, file);
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->port, 7200);            // flag
  EXPECT_EQ(config->db, "sqlite:env.db");   // environment
  EXPECT_EQ(config->address, "0.0.0.0");    // file
  auto uploads = resolve_config({}, env_of({{"APERTURA_UPLOAD_DIR", "/srv/apertura/subidas"}}), {});
  EXPECT_EQ(uploads->upload_dir, "/srv/apertura/subidas");
  auto proxies = resolve_config({}, env_of({{"APERTURA_TRUSTED_PROXIES", "127.0.0.1, ::1"}}), {});
  EXPECT_EQ(proxies->trusted_proxies, (std::vector<std::string>{"127.0.0.1", "::1"}));
}

TEST(Config, InvalidValuesNameTheirSource) {
  auto config = resolve_config({{"port", "80000"}}, env_of({{"APERTURA_SECURE_COOKIES", "maybe"}}), {});
  ASSERT_FALSE(config.ok());
  ASSERT_EQ(config.error().fields.size(), 2u);
  EXPECT_EQ(config.error().fields[0].field, "--port");
  EXPECT_EQ(config.error().fields[1].field, "APERTURA_SECURE_COOKIES");
}

TEST(ConfigFile, ParsesKeyValueLinesAndComments) {
  auto parsed = parse_config_file("# Apertura\ndb = postgresql://localhost/apertura\n\nport=9000 # comment\n");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->at("db"), "postgresql://localhost/apertura");
  EXPECT_EQ(parsed->at("port"), "9000");
}

TEST(ConfigFile, ReportsTheLineOfAnError) {
  auto unknown = parse_config_file("db = x\ncolour = blue\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("línea 2"), std::string::npos);
  auto malformed = parse_config_file("db x\n");
  ASSERT_FALSE(malformed.ok());
  EXPECT_NE(malformed.error().message.find("línea 1"), std::string::npos);
}

}  // namespace
}  // namespace apertura::app
