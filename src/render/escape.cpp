// Escaping text for DOT, so that any input yields DOT that Graphviz parses.
//
// Two places user text goes in DOT:
//
// * Double-quoted strings ("..."). The DOT grammar itself only knows \" as an
//   escape, but Graphviz then reads the string again as a label, where \N,
//   \G, \l, \n, ... are substitutions and \\ is a backslash. So a backslash
//   is doubled (a trailing one would otherwise eat the closing quote), a
//   quote becomes \", a newline the label break \n. Plain labels also have
//   HTML entities decoded ("&amp;" -> "&"), so & is written as &amp; to come
//   back unchanged.
// * HTML-like labels (<...>), which Graphviz parses as XML with expat. Here
//   &, <, >, ", ] become entities and a newline becomes <BR/>.
//
// Graphviz also substitutes \N (node name), \G (graph name), ... in the text
// of HTML-like labels, with no escape; a WORD JOINER (U+2060) after such a
// backslash keeps the text as it was.
//
// In both, control characters other than newline become spaces (SVG is XML,
// and XML 1.0 forbids them), U+FFFE/U+FFFF (also forbidden) become U+FFFD,
// and invalid UTF-8 is repaired first: Graphviz would otherwise complain about
// the charset and emit invalid SVG.
#include <string>

#include "tempora/render.hpp"
#include "tempora/utf8.hpp"

namespace tempora {

namespace {

// Calls emit(code_point, bytes) for each code point of the repaired text.
template <class Emit>
void for_each_code_point(std::string_view text, Emit emit) {
  std::string repaired;
  if (!utf8::is_valid(text)) {
    repaired.assign(text);
    utf8::repair(repaired);
    text = repaired;
  }
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t len = utf8::valid_sequence_length(text, pos);
    const std::size_t n = len == 0 ? 1 : len;  // cannot happen after repair; never loop forever
    const char32_t cp = len == 0 ? U'\uFFFD' : utf8::decode(text, pos, len);
    emit(cp, text.substr(pos, n));
    pos += n;
  }
}

// What XML and SVG accept, or what to write instead: 0 drops, ' ' for a control.
char32_t xml_safe(char32_t cp) {
  if (cp == U'\n') return cp;
  if (cp == U'\r') return 0;
  if (cp < 0x20 || cp == 0x7F) return U' ';
  if (cp == 0xFFFE || cp == 0xFFFF) return 0xFFFD;
  return cp;
}

}  // namespace

std::string dot_quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for_each_code_point(text, [&](char32_t cp, std::string_view bytes) {
    const char32_t safe = xml_safe(cp);
    switch (safe) {
      case 0: break;
      case U'"': out += "\\\""; break;
      case U'\\': out += "\\\\"; break;
      case U'\n': out += "\\n"; break;
      case U'&': out += "&amp;"; break;
      default:
        if (safe == cp) out += bytes;
        else utf8::append(out, safe);
    }
  });
  out += '"';
  return out;
}

std::string dot_html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool after_backslash = false;
  for_each_code_point(text, [&](char32_t cp, std::string_view bytes) {
    const char32_t safe = xml_safe(cp);
    // Graphviz substitutes \N, \G, \E, \T, \H, \L even inside HTML labels,
    // after decoding entities, and has no escape for it there. An invisible
    // WORD JOINER between the backslash and a letter breaks the pattern and
    // leaves the text looking the same.
    const bool letter = (safe >= U'A' && safe <= U'Z') || (safe >= U'a' && safe <= U'z');
    if (after_backslash && letter) out += "\u2060";
    after_backslash = safe == U'\\';
    switch (safe) {
      case 0: break;
      case U'&': out += "&amp;"; break;
      case U'<': out += "&lt;"; break;
      case U'>': out += "&gt;"; break;
      case U'"': out += "&quot;"; break;
      // A text of just "]" or "]]" is a syntax error for Graphviz's HTML
      // lexer (whatever comes around it); the character reference is not.
      case U']': out += "&#93;"; break;
      case U'\n': out += "<BR/>"; break;
      default:
        if (safe == cp) out += bytes;
        else utf8::append(out, safe);
    }
  });
  return out;
}

}  // namespace tempora
