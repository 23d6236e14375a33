#pragma once
// Full-text search shared by every domain: a domain indexes a record under its
// kind ("jurisdiction", "institution", ...) and id, and searches return ids in
// order of relevance. SQLite uses FTS5 (accents folded by its tokenizer),
// PostgreSQL a tsvector with the 'spanish' configuration; on both the text is
// folded (lower case, no accents) before it is indexed and queried, and every
// word of the query must match, as a prefix (or, with Match::any_word, at
// least one: "documents like this text", best matches first).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"

namespace apertura::store {

struct SearchDocument {
  std::string kind;
  int64_t ref_id = 0;
  std::optional<int64_t> jurisdiction_id;
  std::string title;
  std::string body;
};

enum class Match { all_words, any_word };

// The WITH part of a statement that names, as a table, the documents of one
// kind matching a query, for a domain that filters and counts them together
// with its own columns: `with` defines `<name>(ref_id, score)`, the best
// matches having the lowest score; `params` are its parameters, in order.
struct SearchMatches {
  std::string with;
  Params params;
};

struct SearchHits {
  std::vector<int64_t> ids;
  int64_t total = 0;
  bool total_is_lower_bound = false;  // counting stopped at `total` (see newest)
};

class SearchIndex {
 public:
  static void upsert(Connection& connection, const SearchDocument& document);
  static void remove(Connection& connection, const std::string& kind, int64_t ref_id);
  static SearchHits search(Connection& connection, const std::string& kind,
                           const std::string& query, int64_t limit, int64_t offset, Match match = Match::all_words);
  // Documents of `kind` (and of one jurisdiction, when given) that have every
  // word of `query`, the most recently indexed first: no ranking, so a page
  // costs the same however many documents match (an archive's search, where
  // the newest come first). They are counted up to 1,000 (or past the page),
  // and beyond that the total is that many, marked as a lower bound: a common
  // word's whole list is never read just to count it.
  static SearchHits newest(Connection& connection, const std::string& kind, const std::string& query,
                           std::optional<int64_t> jurisdiction_id, int64_t limit, int64_t offset);
  // Every word of `query` must match, as a prefix; nullopt when it has no words.
  static std::optional<SearchMatches> matches(Dialect dialect, const std::string& kind, const std::string& query,
                                              const std::string& name);
  // The words of a query as the index sees them: folded, letters and digits only.
  static std::vector<std::string> query_terms(const std::string& query);
};

}  // namespace apertura::store
