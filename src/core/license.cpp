#include "core/license.h"

namespace apertura {

License License::cc_by_4() {
  return {"CC-BY-4.0", "Creative Commons Atribución 4.0 Internacional",
          "https://creativecommons.org/licenses/by/4.0/deed.es"};
}

License License::libre_uso_mx() {
  return {"Libre-Uso-MX", "Términos de Libre Uso MX", "https://datos.gob.mx/libreusomx"};
}

const std::vector<License>& License::offered() {
  static const std::vector<License> licenses = {cc_by_4(), libre_uso_mx()};
  return licenses;
}

std::optional<License> License::find(std::string_view id) {
  for (const License& license : offered()) {
    if (license.id == id) return license;
  }
  return std::nullopt;
}

}  // namespace apertura
