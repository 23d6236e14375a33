#include "store/search_index.h"

#include <algorithm>

#include "core/text.h"

namespace apertura::store {

namespace {

void remove_from_sqlite_fts(Connection& connection, const std::string& kind, int64_t ref_id) {
  // External-content FTS5 needs the old text to delete its terms.
  connection.execute(
      "INSERT INTO search_fts (search_fts, rowid, title, body) "
      "SELECT 'delete', id, title, body FROM search_documents WHERE kind = ? AND ref_id = ?",
      {kind, ref_id});
}

// The rows of `select` counted no further than cap + 1 into `hits`.
void count_up_to(Connection& connection, const std::string& select, Params params, int64_t cap, SearchHits& hits) {
  params.emplace_back(cap + 1);
  int64_t counted = connection.query_one("SELECT COUNT(*) AS n FROM (" + select + " LIMIT ?) AS capped", params)->integer("n");
  hits.total = std::min(counted, cap);
  hits.total_is_lower_bound = counted > cap;
}

}  // namespace

std::vector<std::string> SearchIndex::query_terms(const std::string& query) {
  std::string folded = fold_for_search(query);
  std::vector<std::string> terms;
  std::string current;
  for (size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    // U+0080..U+00BF (¿ ¡ « » °) and U+2000..U+206F (— “ ” …) are punctuation;
    // other non-ASCII characters are kept as letters.
    size_t punctuation = 0;
    if (c == 0xC2) punctuation = 2;
    if (c == 0xE2 && i + 1 < folded.size() &&
        (static_cast<unsigned char>(folded[i + 1]) == 0x80 || static_cast<unsigned char>(folded[i + 1]) == 0x81)) {
      punctuation = 3;
    }
    bool word_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 0x80 && punctuation == 0);
    if (word_char) {
      current.push_back(static_cast<char>(c));
      continue;
    }
    if (!current.empty()) {
      terms.push_back(std::move(current));
      current.clear();
    }
    if (punctuation > 0) i += punctuation - 1;
  }
  if (!current.empty()) terms.push_back(std::move(current));
  if (terms.size() > 16) terms.resize(16);  // bounds the cost of a hostile query
  return terms;
}

void SearchIndex::upsert(Connection& connection, const SearchDocument& document) {
  std::string title = fold_for_search(document.title);
  std::string body = fold_for_search(document.body);
  bool sqlite = connection.dialect() == Dialect::sqlite;
  if (sqlite) remove_from_sqlite_fts(connection, document.kind, document.ref_id);
  int64_t id = connection.insert_returning_id(
      "INSERT INTO search_documents (kind, ref_id, jurisdiction_id, title, body) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, ref_id) DO UPDATE SET "
      "jurisdiction_id = excluded.jurisdiction_id, title = excluded.title, body = excluded.body "
      "RETURNING id",
      {document.kind, document.ref_id, document.jurisdiction_id, title, body});
  if (sqlite) {
    connection.execute("INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)",
                       {id, title, body});
  }
}

void SearchIndex::remove(Connection& connection, const std::string& kind, int64_t ref_id) {
  if (connection.dialect() == Dialect::sqlite) remove_from_sqlite_fts(connection, kind, ref_id);
  connection.execute("DELETE FROM search_documents WHERE kind = ? AND ref_id = ?", {kind, ref_id});
}

SearchHits SearchIndex::search(Connection& connection, const std::string& kind,
                               const std::string& query, int64_t limit, int64_t offset, Match match) {
  bool any = match == Match::any_word;
  std::vector<std::string> terms = query_terms(query);
  SearchHits hits;
  if (terms.empty()) return hits;
  std::string expression;
  Rows rows;
  if (connection.dialect() == Dialect::sqlite) {
    for (const auto& term : terms) expression += (expression.empty() ? "\"" : any ? " OR \"" : " \"") + term + "\"*";
    rows = connection.query(
        // bm25() only works in a plain scan of the FTS table, so rank first, then join.
        "WITH hits AS MATERIALIZED (SELECT rowid AS id, bm25(search_fts, 10.0, 1.0) AS score "
        "FROM search_fts WHERE search_fts MATCH ?) "
        "SELECT d.ref_id, COUNT(*) OVER () AS total FROM hits "
        "JOIN search_documents d ON d.id = hits.id WHERE d.kind = ? "
        "ORDER BY hits.score, d.ref_id LIMIT ? OFFSET ?",
        {expression, kind, limit, offset});
  } else {
    for (const auto& term : terms) expression += (expression.empty() ? "" : any ? " | " : " & ") + term + ":*";
    rows = connection.query(
        "SELECT ref_id, COUNT(*) OVER () AS total FROM search_documents "
        "WHERE document @@ to_tsquery('spanish', ?) AND kind = ? "
        "ORDER BY ts_rank_cd(document, to_tsquery('spanish', ?)) DESC, ref_id LIMIT ? OFFSET ?",
        {expression, kind, expression, limit, offset});
  }
  for (const Row& row : rows) {
    hits.ids.push_back(row.integer("ref_id"));
    hits.total = row.integer("total");
  }
  if (rows.empty() && offset > 0) {
    // Past the last page: still report how many there are.
    SearchHits first = search(connection, kind, query, 1, 0, match);
    hits.total = first.total;
  }
  return hits;
}

std::optional<SearchMatches> SearchIndex::matches(Dialect dialect, const std::string& kind, const std::string& query,
                                                 const std::string& name) {
  std::vector<std::string> terms = query_terms(query);
  if (terms.empty()) return std::nullopt;
  std::string expression;
  if (dialect == Dialect::sqlite) {
    for (const auto& term : terms) expression += (expression.empty() ? "\"" : " \"") + term + "\"*";
    // bm25() only works in a plain scan of the FTS table: rank there first.
    return SearchMatches{name + "_fts AS MATERIALIZED (SELECT rowid AS id, bm25(search_fts, 10.0, 1.0) AS score "
                                "FROM search_fts WHERE search_fts MATCH ?), " +
                             name + " AS MATERIALIZED (SELECT d.ref_id, f.score FROM " + name +
                             "_fts f JOIN search_documents d ON d.id = f.id WHERE d.kind = ?)",
                         {expression, kind}};
  }
  for (const auto& term : terms) expression += (expression.empty() ? "" : " & ") + term + ":*";
  return SearchMatches{name + " AS MATERIALIZED (SELECT ref_id, -ts_rank_cd(document, to_tsquery('spanish', ?)) AS score "
                              "FROM search_documents WHERE document @@ to_tsquery('spanish', ?) AND kind = ?)",
                       {expression, expression, kind}};
}

SearchHits SearchIndex::newest(Connection& connection, const std::string& kind, const std::string& query,
                               std::optional<int64_t> jurisdiction_id, int64_t limit, int64_t offset) {
  std::vector<std::string> terms = query_terms(query);
  SearchHits hits;
  if (terms.empty()) return hits;
  std::string expression;
  Params params;
  std::string place = jurisdiction_id ? " AND d.jurisdiction_id = ?" : "";
  if (connection.dialect() == Dialect::sqlite) {
    for (const auto& term : terms) expression += (expression.empty() ? "\"" : " \"") + term + "\"*";
    params.emplace_back(expression);
    params.emplace_back(kind);
    if (jurisdiction_id) params.emplace_back(*jurisdiction_id);
    // CROSS JOIN keeps the full-text index outermost: it walks its matches in
    // rowid order (newest first) and stops at the page; the other order would
    // run the match once per document.
    std::string from = "FROM search_fts f CROSS JOIN search_documents d ON d.id = f.rowid "
                       "WHERE search_fts MATCH ? AND d.kind = ?" + place;
    count_up_to(connection, "SELECT 1 " + from, params, std::max<int64_t>(1000, offset + limit), hits);
    params.emplace_back(limit);
    params.emplace_back(offset);
    for (const Row& row : connection.query("SELECT d.ref_id " + from + " ORDER BY f.rowid DESC LIMIT ? OFFSET ?", params)) {
      hits.ids.push_back(row.integer("ref_id"));
    }
    return hits;
  }
  for (const auto& term : terms) expression += (expression.empty() ? "" : " & ") + term + ":*";
  params.emplace_back(expression);
  params.emplace_back(kind);
  if (jurisdiction_id) params.emplace_back(*jurisdiction_id);
  std::string where = "WHERE d.document @@ to_tsquery('spanish', ?) AND d.kind = ?" + place;
  count_up_to(connection, "SELECT 1 FROM search_documents d " + where, params, std::max<int64_t>(1000, offset + limit), hits);
  params.emplace_back(limit);
  params.emplace_back(offset);
  // PostgreSQL guesses that several words together match almost nothing, and
  // would fetch and sort every match. When the count says there are many,
  // walk the documents newest first instead (the subquery, kept apart by
  // OFFSET 0, reads the primary key backwards) and stop at the page.
  std::string documents = hits.total_is_lower_bound
                              ? "(SELECT id, ref_id, kind, jurisdiction_id, document FROM search_documents "
                                "ORDER BY id DESC OFFSET 0) d "
                              : "search_documents d ";
  for (const Row& row : connection.query("SELECT d.ref_id FROM " + documents + where + " ORDER BY d.id DESC LIMIT ? OFFSET ?",
                                         params)) {
    hits.ids.push_back(row.integer("ref_id"));
  }
  return hits;
}

}  // namespace apertura::store
