#include "money/flags/red_flag_catalog.h"

#include <cmath>
#include <sstream>

#include "money/contracting/contracting_views.h"

namespace apertura::money {

namespace {

std::string number(double value) {
  std::ostringstream out;
  out.precision(12);
  out << value;
  return out.str();
}

// 0.789 -> "78.9 %", 203.075 -> "20,307.5 %": one decimal when there is one, thousands grouped.
std::string percent(double share) {
  double value = std::round(share * 1000) / 10;
  double magnitude = std::fabs(value);
  auto whole = static_cast<int64_t>(std::floor(magnitude));
  auto tenth = static_cast<int>(std::llround((magnitude - static_cast<double>(whole)) * 10));
  if (tenth == 10) {
    ++whole;
    tenth = 0;
  }
  std::string text = (value < 0 ? "-" : "") + grouped(whole);
  if (tenth > 0) text += "." + std::to_string(tenth);
  return text + " %";
}

std::string amount(double value, const FlagSettings& settings) {
  return money_text(value, settings.currency.value_or("MXN"));
}

// "1 licitante", "3 licitantes".
std::string count(int64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string fence(const std::optional<double>& threshold, const char* computed) {
  return threshold ? "un umbral fijo de " + number(*threshold) : std::string(computed);
}

// "a " before a phrase, contracted before "el": "al límite", "a un umbral".
std::string to(const std::string& phrase) {
  return phrase.rfind("el ", 0) == 0 ? "al " + phrase.substr(3) : "a " + phrase;
}

}  // namespace

std::vector<RedFlagInfo> red_flag_catalog(const FlagSettings& s) {
  const std::string iqr_low = "el límite inferior de los datos (primer cuartil menos 1.5 veces el rango intercuartil)";
  const std::string iqr_high = "el límite superior de los datos (tercer cuartil más 1.5 veces el rango intercuartil)";
  return {
      {"R003", "Plazo corto para presentar ofertas",
       "Con poco tiempo, solo quien supo antes de la convocatoria puede preparar una oferta competitiva.",
       "El periodo para presentar ofertas dura menos de " + count(s.r003_threshold, "día completo", "días completos") +
           ".",
       "Siempre 1.", FlagValueKind::always_one, "convocatoria"},
      {"R018", "Una sola oferta recibida",
       "En un procedimiento competitivo, una sola oferta puede indicar que se disuadió a otros de participar.",
       "Procedimientos abiertos o por invitación en los que se presentó una sola oferta.", "Siempre 1.",
       FlagValueKind::always_one, "ofertas"},
      {"R024", "Precio ganador muy cercano al segundo",
       "Ofertas casi idénticas pueden ser ofertas de cobertura acordadas entre licitantes.",
       "La diferencia porcentual entre la oferta ganadora y la segunda más baja es menor o igual " +
           to(fence(s.r024_threshold, iqr_low.c_str())) + ".",
       "La diferencia relativa entre ambas ofertas.", FlagValueKind::share, "ofertas"},
      {"R025", "Muchas ofertas perdedoras",
       "Quien participa mucho y casi nunca gana puede estar presentando ofertas de cobertura para otros.",
       "Licitantes con más participaciones que el percentil " + std::to_string(s.r025_percentile) +
           " y una proporción de victorias menor o igual " + to(fence(s.r025_threshold, iqr_low.c_str())) + ".",
       "La proporción de ofertas ganadas.", FlagValueKind::share, "ofertas"},
      {"R028", "Precios de oferta idénticos",
       "Dos licitantes distintos con el mismo precio exacto sugieren coordinación entre ellos.",
       "Dos ofertas de licitantes distintos tienen el mismo monto y moneda.", "Siempre 1.", FlagValueKind::always_one, "ofertas"},
      {"R030", "Oferta tardía ganadora",
       "Aceptar una oferta después del cierre da ventaja a quien conoció las demás ofertas.",
       "Una oferta válida con fecha posterior al cierre del periodo de licitación pertenece al proveedor adjudicado.",
       "Siempre 1.", FlagValueKind::always_one, "ofertas"},
      {"R035", "Todas las demás ofertas descalificadas",
       "Descalificar a todos menos uno puede ser la forma de favorecer a un licitante predeterminado.",
       "Solo hay una oferta válida, su licitante fue adjudicado y al menos " +
           count(s.r035_threshold, "licitante más fue descalificado", "licitantes más fueron descalificados") + ".",
       "El número de licitantes descalificados.", FlagValueKind::count, "ofertas"},
      {"R036", "La oferta más baja fue descalificada",
       "Descalificar la oferta más barata sin razón sólida encarece la compra y puede favorecer a otro.",
       "La oferta de menor monto está descalificada y hay al menos una oferta válida.", "Siempre 1.",
       FlagValueKind::always_one, "ofertas"},
      {"R038", "Demasiadas ofertas descalificadas",
       "Un comprador, convocante o licitante con muchas descalificaciones puede estar manipulando la evaluación.",
       "La proporción de ofertas descalificadas es mayor o igual " + to(fence(s.r038_threshold, iqr_high.c_str())) +
           " (con al menos " + count(s.r038_minimum_contracting_processes, "oferta", "ofertas") + " por comprador).",
       "La proporción de ofertas descalificadas.", FlagValueKind::share, "ofertas"},
      {"R048", "Proveedor de giros muy diversos",
       "Un proveedor que vende de todo puede ser una empresa fachada o intermediaria.",
       "Proveedores con al menos " + std::to_string(s.r048_minimum_contracting_processes) +
           " procesos cuyos artículos abarcan tantas clasificaciones distintas (primeros " +
           std::to_string(s.r048_digits) + " dígitos) como " +
           (s.r048_threshold ? "el umbral fijo de " + std::to_string(*s.r048_threshold) : iqr_high) + ".",
       "El número de clasificaciones distintas.", FlagValueKind::count, ""},
      {"R058", "Oferta ganadora con gran descuento",
       "Una oferta muy por debajo de las demás puede anticipar modificaciones de precio después de adjudicar.",
       "La diferencia entre la oferta ganadora y la segunda más baja es mayor o igual " +
           to(fence(s.r058_threshold, iqr_high.c_str())) + ".",
       "La diferencia relativa entre ambas ofertas.", FlagValueKind::share, "ofertas"},
      {"MX01", "Adjudicación directa de monto alto",
       "La ley permite adjudicar sin competencia solo en casos de excepción; montos altos sin competencia merecen revisión.",
       "Procedimiento de adjudicación directa por más de " + amount(s.mx01_threshold, s) + ".",
       "El monto del proceso.", FlagValueKind::money, "adjudicaciones"},
      {"MX02", "Contrato ampliado por convenios",
       "Ampliar mucho el monto después de firmar evita la competencia por la parte añadida.",
       "El monto actual de los contratos supera en más de " + percent(s.mx02_threshold) +
           " al que tenían cuando se publicaron por primera vez.",
       "El aumento relativo del monto.", FlagValueKind::share, "contratos"},
      {"MX03", "Adjudicación muy por encima del estimado",
       "Pagar mucho más de lo que se estimó sugiere sobreprecio o un estimado hecho a la medida.",
       "El monto adjudicado supera en más de " + percent(s.mx03_threshold) + " al valor estimado de la licitación.",
       "El exceso relativo sobre el estimado.", FlagValueKind::share, "adjudicaciones"},
      {"MX04", "Proveedor concentra el gasto de un comprador",
       "Cuando un solo proveedor recibe gran parte del gasto de una institución, la competencia es débil.",
       "Un proveedor recibe " + percent(s.mx04_threshold) + " o más del monto contratado por un comprador con al menos " +
           count(s.mx04_minimum_contracting_processes, "proceso", "procesos") + ".",
       "La proporción del gasto del comprador.", FlagValueKind::share, ""},
  };
}

std::string flag_value_text(const RedFlagInfo& info, double value, const FlagSettings& settings) {
  switch (info.value_kind) {
    case FlagValueKind::always_one:
      return "";
    case FlagValueKind::money:
      return amount(value, settings);
    case FlagValueKind::count:
      return std::to_string(std::llround(value));
    case FlagValueKind::share:
      return percent(value);
  }
  return number(value);
}

}  // namespace apertura::money
