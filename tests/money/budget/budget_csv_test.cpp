// The budget-lines CSV: what is read, and every problem with its line.
#include <gtest/gtest.h>

#include "core/csv.h"
#include "money/budget/budget_csv.h"

namespace apertura::money {
namespace {

const std::string kHeader = "ejercicio,clave,unidad_responsable,aprobado,modificado,comprometido,devengado,ejercido,pagado\n";

std::vector<std::string> messages(const BudgetFile& file) {
  std::vector<std::string> out;
  for (const auto& p : file.problems) out.push_back(std::to_string(p.line) + ": " + p.message);
  return out;
}

TEST(Csv, QuotedFieldsKeepCommasQuotesAndLineBreaksAndRecordsKeepTheirLine) {
  auto result = read_csv("\xEF\xBB\xBF" "a,b\r\n\"x, y\",\"dijo \"\"sí\"\"\"\n\n\"dos\nlíneas\",z\n");
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.records.size(), 3u);
  EXPECT_EQ(result.records[0].fields, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(result.records[1].fields, (std::vector<std::string>{"x, y", "dijo \"sí\""}));
  EXPECT_EQ(result.records[2].line, 4);  // the blank line 3 is skipped
  EXPECT_EQ(result.records[2].fields[0], "dos\nlíneas");
  EXPECT_EQ(read_csv("a\n\"sin cerrar\n").error, "la línea 2 abre comillas que no se cierran");
  EXPECT_EQ(read_csv("a,b").records.at(0).fields.size(), 2u);  // no final line break
}

TEST(BudgetCsv, ReadsLinesWithColumnsInAnyOrderAndAmountsAsWritten) {
  auto file = parse_budget_csv(
      "Pagado,ejercicio,clave,descripcion,unidad_responsable,aprobado,modificado,comprometido,devengado,ejercido,"
      "partida,programa,fuente\r\n"
      "\"$1,000.50\",2026,E003-38301,\"Servicios, generales\",Secretaría de Salud,\"2,000\",1900.75,1500,1200,1100,"
      "38301,E003,Recursos fiscales\r\n");
  ASSERT_TRUE(file.problems.empty()) << messages(file)[0];
  ASSERT_EQ(file.lines.size(), 1u);
  const BudgetLine& line = file.lines[0];
  EXPECT_EQ(line.year, 2026);
  EXPECT_EQ(line.key, "E003-38301");
  EXPECT_EQ(line.description, "Servicios, generales");
  EXPECT_EQ(line.spending_object, "38301");
  EXPECT_EQ(line.program, "E003");
  EXPECT_EQ(line.funding_source, "Recursos fiscales");
  EXPECT_DOUBLE_EQ(line.moments.approved, 2000);
  EXPECT_DOUBLE_EQ(line.moments.modified, 1900.75);
  EXPECT_DOUBLE_EQ(line.moments.paid, 1000.5);
  EXPECT_EQ(file.line_numbers, std::vector<int64_t>{2});
}

TEST(BudgetCsv, EveryBadRowIsReportedWithItsLine) {
  auto file = parse_budget_csv(kHeader +
                               "2026,A,Salud,100,100,90,80,70,60\n"      // 2: fine
                               "26,B,Salud,100,100,90,80,70,60\n"        // 3: year
                               "2026,,Salud,100,100,90,80,70,60\n"       // 4: key
                               "2026,C,Salud,cien,100,90,80,70,60\n"     // 5: not a number
                               "2026,D,Salud,100,-5,0,0,0,0\n"           // 6: negative
                               "2026,E,Salud,100,100,90,95,70,60\n"      // 7: accrued above committed
                               "2026,A,Salud,100,100,90,80,70,60\n"      // 8: key repeated
                               "2026,F,Salud,100\n"                      // 9: columns
                               "2026,G,,100,100,90,80,70,60\n");         // 10: unit
  auto list = messages(file);
  ASSERT_EQ(list.size(), 8u);
  EXPECT_EQ(list[0], "3: el ejercicio «26» no es un año de cuatro cifras");
  EXPECT_EQ(list[1], "4: escribe la clave presupuestaria (hasta 200 caracteres)");
  EXPECT_EQ(list[2], "5: «cien» no es un monto en aprobado (escribe, por ejemplo, 1250000.50)");
  EXPECT_EQ(list[3], "6: el monto modificado es negativo");
  EXPECT_EQ(list[4], "7: lo devengado (95.00) pasa de lo comprometido (90.00)");
  EXPECT_EQ(list[5], "8: la clave «A» del ejercicio 2026 ya está en la línea 2");
  EXPECT_EQ(list[6], "9: tiene 4 columnas y el encabezado 9");
  EXPECT_EQ(list[7], "10: escribe la unidad responsable (hasta 300 caracteres)");
  EXPECT_EQ(file.lines.size(), 1u);  // the service writes nothing while there are problems
}

TEST(BudgetCsv, TheHeaderIsCheckedBeforeAnyRow) {
  auto file = parse_budget_csv("ejercicio,clave,unidad,aprobado,aprobado\n2026,A,Salud,1,1\n");
  auto list = messages(file);
  ASSERT_GE(list.size(), 3u);
  EXPECT_EQ(list[0], "1: la columna «unidad» no es del formato (revisa su nombre)");
  EXPECT_EQ(list[1], "1: la columna «aprobado» está repetida");
  EXPECT_EQ(list[2], "1: falta la columna «unidad_responsable»");
  EXPECT_TRUE(file.lines.empty());
  EXPECT_EQ(messages(parse_budget_csv(""))[0], "0: el archivo está vacío");
  EXPECT_EQ(messages(parse_budget_csv(kHeader))[0], "0: el archivo solo tiene el encabezado");
  EXPECT_EQ(messages(parse_budget_csv(kHeader + "2026,A,Sal\xFF,1,1,1,1,1,1\n"))[0],
            "0: el archivo no está en UTF-8; guárdalo como «CSV UTF-8» desde la hoja de cálculo");
}

}  // namespace
}  // namespace apertura::money
