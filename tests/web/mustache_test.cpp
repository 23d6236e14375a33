#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "web/mustache.h"

namespace apertura::web {
namespace {

std::string render(const std::string& source, const nlohmann::json& data) {
  return MustacheTemplate(source).render(data);
}

TEST(Mustache, VariablesAreEscapedUnlessTripleOrAmpersand) {
  nlohmann::json data = {{"x", "<a href='y'>&</a>"}, {"n", 42}, {"f", 2.5}};
  EXPECT_EQ(render("{{x}}", data), "&lt;a href=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(render("{{{x}}}|{{& x}}", data), "<a href='y'>&</a>|<a href='y'>&</a>");
  EXPECT_EQ(render("{{n}} {{f}} [{{missing}}]", data), "42 2.5 []");
}

TEST(Mustache, SectionsIterateListsAndScopeObjects) {
  nlohmann::json data = {{"items", {{{"name", "a"}}, {{"name", "b"}}}},
                         {"person", {{"name", "Ana"}, {"city", {{"name", "Puebla"}}}}},
                         {"title", "T"}};
  EXPECT_EQ(render("{{#items}}{{name}}{{title}};{{/items}}", data), "aT;bT;");
  EXPECT_EQ(render("{{#person}}{{name}} de {{city.name}}{{/person}}", data), "Ana de Puebla");
  EXPECT_EQ(render("{{person.city.name}}", data), "Puebla");
  EXPECT_EQ(render("{{#title}}[{{.}}]{{/title}}", data), "[T]");
}

TEST(Mustache, FalsyValuesHideSectionsAndShowInvertedOnes) {
  nlohmann::json data = {{"empty", ""}, {"none", nullptr}, {"no", false}, {"list", nlohmann::json::array()},
                         {"zero", 0}};
  for (const char* name : {"empty", "none", "no", "list", "missing"}) {
    std::string tag = name;
    EXPECT_EQ(render("{{#" + tag + "}}x{{/" + tag + "}}{{^" + tag + "}}y{{/" + tag + "}}", data), "y") << name;
  }
  EXPECT_EQ(render("{{#zero}}x{{/zero}}", data), "x");
}

TEST(Mustache, DottedNamesDoNotFallBackHalfway) {
  nlohmann::json data = {{"a", {{"b", nlohmann::json::object()}}}, {"c", "outer"}};
  EXPECT_EQ(render("[{{a.b.c}}]", data), "[]");
}

TEST(Mustache, CommentsVanish) { EXPECT_EQ(render("a{{! nota }}b", {}), "ab"); }

TEST(Mustache, ParseErrorsNameTheLine) {
  try {
    MustacheTemplate("uno\n{{#a}}\n{{/b}}");
    FAIL();
  } catch (const TemplateError& e) {
    EXPECT_NE(std::string(e.what()).find("línea 3"), std::string::npos);
  }
  EXPECT_THROW(MustacheTemplate("{{#a}}sin cerrar"), TemplateError);
  EXPECT_THROW(MustacheTemplate("{{x"), TemplateError);
  EXPECT_THROW(MustacheTemplate("{{> parcial}}"), TemplateError);
  EXPECT_THROW(MustacheTemplate("{{}}"), TemplateError);
}

}  // namespace
}  // namespace apertura::web
