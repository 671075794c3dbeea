// Corpus readers and the span scorer of the entity recognizer (see
// ner_corpus.hpp). Everything here serves training and evaluation; the
// tagger itself never reads a corpus.
#include "actor/ner_corpus.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "tempora/pos.hpp"

namespace tempora::detail {

std::vector<Iob2Sentence> read_iob2(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", file.string()));
  std::vector<Iob2Sentence> out;
  Iob2Sentence current;
  std::uint32_t document = 0;
  bool seen_doc = false;
  const auto flush = [&] {
    if (!current.sentence.words.empty()) {
      current.document = document;
      out.push_back(std::move(current));
    }
    current = {};
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newdoc", 0) == 0) {
        flush();
        if (seen_doc) ++document;
        seen_doc = true;
      }
      continue;
    }
    std::vector<std::string> columns;
    std::size_t start = 0;
    while (true) {
      const auto tab = line.find('\t', start);
      columns.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (columns.size() < 3) continue;
    std::string tag = columns[2];
    const bool known = tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' &&
                       (tag.substr(2) == "PER" || tag.substr(2) == "ORG" || tag.substr(2) == "LOC");
    if (!known) tag.assign(1, 'O');  // (not = "O": a GCC 12 -Wrestrict false positive)
    current.sentence.words.push_back(columns[1]);
    current.sentence.tags.push_back(tag);
  }
  flush();
  return out;
}

std::uint32_t name_head(const std::vector<std::string>& words, std::uint32_t first, std::uint32_t last) {
  if (words.empty()) return 0;
  last = std::min<std::uint32_t>(last, static_cast<std::uint32_t>(words.size() - 1));
  for (std::uint32_t i = first + 1; i <= last; ++i)
    if (words[i] == "of" || words[i] == "," || words[i] == "(") {
      last = i - 1;
      break;
    }
  // A legal-form suffix or trailing punctuation is not the head: "Apple Inc." is headed by "Apple".
  static const std::set<std::string> kTrailing{"Inc.", "Inc", "Inc.,", "Corp.", "Corp", "Co.", "Ltd.", "Ltd", "LLC",
                                               "PLC", "plc", ".", ",", "'s", "Jr.", "Sr."};
  while (last > first && kTrailing.count(words[last]) > 0) --last;
  return last;
}

std::vector<NerTrainingSentence> MeantimeDocument::training_sentences() const {
  std::vector<NerTrainingSentence> out;
  for (const auto& words : sentences) out.push_back({words, std::vector<std::string>(words.size(), "O")});
  // Longest mentions first, so a nested name never splits an outer one.
  std::vector<const MeantimeMention*> order;
  for (const auto& m : mentions)
    if (m.type == "PER" || m.type == "ORG" || m.type == "LOC") order.push_back(&m);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto* a, const auto* b) { return a->last - a->first > b->last - b->first; });
  for (const MeantimeMention* m : order) {
    auto& tags = out[m->sentence].tags;
    bool free = true;
    for (std::uint32_t i = m->first; i <= m->last; ++i) free = free && tags[i] == "O";
    if (!free) continue;
    for (std::uint32_t i = m->first; i <= m->last; ++i) tags[i] = (i == m->first ? "B-" : "I-") + m->type;
  }
  return out;
}

std::vector<MeantimeDocument> read_meantime(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<MeantimeDocument> out;
  for (const auto& file : files) {
    pugi::xml_document xml;
    if (!xml.load_file(file.c_str())) throw std::runtime_error(fmt::format("cannot parse {}", file.string()));
    const pugi::xml_node root = xml.child("Document");
    MeantimeDocument doc;
    doc.name = file.filename().string();
    struct Place {
      std::uint32_t sentence, word;
    };
    std::unordered_map<std::string, Place> where;
    for (const pugi::xml_node token : root.children("token")) {
      const auto s = static_cast<std::uint32_t>(token.attribute("sentence").as_uint());
      if (s > 10000) continue;
      if (doc.sentences.size() <= s) doc.sentences.resize(s + 1);
      where[token.attribute("t_id").value()] = {s, static_cast<std::uint32_t>(doc.sentences[s].size())};
      doc.sentences[s].push_back(token.text().get());
    }
    const pugi::xml_node markables = root.child("Markables");
    // Only the sentences up to the last one with any markable are annotated.
    std::uint32_t last_annotated = 0;
    for (const pugi::xml_node m : markables.children())
      for (const pugi::xml_node a : m.children("token_anchor"))
        if (const auto it = where.find(a.attribute("t_id").value()); it != where.end())
          last_annotated = std::max(last_annotated, it->second.sentence);
    if (doc.sentences.size() > last_annotated + 1) doc.sentences.resize(last_annotated + 1);
    std::unordered_map<std::string, std::string> entity_type;  // ENTITY m_id -> ent_type
    for (const pugi::xml_node e : markables.children("ENTITY"))
      entity_type[e.attribute("m_id").value()] = e.attribute("ent_type").value();
    std::unordered_map<std::string, std::string> mention_type;  // mention m_id -> ent_type
    for (const pugi::xml_node r : root.child("Relations").children("REFERS_TO")) {
      const auto it = entity_type.find(r.child("target").attribute("m_id").value());
      if (it == entity_type.end()) continue;
      for (const pugi::xml_node s : r.children("source")) mention_type[s.attribute("m_id").value()] = it->second;
    }
    for (const pugi::xml_node m : markables.children("ENTITY_MENTION")) {
      if (std::string_view(m.attribute("syntactic_type").value()) != "NAM") continue;
      MeantimeMention mention;
      bool any = false, ok = true;
      for (const pugi::xml_node a : m.children("token_anchor")) {
        const auto it = where.find(a.attribute("t_id").value());
        if (it == where.end()) {
          ok = false;
          break;
        }
        if (!any) mention.sentence = it->second.sentence, mention.first = mention.last = it->second.word;
        else if (it->second.sentence != mention.sentence) ok = false;
        mention.first = std::min(mention.first, it->second.word);
        mention.last = std::max(mention.last, it->second.word);
        any = true;
      }
      if (!any || !ok || mention.sentence >= doc.sentences.size()) continue;
      const auto t = mention_type.find(m.attribute("m_id").value());
      mention.type = t == mention_type.end() ? "" : t->second;
      doc.mentions.push_back(mention);
    }
    out.push_back(std::move(doc));
  }
  return out;
}

void NerScores::add(const std::string& type, std::size_t gold, std::size_t system, std::size_t correct) {
  NerCounts& c = by_type[type];
  c.gold += gold, c.system += system, c.correct += correct;
  all.gold += gold, all.system += system, all.correct += correct;
}

std::string coarse_type(EntityType type) {
  switch (type) {
    case EntityType::PERSON: return "PER";
    case EntityType::ORGANIZATION: return "ORG";
    case EntityType::GPE:
    case EntityType::LOCATION:
    case EntityType::FACILITY: return "LOC";
    case EntityType::NORP: return "";
  }
  return "";
}

std::vector<WordSpan> spans_of_tags(const std::vector<std::string>& tags) {
  std::vector<WordSpan> out;
  for (std::uint32_t i = 0; i < tags.size(); ++i) {
    const std::string& t = tags[i];
    if (t.size() < 3) continue;
    const std::string type = t.substr(2);
    // conlleval: an I- without a matching predecessor starts a new entity.
    const bool continues = t[0] == 'I' && !out.empty() && out.back().last + 1 == i && out.back().type == type;
    if (continues) out.back().last = i;
    else out.push_back({i, i, type});
  }
  return out;
}

std::vector<std::vector<WordSpan>> recognize_words(const EntityRecognizer& recognizer, const PosTagger& pos,
                                                   const DependencyParser* parser,
                                                   const std::vector<std::vector<std::string>>& sentences) {
  std::string text;
  Segmentation seg;
  for (const auto& words : sentences) {
    Sentence s;
    s.first_token = static_cast<std::uint32_t>(seg.tokens.size());
    s.span.begin = static_cast<std::uint32_t>(text.size());
    for (const std::string& w : words) {
      Token t;
      t.span.begin = static_cast<std::uint32_t>(text.size());
      text += w;
      t.span.end = static_cast<std::uint32_t>(text.size());
      t.norm = w;
      text += ' ';
      seg.tokens.push_back(std::move(t));
    }
    s.token_count = static_cast<std::uint32_t>(words.size());
    s.span.end = static_cast<std::uint32_t>(words.empty() ? text.size() : text.size() - 1);
    seg.sentences.push_back(s);
    if (!words.empty()) text.back() = '\n';
  }
  Document doc(text);
  // The text is rebuilt from the words; words with invalid UTF-8 would be
  // repaired and shift offsets, but the recognizer reads token norms only.
  doc.add(std::move(seg));
  pos.tag(doc);
  if (parser != nullptr) parser->parse(doc);
  const Entities& entities = recognizer.tag(doc);
  std::vector<std::vector<WordSpan>> out(sentences.size());
  const Segmentation& segmentation = doc.get<Segmentation>();
  for (const EntityMention& m : entities.mentions) {
    const std::string type = coarse_type(m.type);
    if (type.empty()) continue;
    const Sentence& s = segmentation.sentences[m.sentence];
    const std::uint32_t first = m.first_token - s.first_token;
    out[m.sentence].push_back({first, first + m.token_count - 1, type});
  }
  return out;
}

}  // namespace tempora::detail
