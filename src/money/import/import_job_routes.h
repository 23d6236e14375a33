#pragma once
// Uploading OCDS files and following their imports: the upload form, the
// pages of the jobs, and the API (a file of any size as a request body).
#include "money/contracting/contracting_routes.h"
#include "money/import/import_job_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::money {

// Where the API takes an OCDS file as the request body; the server writes
// such bodies to a temporary file, so their size is not bounded by memory.
inline constexpr const char* kOcdsImportApiPath = "/api/v1/ocds/imports";

void register_import_job_routes(web::Router& router, ImportJobService& jobs, const web::Pages& pages);

// The link to the upload form on the list of processes, for those who may import.
void extend_contracting_pages(ContractingExtensions& extensions, ImportJobService& jobs);

}  // namespace apertura::money
