#include "jurisdictions/demo_jurisdictions.h"

namespace apertura::jurisdictions {

namespace {
// The guarantor bodies are named as they were when the declaration was signed;
// the 2025 transparency law replaced them with guarantor authorities.
// `portal`: the state government's site, `site` the guarantor's (as of 2015).
// Each congress has a site of its own, not listed here.
DemoJurisdiction state(std::string code, std::string name, std::string portal, std::string guarantor,
                       std::string acronym, std::string site) {
  return {std::move(code), name, "state",
          {{"Secretaría de Finanzas del Estado de " + name, "SEFIN", "https://www." + portal},
           {"Congreso del Estado de " + name, "", ""},
           {std::move(guarantor), std::move(acronym), "https://www." + site}}};
}
}  // namespace

const std::vector<DemoJurisdiction>& demo_jurisdictions() {
  static const std::vector<DemoJurisdiction> demo = {
      {"00", "Estados Unidos Mexicanos", "federal",
       {{"Secretaría Anticorrupción y Buen Gobierno", "SABG", "https://www.gob.mx/buengobierno"},
        {"Secretaría de Hacienda y Crédito Público", "SHCP", "https://www.gob.mx/shcp"},
        {"Instituto Nacional de Estadística y Geografía", "INEGI", "https://www.inegi.org.mx"}}},
      state("02", "Baja California", "bajacalifornia.gob.mx",
            "Instituto de Transparencia, Acceso a la Información Pública y Protección de Datos "
            "Personales del Estado de Baja California", "ITAIPBC", "itaipbc.org.mx"),
      state("05", "Coahuila de Zaragoza", "coahuila.gob.mx", "Instituto Coahuilense de Acceso a la Información Pública", "ICAI", "icai.org.mx"),
      state("07", "Chiapas", "chiapas.gob.mx", "Instituto de Acceso a la Información Pública del Estado de Chiapas", "IAIP", "iaipchiapas.org.mx"),
      state("10", "Durango", "durango.gob.mx",
            "Instituto Duranguense de Acceso a la Información Pública y de Protección de Datos Personales", "IDAIP", "idaip.org.mx"),
      state("13", "Hidalgo", "hidalgo.gob.mx",
            "Instituto de Transparencia, Acceso a la Información Pública Gubernamental y Protección de "
            "Datos Personales del Estado de Hidalgo", "ITAIH", "itaih.org.mx"),
      state("14", "Jalisco", "jalisco.gob.mx",
            "Instituto de Transparencia, Información Pública y Protección de Datos Personales del Estado "
            "de Jalisco", "ITEI", "itei.org.mx"),
      state("17", "Morelos", "morelos.gob.mx", "Instituto Morelense de Información Pública y Estadística", "IMIPE", "imipe.org.mx"),
      state("20", "Oaxaca", "oaxaca.gob.mx",
            "Órgano Garante de Acceso a la Información Pública, Transparencia, Protección de Datos "
            "Personales y Buen Gobierno del Estado de Oaxaca", "OGAIPO", "ogaipoaxaca.org.mx"),
      state("21", "Puebla", "puebla.gob.mx",
            "Instituto de Transparencia, Acceso a la Información Pública y Protección de Datos "
            "Personales del Estado de Puebla", "ITAIPUE", "itaipue.org.mx"),
      state("27", "Tabasco", "tabasco.gob.mx", "Instituto Tabasqueño de Transparencia y Acceso a la Información Pública", "ITAIP", "itaip.org.mx"),
      state("29", "Tlaxcala", "tlaxcala.gob.mx",
            "Instituto de Acceso a la Información Pública y Protección de Datos Personales del Estado de "
            "Tlaxcala", "IAIPTLAX", "iaiptlaxcala.org.mx"),
      state("30", "Veracruz de Ignacio de la Llave", "veracruz.gob.mx",
            "Instituto Veracruzano de Acceso a la Información y Protección de Datos Personales", "IVAI", "ivai.org.mx"),
  };
  return demo;
}

bool add_demo_institution(JurisdictionService& service, const Actor& loader, const std::string& code,
                          const NewInstitution& institution) {
  auto added = service.add_institution(loader, code, institution);
  if (!added && added.error().kind != ErrorKind::conflict) throw DomainException(added.error());
  return static_cast<bool>(added);
}

}  // namespace apertura::jurisdictions
