// TimeML reading, writing and timex scoring.
//
// Reading: pugixml parses the whole file keeping whitespace-only text nodes
// (parse_ws_pcdata), so that concatenating the text and CDATA nodes under
// <TEXT> in document order gives the TEXT characters exactly. While walking
// we record, for each element under <TEXT>, the byte offsets where its text
// starts and ends in that concatenation: its span.
//
// Writing: the annotations are sorted by (begin, longer first) and emitted as
// a properly nested tag stream over the untouched text; an annotation that
// crosses an open one is dropped. Only &, <, > and CR are escaped in text, so
// the characters read back are exactly the input's, except the C0 controls
// XML cannot carry at all (NUL, U+0001-U+0008, ...), which become U+FFFD.
#include "tempora/timeml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <stdexcept>

namespace tempora::timeml {

std::string_view Element::attr(std::string_view key) const {
  for (const auto& [k, v] : attributes)
    if (k == key) return v;
  return {};
}

std::vector<const Element*> TimemlDocument::elements(std::string_view name) const {
  std::vector<const Element*> out;
  for (const Element& e : spans)
    if (e.name == name) out.push_back(&e);
  return out;
}

namespace {

Element element_of(const pugi::xml_node& node) {
  Element e;
  e.name = node.name();
  for (const pugi::xml_attribute& a : node.attributes()) e.attributes.emplace_back(a.name(), a.value());
  return e;
}

// Walks the children of `root` in document order with an explicit stack of
// open elements rather than recursion: a hostile file may nest elements
// millions deep, which would overflow the call stack.
void collect_text(const pugi::xml_node& root, std::string& text, std::vector<Element>& spans) {
  struct Open {
    pugi::xml_node node;
    std::size_t index;  // in spans
  };
  std::vector<Open> open;
  pugi::xml_node child = root.first_child();
  while (child || !open.empty()) {
    if (!child) {  // the innermost open element ends here
      spans[open.back().index].span->end = static_cast<std::uint32_t>(text.size());
      child = open.back().node.next_sibling();
      open.pop_back();
      continue;
    }
    switch (child.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        text += child.value();
        break;
      case pugi::node_element: {
        open.push_back({child, spans.size()});
        spans.push_back(element_of(child));
        const auto begin = static_cast<std::uint32_t>(text.size());
        spans.back().span = Span{begin, begin};
        child = child.first_child();
        continue;
      }
      default:
        break;
    }
    child = child.next_sibling();
  }
}

}  // namespace

TimemlDocument parse_timeml(std::string_view xml, std::string_view name) {
  pugi::xml_document doc;
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
  const pugi::xml_parse_result result = doc.load_buffer(xml.data(), xml.size(), options, pugi::encoding_utf8);
  if (!result) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset));
    const auto before = xml.substr(0, std::min(offset, xml.size()));
    throw std::runtime_error(fmt::format("{}:{}: not well-formed XML at byte {}: {}", name,
                                         std::count(before.begin(), before.end(), '\n') + 1, result.offset,
                                         result.description()));
  }
  pugi::xml_node root = doc.document_element();
  TimemlDocument out;
  pugi::xml_node text_node = root.child("TEXT");
  if (!text_node) {
    // some files wrap everything in other elements; search
    text_node = root.find_node([](const pugi::xml_node& n) { return std::string_view(n.name()) == "TEXT"; });
  }
  if (!text_node) throw std::runtime_error(fmt::format("{}: no <TEXT> element", name));
  if (pugi::xml_node id = root.child("DOCID")) out.docid = id.child_value();
  collect_text(text_node, out.text, out.spans);
  // the DCT: <DCT><TIMEX3 .../></DCT>, or any TIMEX3 marked CREATION_TIME
  pugi::xml_node dct = root.child("DCT").child("TIMEX3");
  if (!dct)
    dct = root.find_node([](const pugi::xml_node& n) {
      return std::string_view(n.name()) == "TIMEX3" &&
             std::string_view(n.attribute("functionInDocument").value()) == "CREATION_TIME";
    });
  if (dct) {
    out.dct = element_of(dct);
    out.creation_time = parse_dct(dct.attribute("value").value(), "timeml");
  }
  for (pugi::xml_node child = text_node.next_sibling(); child; child = child.next_sibling())
    if (child.type() == pugi::node_element) out.links.push_back(element_of(child));
  return out;
}

TimemlDocument read_timeml(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", file.string()));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_timeml(buffer.str(), file.string());
}

std::string escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':  // a raw CR would be normalized away by any XML reader
        out += "&#13;";
        break;
      case '"':
        if (attribute)
          out += "&quot;";
        else
          out.push_back(c);
        break;
      default:
        // XML 1.0 cannot carry NUL or the other C0 controls (but tab, LF, CR)
        // even as references: they become U+FFFD, or the file is not XML.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n')
          out += "\xEF\xBF\xBD";
        else
          out.push_back(c);
    }
  }
  return out;
}

std::vector<Annotation> timex_annotations(const std::vector<Timex>& timexes) {
  std::vector<Annotation> out;
  out.reserve(timexes.size());
  for (const Timex& t : timexes) {
    Annotation a;
    a.span = t.span;
    a.name = "TIMEX3";
    a.attributes.emplace_back("tid", t.tid);
    a.attributes.emplace_back("type", std::string(to_string(t.type)));
    a.attributes.emplace_back("value", t.value);
    if (!t.mod.empty()) a.attributes.emplace_back("mod", t.mod);
    if (!t.quant.empty()) a.attributes.emplace_back("quant", t.quant);
    if (!t.freq.empty()) a.attributes.emplace_back("freq", t.freq);
    a.attributes.emplace_back("temporalFunction", t.temporal_function ? "true" : "false");
    a.attributes.emplace_back("functionInDocument", "NONE");
    if (!t.anchor_tid.empty()) a.attributes.emplace_back("anchorTimeID", t.anchor_tid);
    out.push_back(std::move(a));
  }
  return out;
}

namespace {
void write_tag(std::string& out, std::string_view name, const std::vector<std::pair<std::string, std::string>>& attrs,
               bool self_closing) {
  out += '<';
  out += name;
  for (const auto& [k, v] : attrs) fmt::format_to(std::back_inserter(out), " {}=\"{}\"", k, escape(v, true));
  out += self_closing ? " />" : ">";
}
}  // namespace

std::string write_timeml(std::string_view text, std::vector<Annotation> annotations, const WriteOptions& options) {
  std::string out;
  out.reserve(text.size() + annotations.size() * 120 + 512);
  out += "<?xml version=\"1.0\" ?>\n";
  out +=
      "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n";
  fmt::format_to(std::back_inserter(out), "<DOCID>{}</DOCID>\n\n", escape(options.docid));
  if (options.creation_time) {
    const std::string v = dct_value(*options.creation_time);
    fmt::format_to(std::back_inserter(out),
                   "<DCT><TIMEX3 tid=\"t0\" type=\"{}\" value=\"{}\" temporalFunction=\"false\" "
                   "functionInDocument=\"CREATION_TIME\">{}</TIMEX3></DCT>\n\n",
                   options.creation_time->time_of_day ? "TIME" : "DATE", v, v);
  }
  out += "<TEXT>";
  std::stable_sort(annotations.begin(), annotations.end(), [](const Annotation& a, const Annotation& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  std::vector<const Annotation*> open;
  std::uint32_t pos = 0;
  const auto size = static_cast<std::uint32_t>(text.size());
  auto emit_text = [&](std::uint32_t to) {
    if (to > pos) out += escape(text.substr(pos, to - pos));
    pos = std::max(pos, to);
  };
  auto close_until = [&](std::uint32_t at) {
    while (!open.empty() && open.back()->span.end <= at) {
      emit_text(open.back()->span.end);
      out += "</" + open.back()->name + ">";
      open.pop_back();
    }
  };
  for (const Annotation& a : annotations) {
    if (a.span.end > size || a.span.begin > a.span.end) continue;
    close_until(a.span.begin);
    if (!open.empty() && a.span.end > open.back()->span.end) continue;  // crosses an open tag
    emit_text(a.span.begin);
    if (a.span.empty()) {
      write_tag(out, a.name, a.attributes, true);
      continue;
    }
    write_tag(out, a.name, a.attributes, false);
    open.push_back(&a);
  }
  close_until(size);
  emit_text(size);
  out += "</TEXT>\n\n";
  for (const Element& link : options.links) {
    write_tag(out, link.name, link.attributes, true);
    out += '\n';
  }
  out += "</TimeML>\n";
  return out;
}

// ---- scoring ----------------------------------------------------------------

Counts& Counts::operator+=(const Counts& o) {
  system += o.system, gold += o.gold, system_matched += o.system_matched, gold_matched += o.gold_matched;
  return *this;
}

TimexScores score_timexes(const TimemlDocument& gold, const TimemlDocument& system) {
  auto timexes = [](const TimemlDocument& d) {
    std::vector<const Element*> out;
    for (const Element* e : d.elements("TIMEX3"))
      if (e->attr("functionInDocument") != "CREATION_TIME" && e->span) out.push_back(e);
    return out;
  };
  const auto g = timexes(gold), s = timexes(system);
  TimexScores scores;
  for (Counts* c : {&scores.strict, &scores.relaxed, &scores.type, &scores.value})
    c->system = s.size(), c->gold = g.size();
  auto tally = [](const std::vector<const Element*>& from, const std::vector<const Element*>& to, bool from_system,
                  TimexScores& sc) {
    for (const Element* a : from) {
      bool strict = false, relaxed = false, type = false, value = false;
      for (const Element* b : to) {
        if (!a->span->overlaps(*b->span) && !(a->span->empty() && *a->span == *b->span)) continue;
        relaxed = true;
        if (*a->span == *b->span) strict = true;
        if (a->attr("type") == b->attr("type")) type = true;
        if (a->attr("value") == b->attr("value")) value = true;
      }
      std::size_t Counts::*field = from_system ? &Counts::system_matched : &Counts::gold_matched;
      sc.strict.*field += strict;
      sc.relaxed.*field += relaxed;
      sc.type.*field += type;
      sc.value.*field += value;
    }
  };
  tally(s, g, true, scores);
  tally(g, s, false, scores);
  return scores;
}

}  // namespace tempora::timeml
