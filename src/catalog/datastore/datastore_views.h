#pragma once
// The datastore as pages and downloads show it: a table's size, columns and
// types in words, its validation report as sentences, rows as table cells.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/datastore/datastore_repository.h"
#include "catalog/datastore/datastore_service.h"
#include "web/downloads.h"

namespace apertura::catalog {

// A resource page's block: loaded or not, sizes in words, the columns with
// their types, the report's totals and first errors. `resource_url` starts
// the table's links ("/datos/<slug>/recursos/<id>").
nlohmann::json datastore_summary_view(const DatastoreTable& table, const std::string& resource_url);
// Rows as a page's table: {columns: [{name, number}], rows: [{cells: [{text, number, label}]}]}.
nlohmann::json rows_view(const std::vector<SchemaField>& fields, const DatastoreRows& rows);
// Rows as a download: the file's columns, each cell as its type writes it (CSV) or is (JSON).
web::Table datastore_download_table(const std::vector<SchemaField>& fields, const DatastoreRows& rows);

}  // namespace apertura::catalog
