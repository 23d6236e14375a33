#include "money/budget/budget_views.h"

#include <algorithm>
#include <map>

#include "money/contracting/contracting_views.h"

namespace apertura::money {

namespace {

using nlohmann::json;

// The chart shows this many suppliers by name; the rest are grouped.
constexpr size_t kChartSuppliers = 12;
constexpr size_t kTableSuppliers = 50;

struct Sum {
  double amount = 0;
  int64_t processes = 0;
};

std::string method_name(const std::string& method) { return method.empty() ? "Sin método" : method_label(method); }

using SupplierSums = std::vector<std::pair<std::pair<int64_t, std::string>, Sum>>;
using MethodSums = std::map<std::pair<std::string, std::string>, Sum>;  // by (unit, method)

// Suppliers by total amount, largest first.
SupplierSums suppliers_of(const MoneyTrail& trail) {
  std::map<std::pair<int64_t, std::string>, Sum> sums;
  for (const auto& flow : trail.flows) {
    Sum& sum = sums[{flow.supplier_id, flow.supplier}];
    sum.amount += flow.amount;
    sum.processes += flow.processes;
  }
  SupplierSums out(sums.begin(), sums.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second.amount > b.second.amount; });
  return out;
}

MethodSums methods_of(const MoneyTrail& trail) {
  MethodSums sums;
  for (const auto& flow : trail.flows) {
    Sum& sum = sums[{flow.institution, flow.method}];
    sum.amount += flow.amount;
    sum.processes += flow.processes;
  }
  return sums;
}

// Nodes carry a layer prefix so a unit and a supplier with the same name stay apart.
json chart_of(const MoneyTrail& trail, const MethodSums& methods, const SupplierSums& suppliers) {
  json nodes = json::array();
  json links = json::array();
  std::map<std::string, bool> added;
  auto node = [&](const std::string& id, const std::string& label) {
    if (!added[id]) nodes.push_back({{"name", id}, {"label", label}});
    added[id] = true;
    return id;
  };
  std::string budget = node("b:", "Presupuesto modificado " + std::to_string(trail.year));
  for (const auto& unit : trail.institutions) {
    if (unit.moments.modified <= 0) continue;
    links.push_back({{"source", budget}, {"target", node("u:" + unit.institution, unit.institution)},
                     {"value", unit.moments.modified}});
  }
  for (const auto& [key, sum] : methods) {
    if (sum.amount <= 0) continue;
    links.push_back({{"source", node("u:" + key.first, key.first)},
                     {"target", node("m:" + key.second, method_name(key.second))},
                     {"value", sum.amount}});
  }
  std::map<int64_t, bool> named;
  for (size_t i = 0; i < suppliers.size() && i < kChartSuppliers; ++i) named[suppliers[i].first.first] = true;
  std::map<std::pair<std::string, std::string>, double> method_to_supplier;
  for (const auto& flow : trail.flows) {
    bool shown = named.count(flow.supplier_id) > 0;
    std::string target = shown ? "s:" + std::to_string(flow.supplier_id) : "s:otros";
    node(target, shown ? flow.supplier : "Otros proveedores");
    method_to_supplier[{"m:" + flow.method, target}] += flow.amount;
  }
  for (const auto& [key, amount] : method_to_supplier) {
    if (amount <= 0) continue;
    links.push_back({{"source", key.first}, {"target", key.second}, {"value", amount}});
  }
  return {{"nodes", nodes}, {"links", links}};
}

}  // namespace

json moments_text(const BudgetMoments& moments) {
  json out = json::object();
  for (const auto& moment : moment_columns()) out[moment.column] = money_text(moments.*moment.field, "MXN");
  return out;
}

json line_view(const BudgetLine& line) {
  json view = {{"year", line.year}, {"key", line.key}, {"institution", line.institution},
               {"description", line.description}};
  view.update(moments_text(line.moments));
  return view;
}

web::Table budget_lines_table(const std::vector<BudgetLine>& lines) {
  web::Table table{{{"year", "Ejercicio"},
                    {"key", "Clave"},
                    {"institution", "Unidad responsable"},
                    {"description", "Descripción"},
                    {"program", "Programa"},
                    {"spending_object", "Partida"},
                    {"funding_source", "Fuente"}},
                   {}};
  for (const auto& moment : moment_columns()) table.columns.push_back({moment.column, moment.label});
  for (const auto& line : lines) {
    json row = {{"year", line.year},
                {"key", line.key},
                {"institution", line.institution},
                {"description", line.description},
                {"program", line.program},
                {"spending_object", line.spending_object},
                {"funding_source", line.funding_source}};
    for (const auto& moment : moment_columns()) row[moment.column] = line.moments.*moment.field;
    table.rows.push_back(std::move(row));
  }
  return table;
}

json trail_json(const MoneyTrail& trail) {
  json units = json::array();
  for (const auto& unit : trail.institutions) {
    units.push_back({{"institution", unit.institution},
                     {"institution_id", unit.institution_id ? json(*unit.institution_id) : json()},
                     {"lines", unit.lines},
                     {"moments", unit.moments.to_json()}});
  }
  MethodSums method_sums = methods_of(trail);
  SupplierSums supplier_sums = suppliers_of(trail);
  json methods = json::array();
  for (const auto& [key, sum] : method_sums) {
    methods.push_back({{"institution", key.first}, {"method", key.second}, {"amount", sum.amount},
                       {"processes", sum.processes}});
  }
  json suppliers = json::array();
  for (const auto& [key, sum] : supplier_sums) {
    suppliers.push_back({{"organization_id", key.first}, {"name", key.second}, {"amount", sum.amount},
                         {"processes", sum.processes}});
  }
  return {{"jurisdiction", {{"code", trail.jurisdiction.code}, {"name", trail.jurisdiction.name}}},
          {"year", trail.year},
          {"years", trail.years},
          {"total", trail.total.to_json()},
          {"institutions", units},
          {"methods", methods},
          {"suppliers", suppliers},
          {"chart", chart_of(trail, method_sums, supplier_sums)}};
}

json trail_view(const MoneyTrail& trail) {
  json units = json::array();
  for (const auto& unit : trail.institutions) {
    units.push_back({{"institution", unit.institution},
                     {"lines", unit.lines},
                     {"moments", moments_text(unit.moments)},
                     {"paid_share", percent_text(unit.moments.paid, unit.moments.modified)}});
  }
  MethodSums method_sums = methods_of(trail);
  SupplierSums all = suppliers_of(trail);
  json methods = json::array();
  for (const auto& [key, sum] : method_sums) {
    methods.push_back({{"institution", key.first}, {"method", method_name(key.second)},
                       {"amount", money_text(sum.amount, "MXN")}, {"processes", sum.processes}});
  }
  json suppliers = json::array();
  for (size_t i = 0; i < all.size() && i < kTableSuppliers; ++i) {
    suppliers.push_back({{"name", all[i].first.second},
                         {"url", "/organizaciones/" + std::to_string(all[i].first.first)},
                         {"amount", money_text(all[i].second.amount, "MXN")},
                         {"processes", all[i].second.processes}});
  }
  json years = json::array();
  for (int year : trail.years) years.push_back({{"year", year}, {"selected", year == trail.year}});
  json places = json::array();
  for (const auto& place : trail.places) {
    places.push_back({{"code", place.code}, {"name", place.name}, {"selected", place.id == trail.jurisdiction.id}});
  }
  return {{"jurisdiction", {{"code", trail.jurisdiction.code}, {"name", trail.jurisdiction.name},
                            {"slug", trail.jurisdiction.slug}}},
          {"places", places},
          {"breadcrumbs", json::array({{{"label", trail.jurisdiction.name},
                                        {"url", "/jurisdicciones/" + trail.jurisdiction.slug}}})},
          {"year", trail.year},
          {"years", years},
          {"total", moments_text(trail.total)},
          {"total_paid_share", percent_text(trail.total.paid, trail.total.modified)},
          {"institutions", units},
          {"has_institutions", !units.empty()},
          {"methods", methods},
          {"has_methods", !methods.empty()},
          {"suppliers", suppliers},
          {"more_suppliers", all.size() > kTableSuppliers},
          {"supplier_count", all.size()},
          {"chart_json", chart_of(trail, method_sums, all).dump()}};
}

web::Table trail_flows_table(const MoneyTrail& trail) {
  web::Table table{{{"year", "Ejercicio"},
                    {"institution", "Unidad responsable"},
                    {"method", "Método"},
                    {"supplier_id", "Proveedor (número)"},
                    {"supplier", "Proveedor"},
                    {"amount", "Monto adjudicado"},
                    {"processes", "Procesos"}},
                   {}};
  for (const auto& flow : trail.flows) {
    table.rows.push_back({{"year", trail.year}, {"institution", flow.institution}, {"method", flow.method},
                          {"supplier_id", flow.supplier_id}, {"supplier", flow.supplier}, {"amount", flow.amount},
                          {"processes", flow.processes}});
  }
  return table;
}

}  // namespace apertura::money
