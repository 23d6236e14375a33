#include <gtest/gtest.h>

#include <regex>

#include "core/text_pdf.h"

namespace apertura {
namespace {

TEST(TextPdf, WrapsContinuesOnNewPagesAndItsCrossReferencesPointAtItsObjects) {
  std::vector<std::string> paragraphs = {"Solicitud (folio 2026-SSJ-000001) a la Secretaría: ¿cuántos vehículos?"};
  std::string long_paragraph;
  for (int i = 0; i < 400; ++i) long_paragraph += "palabra ";
  paragraphs.push_back(long_paragraph);
  for (int i = 0; i < 60; ++i) paragraphs.push_back("línea " + std::to_string(i));
  std::string pdf = text_pdf("Acuse de recibo", paragraphs);

  EXPECT_EQ(pdf.rfind("%PDF-1.4\n", 0), 0u);
  EXPECT_NE(pdf.find("/Count 3"), std::string::npos) << "about 100 lines take three Letter pages";
  // Latin-1 text, parentheses escaped.
  EXPECT_NE(pdf.find("(Solicitud \\(folio 2026-SSJ-000001\\) a la Secretar\xed" "a: \xbf" "cu\xe1" "ntos veh\xed" "culos?)"),
            std::string::npos);
  // No line is wider than the page allows.
  std::regex shown(R"(\(([^()\\]|\\.)*\) Tj)");
  for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), shown); it != std::sregex_iterator(); ++it) {
    EXPECT_LE(it->str().size(), 88u + 6u) << it->str();
  }
  // Every xref entry is the offset of its object.
  size_t xref = pdf.find("\nxref\n");
  ASSERT_NE(xref, std::string::npos);
  size_t start = std::stoul(pdf.substr(pdf.find("startxref\n") + 10));
  EXPECT_EQ(start, xref + 1);
  std::regex entry(R"((\d{10}) 00000 n )");
  int object = 1;
  std::string table = pdf.substr(xref);
  for (auto it = std::sregex_iterator(table.begin(), table.end(), entry); it != std::sregex_iterator(); ++it, ++object) {
    size_t offset = std::stoul((*it)[1].str());
    EXPECT_EQ(pdf.compare(offset, std::to_string(object).size() + 6, std::to_string(object) + " 0 obj"), 0) << object;
  }
  EXPECT_EQ(object, 1 + 3 + 2 * 3);  // catalog, pages, font, then a page and its content per page
}

}  // namespace
}  // namespace apertura
