#include "money/contracting/contracting_views.h"

#include <cmath>
#include <cstdlib>

#include "core/date.h"
#include "core/date_text.h"

namespace apertura::money {

namespace {

using nlohmann::json;


std::optional<double> number_query(const web::Request& request, const char* name, const char* label) {
  std::string text = request.query(name).value_or("");
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !std::isfinite(value)) {
    throw DomainException(Error{ErrorKind::bad_request, std::string("El ") + label + " debe ser un número.",
                                {{name, "no es un número: " + text}}});
  }
  return value;
}

std::optional<int64_t> id_query(const web::Request& request, const char* name) {
  std::string text = request.query(name).value_or("");
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (end == text.c_str() || *end != '\0' || value <= 0) {
    throw DomainException(Error{ErrorKind::bad_request, "Los números de organización son enteros positivos.",
                                {{name, "no es un número de organización: " + text}}});
  }
  return value;
}

std::string date_query(const web::Request& request, const char* name) {
  std::string text = request.query(name).value_or("");
  if (!text.empty() && !is_iso_date(text)) {
    throw DomainException(Error{ErrorKind::bad_request, "Las fechas se escriben AAAA-MM-DD.",
                                {{name, "no es una fecha: " + text}}});
  }
  return text;
}

}  // namespace

std::string method_label(const std::string& method) {
  if (method == "open") return "Licitación pública";
  if (method == "selective") return "Invitación restringida";
  if (method == "limited") return "Procedimiento limitado";
  if (method == "direct") return "Adjudicación directa";
  return method.empty() ? "Sin dato" : method;
}

std::string stage_label(const std::string& stage) {
  if (stage == "planning") return "Planeación";
  if (stage == "tender") return "Licitación";
  if (stage == "award") return "Adjudicación";
  if (stage == "contract") return "Contrato";
  if (stage == "implementation") return "Ejecución";
  return stage;
}

std::string money_text(std::optional<double> amount, const std::string& currency) {
  if (!amount) return "";
  return cents_text(std::llround(*amount * 100), currency);
}

json process_json(const ProcessRow& row) {
  json j = {{"ocid", row.ocid},
            {"title", row.title},
            {"buyer", row.buyer_name},
            {"buyer_id", row.buyer_id ? json(*row.buyer_id) : json()},
            {"procurement_method", row.procurement_method},
            {"status", row.status},
            {"stage", row.stage},
            {"amount", row.amount ? json(*row.amount) : json()},
            {"currency", row.currency},
            {"year", row.year ? json(*row.year) : json()},
            {"last_release_date", row.last_date},
            {"suppliers", row.supplier_names},
            {"releases", row.release_count}};
  return j;
}

json process_view(const ProcessRow& row) {
  json view = process_json(row);
  view["url"] = "/contrataciones/" + row.ocid;
  view["buyer_url"] = row.buyer_id ? "/organizaciones/" + std::to_string(*row.buyer_id) : "";
  view["method_label"] = method_label(row.procurement_method);
  view["stage_label"] = stage_label(row.stage);
  view["amount_text"] = money_text(row.amount, row.currency);
  view["date"] = iso_date_part(row.last_date);
  view["date_text"] = date_es(row.last_date);
  return view;
}

web::Table process_table(const std::vector<ProcessRow>& rows, const std::vector<License>& licenses) {
  web::Table table{{{"ocid", "OCID"},
                    {"title", "Título"},
                    {"buyer", "Comprador"},
                    {"procurement_method", "Método"},
                    {"status", "Estado de la licitación"},
                    {"stage", "Etapa"},
                    {"amount", "Monto"},
                    {"currency", "Moneda"},
                    {"year", "Año"},
                    {"last_release_date", "Última actualización"},
                    {"suppliers", "Proveedores"},
                    {"releases", "Entregas"},
                    {"license", "Licencia"},
                    {"license_url", "Dirección de la licencia"}},
                   {}};
  for (size_t i = 0; i < rows.size(); ++i) {
    json row = process_json(rows[i]);
    row["license"] = licenses.at(i).title;
    row["license_url"] = licenses.at(i).url;
    table.rows.push_back(std::move(row));
  }
  return table;
}

json organization_json(const OrganizationDetail& detail) {
  auto groups = [](const std::vector<AmountGroup>& list) {
    json out = json::array();
    for (const auto& g : list) out.push_back({{"key", g.key}, {"processes", g.processes}, {"amount", g.amount}});
    return out;
  };
  auto counterparts = [](const std::vector<Counterpart>& list) {
    json out = json::array();
    for (const auto& c : list) {
      out.push_back({{"id", c.id}, {"name", c.name}, {"processes", c.processes}, {"amount", c.amount},
                     {"since", c.since.substr(0, 10)}});
    }
    return out;
  };
  return {{"id", detail.organization.id},
          {"name", detail.organization.name},
          {"identifier", detail.organization.identifier},
          {"as_buyer", {{"by_year", groups(detail.spend_by_year)}, {"by_method", groups(detail.methods)},
                        {"top_suppliers", counterparts(detail.top_suppliers)}}},
          {"as_supplier", {{"by_year", groups(detail.income_by_year)}, {"buyers", counterparts(detail.buyers)}}}};
}

ProcessFilter filter_from(const web::Request& request) {
  ProcessFilter filter;
  filter.text = request.query("q").value_or("");
  filter.buyer_id = id_query(request, "buyer");
  filter.supplier_id = id_query(request, "supplier");
  filter.method = request.query("method").value_or("");
  if (!filter.method.empty() && filter.method != "open" && filter.method != "selective" &&
      filter.method != "limited" && filter.method != "direct") {
    throw DomainException(Error{ErrorKind::bad_request,
                                "El método de contratación es open, selective, limited o direct.",
                                {{"method", "valor desconocido: " + filter.method}}});
  }
  filter.status = request.query("status").value_or("");
  filter.date_from = date_query(request, "from");
  filter.date_to = date_query(request, "to");
  filter.amount_min = number_query(request, "min", "monto mínimo");
  filter.amount_max = number_query(request, "max", "monto máximo");
  filter.sort = request.query("sort").value_or("recent");
  if (filter.sort != "recent" && filter.sort != "oldest" && filter.sort != "amount_desc" &&
      filter.sort != "amount_asc") {
    throw DomainException(Error{ErrorKind::bad_request,
                                "El orden es recent, oldest, amount_desc o amount_asc.",
                                {{"sort", "valor desconocido: " + filter.sort}}});
  }
  return filter;
}

}  // namespace apertura::money
