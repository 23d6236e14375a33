// Each domain keeps its sentences for people in its messages table
// (messages.cpp); services, rules, models, repositories and engines name a
// sentence and never write one. This test reads the sources to hold that line:
// a string literal with Spanish in it is allowed only in a domain's messages,
// catalog, pages, API handlers, views, demo data and domain wiring.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace apertura {
namespace {

namespace fs = std::filesystem;

// Folders that hold no domain: shared machinery with its own rules.
bool shared_folder(const std::string& name) {
  return name == "core" || name == "web" || name == "store" || name == "app";
}

// Files where text for people belongs.
bool text_belongs_in(const std::string& file) {
  static const std::regex allowed(
      R"((^messages\.cpp$)|(^demo_.*)|(_routes\.cpp$)|(_pages\.cpp$)|(_api\.cpp$)|(_views\.cpp$)|(_domain\.cpp$)|(_catalog\.cpp$))");
  return std::regex_search(file, allowed);
}

std::vector<std::string> spanish_literals(const std::string& source) {
  static const std::regex literal(R"lit("((?:[^"\\\n]|\\.)*)")lit");
  static const std::regex spanish(
      R"((á|é|í|ó|ú|ñ|Á|É|Í|Ó|Ú|¿|¡|«)|(\b(el|la|los|las|de|del|que|un|una|por|para|con|no|se|ya|tu|su|hay|es|falta)\s))");
  std::vector<std::string> found;
  std::istringstream lines(source);
  std::string line;
  while (std::getline(lines, line)) {
    auto comment = line.find("//");
    std::string code = line;
    if (comment != std::string::npos && line.find('"') > comment) continue;  // a whole comment line
    for (auto it = std::sregex_iterator(code.begin(), code.end(), literal); it != std::sregex_iterator(); ++it) {
      std::string text = (*it)[1];
      if (std::regex_search(text, spanish)) found.push_back(text);
    }
  }
  return found;
}

TEST(DomainMessages, ServicesModelsAndRepositoriesNameTheirSentencesInsteadOfWritingThem) {
  fs::path src = fs::path(APERTURA_SOURCE_DIR) / "src";
  size_t checked = 0;
  std::vector<std::string> offenders;
  for (const auto& domain : fs::directory_iterator(src)) {
    if (!domain.is_directory() || shared_folder(domain.path().filename().string())) continue;
    for (const auto& entry : fs::recursive_directory_iterator(domain.path())) {
      if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
      if (text_belongs_in(entry.path().filename().string())) continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      ++checked;
      for (const auto& literal : spanish_literals(text.str())) {
        offenders.push_back(fs::relative(entry.path(), src).string() + ": \"" + literal + "\"");
      }
    }
  }
  EXPECT_GT(checked, 60u) << "the source tree was not found at " << src;
  std::string report;
  for (const auto& o : offenders) report += "\n  " + o;
  EXPECT_TRUE(offenders.empty()) << "Spanish text outside a messages table:" << report;
}

TEST(DomainMessages, TheCheckRecognisesSpanishAndLeavesCodeAlone) {
  EXPECT_EQ(spanish_literals(R"(return Error::invalid("Elige una de las licencias ofrecidas.");)").size(), 1u);
  EXPECT_EQ(spanish_literals(R"(validation.require(ok, "number", "el número va del 1 al 5");)").size(), 1u);
  EXPECT_TRUE(spanish_literals(R"(connection.execute("DELETE FROM ocds_releases WHERE ocid = ?", {ocid});)").empty());
  EXPECT_TRUE(spanish_literals(R"(return {{"status", status_name(status)}};)").empty());
  EXPECT_TRUE(spanish_literals(R"(// "la" in a comment)").empty());
}

}  // namespace
}  // namespace apertura
