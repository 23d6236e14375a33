#include "money/ocds/ocds_stream.h"

#include <zlib.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <string_view>
#include <vector>

#include "core/byte_words.h"
#include "money/ocds/messages.h"
#include "money/ocds/source_encoding.h"

namespace apertura::money {

namespace {

// Spare bytes after each item's text: simdjson reads a text in place when
// 64 bytes past its end are there (SIMDJSON_PADDING), and copies it otherwise.
constexpr size_t kParserPadding = 64;

// The first byte at or after `p` that a string's scan must look at (a quote,
// a backslash, or a newline to count), or `end`. Sixteen bytes at a time
// where SSE2 is there (every x86-64), else eight: most of an OCDS file is the
// inside of strings, most of them short.
const char* skip_plain_string(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i newline = _mm_set1_epi8('\n');
  while (p + 16 <= end) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
                                _mm_cmpeq_epi8(bytes, newline));
    if (int mask = _mm_movemask_epi8(hits)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  using namespace byte_words;
  while (p + 8 <= end) {
    uint64_t word = load(p);
    if (has_byte(word, '"') | has_byte(word, '\\') | has_byte(word, '\n')) break;
    p += 8;
  }
  while (p < end && *p != '"' && *p != '\\' && *p != '\n') ++p;
  return p;
}

// Bytes from a file (gzip or plain: zlib reads plain files transparently) or
// from memory, with the position and line of the next byte.
class ByteReader {
 public:
  ByteReader(const std::string& path, SourceEncoding encoding) : file_(gzopen(path.c_str(), "rb")) {
    if (!file_) throw StreamError(say(OcdsMsg::cannot_open, path), 0, 1);
    if (encoding != SourceEncoding::utf8) recoder_ = std::make_unique<Recoder>(encoding);
    gzbuffer(file_, 1 << 17);
    // At least zlib's own buffer: it then reads a plain file straight into this one.
    buffer_.resize(kBufferBytes);
  }
  explicit ByteReader(const std::string* text) : text_(text) {}
  ~ByteReader() {
    if (file_) gzclose(file_);
  }
  ByteReader(const ByteReader&) = delete;
  ByteReader& operator=(const ByteReader&) = delete;

  // The next byte without consuming it, or -1 at the end.
  int peek() {
    if (position_ == size_ && !refill()) return -1;
    return static_cast<unsigned char>(data()[position_]);
  }
  int get() {
    int c = peek();
    if (c < 0) return c;
    ++position_;
    ++offset_;
    if (c == '\n') ++line_;
    return c;
  }
  uint64_t offset() const { return offset_; }
  uint64_t line() const { return line_; }
  void on_refill(std::function<void(uint64_t)> progress) { progress_ = std::move(progress); }

  // Puts back `bytes`, the last ones consumed, to be read again.
  void unread(std::string_view bytes);
  // Consumes bytes up to the line break before a line that starts an element
  // of an array indented at `column` (indented as much, opening an object)
  // or ends it (indented less); false at the end of the input.
  bool skip_to_element_line(size_t column);

  // Copies bytes into `out` (unless null) until the value that starts here
  // ends; returns false at the end of input inside the value.
  bool copy_value(std::string* out, size_t limit, bool& too_large);
  // An object starting here that ends within `limit` bytes and has no field
  // "releases" or "records" of its own: appended to `out` whole, in one scan,
  // and consumed. Anything else (a package to stream, an object past the
  // limit) is left where it is, and false returned. Most JSON Lines files
  // are releases, one an object: read field by field, each took four times longer.
  // `one_line`: the end of the line ends the object too (JSON Lines), so
  // that a line cut short is one bad item, not the end of the reading.
  bool take_plain_object(std::string& out, size_t limit, bool one_line);

 private:
  const char* data() const { return text_ ? text_->data() + text_base_ : buffer_.data(); }
  bool refill() {
    if (text_) {
      if (text_base_ + size_ >= text_->size()) return false;
      text_base_ += size_;
      size_ = text_->size() - text_base_;
      position_ = 0;
      if (progress_) progress_(text_base_ + size_);
      return size_ > 0;
    }
    size_ = read_file(0);
    position_ = 0;
    return size_ > 0;
  }

  // Moves the bytes not consumed yet to the front of the buffer and reads
  // more after them; false when nothing more came (or the input is text).
  bool read_ahead() {
    if (text_ || size_ - position_ >= buffer_.size()) return false;
    std::memmove(buffer_.data(), buffer_.data() + position_, size_ - position_);
    size_ -= position_;
    position_ = 0;
    size_t read = read_file(size_);
    size_ += read;
    return read > 0;
  }
  // Fills the buffer from `at` to its end with the file's next bytes (in
  // UTF-8: converted, or checked at the start of the file); how many came.
  size_t read_file(size_t at) {
    size_t space = buffer_.size() - at;
    if (!recoder_) {
      size_t read = read_source(buffer_.data() + at, space);
      if (!checked_) {  // the file's first bytes
        checked_ = true;
        refuse_unless_utf8(std::string_view(buffer_.data(), read), read == space);
      }
      return read;
    }
    // Converted text can be longer than its source: what does not fit waits in pending_.
    while (pending_.size() - pending_at_ < space && !source_done_) {
      pending_.erase(0, pending_at_);
      pending_at_ = 0;
      raw_.resize(1 << 16);
      size_t read = read_source(raw_.data(), raw_.size());
      if (read == 0) {
        source_done_ = true;
        break;
      }
      try {
        recoder_->convert(std::string_view(raw_.data(), read), pending_);
      } catch (const std::invalid_argument& error) {
        throw StreamError(error.what(), offset_, line_);
      }
    }
    size_t copied = std::min(space, pending_.size() - pending_at_);
    std::memcpy(buffer_.data() + at, pending_.data() + pending_at_, copied);
    pending_at_ += copied;
    return copied;
  }
  size_t read_source(char* into, size_t space) {
    int read = gzread(file_, into, static_cast<unsigned>(space));
    if (read < 0) {
      int code = 0;
      const char* message = gzerror(file_, &code);
      throw StreamError(say(OcdsMsg::cannot_read, message), offset_, line_);
    }
    if (progress_) progress_(static_cast<uint64_t>(gzoffset(file_)));
    return static_cast<size_t>(read);
  }

 public:
  // A file that is not UTF-8 is refused at its first bytes (`start`: the
  // first buffer's worth), naming the encoding it likely is in; a later bad
  // byte fails only its own release.
  static void refuse_unless_utf8(std::string_view start, bool more_follows) {
    if (auto problem = find_encoding_problem(start, more_follows)) {
      throw StreamError(problem->message, problem->offset, problem->line);
    }
  }
  static constexpr size_t kBufferBytes = 1 << 18;

 private:
  // Where the object starting at `begin` ends (one past its closing brace),
  // counting its newlines; nullptr if it does not end before `end`, or if it
  // has a field "releases" or "records" (then `streamed` is set).
  static const char* object_end(const char* begin, const char* end, bool one_line, uint64_t& lines,
                                bool& streamed);

  gzFile file_ = nullptr;
  std::unique_ptr<Recoder> recoder_;  // null: the file is UTF-8
  std::vector<char> raw_;             // source bytes before conversion
  std::string pending_;               // converted bytes not yet in buffer_
  size_t pending_at_ = 0;
  bool source_done_ = false;
  bool checked_ = false;
  std::function<void(uint64_t)> progress_;
  const std::string* text_ = nullptr;
  size_t text_base_ = 0;
  std::vector<char> buffer_;
  size_t size_ = 0;
  size_t position_ = 0;
  uint64_t offset_ = 0;
  uint64_t line_ = 1;
};

bool ByteReader::copy_value(std::string* out, size_t limit, bool& too_large) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  bool scalar = false;
  while (true) {
    if (position_ == size_ && !refill()) return scalar && depth == 0;
    // Work a buffer at a time: scan for the bytes that matter.
    const char* begin = data() + position_;
    const char* end = data() + size_;
    const char* p = begin;
    bool done = false;
    for (; p < end; ++p) {
      if (in_string && !escaped) {
        p = skip_plain_string(p, end);
        if (p == end) break;
      }
      char c = *p;
      if (c == '\n') ++line_;
      if (in_string) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          in_string = false;
          if (depth == 0) {
            ++p;
            done = true;
            break;
          }
        }
        continue;
      }
      if (scalar) {
        if (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
          if (c == '\n') --line_;  // not consumed
          done = true;
          break;
        }
        continue;
      }
      if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        --depth;
        if (depth <= 0) {
          ++p;
          done = true;
          break;
        }
      } else if (depth == 0 && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        scalar = true;
      }
    }
    size_t consumed = static_cast<size_t>(p - begin);
    if (out && !too_large) {
      if (out->size() + consumed > limit) {
        too_large = true;
        out->clear();
        out->shrink_to_fit();
      } else {
        out->reserve(out->size() + consumed + kParserPadding);
        out->append(begin, consumed);
      }
    }
    position_ += consumed;
    offset_ += consumed;
    if (done) return true;
  }
}

void ByteReader::unread(std::string_view bytes) {
  offset_ -= bytes.size();
  line_ -= static_cast<uint64_t>(std::count(bytes.begin(), bytes.end(), '\n'));
  if (text_) {
    text_base_ = text_base_ + position_ - bytes.size();
    position_ = 0;
    size_ = text_->size() - text_base_;
    return;
  }
  std::vector<char> joined(std::max(buffer_.size(), bytes.size() + (size_ - position_)));
  std::copy(bytes.begin(), bytes.end(), joined.begin());
  std::copy(buffer_.begin() + static_cast<std::ptrdiff_t>(position_),
            buffer_.begin() + static_cast<std::ptrdiff_t>(size_), joined.begin() + static_cast<std::ptrdiff_t>(bytes.size()));
  size_ = bytes.size() + (size_ - position_);
  position_ = 0;
  buffer_ = std::move(joined);
}

bool ByteReader::skip_to_element_line(size_t column) {
  std::string line_start;
  while (true) {
    int c = get();
    if (c < 0) return false;
    if (c != '\n') continue;
    line_start = "\n";
    while (peek() == ' ' || peek() == '\t') line_start += static_cast<char>(get());
    int next = peek();
    if (next < 0) return false;
    if (next == '\n' || next == '\r') continue;
    size_t indent = line_start.size() - 1;
    if (indent < column || (indent == column && next == '{')) {
      unread(line_start);  // the array's reader sees where the line starts
      return true;
    }
  }
}

// The fields whose arrays an import streams, item by item.
constexpr std::string_view kStreamedFields[] = {"releases", "records"};

// Whether the string between `begin` and `end` (without its quotes) is the
// name of a field whose array an import streams.
bool names_streamed_field(const char* begin, const char* end) {
  std::string_view name(begin, static_cast<size_t>(end - begin));
  return std::find(std::begin(kStreamedFields), std::end(kStreamedFields), name) != std::end(kStreamedFields);
}

// Whether "releases" or "records" is written, in quotes, anywhere in the
// bytes: looked for where a quote comes before an "r", 16 bytes at a time
// (memmem for each name took twice as long as the rest of the reading).
bool mentions_streamed_field(const char* begin, const char* end) {
  auto names_one = [end](const char* quote) {
    auto left = static_cast<size_t>(end - quote);
    for (std::string_view name : kStreamedFields) {
      bool quoted = left >= name.size() + 2 && quote[name.size() + 1] == '"';
      if (quoted && name == std::string_view(quote + 1, name.size())) return true;
    }
    return false;
  };
  const char* p = begin;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i r = _mm_set1_epi8('r');
  for (; p + 17 <= end; p += 16) {
    __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
    __m128i quote_then_r = _mm_and_si128(_mm_cmpeq_epi8(here, quote), _mm_cmpeq_epi8(next, r));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(quote_then_r));
    for (; mask; mask &= mask - 1) {
      if (names_one(p + __builtin_ctz(mask))) return true;
    }
  }
#endif
  for (; p + 1 < end; ++p) {
    if (p[0] == '"' && p[1] == 'r' && names_one(p)) return true;
  }
  return false;
}

// In JSON Lines, where the object starting at `begin` ends: the end of its
// line, found with memchr, when the line ends with a brace (spaces aside) and
// names no field an import streams anywhere; else nullptr, and the object is
// scanned. A line that is not one whole object is then one bad item, as one
// cut short already is.
const char* line_object_end(const char* begin, const char* end) {
  const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', static_cast<size_t>(end - begin)));
  if (!newline) return nullptr;
  const char* last = newline;
  while (last > begin && (last[-1] == ' ' || last[-1] == '\t' || last[-1] == '\r')) --last;
  if (last == begin || last[-1] != '}') return nullptr;
  return mentions_streamed_field(begin, last) ? nullptr : last;
}

const char* ByteReader::object_end(const char* begin, const char* end, bool one_line, uint64_t& lines,
                                   bool& streamed) {
  int depth = 0;
  lines = 0;
  streamed = false;
  for (const char* p = begin; p < end; ++p) {
    char c = *p;
    if (c == '"') {
      const char* q = p + 1;
      while (true) {
        q = skip_plain_string(q, end);
        if (q == end) return nullptr;
        if (*q == '"') break;
        if (*q == '\\') {
          q += 2;
          if (q >= end) return nullptr;
          continue;
        }
        if (one_line) return q;  // a string cut short by the end of its line
        ++lines;                 // a raw newline: not JSON, but still a line of the file
        ++q;
      }
      if (depth == 1 && names_streamed_field(p + 1, q)) {
        streamed = true;
        return nullptr;
      }
      p = q;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return p + 1;
    } else if (c == '\n') {
      if (one_line) return p;  // the line ends first: left to be reported as not JSON
      ++lines;
    }
  }
  return nullptr;
}

bool ByteReader::take_plain_object(std::string& out, size_t limit, bool one_line) {
  if (peek() != '{') return false;
  for (bool again = true;; again = false) {
    const char* begin = data() + position_;
    const char* end = begin + std::min(size_ - position_, limit);
    uint64_t lines = 0;
    bool streamed = false;
    const char* stop = one_line ? line_object_end(begin, end) : nullptr;
    if (!stop) stop = object_end(begin, end, one_line, lines, streamed);
    if (stop) {
      size_t length = static_cast<size_t>(stop - begin);
      out.reserve(out.size() + length + kParserPadding);
      out.append(begin, length);
      position_ += length;
      offset_ += length;
      line_ += lines;
      return true;
    }
    // Not ended in the bytes at hand: once more with the buffer refilled.
    if (streamed || end - begin == static_cast<std::ptrdiff_t>(limit) || !again || !read_ahead()) return false;
  }
}

// What the lines of an element read from an indented array say of its
// structure. An element that starts a line at `column` keeps its other lines
// deeper, but for its closing brace. One that lost a brace reads on to the
// array's end, swallowing the elements after it: its first line no deeper
// that is not that brace (the next element, the array's end) is where it
// should have stopped, `cut` (the line break before that line). Printed the
// way pretty printers do, its first line the brace alone, an element must
// end with that brace alone on a line at `column`, else a brace too many
// closed it early (`early`). Elements laid out otherwise are only cut where
// a line starts another element or is shallower. The lines are looked at
// only when the element's last line is not what it should be (reading every
// line of every element slowed the reading of indented files by a tenth):
// a brace lost in one element and one too many in a later one balance, and
// all between is then one element that is not JSON.
struct ElementLines {
  enum class Shape { whole, cut, early };
  Shape shape = Shape::whole;
  size_t cut = 0;
};

size_t indentation(std::string_view text, size_t from) {
  size_t at = from;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  return at - from;
}

ElementLines element_lines(std::string_view text, size_t column) {
  using Shape = ElementLines::Shape;
  size_t first_break = text.find('\n');
  if (first_break == std::string_view::npos) {
    bool swallowed = text.front() == '{' && text.back() == ']';
    return swallowed ? ElementLines{Shape::cut, text.size() - 1} : ElementLines{};
  }
  bool pretty = text.find_first_not_of(" \t\r", 1) == first_break && indentation(text, first_break + 1) > column;
  if (text.back() == '}') {
    size_t last_break = text.rfind('\n');
    bool own_line = indentation(text, last_break + 1) == column && last_break + 2 + column == text.size();
    if (!pretty || own_line) return {};
  }
  for (size_t at = first_break; at != std::string_view::npos; at = text.find('\n', at + 1)) {
    size_t indent = indentation(text, at + 1);
    size_t first = at + 1 + indent;
    if (first >= text.size() || text[first] == '\n' || text[first] == '\r' || indent > column) continue;
    if (pretty || indent < column || text[first] == '{') return {Shape::cut, at};
  }
  // On its last line, the array's end: the element's brace is missing.
  if (text.front() == '{' && text.back() == ']') return {Shape::cut, text.size() - 1};
  return pretty && text.back() == '}' ? ElementLines{Shape::early, 0} : ElementLines{};
}

class Parser {
 public:
  Parser(ByteReader& in, const StreamHandlers& handlers, const StreamLimits& limits)
      : in_(in), handlers_(handlers), limits_(limits) {}

  void run() {
    skip_whitespace_and_bom();
    int first = in_.peek();
    if (first < 0) return;  // an empty file holds nothing to import
    if (first != '{' && first != '[') {
      throw StreamError(say(OcdsMsg::not_json_start, std::string(1, static_cast<char>(first))), in_.offset(),
                        in_.line());
    }
    while (true) {
      skip_whitespace();
      int c = in_.peek();
      if (c < 0) return;
      if (c == '{') {
        if (!plain_object(true)) top_level_object();
      } else if (c == '[') {
        top_level_array();
      } else if (c == ',') {
        in_.get();  // tolerated between concatenated values
      } else {
        // A stray value in JSON Lines: handed over, to be reported as not a release.
        hand_over(capture(StreamItem::Kind::top_level, std::nullopt));
      }
    }
  }

 private:
  // Why an item past the size limit is not imported.
  std::string too_large_text() const {
    size_t limit = limits_.max_item_bytes;
    return say(OcdsMsg::item_too_large,
               limit >= (1u << 20) ? std::to_string(limit >> 20) + " MiB" : std::to_string(limit) + " bytes");
  }

  [[noreturn]] void fail(const std::string& message) { throw StreamError(message, in_.offset(), in_.line()); }

  void skip_whitespace_and_bom() {
    if (in_.peek() == 0xEF) {
      in_.get();
      if (in_.get() != 0xBB || in_.get() != 0xBF) fail(say(OcdsMsg::not_json_bytes));
    }
    skip_whitespace();
  }
  // Skips whitespace, appending it to `kept` when given.
  void skip_whitespace(std::string* kept = nullptr) {
    while (true) {
      int c = in_.peek();
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        in_.get();
        if (kept) *kept += static_cast<char>(c);
      } else {
        return;
      }
    }
  }
  void expect(char wanted, OcdsMsg what) {
    skip_whitespace();
    int c = in_.get();
    if (c != wanted) {
      if (c < 0) fail(say(OcdsMsg::ends_where_expected, text(what)));
      fail(say(OcdsMsg::expected_but_found, text(what), std::string(1, static_cast<char>(c))));
    }
  }

  void hand_over(StreamItem item) { handlers_.item(item); }

  // An item that starts where the reading is.
  StreamItem item_here(StreamItem::Kind kind, std::optional<size_t> package) const {
    StreamItem item;
    item.kind = kind;
    item.package = package;
    item.offset = in_.offset();
    item.line = in_.line();
    return item;
  }
  // Copies the value that starts here into `item`; false if the input ends inside it.
  bool copy_item(StreamItem& item) {
    bool too_large = false;
    bool ended = in_.copy_value(&item.text, limits_.max_item_bytes, too_large);
    if (too_large) item.problem = too_large_text();
    return ended;
  }
  [[noreturn]] void cut_short(const StreamItem& item) {
    fail(say(OcdsMsg::ends_inside_value, item.line));
  }

  StreamItem capture(StreamItem::Kind kind, std::optional<size_t> package) {
    StreamItem item = item_here(kind, package);
    if (!copy_item(item)) cut_short(item);
    return item;
  }

  // A top-level object that is not a package, handed over whole. The file
  // is JSON Lines once one, at the top, ended on its first line right before
  // the next: from then on a line cut short is a bad item on its own.
  bool plain_object(bool at_top = false) {
    StreamItem item;
    item.kind = StreamItem::Kind::top_level;
    item.offset = in_.offset();
    item.line = in_.line();
    if (!in_.take_plain_object(item.text, limits_.max_item_bytes, json_lines_)) return false;
    if (at_top && !json_lines_ && in_.line() == item.line) {
      int next = in_.peek();
      json_lines_ = next == '\n' || next == '\r';
    }
    handlers_.item(item);
    return true;
  }

  std::string read_key() {
    std::string key;
    bool too_large = false;
    if (in_.peek() != '"') {
      int c = in_.peek();
      if (c < 0) fail(say(OcdsMsg::ends_inside_object));
      fail(say(OcdsMsg::key_expected, std::string(1, static_cast<char>(c))));
    }
    if (!in_.copy_value(&key, 4096, too_large) || too_large) fail(say(OcdsMsg::key_too_long));
    return key;  // with its quotes, as in the file
  }

  // A top-level object: a package whose "releases"/"records" array is
  // streamed, or a release or record handed over whole, byte for byte. (A
  // package's text is its metadata: the streamed array is left out.)
  void top_level_object() {
    uint64_t start_offset = in_.offset();
    uint64_t start_line = in_.line();
    std::string text = "{";
    bool text_too_large = false;
    std::optional<size_t> package;
    in_.get();
    bool first = true;      // no field read yet
    bool any_kept = false;  // some field is in `text`
    std::string between;    // spaces and the comma since the last field kept
    while (true) {
      skip_whitespace(&between);
      if (in_.peek() == '}') {
        in_.get();
        break;
      }
      if (!first) {
        expect(',', OcdsMsg::comma_or_brace);
        between += ',';
        skip_whitespace(&between);
      }
      std::string key = read_key();
      std::string colon;
      skip_whitespace(&colon);
      expect(':', OcdsMsg::colon);
      colon += ':';
      skip_whitespace(&colon);
      bool streamed = (key == "\"releases\"" || key == "\"records\"") && in_.peek() == '[' && !package;
      if (streamed) {
        package = next_package_++;
        if (handlers_.package_begin) handlers_.package_begin(*package, text + "}");
        stream_array(key == "\"records\"" ? StreamItem::Kind::record : StreamItem::Kind::release, *package);
        between.clear();
        first = false;
        continue;
      }
      // The first field kept after a streamed one has no comma before it.
      if (!any_kept) between.erase(std::remove(between.begin(), between.end(), ','), between.end());
      text += between;
      between.clear();
      text += key;
      text += colon;
      if (!in_.copy_value(&text, limits_.max_item_bytes, text_too_large)) {
        fail(say(OcdsMsg::ends_inside_object_from, start_line));
      }
      any_kept = true;
      first = false;
    }
    text += between;
    text += '}';
    if (package) {
      if (text_too_large) text = "{}";
      if (handlers_.package_end) handlers_.package_end(*package, text);
      return;
    }
    StreamItem item;
    item.kind = StreamItem::Kind::top_level;
    item.offset = start_offset;
    item.line = start_line;
    if (text_too_large) {
      item.problem = too_large_text();
    } else {
      item.text = std::move(text);
    }
    handlers_.item(item);
  }

  // Reads a JSON array element by element; `element` consumes one.
  template <typename Element>
  void each_element(const std::string& truncated, Element&& element) {
    in_.get();  // '['
    bool first = true;
    while (true) {
      skip_whitespace();
      int c = in_.peek();
      if (c == ']') {
        in_.get();
        return;
      }
      if (c < 0) fail(truncated);
      if (!first) {
        expect(',', OcdsMsg::comma_or_bracket);
        skip_whitespace();
      }
      element();
      first = false;
    }
  }

  // Skips whitespace; the column of the value after it when a line break
  // came first (only spaces and tabs since), else nullopt.
  std::optional<size_t> skip_whitespace_to_value() {
    std::optional<size_t> column;
    while (true) {
      int c = in_.peek();
      if (c == '\n') {
        column = 0;
      } else if (c == ' ' || c == '\t') {
        if (column) ++*column;
      } else if (c != '\r') {
        return column;
      }
      in_.get();
    }
  }

  // A package's releases or records, each handed over on its own. Where the
  // array is indented (its elements start lines), an element whose braces
  // do not match is handed over as broken, with why, and the reading goes on
  // at the line where the next element starts, instead of ending there: see
  // element_lines. Elsewhere the first break in the structure ends it.
  void stream_array(StreamItem::Kind kind, size_t package) {
    const std::string truncated = say(OcdsMsg::ends_inside_release_list);
    in_.get();  // '['
    std::optional<size_t> array_column;  // of the elements that start lines
    bool first = true;
    while (true) {
      std::optional<size_t> column = skip_whitespace_to_value();
      int c = in_.peek();
      if (c == ']') {
        in_.get();
        return;
      }
      if (c < 0) fail(truncated);
      // A comma missing between two objects is let pass.
      if (!first && c != '{') {
        expect(',', OcdsMsg::comma_or_bracket);
        column = skip_whitespace_to_value();
      }
      if (column && !array_column) array_column = column;
      stream_element(kind, package, in_.peek() == '{' ? column : std::nullopt, array_column);
      first = false;
    }
  }

  void stream_element(StreamItem::Kind kind, size_t package, std::optional<size_t> column,
                      std::optional<size_t> array_column) {
    StreamItem item = item_here(kind, package);
    bool ended = copy_item(item);
    if (!array_column || !item.problem.empty()) {
      if (!ended) cut_short(item);
      return hand_over(std::move(item));
    }
    ElementLines lines = column ? element_lines(item.text, *column) : ElementLines{};
    if (lines.shape == ElementLines::Shape::cut) {
      bool at_end_of_list = item.text[lines.cut] == ']';
      in_.unread(std::string_view(item.text).substr(lines.cut));
      item.text.clear();
      item.problem = at_end_of_list ? say(OcdsMsg::unclosed_before_list_end)
                                    : say(OcdsMsg::unclosed_before_line, in_.line() + 1);
      return hand_over(std::move(item));
    }
    if (!ended) cut_short(item);
    if (lines.shape == ElementLines::Shape::early) {
      return resume(std::move(item), say(OcdsMsg::closes_early), *array_column);
    }
    hand_over(std::move(item));
    skip_whitespace();
    int next = in_.peek();
    if (next < 0 || next == ',' || next == ']' || next == '{') return;
    resume(item_here(kind, package), say(OcdsMsg::found_instead_of_comma, std::string(1, static_cast<char>(next))),
           *array_column);
  }

  // Hands over `item` as broken for `why`, and goes on where the indented
  // array's next element (or its end) starts.
  void resume(StreamItem item, const std::string& why, size_t array_column) {
    if (!in_.skip_to_element_line(array_column)) fail(say(OcdsMsg::ends_without_another, why));
    item.text.clear();
    item.problem = say(OcdsMsg::reading_goes_on, why, in_.line() + 1);
    hand_over(std::move(item));
  }

  // A JSON array at the top: each element is a package, release or record.
  void top_level_array() {
    each_element(say(OcdsMsg::ends_inside_top_array), [&] {
      if (in_.peek() == '{') {
        if (!plain_object()) top_level_object();
      } else {
        hand_over(capture(StreamItem::Kind::top_level, std::nullopt));
      }
    });
  }

  ByteReader& in_;
  const StreamHandlers& handlers_;
  const StreamLimits& limits_;
  size_t next_package_ = 0;
  bool json_lines_ = false;
};

}  // namespace

void read_ocds_stream(const std::string& path, const StreamHandlers& handlers, const StreamLimits& limits) {
  ByteReader reader(path, limits.encoding);
  reader.on_refill(handlers.progress);
  Parser(reader, handlers, limits).run();
}

void read_ocds_text(const std::string& text, const StreamHandlers& handlers, const StreamLimits& limits) {
  // Text in memory is converted whole before reading, or its start checked as a file's is.
  std::string converted;
  if (limits.encoding == SourceEncoding::utf8) {
    ByteReader::refuse_unless_utf8(std::string_view(text).substr(0, ByteReader::kBufferBytes),
                                   text.size() > ByteReader::kBufferBytes);
  } else {
    try {
      Recoder(limits.encoding).convert(text, converted);
    } catch (const std::invalid_argument& error) {
      throw StreamError(error.what(), 0, 1);
    }
  }
  ByteReader reader(limits.encoding == SourceEncoding::utf8 ? &text : &converted);
  reader.on_refill(handlers.progress);
  Parser(reader, handlers, limits).run();
}

}  // namespace apertura::money
