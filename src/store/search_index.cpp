#include "store/search_index.h"

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

}  // namespace apertura::store
