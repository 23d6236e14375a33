#include "money/import/import_job_routes.h"

#include "money/contracting/contracting_views.h"
#include "money/import/import_job_views.h"
#include "money/import/permissions.h"
#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::money {

namespace {

using nlohmann::json;
using web::Request;
using web::Response;

// A small file posted with the form is usually imported within this; the
// page then shows its result at once instead of its progress.
constexpr std::chrono::seconds kFormWait{10};
// `?wait=1` on the API: scripts that want the result in the response.
constexpr std::chrono::seconds kApiWait{3600};

Response import_form(const web::Pages& pages, const Request& request, const Error* error) {
  json data = web::form_state(request, error);
  data["title"] = "Importar datos de contrataciones (OCDS)";
  data["scripts"] = {"js/ocds-upload.js"};
  data["licenses"] = web::license_options(request.form().text("license"));
  data["encodings"] = encoding_options(request.form().text("encoding"));
  Response response = pages.render(request, "money/import", data);
  if (error) response.status = web::status_for(error->kind);
  return response;
}

// Where the API serves the job.
std::string api_location(const ImportJob& job) { return std::string(kOcdsImportApiPath) + "/" + std::to_string(job.id); }

int64_t job_id(const Request& request) { return web::id_param(request, "id", "la importación"); }

// The file of a request: the body the server wrote to disk, the first file
// of a multipart form, or the body itself.
Result<ImportJob> queue_from(ImportJobService& jobs, Request& request, const ImportChoices& choices,
                             const std::string& default_name) {
  if (!request.body_file.empty()) {
    return jobs.queue_file(request.actor, request.body_file, request.query("name").value_or(default_name),
                           choices);
  }
  const auto& uploads = request.uploads();
  if (!uploads.empty()) {
    return jobs.queue_text(request.actor, uploads.front().data, uploads.front().filename.value_or(default_name),
                           choices);
  }
  if (request.header("Content-Type").rfind("multipart/form-data", 0) == 0) {
    return jobs.queue_text(request.actor, "", default_name, choices);
  }
  return jobs.queue_text(request.actor, request.body, request.query("name").value_or(default_name), choices);
}

}  // namespace

void register_import_job_routes(web::Router& router, ImportJobService& jobs, const web::Pages& pages) {
  router.get("/contrataciones/importar", [&jobs, &pages](Request& request) {
    if (auto denied = jobs.check_may_import(request.actor)) {
      throw DomainException(*denied);
    }
    return import_form(pages, request, nullptr);
  });
  // Without JavaScript: the form's file is queued like any other; a file
  // that turns out not to be OCDS shows the form again with the reason.
  router.post("/contrataciones/importar", [&jobs, &pages](Request& request) {
    ImportChoices choices{jurisdiction_field(request.form().text("jurisdiction_id")), request.form().text("license"),
                          request.form().text("encoding")};
    auto queued = queue_from(jobs, request, choices, "archivo subido");
    if (!queued) {
      if (queued.error().kind != ErrorKind::invalid) throw DomainException(queued.error());
      return import_form(pages, request, &queued.error());
    }
    ImportJob job = jobs.wait(request.actor, queued->id, kFormWait).take();
    if (job.status == ImportJobStatus::failed) {
      Error error = Error::invalid(job.error, {{"file", job.error}});
      return import_form(pages, request, &error);
    }
    return Response::redirect(import_job_page(job));
  });
  router.get("/contrataciones/importaciones", [&jobs, &pages](Request& request) {
    auto page = web::PageRequest::from(request);
    auto list = jobs.jobs(request.actor, {page.per_page, page.offset()}).take();
    json items = json::array();
    for (const auto& job : list.items) items.push_back(import_job_view(job));
    json data = {{"title", "Importaciones de datos de contrataciones"},
                 {"jobs", items},
                 {"has_jobs", !items.empty()},
                 {"total", list.total},
                 {"pagination", web::pagination_view(request, page, list.total)},
                 {"csv_url", "/contrataciones/importaciones.csv"},
                 {"json_url", "/contrataciones/importaciones.json"}};
    return pages.render(request, "money/import_jobs", data);
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/contrataciones/importaciones." + format, [&jobs, format](Request& request) {
      auto list = jobs.jobs(request.actor, {web::kMaxDownloadRows, 0}).take();
      return web::download(import_jobs_table(list.items), "importaciones-ocds", format);
    });
  }
  router.post("/contrataciones/importaciones/{id}/cancelar", [&jobs](Request& request) {
    auto job = jobs.cancel(request.actor, job_id(request)).take();
    Response response = Response::redirect(import_job_page(job));
    web::set_flash(response, job.finished() ? "Cancelamos la importación antes de que empezara."
                                            : "La importación se detendrá al terminar el lote que está guardando.");
    return response;
  });
  router.get("/contrataciones/importaciones/{id}", [&jobs, &pages](Request& request) {
    auto job = jobs.job(request.actor, job_id(request)).take();
    json data = import_job_view(job);
    data["title"] = "Importación de " + job.file_name;
    data["scripts"] = {"js/ocds-import-job.js"};
    data["breadcrumbs"] = json::array({{{"label", "Importaciones"}, {"url", "/contrataciones/importaciones"}}});
    return pages.render(request, "money/import_job", data);
  });

  // The API: 202 with the queued job and where to follow it; with ?wait=1,
  // the job once it has ended (201, or 422 with the reason if nothing was
  // imported).
  router.post(kOcdsImportApiPath, [&jobs](Request& request) {
    ImportChoices choices{jurisdiction_field(request.query("jurisdiction_id").value_or("")),
                          request.query("license").value_or(""), request.query("encoding").value_or("")};
    ImportJob job = queue_from(jobs, request, choices, "api").take();
    std::string wait = request.query("wait").value_or("");
    bool waited = wait == "1" || wait == "true";
    if (waited) {
      job = jobs.wait(request.actor, job.id, kApiWait).take();
      if (job.status == ImportJobStatus::failed) {
        Error error = Error::invalid(job.error, {{"file", job.error}});
        Response response = Response::json(web::error_json(error), web::status_for(error.kind));
        response.set_header("Location", api_location(job));
        return response;
      }
    }
    // Without waiting it is 202 even when the worker already ended the job
    // (a small file can be done before this answer is written): the answer
    // does not depend on that race.
    Response response = web::api_item(import_job_json(job), waited && job.finished() ? 201 : 202);
    response.set_header("Location", api_location(job));
    return response;
  });
  router.get(kOcdsImportApiPath, [&jobs](Request& request) {
    auto page = web::PageRequest::from(request);
    auto list = jobs.jobs(request.actor, {page.per_page, page.offset()}).take();
    json items = json::array();
    for (const auto& job : list.items) items.push_back(import_job_json(job));
    return web::api_list(request, items, page, list.total);
  });
  // A queued job ends at once; a running one stops after its batch (the job
  // says "running" until then).
  router.add("DELETE", std::string(kOcdsImportApiPath) + "/{id}", [&jobs](Request& request) {
    return web::api_item(import_job_json(jobs.cancel(request.actor, job_id(request)).take()));
  });
  router.get(std::string(kOcdsImportApiPath) + "/{id}", [&jobs](Request& request) {
    return web::api_item(import_job_json(jobs.job(request.actor, job_id(request)).take()));
  });
}

void extend_contracting_pages(ContractingExtensions& extensions, ImportJobService& jobs) {
  extensions.processes_page.push_back([&jobs](const Request& request, json& data) {
    data["can_import"] = jobs.may_import(request.actor);
  });
}

}  // namespace apertura::money
