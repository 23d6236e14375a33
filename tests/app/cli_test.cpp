#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <memory>

#include "core/crypto.h"
#include "money/flags/red_flag_catalog.h"

namespace apertura {
namespace {

struct Run {
  int status;
  std::string output;
};

// Runs the real binary, as an operator would.
Run run(const std::string& arguments, const std::string& input = "") {
  std::string command = "printf '%s' '" + input + "' | " + std::string(APERTURA_BINARY) + " " + arguments + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string output;
  std::array<char, 4096> buffer{};
  size_t read;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) output.append(buffer.data(), read);
  int status = pclose(pipe.release());
  return {WEXITSTATUS(status), output};
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_crypto();
    dir = std::filesystem::temp_directory_path() / ("apertura-cli-" + random_token(6));
    std::filesystem::create_directories(dir);
    db = "--db sqlite:" + (dir / "cli.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::filesystem::path dir;
  std::string db;
};

TEST_F(CliTest, DemoIsIdempotentAndTheAuditChainVerifies) {
  auto first = run(db + " demo");
  ASSERT_EQ(first.status, 0) << first.output;
  // One line per installed domain, in the order they were installed.
  EXPECT_NE(first.output.find("jurisdicciones de demostración: 13 jurisdicciones, 39 instituciones nuevas\n"
                              "cuentas de demostración: 5 nuevas\n"),
            std::string::npos)
      << first.output;
  EXPECT_NE(first.output.find("planes de acción de demostración: 2 nuevos\npropuestas de demostración: 3 nuevas\n"),
            std::string::npos)
      << first.output;
  // 200 synthetic processes per demo state, seeded: the same every time.
  EXPECT_NE(first.output.find("contrataciones de demostración: 1254 entregas nuevas, 400 procesos"), std::string::npos)
      << first.output;
  // One line a year for each of the 12 buying units of each state, and the 11 units not
  // already among a state's institutions.
  EXPECT_NE(first.output.find("120 líneas presupuestarias nuevas, 22 unidades compradoras nuevas"), std::string::npos)
      << first.output;
  EXPECT_NE(first.output.find("solicitudes de información de demostración: 300 nuevas"), std::string::npos)
      << first.output;
  auto second = run(db + " demo");
  for (const char* nothing_new : {"0 jurisdicciones, 0 instituciones nuevas", "cuentas de demostración: 0 nuevas",
                                  "planes de acción de demostración: 0 nuevos", "propuestas de demostración: 0 nuevas",
                                  "solicitudes de información de demostración: 0 nuevas"}) {
    EXPECT_NE(second.output.find(nothing_new), std::string::npos) << second.output;
  }
  EXPECT_NE(second.output.find("contrataciones de demostración: 0 entregas nuevas"), std::string::npos);
  EXPECT_NE(second.output.find("0 líneas presupuestarias nuevas, 0 unidades compradoras nuevas"), std::string::npos);
  auto verify = run(db + " audit verify");
  EXPECT_EQ(verify.status, 0) << verify.output;
  // 158 entries for the plans and accounts, one per imported batch of
  // releases, one for computing the red flags, one per state's budget, 22 for
  // the buying units, 14 for the evidence of the milestones reported done, 20
  // for the catalog's datasets (created, published, versioned) and their resources,
  // and one per information request filed, per step taken on one, on its
  // appeal or on its copies' payment, and per guarantor chosen. How many steps have happened depends
  // on today's date (the demo's requests are dated around it), so those are
  // counted from the database.
  std::string counted = (dir / "steps.txt").string();
  std::string sql = "SELECT count(*) FROM audit_log WHERE entity_kind IN ('information_request', 'request_appeal', 'request_cost') "
                    "OR action = 'guarantor_chosen'";
  ASSERT_EQ(std::system(("sqlite3 " + (dir / "cli.db").string() + " \"" + sql + "\" > " + counted).c_str()), 0);
  int request_entries = 0;
  std::ifstream(counted) >> request_entries;
  EXPECT_GT(request_entries, 300 + 150) << "every request filed, and most of them worked";
  EXPECT_NE(verify.output.find(std::to_string(219 + request_entries) + " entradas verificadas"), std::string::npos)
      << verify.output;
  // Appeals at every stage: waiting, admitted, rejected, resolved, being complied with, complied.
  sql = "SELECT count(DISTINCT status) FROM request_appeals";
  ASSERT_EQ(std::system(("sqlite3 " + (dir / "cli.db").string() + " \"" + sql + "\" > " + counted).c_str()), 0);
  int appeal_states = 0;
  std::ifstream(counted) >> appeal_states;
  EXPECT_GE(appeal_states, 5);
  // Copies waiting to be paid, paid and waiting, and collected.
  sql = "SELECT count(DISTINCT status) FROM request_costs";
  ASSERT_EQ(std::system(("sqlite3 " + (dir / "cli.db").string() + " \"" + sql + "\" > " + counted).c_str()), 0);
  int cost_states = 0;
  std::ifstream(counted) >> cost_states;
  EXPECT_GE(cost_states, 3);
}

TEST_F(CliTest, TheDemoTripsEveryRedFlag) {
  ASSERT_EQ(run(db + " demo").status, 0);
  std::string codes = (dir / "codes.txt").string();
  std::string sql = "SELECT DISTINCT code FROM red_flags ORDER BY code";
  ASSERT_EQ(std::system(("sqlite3 " + (dir / "cli.db").string() + " \"" + sql + "\" > " + codes).c_str()), 0);
  std::ifstream in(codes);
  std::set<std::string> found;
  for (std::string code; std::getline(in, code);) found.insert(code);
  for (const auto& flag : money::red_flag_catalog(money::FlagSettings{})) {
    EXPECT_TRUE(found.count(flag.code)) << flag.code << " never fires on the demo";
  }
}

TEST_F(CliTest, UserAddListAndSetRole) {
  auto added = run("--log-level warn " + db + " user add --email Rosa@Example.mx --name Rosa --role civil_society");
  EXPECT_NE(added.status, 0);  // no password given
  added = run("--log-level warn " + db + " user add --email Rosa@Example.mx --name Rosa --role civil_society",
              "una-contrasena-larga");
  ASSERT_EQ(added.status, 0) << added.output;
  auto listed = run("--log-level warn " + db + " user list");
  EXPECT_NE(listed.output.find("rosa@example.mx\tcivil_society\tRosa"), std::string::npos);
  auto official = run("--log-level warn " + db + " user set-role rosa@example.mx official");
  EXPECT_EQ(official.status, 1);
  EXPECT_NE(official.output.find("institution_id"), std::string::npos);
  auto admin = run("--log-level warn " + db + " user set-role rosa@example.mx admin");
  EXPECT_EQ(admin.status, 0) << admin.output;
  auto unknown_role = run("--log-level warn " + db + " user set-role rosa@example.mx king");
  EXPECT_EQ(unknown_role.status, 2);
}

TEST_F(CliTest, BackupWritesAUsableCopy) {
  ASSERT_EQ(run(db + " demo").status, 0);
  std::string copy = (dir / "copia.db").string();
  auto backup = run(db + " backup " + copy);
  ASSERT_EQ(backup.status, 0) << backup.output;
  auto verify = run("--db sqlite:" + copy + " audit verify");
  EXPECT_EQ(verify.status, 0) << verify.output;
}

TEST_F(CliTest, TamperingIsReportedWithANonZeroExit) {
  ASSERT_EQ(run(db + " demo").status, 0);
  std::string sql = "UPDATE audit_log SET actor_label = 'otra persona' WHERE seq = 3";
  ASSERT_EQ(std::system(("sqlite3 " + (dir / "cli.db").string() + " \"" + sql + "\"").c_str()), 0);
  auto verify = run(db + " audit verify");
  EXPECT_EQ(verify.status, 1);
  EXPECT_NE(verify.output.find("entrada 3"), std::string::npos);
}

TEST_F(CliTest, BadConfigurationIsExplained) {
  auto bad_port = run(db + " --log-level warn serve --port 99999");
  EXPECT_EQ(bad_port.status, 1);
  EXPECT_NE(bad_port.output.find("--port"), std::string::npos);
  std::string config = (dir / "apertura.conf").string();
  ASSERT_EQ(std::system(("printf 'db = x\\ncolor = azul\\n' > " + config).c_str()), 0);
  auto bad_file = run("--config " + config + " migrate");
  EXPECT_EQ(bad_file.status, 1);
  EXPECT_NE(bad_file.output.find("línea 2"), std::string::npos);
}

}  // namespace
}  // namespace apertura
