#include "money/contracting/demo_contracts.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include <nlohmann/json.hpp>

namespace apertura::money {

namespace {

using nlohmann::json;

// What suppliers sell; a supplier's name says its trade.
enum Sector : size_t { health, works, water, computing, vehicles, cleaning, food, textiles, office, consulting, farming,
                       kSectors };

// Trading companies sell anything: a few of them win often everywhere, and
// two bid in many contests and never win (R025).
const std::array<const char*, 3> kGeneralStems = {"Comercializadora", "Grupo Industrial", "Abastecedora"};
const std::array<std::array<const char*, 3>, kSectors> kSectorStems = {{
    {"Distribuidora Médica", "Farmacéutica", "Laboratorios"},
    {"Constructora", "Ingeniería Civil", "Edificaciones"},
    {"Hidráulica", "Bombas y Tuberías", "Perforaciones"},
    {"Tecnologías", "Sistemas Informáticos", "Redes y Cómputo"},
    {"Equipos de Seguridad", "Automotriz", "Vehículos y Flotillas"},
    {"Servicios Integrales", "Limpieza Profesional", "Mantenimiento Industrial"},
    {"Alimentos", "Vales y Monederos", "Abarrotes"},
    {"Confecciones", "Textiles", "Uniformes"},
    {"Papelería", "Suministros de Oficina", "Artículos de Oficina"},
    {"Consultores", "Estudios y Proyectos", "Asesoría Técnica"},
    {"Agroinsumos", "Semillas", "Maquinaria Agrícola"},
}};
// Regions, so that a name reads well whatever its trade's gender and number.
const std::array<const char*, 16> kSupplierPlaces = {
    "del Bajío", "de Occidente", "del Pacífico", "del Sur",     "del Valle",  "de la Sierra", "del Centro", "del Norte",
    "de los Altos", "de la Costa", "del Golfo", "de la Laguna", "del Istmo", "de la Mixteca", "de los Valles", "del Lago"};

struct Item {
  const char* description;
  const char* classification;  // UNSPSC
  const char* category;        // goods, works, services
  Sector sector;               // who sells it
};

// A buying unit of the state government and what it buys. `weight`: how
// often it buys, next to the others.
struct Buyer {
  const char* name;  // "{}" is the state's name
  const char* acronym;
  int weight;
  std::vector<Item> items;
};

const std::vector<Buyer>& buyers() {
  static const std::vector<Buyer> list = {
      {"Secretaría de Salud del Estado de {}", "SSA", 3,
       {{"Medicamentos para hospitales regionales", "51101500", "goods", health},
        {"Medicamentos para centros de salud", "51101500", "goods", health},
        {"Material de curación", "42311500", "goods", health},
        {"Equipo médico para centros de salud", "42181500", "goods", health}}},
      {"Secretaría de Educación del Estado de {}", "SE", 2,
       {{"Construcción de aulas escolares", "72121400", "works", works},
        {"Uniformes escolares", "53102700", "goods", textiles},
        {"Equipo de cómputo para escuelas", "43211500", "goods", computing}}},
      {"Secretaría de Infraestructura y Obra Pública del Estado de {}", "SIOP", 2,
       {{"Rehabilitación de carretera estatal", "72141100", "works", works},
        {"Construcción de puente vehicular", "72141100", "works", works},
        {"Supervisión de obra pública", "81101500", "services", consulting}}},
      {"Secretaría de Seguridad del Estado de {}", "SSE", 1,
       {{"Patrullas equipadas", "25101500", "goods", vehicles},
        {"Chalecos balísticos", "46181500", "goods", vehicles},
        {"Uniformes para policía estatal", "53102700", "goods", textiles}}},
      {"Secretaría de Administración del Estado de {}", "SECADMON", 1,
       {{"Servicio de limpieza de edificios", "76111500", "services", cleaning},
        {"Papelería y consumibles", "44121600", "goods", office},
        {"Equipo de cómputo para oficinas", "43211500", "goods", computing}}},
      {"Sistema para el Desarrollo Integral de la Familia del Estado de {}", "DIF", 1,
       {{"Despensas para familias vulnerables", "50192100", "goods", food},
        {"Desayunos escolares", "50192100", "goods", food},
        {"Sillas de ruedas y aparatos ortopédicos", "42211500", "goods", health}}},
      {"Comisión Estatal del Agua de {}", "CEA", 1,
       {{"Tubería para red de agua potable", "40142000", "goods", water},
        {"Bombas para pozos profundos", "40151500", "goods", water},
        {"Mantenimiento de pozos de agua", "72103300", "services", water},
        {"Planta de tratamiento de aguas residuales", "72141300", "works", water}}},
      {"Secretaría de Movilidad del Estado de {}", "SEMOV", 1,
       {{"Señalamiento vial", "46161500", "goods", vehicles},
        {"Mantenimiento de semáforos", "72151500", "services", cleaning}}},
      {"Secretaría de Finanzas del Estado de {}", "SEFIN", 1,
       {{"Sistema de recaudación en línea", "81111500", "services", computing},
        {"Auditoría externa de los estados financieros", "84111600", "services", consulting},
        {"Papelería y consumibles", "44121600", "goods", office}}},
      {"Instituto de Pensiones del Estado de {}", "IPE", 1,
       {{"Estudio actuarial del sistema de pensiones", "84131500", "services", consulting},
        {"Equipo de cómputo para oficinas", "43211500", "goods", computing}}},
      {"Secretaría del Campo del Estado de {}", "SECAMPO", 1,
       {{"Semilla mejorada de maíz", "10151500", "goods", farming},
        {"Fertilizantes para productores", "10171500", "goods", farming},
        {"Tractores agrícolas", "21101500", "goods", farming}}},
      {"Fiscalía del Estado de {}", "FE", 1,
       {{"Equipo de laboratorio forense", "41100000", "goods", health},
        {"Vehículos para investigación", "25101500", "goods", vehicles}}},
  };
  return list;
}

std::string with_state(const char* pattern, const std::string& state) {
  std::string text = pattern;
  size_t at = text.find("{}");
  return at == std::string::npos ? text : text.replace(at, 2, state);
}

// The state's institution for a buyer (buyers() order): its name, acronym and website.
jurisdictions::NewInstitution unit_of(const Buyer& buyer, const DemoContractsOptions& options) {
  return {with_state(buyer.name, options.state), buyer.acronym, options.website};
}

class Generator {
 public:
  Generator(const DemoContractsOptions& options)
      : options_(options),
        random_(options.seed),
        // About five processes a regular supplier, so that a small demo's
        // suppliers bid often enough for their win ratios to be comparable
        // (R025 needs a positive lower fence).
        pool_(static_cast<size_t>(std::clamp<int64_t>(options.processes / 5, 30, kSuppliers - kLosers))) {
    for (const Buyer& buyer : buyers()) total_weight_ += buyer.weight;
    size_t general = 0;
    for (size_t i = 0; i < kSuppliers; ++i) {
      bool is_general = i < kGenerals || (i >= pool_ && i < pool_ + kLosers);
      std::string name;
      if (is_general) {
        name = std::string(kGeneralStems[general % kGeneralStems.size()]) + " " + kSupplierPlaces[general];
        ++general;
      } else {
        size_t k = (i - kGenerals) / kSectors;
        auto sector = static_cast<Sector>((i - kGenerals) % kSectors);
        name = std::string(kSectorStems[sector][k % 3]) + " " + kSupplierPlaces[(k + 5 * sector) % kSupplierPlaces.size()];
        if (i < pool_) by_sector_[sector].push_back(i);
      }
      name += i % 3 == 0 ? ", S.A. de C.V." : i % 3 == 1 ? ", S. de R.L. de C.V." : ", S.C.";
      suppliers_.push_back({rfc(i, 'S'), name});
    }
  }

  int64_t write(std::ostream& out) {
    int64_t written = 0;
    for (int64_t n = 0; n < options_.processes; ++n) {
      for (const json& release : process(n)) {
        out << release.dump() << '\n';
        ++written;
      }
    }
    return written;
  }

 private:
  struct Party {
    std::string id;
    std::string name;
  };

  static constexpr int64_t kSuppliers = 240;
  static constexpr int64_t kGenerals = 5;
  static constexpr int64_t kLosers = 2;

  double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(random_); }
  // One of the regular suppliers of what `sector` sells.
  size_t regular_supplier(Sector sector) {
    const auto& pool = by_sector_[sector];
    return pool[static_cast<size_t>(between(0, static_cast<int64_t>(pool.size()) - 1))];
  }
  size_t pick_buyer() {
    int64_t roll = between(0, total_weight_ - 1);
    for (size_t i = 0; i < buyers().size(); ++i) {
      roll -= buyers()[i].weight;
      if (roll < 0) return i;
    }
    return 0;
  }
  int64_t between(int64_t low, int64_t high) { return std::uniform_int_distribution<int64_t>(low, high)(random_); }

  static std::string rfc(size_t n, char kind) {
    static const char* letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    std::string code = "MX-RFC-";
    size_t x = n * 7919 + (kind == 'S' ? 13 : 101);
    for (int i = 0; i < 3; ++i) {
      code += letters[x % 23];
      x /= 23;
    }
    char digits[16];
    std::snprintf(digits, sizeof digits, "%06zu", (n * 104729) % 1000000);
    return code + digits + (kind == 'S' ? "S1" : "G7");
  }

  static std::string date(int year, int day_of_year, int hour = 10) {
    static const int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int month = 0;
    while (month < 11 && day_of_year >= kMonthDays[month]) day_of_year -= kMonthDays[month++];
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:00:00-06:00", year, month + 1, day_of_year + 1, hour);
    return text;
  }

  static json value(double amount) { return {{"amount", std::round(amount * 100) / 100}, {"currency", "MXN"}}; }
  static json reference(const Party& p) { return {{"id", p.id}, {"name", p.name}}; }

  // A one-element list is written json::array({x}): {x} alone, with x a json,
  // is a copy of x for clang and a list for GCC.
  std::vector<json> process(int64_t n) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "-%08lld", static_cast<long long>(n));
    std::string ocid = options_.ocid_prefix + suffix;
    size_t buyer_index = pick_buyer();
    const Buyer& buying = buyers()[buyer_index];
    Party buyer{rfc(buyer_index + 1000 * (options_.state.size() % 7), 'G'), with_state(buying.name, options_.state)};
    const Item& item = buying.items[static_cast<size_t>(between(0, static_cast<int64_t>(buying.items.size()) - 1))];
    int year = static_cast<int>(between(2022, 2026));
    int start_day = static_cast<int>(between(0, 300));
    double roll = uniform();
    std::string method = roll < 0.42 ? "open" : roll < 0.6 ? "selective" : "direct";
    double estimate = std::pow(10.0, 4.3 + 2.2 * uniform());
    // The security ministry buys most of what it needs from one supplier of
    // security equipment (concentration, MX04); a few trading companies win
    // often everywhere goods are bought.
    bool goods = std::string(item.category) == "goods";
    size_t winner_index = buyer_index == kSecurity && uniform() < 0.7 ? by_sector_[vehicles].front()
                          : goods && uniform() < 0.125                ? buyer_index % kGenerals
                                                                      : regular_supplier(item.sector);
    Party winner = suppliers_[winner_index];
    double trick = uniform();  // which red flag, if any, this process is built to trip

    int period_days = trick < 0.06 ? static_cast<int>(between(3, 12)) : static_cast<int>(between(16, 40));
    std::string tender_start = date(year, start_day);
    std::string tender_end = date(year, std::min(start_day + period_days, 364));
    json parties = json::array({{{"id", buyer.id}, {"name", buyer.name}, {"roles", {"buyer", "procuringEntity"}},
                                 {"identifier", {{"scheme", "MX-RFC"}, {"id", buyer.id.substr(7)}}}}});
    json tender = {{"id", ocid + "-t"},
                   {"title", std::string(item.description) + " (" + std::to_string(year) + ")"},
                   {"description", std::string(item.description) + " para " + buyer.name},
                   {"status", "complete"},
                   {"procurementMethod", method},
                   {"procurementMethodDetails", method == "open"        ? "Licitación pública"
                                                : method == "selective" ? "Invitación a cuando menos tres personas"
                                                                        : "Adjudicación directa"},
                   {"mainProcurementCategory", item.category},
                   {"procuringEntity", reference(buyer)},
                   {"value", value(estimate)},
                   {"items", {{{"id", "1"},
                               {"description", item.description},
                               {"classification", {{"scheme", "UNSPSC"}, {"id", item.classification}}},
                               {"quantity", between(1, 500)}}}},
                   {"tenderPeriod", {{"startDate", tender_start}, {"endDate", tender_end}}}};

    // Bids: competitive methods get 1 to 6; direct awards one.
    int64_t bidders = method == "direct" ? 1 : (trick >= 0.06 && trick < 0.12) ? 1 : between(2, 6);
    double award_amount = estimate * (0.85 + 0.2 * uniform());
    if (trick >= 0.12 && trick < 0.17) award_amount = estimate * (1.6 + uniform());  // far above the estimate
    if (method == "direct" && trick >= 0.17 && trick < 0.30) award_amount = 1.2e6 + 4e6 * uniform();  // large direct
    json details = json::array();
    json tenderers = json::array();
    std::vector<Party> others;
    for (int64_t b = 1; b < bidders; ++b) others.push_back(suppliers_[regular_supplier(item.sector)]);
    // Two trading companies bid in every third contest for goods and never
    // win one: R025's excessive unsuccessful bids.
    if (goods && n % 3 == 0 && !others.empty()) others.back() = suppliers_[pool_ + static_cast<size_t>(n / 3) % kLosers];
    std::string bid_date = date(year, std::min(start_day + period_days, 364), 9);
    std::string late_date = date(year, std::min(start_day + period_days + 2, 364), 9);
    details.push_back({{"id", "1"},
                       {"status", "valid"},
                       {"date", trick >= 0.30 && trick < 0.33 ? late_date : bid_date},
                       {"tenderers", json::array({reference(winner)})},
                       {"value", value(award_amount)}});
    tenderers.push_back(reference(winner));
    for (size_t b = 0; b < others.size(); ++b) {
      const Party& other = others[b];
      if (other.id == winner.id) continue;
      double bid = award_amount * (1.15 + 0.1 * uniform());
      if (trick >= 0.47 && trick < 0.50) bid = award_amount * 1.005;           // a cover bid just above
      if (trick >= 0.50 && trick < 0.53) bid = award_amount * (1.7 + uniform());  // a heavily discounted winner
      std::string status = "valid";
      if (trick >= 0.33 && trick < 0.36) bid = award_amount;                   // identical prices
      if (trick >= 0.36 && trick < 0.39) status = "disqualified";              // all but the winner out
      if (trick >= 0.39 && trick < 0.42 && b == 0) {                           // the cheapest disqualified
        bid = award_amount * 0.9;
        status = "disqualified";
      }
      details.push_back({{"id", std::to_string(b + 2)},
                         {"status", status},
                         {"date", bid_date},
                         {"tenderers", json::array({reference(other)})},
                         {"value", value(bid)}});
      tenderers.push_back(reference(other));
    }
    tender["numberOfTenderers"] = static_cast<int64_t>(tenderers.size());
    tender["tenderers"] = tenderers;
    for (const json& t : tenderers) {
      bool is_winner = t["id"] == winner.id;
      parties.push_back({{"id", t["id"]},
                         {"name", t["name"]},
                         {"roles", is_winner ? json::array({"tenderer", "supplier"}) : json::array({"tenderer"})},
                         {"identifier", {{"scheme", "MX-RFC"}, {"id", t["id"].get<std::string>().substr(7)}}}});
    }

    json base = {{"ocid", ocid}, {"initiationType", "tender"}, {"language", "es"},
                 {"buyer", reference(buyer)}, {"parties", parties}};
    std::vector<json> releases;
    json first = base;
    first["id"] = ocid + "-01-tender";
    first["date"] = tender_start;
    first["tag"] = {"tender"};
    first["tender"] = tender;
    first["planning"] = {{"budget", {{"id", "PP-" + std::to_string(year) + "-" + std::to_string(buyer_index + 1)},
                                     {"description", "Presupuesto " + std::to_string(year) + " de " + buyer.name},
                                     {"amount", value(estimate * 1.1)}}}};
    releases.push_back(first);

    std::string award_date = date(year, std::min(start_day + period_days + 10, 364));
    json award = {{"id", ocid + "-a1"},
                  {"status", "active"},
                  {"date", award_date},
                  {"value", value(award_amount)},
                  {"suppliers", json::array({reference(winner)})},
                  {"items", tender["items"]}};
    json second = base;
    second["id"] = ocid + "-02-award";
    second["date"] = award_date;
    second["tag"] = {"award"};
    second["awards"] = json::array({award});
    second["bids"] = {{"details", details}};
    releases.push_back(second);

    if (uniform() < 0.8) {
      std::string signed_date = date(year, std::min(start_day + period_days + 20, 364));
      json contract = {{"id", ocid + "-c1"},
                       {"awardID", award["id"]},
                       {"title", "Contrato: " + std::string(item.description)},
                       {"status", "active"},
                       {"dateSigned", signed_date},
                       {"value", value(award_amount)}};
      json third = base;
      third["id"] = ocid + "-03-contract";
      third["date"] = signed_date;
      third["tag"] = {"contract"};
      third["contracts"] = json::array({contract});
      releases.push_back(third);
      if (trick >= 0.42 && trick < 0.47 && year < 2026) {  // an amendment that raises the value
        json amended = contract;
        amended["value"] = value(award_amount * (1.3 + 0.5 * uniform()));
        amended["amendments"] = {{{"id", "1"}, {"date", date(year + 1, 40)}, {"rationale", "Convenio modificatorio"}}};
        json fourth = base;
        fourth["id"] = ocid + "-04-amendment";
        fourth["date"] = date(year + 1, 40);
        fourth["tag"] = {"contractAmendment"};
        fourth["contracts"] = json::array({amended});
        releases.push_back(fourth);
      } else if (year < 2026 && uniform() < 0.5) {
        json paid = contract;
        json payment = {{"id", "1"}, {"date", date(year + 1, 20)}, {"value", value(award_amount)},
                        {"payer", reference(buyer)}, {"payee", reference(winner)}};
        paid["implementation"] = {{"transactions", json::array({payment})}};
        json fourth = base;
        fourth["id"] = ocid + "-04-implementation";
        fourth["date"] = date(year + 1, 20);
        fourth["tag"] = {"implementation"};
        fourth["contracts"] = json::array({paid});
        releases.push_back(fourth);
      }
    }
    return releases;
  }

  static constexpr size_t kSecurity = 3;  // buyers()[3], the security ministry

  const DemoContractsOptions& options_;
  std::mt19937_64 random_;
  size_t pool_;  // regular suppliers are the first pool_; the next kLosers never win
  std::vector<Party> suppliers_;
  std::array<std::vector<size_t>, kSectors> by_sector_;  // the regular suppliers of each trade
  int64_t total_weight_ = 0;
};

}  // namespace

std::string demo_budget_csv(const DemoContractsOptions& options) {
  std::mt19937_64 random(options.seed ^ 0x5eedb0d9e7ULL);
  auto uniform = [&random](double low, double high) { return std::uniform_real_distribution<double>(low, high)(random); };
  std::string csv = "ejercicio,clave,unidad_responsable,descripcion,programa,aprobado,modificado,comprometido,devengado,"
                    "ejercido,pagado\n";
  char amounts[256];
  for (int year = 2022; year <= 2026; ++year) {
    for (size_t i = 0; i < buyers().size(); ++i) {
      std::string unit = unit_of(buyers()[i], options).name;
      double approved = std::round(std::pow(10.0, uniform(6.9, 7.9)));
      double modified = std::round(approved * uniform(0.93, 1.12));
      double executed = year < 2026 ? uniform(0.86, 0.99) : uniform(0.55, 0.8);  // 2026 is still running
      double committed = std::round(modified * executed);
      double accrued = std::round(committed * uniform(0.9, 1.0));
      double exercised = std::round(accrued * uniform(0.94, 1.0));
      double paid = std::round(exercised * uniform(0.9, 1.0));
      std::snprintf(amounts, sizeof amounts, "%.2f,%.2f,%.2f,%.2f,%.2f,%.2f", approved, modified, committed, accrued,
                    exercised, paid);
      csv += std::to_string(year) + ",PP-" + std::to_string(year) + "-" + std::to_string(i + 1) + ",\"" + unit +
             "\",\"Gasto de operación y adquisiciones " + std::to_string(year) + "\",E" +
             std::to_string(100 + i) + "," + amounts + "\n";
    }
  }
  return csv;
}

std::vector<jurisdictions::NewInstitution> demo_buying_units(const DemoContractsOptions& options) {
  std::vector<jurisdictions::NewInstitution> units;
  for (const Buyer& buyer : buyers()) units.push_back(unit_of(buyer, options));
  return units;
}

int64_t write_demo_releases(std::ostream& out, const DemoContractsOptions& options) {
  Generator generator(options);
  return generator.write(out);
}

}  // namespace apertura::money
