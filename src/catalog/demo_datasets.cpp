#include "catalog/demo_datasets.h"

#include <cstdio>
#include <random>

namespace apertura::catalog {

namespace {

struct DemoFile {
  std::string name;
  std::string file_name;
  std::string content;
};

struct DemoDataset {
  std::string jurisdiction;  // INEGI code
  std::string acronym;       // of the publishing institution
  DatasetInput input;
  std::vector<DemoFile> files;
  std::vector<ResourceInput> links;
  // A second version: its label, notes and the file that replaces the first one.
  std::string next_label;
  std::string next_notes;
  std::optional<DemoFile> next_file;
};

std::string budget_csv(const std::string& state, double factor, std::mt19937_64& random) {
  const char* units[] = {"Secretaría de Salud", "Secretaría de Educación", "Secretaría de Infraestructura y Obra Pública",
                         "Secretaría de Seguridad", "Comisión Estatal del Agua", "Sistema DIF",
                         "Secretaría de Movilidad", "Secretaría del Campo", "Fiscalía del Estado"};
  const char* chapters[] = {"1000 Servicios personales", "2000 Materiales y suministros", "3000 Servicios generales",
                            "4000 Transferencias, asignaciones, subsidios", "6000 Inversión pública"};
  std::string csv = "ejercicio,entidad,unidad_responsable,capitulo,aprobado_mxn,modificado_mxn\n";
  for (const char* unit : units) {
    for (const char* chapter : chapters) {
      int64_t approved = static_cast<int64_t>((20 + random() % 900) * 1000000 * factor);
      int64_t modified = approved + static_cast<int64_t>(random() % 40000000) - 20000000;
      csv += "2026," + state + ",\"" + std::string(unit) + "\",\"" + chapter + "\"," + std::to_string(approved) + "," +
             std::to_string(std::max<int64_t>(0, modified)) + "\n";
    }
  }
  return csv;
}

std::string water_csv(std::mt19937_64& random) {
  const char* sources[] = {"Pozo Tlaquepaque 12", "Pozo Zapopan 4", "Presa Calderón", "Lago de Chapala (toma Chapala)",
                           "Pozo Tonalá 7", "Manantial Los Colomos"};
  std::string csv = "fecha_muestra,fuente,municipio,cloro_residual_mg_l,coliformes_fecales_nmp_100ml,turbiedad_utn,cumple_nom_127\n";
  const char* towns[] = {"San Pedro Tlaquepaque", "Zapopan", "Zapotlanejo", "Chapala", "Tonalá", "Guadalajara"};
  for (int month = 1; month <= 10; ++month) {
    for (int s = 0; s < 6; ++s) {
      double chlorine = 0.2 + static_cast<double>(random() % 130) / 100.0;
      int coliforms = random() % 10 == 0 ? static_cast<int>(random() % 30) : 0;
      double turbidity = 0.5 + static_cast<double>(random() % 45) / 10.0;
      bool ok = chlorine >= 0.2 && chlorine <= 1.5 && coliforms == 0 && turbidity <= 4.0;
      char line[256];
      std::snprintf(line, sizeof line, "2026-%02d-15,\"%s\",\"%s\",%.2f,%d,%.1f,%s\n", month, sources[s], towns[s], chlorine,
                    coliforms, turbidity, ok ? "sí" : "no");
      csv += line;
    }
  }
  return csv;
}

std::string requests_csv(std::mt19937_64& random) {
  std::string csv = "mes,recibidas,respondidas_en_plazo,respondidas_fuera_de_plazo,recursos_de_revision\n";
  for (int month = 1; month <= 10; ++month) {
    int received = 900 + static_cast<int>(random() % 400);
    int late = static_cast<int>(random() % 60);
    int appeals = 20 + static_cast<int>(random() % 50);
    char line[128];
    std::snprintf(line, sizeof line, "2026-%02d,%d,%d,%d,%d\n", month, received, received - late - 30, late, appeals);
    csv += line;
  }
  return csv;
}

std::string clinics_csv(std::mt19937_64& random) {
  const char* regions[] = {"Valles Centrales", "Istmo", "Costa", "Mixteca", "Papaloapan", "Sierra Sur", "Sierra Norte", "Cañada"};
  std::string csv = "region,unidades_primer_nivel,hospitales,camas_censables,ambulancias,medicos_por_mil_habitantes\n";
  for (const char* region : regions) {
    char line[160];
    std::snprintf(line, sizeof line, "\"%s\",%d,%d,%d,%d,%.2f\n", region, 40 + static_cast<int>(random() % 120),
                  1 + static_cast<int>(random() % 6), 30 + static_cast<int>(random() % 300), 3 + static_cast<int>(random() % 25),
                  0.6 + static_cast<double>(random() % 120) / 100.0);
    csv += line;
  }
  return csv;
}

std::vector<DemoDataset> demo_datasets(std::mt19937_64& random) {
  std::vector<DemoDataset> list;
  {
    DemoDataset d;
    d.jurisdiction = "14";
    d.acronym = "SEFIN";
    d.input.title = "Presupuesto de egresos de Jalisco 2026 por unidad responsable y capítulo";
    d.input.slug = "presupuesto-egresos-jalisco-2026";
    d.input.description =
        "Lo que el Congreso aprobó gastar en 2026 y lo que se ha modificado desde entonces, por unidad responsable y "
        "capítulo del gasto, en pesos.\n\nCada fila es una unidad responsable y un capítulo del clasificador por objeto "
        "del gasto. La columna `modificado_mxn` cambia con cada adecuación presupuestaria; por eso el conjunto se "
        "publica en versiones.";
    d.input.license = "CC-BY-4.0";
    d.input.frequency = "quarterly";
    d.input.temporal_start = "2026-01-01";
    d.input.temporal_end = "2026-12-31";
    d.input.spatial = "Jalisco";
    d.input.contact_name = "Dirección de Presupuesto";
    d.input.contact_email = "presupuesto@jalisco.gob.mx";
    d.input.version_label = "2026.1";
    d.input.tags = "presupuesto, egresos, gasto público";
    d.input.groups = {"dinero-publico"};
    d.files.push_back({"Presupuesto aprobado (CSV)", "presupuesto-egresos-2026.csv", budget_csv("Jalisco", 1.0, random)});
    d.links.push_back({"Ley de Ingresos y Presupuesto de Egresos (PDF, Periódico Oficial)", "", "PDF",
                       "https://periodicooficial.jalisco.gob.mx/", "", std::nullopt});
    d.next_label = "2026.2";
    d.next_notes = "Incluye las adecuaciones presupuestarias del primer trimestre.";
    d.next_file = DemoFile{"Presupuesto modificado al primer trimestre (CSV)", "presupuesto-egresos-2026-t1.csv",
                           budget_csv("Jalisco", 1.02, random)};
    list.push_back(std::move(d));
  }
  {
    DemoDataset d;
    d.jurisdiction = "14";
    d.acronym = "CEA";
    d.input.title = "Calidad del agua en fuentes de abastecimiento del área metropolitana de Guadalajara";
    d.input.slug = "calidad-agua-fuentes-guadalajara";
    d.input.description =
        "Resultados mensuales del muestreo de cloro residual, coliformes fecales y turbiedad en pozos, presas y "
        "manantiales que abastecen a la zona metropolitana, y si cada muestra cumple la norma NOM-127-SSA1-2021.";
    d.input.license = "CC-BY-4.0";
    d.input.frequency = "monthly";
    d.input.temporal_start = "2026-01-01";
    d.input.temporal_end = "2026-10-31";
    d.input.spatial = "Zona metropolitana de Guadalajara, Jalisco";
    d.input.contact_name = "Laboratorio de Calidad del Agua";
    d.input.tags = "agua potable, calidad del agua, salud";
    d.input.groups = {"agua-y-medio-ambiente", "salud"};
    d.files.push_back({"Muestras de 2026 (CSV)", "calidad-agua-2026.csv", water_csv(random)});
    list.push_back(std::move(d));
  }
  {
    DemoDataset d;
    d.jurisdiction = "14";
    d.acronym = "ITEI";
    d.input.title = "Solicitudes de información y recursos de revisión en Jalisco, por mes";
    d.input.slug = "solicitudes-informacion-jalisco-mensual";
    d.input.description =
        "Cuántas solicitudes de acceso a la información recibieron los sujetos obligados de Jalisco cada mes, cuántas "
        "se respondieron en plazo y cuántos recursos de revisión llegaron al órgano garante.";
    d.input.license = "Libre-Uso-MX";
    d.input.frequency = "monthly";
    d.input.temporal_start = "2026-01-01";
    d.input.temporal_end = "2026-10-31";
    d.input.spatial = "Jalisco";
    d.input.tags = "acceso a la información, solicitudes, transparencia";
    d.input.groups = {"transparencia"};
    d.files.push_back({"Solicitudes por mes (CSV)", "solicitudes-por-mes-2026.csv", requests_csv(random)});
    list.push_back(std::move(d));
  }
  {
    DemoDataset d;
    d.jurisdiction = "20";
    d.acronym = "SSA";
    d.input.title = "Unidades médicas, camas y ambulancias de Oaxaca por región";
    d.input.slug = "unidades-medicas-oaxaca-por-region";
    d.input.description =
        "Infraestructura de los servicios de salud del estado en cada una de sus ocho regiones: unidades de primer "
        "nivel, hospitales, camas censables, ambulancias y médicos por cada mil habitantes.";
    d.input.license = "CC-BY-4.0";
    d.input.frequency = "annual";
    d.input.temporal_start = "2026-01-01";
    d.input.temporal_end = "2026-12-31";
    d.input.spatial = "Oaxaca";
    d.input.tags = "salud, hospitales, regiones";
    d.input.groups = {"salud"};
    d.files.push_back({"Unidades médicas por región (CSV)", "unidades-medicas-2026.csv", clinics_csv(random)});
    list.push_back(std::move(d));
  }
  return list;
}

std::optional<int64_t> institution_with(DatasetService& datasets, const Actor& loader, const std::string& code,
                                        const std::string& acronym) {
  for (const auto& [place, institutions] : datasets.publishing_choices(loader)) {
    if (place.code != code) continue;
    for (const auto& i : institutions) {
      if (i.acronym == acronym) return i.id;
    }
  }
  return std::nullopt;
}

}  // namespace

int load_demo_datasets(DatasetService& datasets, const Actor& loader) {
  std::mt19937_64 random(2015);
  int created = 0;
  for (auto& demo : demo_datasets(random)) {
    if (datasets.find(loader, demo.input.slug)) continue;
    auto institution = institution_with(datasets, loader, demo.jurisdiction, demo.acronym);
    if (!institution) continue;
    demo.input.institution_id = std::to_string(*institution);
    std::vector<ResourceInput> resources;
    for (const auto& file : demo.files) resources.push_back({file.name, "", "CSV", "", file.file_name, file.content});
    for (const auto& link : demo.links) resources.push_back(link);
    Dataset dataset = datasets.create(loader, demo.input, resources, true).take();
    ++created;
    if (!demo.next_file) continue;
    dataset = datasets.new_version(loader, dataset.slug, demo.next_label, demo.next_notes).take();
    // The new version replaces the file and keeps the links, after it.
    for (const auto& resource : dataset.resources) datasets.withdraw_resource(loader, dataset.slug, resource.id).take();
    datasets.add_resource(loader, dataset.slug, {demo.next_file->name, "", "CSV", "", demo.next_file->file_name,
                                                 demo.next_file->content})
        .take();
    for (const auto& link : demo.links) datasets.add_resource(loader, dataset.slug, link).take();
  }
  // A draft the demo official (Finanzas Jalisco) is still preparing.
  if (!datasets.find(loader, "padron-proveedores-jalisco")) {
    if (auto institution = institution_with(datasets, loader, "14", "SEFIN")) {
      DatasetInput draft;
      draft.title = "Padrón de proveedores del Gobierno de Jalisco";
      draft.slug = "padron-proveedores-jalisco";
      draft.description = "Personas físicas y morales inscritas para vender al gobierno del estado, con su giro y estatus.";
      draft.institution_id = std::to_string(*institution);
      draft.frequency = "monthly";
      draft.tags = "proveedores, compras públicas";
      draft.groups = {"dinero-publico"};
      // Its file has the error spreadsheets make most: a name with a comma, not
      // quoted, so that row has a cell too many and the file is not loaded.
      std::string csv = "rfc,razon_social,giro,municipio,estatus\n";
      constexpr const char* kTrades[] = {"Papelería", "Medicamentos", "Construcción", "Limpieza", "Cómputo"};
      constexpr const char* kTowns[] = {"Guadalajara", "Zapopan", "San Pedro Tlaquepaque", "Tonalá", "Tlajomulco de Zúñiga"};
      for (int i = 1; i <= 40; ++i) {
        std::string number = std::to_string(100 + i);
        std::string name = i == 23 ? "Comercializadora del Bajío, S.A. de C.V." : "\"Proveedora " + number + ", S.A. de C.V.\"";
        csv += "PRO" + number + "0101AB" + std::to_string(i % 10) + "," + name + "," + kTrades[i % 5] + "," +
               kTowns[i % 5] + "," + (i % 7 ? "vigente" : "suspendido") + "\n";
      }
      if (datasets.create(loader, draft, {{"Padrón al 30 de noviembre (CSV)", "", "CSV", "", "padron-proveedores.csv", csv}})
              .ok()) {
        ++created;
      }
    }
  }
  return created;
}

}  // namespace apertura::catalog
