#include "app/cli.h"

#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <fstream>
#include <iterator>
#include <iostream>
#include <sstream>

#include "app/application.h"
#include "app/demo.h"
#include "catalog/messages.h"
#include "core/crypto.h"
#include "money/contracting/demo_contracts.h"
#include "money/import/import_job_views.h"
#include "money/import/ocds_importer.h"
#include "store/migrations.h"
#include "store/sqlite_connection.h"
#include "web/server.h"

extern char** environ;

namespace apertura::app {

namespace {

struct GlobalFlags {
  std::map<std::string, std::string> values;  // only what was given
  std::string config_file;
};

void add_flag(CLI::App& app, GlobalFlags& flags, const std::string& key, const std::string& help) {
  std::string name = "--" + key;
  std::replace(name.begin(), name.end(), '_', '-');
  app.add_option_function<std::string>(
      name, [&flags, key](const std::string& value) { flags.values[key] = value; }, help);
}

Config load_config(const GlobalFlags& flags) {
  std::string path = flags.config_file;
  if (path.empty()) {
    if (const char* env = std::getenv("APERTURA_CONFIG")) path = env;
  }
  std::map<std::string, std::string> file;
  if (!path.empty()) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("no se puede leer el archivo de configuración " + path);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = parse_config_file(text.str());
    if (!parsed) throw std::runtime_error(path + ": " + parsed.error().message);
    file = parsed.value();
  }
  auto config = resolve_config(
      flags.values,
      [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        return value ? std::optional<std::string>(value) : std::nullopt;
      },
      file);
  if (!config) {
    std::string message = config.error().message;
    for (const auto& field : config.error().fields) message += "\n  " + field.field + ": " + field.message;
    throw std::runtime_error(message);
  }
  return config.value();
}

void print_error(const Error& error) {
  std::cerr << "error: " << error.message << "\n";
  for (const auto& field : error.fields) std::cerr << "  " << field.field << ": " << field.message << "\n";
}

int serve(const Config& config) {
  Application application(config);
  web::ServerOptions options;
  options.address = config.address;
  options.port = config.port;
  options.threads = config.threads;
  options.access_log = config.access_log;
  options.trusted_proxies = config.trusted_proxies;
  application.configure(options);
  application.start_background_work();
  web::Server server(options, application.handler());
  server.start();
  server.run_until_signal();
  return 0;
}

int backup(const Config& config, const std::string& file) {
  auto database = store::open_database(config.db, 1);
  if (database->dialect() == store::Dialect::sqlite) {
    auto connection = database->connect();
    dynamic_cast<store::SqliteConnection&>(connection->backend()).backup_to(file);
    std::cout << "copia de seguridad escrita en " << file << "\n";
    return 0;
  }
  // PostgreSQL: pg_dump's custom format, restorable with pg_restore.
  std::vector<std::string> args = {"pg_dump", "--format=custom", "--file=" + file, config.db};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv.data(), environ) != 0) {
    std::cerr << "error: no se encontró pg_dump; instala postgresql-client y ejecuta\n  pg_dump "
                 "--format=custom --file=" << file << " \"$APERTURA_DB\"\n";
    return 1;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "error: pg_dump falló\n";
    return 1;
  }
  std::cout << "copia de seguridad (pg_dump, formato custom) escrita en " << file << "\n";
  return 0;
}

void print_import(const std::string& file, const money::ImportSummary& summary) {
  if (summary.refused) {
    std::cerr << "rechazado: " << *summary.refused << " (no se escribió nada)\n";
    return;
  }
  std::cout << file << ": " << summary.imported << " entregas importadas, " << summary.duplicates
            << " duplicadas, " << summary.rejected << " rechazadas";
  if (summary.linked > 0) std::cout << ", " << summary.linked << " entregas enlazadas (no incluidas) omitidas";
  if (summary.from_compiled > 0) {
    std::cout << ", " << summary.from_compiled << " entregas compiladas tomadas de registros sin entregas incluidas";
  }
  std::cout << "; " << summary.processes << " procesos compilados\n";
  if (std::string rules = money::merge_rules_text(summary); !rules.empty()) std::cout << "  " << rules << "\n";
  if (summary.changed_copies > 0) {
    std::cout << "  " << summary.changed_copies
              << " entregas eran la misma entrega publicada con otro contenido (mismo ocid e id): se guardaron "
                 "todas las versiones y se compilaron en orden de fecha. Procesos:";
    for (const auto& ocid : summary.changed_copy_ocids) std::cout << " " << ocid;
    std::cout << "\n";
  }
  for (const auto& problem : summary.problems) {
    std::cerr << "  " << problem.source << ":" << problem.line << " (byte " << problem.offset << ")";
    if (!problem.ocid.empty()) std::cerr << " " << problem.ocid;
    if (!problem.release_id.empty()) std::cerr << " entrega " << problem.release_id;
    std::cerr << ": " << problem.reason << "\n";
  }
  if (summary.problems_total > static_cast<int64_t>(summary.problems.size())) {
    std::cerr << "  ... y " << summary.problems_total - static_cast<int64_t>(summary.problems.size())
              << " problemas más\n";
  }
}

int import_budget(Application& application, const Actor& actor, const std::string& file,
                  const std::string& jurisdiction) {
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto result = application.budget().import_csv(actor, jurisdiction, text);
  if (!result) {
    print_error(result.error());
    return 1;
  }
  std::cout << file << ": " << result->created << " líneas nuevas, " << result->updated << " actualizadas\n";
  return 0;
}

// A file (or standard input, "-") read a megabyte at a time into a resource's table.
int import_datastore(Application& application, const Actor& actor, int64_t resource_id, const std::string& file) {
  std::FILE* in = file == "-" ? stdin : std::fopen(file.c_str(), "rb");
  if (!in) {
    std::cerr << "error: no se puede leer " << file << "\n";
    return 1;
  }
  auto started = std::chrono::steady_clock::now();
  auto result = application.datastore().load_from(
      actor, resource_id, [in](char* buffer, size_t size) { return std::fread(buffer, 1, size, in); });
  if (in != stdin) std::fclose(in);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!result) {
    print_error(result.error());
    return 1;
  }
  const auto& report = result->report;
  std::cout << file << ": " << report.rows << " filas de " << report.columns << " columnas (" << report.encoding
            << ") en " << std::fixed << std::setprecision(1) << seconds << " s, "
            << static_cast<int64_t>(seconds > 0 ? static_cast<double>(report.rows) / seconds : 0) << " filas/s\n";
  if (result->loaded()) return 0;
  std::cout << "no se cargó: " << report.error_count << " errores\n";
  for (const auto& error : report.errors) std::cout << "  " << catalog::data_error_text_es(error) << "\n";
  return 3;
}

int import_ocds(Application& application, const Actor& actor, const std::vector<std::string>& files,
                const std::string& jurisdiction, const std::string& license, const std::string& encoding,
                const std::string& ocds_version, bool compiled) {
  money::ImportOptions options;
  auto chosen = License::choose(license);
  if (!chosen) {
    print_error(chosen.error());
    return 1;
  }
  options.license = *chosen;
  auto source_encoding = money::choose_source_encoding(encoding);
  if (!source_encoding) {
    print_error(source_encoding.error());
    return 1;
  }
  options.encoding = *source_encoding;
  auto unstated_version = money::choose_unstated_version(ocds_version);
  if (!unstated_version) {
    print_error(unstated_version.error());
    return 1;
  }
  options.unstated_version = *unstated_version;
  options.compiled = compiled;
  options.flags = &application.red_flags().settings();
  if (!jurisdiction.empty()) {
    auto found = application.jurisdictions().find(jurisdiction);
    if (!found) {
      std::cerr << "error: no existe la jurisdicción `" << jurisdiction << "`\n";
      return 1;
    }
    options.jurisdiction_id = found->id;
  }
  money::OcdsImporter importer(application.database(), actor, options);
  money::ImportSummary total;
  for (const auto& file : files) {
    money::ImportSummary summary = importer.import_file(file, file);
    print_import(file, summary);
    total.add(std::move(summary));
  }
  if (files.size() > 1) {
    std::cout << "total: " << total.imported << " importadas, " << total.duplicates << " duplicadas, "
              << total.changed_copies << " con otro contenido, " << total.rejected << " rechazadas; " << importer.distinct_processes() << " procesos compilados\n";
  }
  if (total.imported > 0) {
    std::cout << "las señales de riesgo de cada proceso importado ya están al día; las que comparan todos los "
                 "procesos se recalculan con `apertura flags`\n";
  }
  if (total.refused) return 1;
  return total.rejected > 0 ? 3 : 0;
}

std::string read_password() {
  if (const char* env = std::getenv("APERTURA_PASSWORD")) return env;
  std::string password;
  std::cerr << "Contraseña (una línea en la entrada estándar): ";
  std::getline(std::cin, password);
  return password;
}

}  // namespace

int run_cli(int argc, char** argv) {
  init_crypto();
  CLI::App app{"Apertura: plataforma de gobierno abierto local"};
  app.require_subcommand(1);
  GlobalFlags flags;
  app.add_option("--config", flags.config_file, "Archivo de configuración (clave = valor)");
  add_flag(app, flags, "db", "Base de datos: sqlite:RUTA o postgresql://... (APERTURA_DB)");
  add_flag(app, flags, "log_level", "trace, debug, info, warn o error (APERTURA_LOG_LEVEL)");
  add_flag(app, flags, "files_dir", "Carpeta para archivos subidos; vacío: en la base de datos (APERTURA_FILES_DIR)");
  add_flag(app, flags, "flags_settings",
           "Configuración de las señales de riesgo, formato INI de Cardinal (APERTURA_FLAGS_SETTINGS)");

  auto* serve_cmd = app.add_subcommand("serve", "Sirve el portal y la API");
  for (const char* key :
       {"address", "port", "threads", "assets_dir", "secure_cookies", "public_url", "access_log", "upload_dir",
        "smtp_url", "smtp_from", "page_cache_mb", "trusted_proxies", "check_links"}) {
    add_flag(*serve_cmd, flags, key, std::string("(APERTURA_") + key + ")");
  }

  app.add_subcommand("migrate", "Aplica las migraciones pendientes");
  auto* demo_cmd = app.add_subcommand("demo", "Carga los datos de demostración (se puede repetir)");
  int64_t demo_contracts = 200;
  uint64_t demo_seed = 2015;
  std::string demo_output;
  demo_cmd->add_option("--contracts", demo_contracts,
                       "Procesos de contratación sintéticos por estado de demostración (200; 0: ninguno)");
  demo_cmd->add_option("--seed", demo_seed, "Semilla del generador (la misma semilla da los mismos datos)");
  demo_cmd->add_option("--output", demo_output,
                       "Solo escribe las entregas sintéticas en este archivo JSON Lines (para pruebas de "
                       "rendimiento) sin tocar la base de datos");

  auto* backup_cmd = app.add_subcommand("backup", "Copia de seguridad de la base de datos");
  std::string backup_file;
  backup_cmd->add_option("file", backup_file, "Archivo de destino")->required();

  auto* user_cmd = app.add_subcommand("user", "Cuentas de usuario");
  user_cmd->require_subcommand(1);
  auto* user_add = user_cmd->add_subcommand("add", "Crea una cuenta (contraseña por APERTURA_PASSWORD o stdin)");
  std::string email, name, role_text = "citizen";
  std::optional<int64_t> institution;
  std::string user_jurisdiction;
  user_add->add_option("--email", email, "Correo")->required();
  user_add->add_option("--name", name, "Nombre visible")->required();
  user_add->add_option("--role", role_text, "admin, official, civil_society o citizen");
  user_add->add_option("--institution", institution, "Institución (para official)");
  user_add->add_option("--jurisdiction", user_jurisdiction,
                       "Jurisdicción a la que se limita la cuenta (clave INEGI, p. ej. 14)");
  user_cmd->add_subcommand("list", "Lista las cuentas");
  auto* set_role = user_cmd->add_subcommand("set-role", "Cambia el rol de una cuenta");
  set_role->add_option("email", email, "Correo")->required();
  set_role->add_option("role", role_text, "admin, official, civil_society o citizen")->required();
  set_role->add_option("--institution", institution, "Institución (para official)");
  set_role->add_option("--jurisdiction", user_jurisdiction,
                       "Clave de la jurisdicción a la que se limita la cuenta (vacío: todas)");

  auto* audit_cmd = app.add_subcommand("audit", "Bitácora de cambios");
  audit_cmd->require_subcommand(1);
  audit_cmd->add_subcommand("verify", "Verifica la cadena de hashes");

  auto* import_cmd = app.add_subcommand("import", "Importa datos abiertos");
  import_cmd->require_subcommand(1);
  auto* import_ocds_cmd = import_cmd->add_subcommand(
      "ocds",
      "Importa entregas OCDS: paquetes de entregas o de registros, entregas sueltas, JSON Lines; "
      "también comprimidos con gzip. Sale con 0 si todo se importó, 3 si se rechazaron elementos "
      "(se listan con su línea), 1 si un archivo no se pudo leer");
  std::vector<std::string> import_files;
  std::string import_jurisdiction;
  import_ocds_cmd->add_option("files", import_files, "Archivos")->required()->check(CLI::ExistingFile);
  import_ocds_cmd->add_option("--jurisdiction", import_jurisdiction,
                              "Clave INEGI o nombre corto de la jurisdicción a la que pertenecen");
  std::string import_license;
  import_ocds_cmd->add_option("--license", import_license,
                              "Licencia de las entregas cuyo paquete no indica la suya: CC-BY-4.0 (la predeterminada) "
                              "o Libre-Uso-MX");
  std::string import_encoding;
  import_ocds_cmd->add_option("--encoding", import_encoding,
                              "Codificación de los archivos: utf-8 (la de JSON, predeterminada), windows-1252 o latin1; "
                              "los dos últimos se convierten a UTF-8 al leerlos");
  bool import_compiled = false;
  import_ocds_cmd->add_flag("--compiled", import_compiled,
                            "Los archivos traen entregas compiladas (una por proceso, como las lee Cardinal): se "
                            "guardan como la compilación de quien publica. Sin esta opción se reconocen las que "
                            "dicen ser compiladas (tag \"compiled\") o no tienen id ni fecha");
  std::string import_ocds_version;
  import_ocds_cmd->add_option("--ocds-version", import_ocds_version,
                              "Versión de OCDS de las entregas cuyo paquete no dice la suya, o que vienen sin paquete "
                              "(JSON Lines): 1.0 (la que supone el estándar, predeterminada) o 1.1; decide sus reglas "
                              "de combinación");

  auto* import_budget_cmd = import_cmd->add_subcommand(
      "budget",
      "Carga líneas presupuestarias con sus momentos contables desde un CSV (formato en "
      "docs/presupuesto-csv.md). Si una fila tiene un problema no se carga ninguna; sale con 1 y lista cada "
      "problema con su línea");
  std::string budget_file;
  import_budget_cmd->add_option("file", budget_file, "Archivo CSV")->required()->check(CLI::ExistingFile);
  import_budget_cmd->add_option("--jurisdiction", import_jurisdiction, "Clave INEGI o nombre corto de la jurisdicción")
      ->required();

  auto* import_datastore_cmd = import_cmd->add_subcommand(
      "datastore",
      "Carga un CSV en la tabla consultable de un recurso CSV del catálogo (para archivos que no caben en una "
      "subida: se lee por partes). Si una fila tiene un error no se carga ninguna; sale con 3 y lista los "
      "errores con su fila");
  int64_t datastore_resource = 0;
  std::string datastore_file;
  import_datastore_cmd->add_option("resource", datastore_resource, "Id del recurso")->required();
  import_datastore_cmd->add_option("file", datastore_file, "Archivo CSV, o - para la entrada estándar")->required();

  auto* flags_cmd = app.add_subcommand(
      "flags", "Recalcula todas las señales de riesgo (Cardinal R003-R058 y las mexicanas MX01-MX04); "
               "la configuración se lee de flags_settings (formato INI de Cardinal)");

  CLI11_PARSE(app, argc, argv);

  try {
    Config config = load_config(flags);
    spdlog::set_level(spdlog::level::from_str(config.log_level));
    if (serve_cmd->parsed()) return serve(config);
    if (demo_cmd->parsed() && !demo_output.empty()) {
      std::ofstream out(demo_output);
      if (!out) throw std::runtime_error("no se puede escribir " + demo_output);
      money::DemoContractsOptions options;
      options.processes = demo_contracts;
      options.seed = demo_seed;
      int64_t written = money::write_demo_releases(out, options);
      std::cout << written << " entregas de " << demo_contracts << " procesos escritas en " << demo_output << "\n";
      return 0;
    }
    if (backup_cmd->parsed()) return backup(config, backup_file);
    Application application(config);
    Actor cli = Actor::system("línea de comandos");
    if (app.got_subcommand("migrate")) {
      auto connection = application.database().connect();
      std::cout << "esquema en la versión " << store::current_schema_version(*connection) << "\n";
      return 0;
    }
    if (app.got_subcommand("demo")) {
      for (const std::string& line : load_demo(application, demo_contracts, demo_seed)) std::cout << line << "\n";
      return 0;
    }
    if (import_ocds_cmd->parsed()) return import_ocds(application, cli, import_files, import_jurisdiction, import_license,
                                                     import_encoding, import_ocds_version, import_compiled);
    if (import_budget_cmd->parsed()) return import_budget(application, cli, budget_file, import_jurisdiction);
    if (import_datastore_cmd->parsed()) return import_datastore(application, cli, datastore_resource, datastore_file);
    if (flags_cmd->parsed()) {
      auto started = std::chrono::steady_clock::now();
      money::FlagRun run = application.red_flags().recompute_all(cli);
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cout << run.processes << " procesos revisados, " << run.flags << " señales de riesgo en "
                << std::fixed << std::setprecision(1) << seconds << " s\n";
      for (const auto& [code, count] : run.by_code) std::cout << "  " << code << "\t" << count << "\n";
      return 0;
    }
    if (user_add->parsed() || set_role->parsed()) {
      auto role = parse_role(role_text);
      if (!role) {
        std::cerr << "error: rol desconocido `" << role_text << "` (admin, official, civil_society, citizen)\n";
        return 2;
      }
      auto user = user_add->parsed()
                      ? application.accounts().create_user(
                                  cli, {email, name, read_password(), *role, institution, user_jurisdiction})
                            : application.accounts().set_role(cli, email, *role, institution, user_jurisdiction);
      if (!user) {
        print_error(user.error());
        return 1;
      }
      std::cout << user->id << "\t" << user->email << "\t" << role_name(user->role) << "\n";
      return 0;
    }
    if (user_cmd->got_subcommand("list")) {
      auto users = application.accounts().list_users(cli, {1000000, 0});
      for (const auto& user : users->items) {
        std::cout << user.id << "\t" << user.email << "\t" << role_name(user.role) << "\t"
                  << user.display_name << "\n";
      }
      return 0;
    }
    if (audit_cmd->got_subcommand("verify")) {
      auto result = application.audit().verify();
      if (result.ok) {
        std::cout << "bitácora íntegra: " << result.entries << " entradas verificadas\n";
        return 0;
      }
      std::cerr << "bitácora alterada en la entrada " << result.broken_at.value_or(0) << ": " << result.problem
                << "\n";
      return 1;
    }
  } catch (const DomainException& e) {
    print_error(e.error);
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace apertura::app
