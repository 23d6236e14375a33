#include "jurisdictions/demo_jurisdictions.h"

namespace apertura::jurisdictions {

namespace {
// The guarantor bodies are named as they were when the declaration was signed;
// the 2025 transparency law replaced them with guarantor authorities.
DemoJurisdiction state(std::string code, std::string name, std::string guarantor, std::string acronym) {
  return {std::move(code), name, "state",
          {{"Secretaría de Finanzas del Estado de " + name, ""},
           {"Congreso del Estado de " + name, ""},
           {std::move(guarantor), std::move(acronym)}}};
}
}  // namespace

const std::vector<DemoJurisdiction>& demo_jurisdictions() {
  static const std::vector<DemoJurisdiction> demo = {
      {"00", "Estados Unidos Mexicanos", "federal",
       {{"Secretaría Anticorrupción y Buen Gobierno", "SABG"},
        {"Secretaría de Hacienda y Crédito Público", "SHCP"},
        {"Instituto Nacional de Estadística y Geografía", "INEGI"}}},
      state("02", "Baja California",
            "Instituto de Transparencia, Acceso a la Información Pública y Protección de Datos "
            "Personales del Estado de Baja California", "ITAIPBC"),
      state("05", "Coahuila de Zaragoza", "Instituto Coahuilense de Acceso a la Información Pública", "ICAI"),
      state("07", "Chiapas", "Instituto de Acceso a la Información Pública del Estado de Chiapas", "IAIP"),
      state("10", "Durango",
            "Instituto Duranguense de Acceso a la Información Pública y de Protección de Datos Personales",
            "IDAIP"),
      state("13", "Hidalgo",
            "Instituto de Transparencia, Acceso a la Información Pública Gubernamental y Protección de "
            "Datos Personales del Estado de Hidalgo", "ITAIH"),
      state("14", "Jalisco",
            "Instituto de Transparencia, Información Pública y Protección de Datos Personales del Estado "
            "de Jalisco", "ITEI"),
      state("17", "Morelos", "Instituto Morelense de Información Pública y Estadística", "IMIPE"),
      state("20", "Oaxaca",
            "Órgano Garante de Acceso a la Información Pública, Transparencia, Protección de Datos "
            "Personales y Buen Gobierno del Estado de Oaxaca", "OGAIPO"),
      state("21", "Puebla",
            "Instituto de Transparencia, Acceso a la Información Pública y Protección de Datos "
            "Personales del Estado de Puebla", "ITAIPUE"),
      state("27", "Tabasco", "Instituto Tabasqueño de Transparencia y Acceso a la Información Pública", "ITAIP"),
      state("29", "Tlaxcala",
            "Instituto de Acceso a la Información Pública y Protección de Datos Personales del Estado de "
            "Tlaxcala", "IAIPTLAX"),
      state("30", "Veracruz de Ignacio de la Llave",
            "Instituto Veracruzano de Acceso a la Información y Protección de Datos Personales", "IVAI"),
  };
  return demo;
}

}  // namespace apertura::jurisdictions
