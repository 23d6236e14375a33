// A JsonView reads the direct compiler's tree as it reads an nlohmann tree of
// the same text: types, members, elements, text and equality across the two.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "money/ocds/direct_compiler.h"
#include "money/ocds/json_view.h"

namespace apertura::money {
namespace {

using nlohmann::json;

const char* kRelease =
    R"({"ocid":"ocds-1","id":"1","date":"2024-01-01T00:00:00Z","values":{"text":"Año \"2024\"","negative":-3,)"
    R"("big":18446744073709551615,"real":1.5,"whole_real":2.0,"two":2,"yes":true,"nothing":null,)"
    R"("list":[1,"1",{"k":[null]}],"empty":{},"object":{"b":1,"a":"x"}}})";

// The compiled release of that one release, kept with the compiler that holds its tree.
struct Compiled {
  DirectCompiler compiler;
  std::string text = kRelease;
  DirectlyCompiled result;
  json parsed;

  Compiled() {
    std::vector<ReleaseText> texts = {{&text, "2024-01-01T00:00:00Z"}};
    result = *compiler.compile(texts, MergeRules());
    parsed = json::parse(result.text);
  }
  JsonView tree() const { return JsonView(*result.tree); }
};

TEST(JsonView, ReadsTheDirectCompilersTreeAsTheSameTextParsed) {
  Compiled compiled;
  JsonView tree = compiled.tree()["values"];
  JsonView parsed = JsonView(compiled.parsed)["values"];
  ASSERT_TRUE(tree.is_object());
  EXPECT_EQ(tree.size(), parsed.size());
  for (const auto& [key, _] : compiled.parsed["values"].items()) {
    JsonView a = tree[key];
    JsonView b = parsed[key];
    EXPECT_EQ(a.is_null(), b.is_null()) << key;
    EXPECT_EQ(a.is_object(), b.is_object()) << key;
    EXPECT_EQ(a.is_array(), b.is_array()) << key;
    EXPECT_EQ(a.is_string(), b.is_string()) << key;
    EXPECT_EQ(a.is_number(), b.is_number()) << key;
    EXPECT_EQ(a.is_number_integer(), b.is_number_integer()) << key;
    EXPECT_EQ(a.size(), b.size()) << key;
    EXPECT_EQ(a.string(), b.string()) << key;
    EXPECT_EQ(a.number(), b.number()) << key;
    EXPECT_EQ(a.integer(), b.integer()) << key;
    EXPECT_EQ(text_of(a), text_of(b)) << key;
    EXPECT_TRUE(a == b) << key;
    EXPECT_TRUE(b == a) << key;
  }
  EXPECT_EQ(tree["text"].string(), "Año \"2024\"");
  EXPECT_EQ(text_of(tree["negative"]), "-3");
  EXPECT_EQ(text_of(tree["real"]), "1.5");
  EXPECT_EQ(text_of(tree["list"][2]), "");
  EXPECT_EQ(tree["list"][2]["k"].size(), 1u);
  EXPECT_TRUE(tree["list"][2]["k"][0].is_null());
}

TEST(JsonView, AMissingMemberOrElementReadsAsNullAndNeverThrows) {
  Compiled compiled;
  for (JsonView view : {compiled.tree(), JsonView(compiled.parsed)}) {
    EXPECT_TRUE(view["absent"].is_null());
    EXPECT_TRUE(view["values"]["text"]["deeper"].is_null());
    EXPECT_TRUE(view["values"]["list"][3].is_null());
    EXPECT_TRUE(view["values"]["text"][0].is_null());
    EXPECT_EQ(view["values"]["text"].size(), 0u);
    EXPECT_TRUE(array_field(view, "values").is_array());
    EXPECT_TRUE(array_field(view, "values").empty());
    EXPECT_EQ(array_field(view["values"], "list").size(), 3u);
    EXPECT_FALSE(string_field(view["values"], "two"));
    EXPECT_EQ(*string_field(view["values"], "text"), "Año \"2024\"");
    int elements = 0;
    for (JsonView element : view["values"]["object"]) {
      (void)element;
      ++elements;
    }
    EXPECT_EQ(elements, 0) << "an object is not iterated";
    for (JsonView element : view["values"]["list"]) EXPECT_FALSE(element.is_null());
  }
  EXPECT_TRUE(JsonView().is_null());
}

TEST(JsonView, ComparesAsNlohmannDoes) {
  Compiled compiled;
  JsonView values = compiled.tree()["values"];
  json same_object = {{"a", "x"}, {"b", 1}};
  json other_object = {{"a", "x"}, {"c", 1}};
  json with_null = {{"a", "x"}, {"b", nullptr}};
  EXPECT_TRUE(values["object"] == JsonView(same_object));
  EXPECT_FALSE(values["object"] == JsonView(other_object));
  EXPECT_FALSE(values["object"] == JsonView(with_null));
  // Numbers by value whatever their type; a number is not its text.
  json two = 2.0;
  json two_text = "2";
  EXPECT_TRUE(values["two"] == JsonView(two));
  EXPECT_TRUE(values["whole_real"] == values["two"]);
  EXPECT_FALSE(values["two"] == JsonView(two_text));
  EXPECT_FALSE(values["list"][0] == values["list"][1]);
  EXPECT_TRUE(values["list"][1] == "1");
  EXPECT_FALSE(values["list"][0] == "1");
  // Merging drops a null member and an empty object; a null inside a list stays.
  EXPECT_FALSE(values.contains("nothing"));
  JsonView null_element = values["list"][2]["k"][0];
  json empty_object = json::object();
  EXPECT_TRUE(null_element.is_null());
  EXPECT_FALSE(null_element == JsonView(empty_object));
  EXPECT_TRUE(null_element == JsonView());
  json yes = true;
  EXPECT_TRUE(values["yes"] == JsonView(yes));
  EXPECT_FALSE(values["yes"] == values["two"]);
}

}  // namespace
}  // namespace apertura::money
