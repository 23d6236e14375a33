#pragma once
// The catalog's demo data: datasets of Jalisco's and Oaxaca's institutions,
// with small CSV files generated from a seed, one of them in two versions.
#include "catalog/dataset_service.h"

namespace apertura::catalog {

// Loads what is missing (a dataset whose address exists is left alone);
// returns how many datasets it created. Institutions come from the domains
// loaded before (the jurisdictions' and the buying units of the money demo).
int load_demo_datasets(DatasetService& datasets, const Actor& loader);

}  // namespace apertura::catalog
