// SemEval-2015 Task 4 from raw text: CAT documents in, a target's timeline out.
//
// Reading. A CAT file is a list of tokens (word, sentence number) plus
// markables. Only the tokens and the document creation time are read (the
// main track starts from raw text, so the gold EVENT_MENTIONs are never
// looked at). The tokens are put back together as running text, one
// paragraph per sentence, with spaces where English writes them ("Apple's",
// "(WWDC)", "$5"), so the pipeline sees ordinary prose; each token keeps its
// byte span, which maps every system event back to the task's mention id
// DOCID-SENTENCE-TOKEN.
//
// Which events. An event belongs to the target's timeline when the target
// takes part in it:
//   - with the actor stage (a Participants layer): one of the event's
//     participants is an actor whose name or aliases name the target, or
//     its argument phrase names the target (targets are often things:
//     "unveiled the iPhone 4");
//   - otherwise, from the parse: the target is named inside the subtree of
//     one of the event's nominal arguments (subject, object, obliques,
//     possessor, compound or nmod), in the subject the predicate inherits
//     (conjoined and controlled verbs, "Jobs returned and reassumed"), or,
//     for a nominal event, in the arguments of the verb it is the object of
//     ("Jobs gave his keynote").
// "Named" means the target's full name, or, in a document that names the
// target in full at least once, a distinctive part of it ("Jobs" after
// "Steve Jobs", "iPhone" after "iPhone 4"): inside one article a short name
// refers back to the full one. A name that goes on into a model number or
// another capitalized word is a longer name, so another entity ("iPhone 4"
// is not "iPhone", "iPod Touch" not "iPod"). Subject pronouns (he, she) of a person target
// count when the nearest preceding person-like name is the target's.
//
// Mentions are named DOCID-SENTENCE-WORD after the CAT token under the
// trigger; a phrasal verb is named by both its words, as the task writes
// multi-word events ("18315-2-step_down").
//
// When and in which order. Each event's date comes from event_times() (the
// anchoring time expression; bounds from the closure are not dates). The
// timeline then has one ORDER per distinct date, oldest first, and undated
// events go to ORDER 0, which the task reserves for events that can be
// neither dated nor ordered: no guess is written as a fact. With
// TargetTimelineOptions::undated_at_dct, an undated past event is put on the
// story's reference day instead: that of the latest event told before it with
// a day of its own, else the article's day.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "corpus/semeval.hpp"
#include "tempora/actor.hpp"
#include "tempora/event.hpp"
#include "tempora/event_time.hpp"
#include "tempora/parse.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/timex.hpp"

namespace tempora::semeval {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Tokens written without a space before them.
bool attaches_left(std::string_view w) {
  static const std::set<std::string, std::less<>> kLeft = {
      ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "''",
      "...", "’s", "’"};
  return kLeft.contains(w);
}
// Tokens written without a space after them.
bool attaches_right(std::string_view w) { return w == "(" || w == "[" || w == "{" || w == "$" || w == "``" || w == "£"; }

}  // namespace

// ---- CAT -------------------------------------------------------------------------------

CatDocument parse_cat(std::string_view xml, std::string_view name) {
  pugi::xml_document dom;
  const pugi::xml_parse_result ok = dom.load_buffer(xml.data(), xml.size());
  if (!ok) throw std::runtime_error(fmt::format("{}: not XML ({})", name, ok.description()));
  const pugi::xml_node root = dom.child("Document");
  if (!root) throw std::runtime_error(fmt::format("{}: not a CAT document (no <Document>)", name));
  CatDocument cat;
  cat.doc_id = root.attribute("doc_id").as_string();
  cat.name = root.attribute("doc_name").as_string();
  cat.url = root.attribute("src_url").as_string();
  if (cat.doc_id.empty()) cat.doc_id = std::string(name);
  bool quote_open = false;
  std::uint32_t previous_sentence = 0;
  bool first = true, glue_next = false;
  for (const pugi::xml_node token : root.children("token")) {
    CatToken t;
    t.sentence = token.attribute("sentence").as_uint();
    t.word = token.child_value();
    if (t.word.empty()) continue;
    bool space = !first && !glue_next;
    if (!first && t.sentence != previous_sentence) {
      cat.text += "\n\n";
      space = false;
      quote_open = false;
    } else if (t.word == "\"") {
      if (quote_open) space = false;  // a closing quote sticks to the word before it
    } else if (attaches_left(t.word)) {
      space = false;
    }
    if (space) cat.text += ' ';
    t.span.begin = static_cast<std::uint32_t>(cat.text.size());
    cat.text += t.word;
    t.span.end = static_cast<std::uint32_t>(cat.text.size());
    glue_next = attaches_right(t.word) || (t.word == "\"" && !quote_open);
    if (t.word == "\"") quote_open = !quote_open;
    previous_sentence = t.sentence;
    first = false;
    cat.tokens.push_back(std::move(t));
  }
  for (const pugi::xml_node timex : root.child("Markables").children("TIMEX3"))
    if (std::string_view(timex.attribute("functionInDocument").as_string()) == "CREATION_TIME") {
      cat.dct = parse_dct(timex.attribute("value").as_string(), "cat");
      break;
    }
  return cat;
}

CatDocument read_cat(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", path.string()));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_cat(buffer.str(), path.string());
}

AnalyzedCat analyze_cat(const Pipeline& pipeline, CatDocument cat) {
  DocumentInfo info;
  info.id = cat.doc_id;
  info.title = cat.name;
  info.url = cat.url;
  info.creation_time = cat.dct;
  Document doc(cat.text, std::move(info));
  pipeline.analyze(doc);
  return AnalyzedCat{std::move(cat), std::move(doc)};
}

std::string timeline_file_name(std::string_view target) {
  std::string out;
  for (const char c : lower(target)) out += c == ' ' ? '_' : c;
  return out + ".txt";
}

// ---- target timelines ------------------------------------------------------------------------

namespace {

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (const char c : s) {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(lower(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(lower(cur));
  return out;
}

bool capitalized(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

bool numeric(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// How the target is named: the full name's words, and the single words that
// may stand for it once the full name has been seen in a document.
struct TargetNames {
  std::vector<std::string> full;
  std::set<std::string> parts;
  bool person = false;  // two or more capitalized alphabetic words: "Steve Jobs"
};

TargetNames target_names(std::string_view target) {
  TargetNames t;
  t.full = words_of(target);
  std::vector<std::string> original;
  {
    std::string cur;
    for (const char c : target) {
      if (c == ' ') {
        if (!cur.empty()) original.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) original.push_back(cur);
  }
  int capitals = 0;
  for (const std::string& w : original)
    if (!w.empty() && std::isupper(static_cast<unsigned char>(w[0])) &&
        std::all_of(w.begin() + 1, w.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
      ++capitals;
  t.person = original.size() == 2 && capitals == 2;
  if (original.size() > 1) {
    // A part is distinctive when it is a capitalized word that is no number
    // and not the company every article is about ("Apple" in "Beatles Apple
    // Corps" would name Apple Inc.).
    for (std::size_t i = 0; i < original.size(); ++i) {
      const std::string& w = original[i];
      if (w.size() < 3 || numeric(w) || !capitalized(w) || lower(w) == "apple") continue;
      if (t.person && i == 0) continue;  // a first name alone is too ambiguous
      t.parts.insert(lower(w));
    }
  }
  return t;
}

class TargetMatcher {
 public:
  TargetMatcher(const Document& doc, const TargetNames& names) : doc_(doc), names_(names) {
    const Segmentation& seg = doc.get<Segmentation>();
    const std::size_t n = seg.tokens.size();
    named_.assign(n, false);
    std::vector<std::string> words(n);
    for (std::size_t i = 0; i < n; ++i) words[i] = lower(seg.tokens[i].norm.empty() ? doc.text(seg.tokens[i].span) : seg.tokens[i].norm);
    // A name that goes on into a model number or another capitalized word
    // is a longer name, another entity: "iPhone 4" is not "iPhone", "iPod
    // Touch" is not "iPod". A longer name that ends as the target does is
    // the target's own variant: "iTunes Music Store" for "iTunes store".
    const auto name_word = [&](std::size_t t) {
      if (t >= n || seg.tokens[t].span.begin > seg.tokens[t - 1].span.end + 1) return false;
      const std::string_view w = doc.text(seg.tokens[t].span);
      if (w.empty()) return false;
      if (std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return true;
      return std::isupper(static_cast<unsigned char>(w[0])) &&
             std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    };
    const auto goes_on = [&](std::size_t end) {
      if (!name_word(end)) return false;
      std::size_t last = end;
      while (last + 1 < n && last < end + 4 && name_word(last + 1)) ++last;
      return words[last] != names_.full.back();
    };
    // The full name, or (for names of three words or more) any two or more
    // of its words in a row: "Apple Corps" names "Beatles Apple Corps".
    const std::size_t full = names_.full.size();
    bool full_seen = false;
    for (std::size_t k = full; k >= 1 && (k == full || k >= 2); --k)
      for (std::size_t from = 0; from + k <= full; ++from)
        for (std::size_t i = 0; i + k <= n; ++i) {
          bool match = true;
          for (std::size_t j = 0; j < k && match; ++j) match = words[i + j] == names_.full[from + j];
          if (match && !goes_on(i + k)) {
            full_seen = true;
            for (std::size_t j = 0; j < k; ++j) named_[i + j] = true;
          }
        }
    if (full_seen)
      for (std::size_t i = 0; i < n; ++i)
        if (names_.parts.contains(words[i]) && !goes_on(i + 1)) named_[i] = true;
    // Person pronouns: he/she/his/her whose nearest preceding capitalized
    // name token is one of the target's.
    if (full_seen && names_.person && doc.has<Morphology>()) {
      const Morphology& morph = doc.get<Morphology>();
      int last_name_is_target = -1;  // -1 unknown, 0 another name, 1 the target
      for (std::size_t i = 0; i < n; ++i) {
        if (morph.tokens[i].upos == Upos::PROPN) {
          last_name_is_target = named_[i] ? 1 : 0;
        } else if (last_name_is_target == 1 &&
                   (words[i] == "he" || words[i] == "she" || words[i] == "his" || words[i] == "her" || words[i] == "him")) {
          named_[i] = true;
        }
      }
    }
  }

  bool named(std::size_t token) const { return token < named_.size() && named_[token]; }
  bool any_named() const { return std::find(named_.begin(), named_.end(), true) != named_.end(); }

  bool named_in(int first, int last) const {
    for (int i = std::max(first, 0); i < last; ++i)
      if (named(static_cast<std::size_t>(i))) return true;
    return false;
  }
  // Is the target named by a token inside the byte span?
  bool named_in(Span span) const {
    const auto& tokens = doc_.get<Segmentation>().tokens;
    const auto first = std::partition_point(tokens.begin(), tokens.end(),
                                            [&](const Token& t) { return t.span.end <= span.begin; });
    for (auto it = first; it != tokens.end() && it->span.begin < span.end; ++it)
      if (named(static_cast<std::size_t>(it - tokens.begin()))) return true;
    return false;
  }

 private:
  const Document& doc_;
  const TargetNames& names_;
  std::vector<bool> named_;
};

bool argument_relation(std::string_view rel) {
  for (const std::string_view r : {"nsubj", "obj", "iobj", "obl", "nmod", "compound", "appos", "csubj", "agent"})
    if (rel == r || (rel.size() > r.size() && rel.starts_with(r) && rel[r.size()] == ':')) return true;
  return false;
}

// Does the target take part in the event at `head`, by the parse?
bool takes_part(const SyntaxView& syntax, const TargetMatcher& match, int head) {
  const auto in_subtree = [&](int token) {
    if (token < 0) return false;
    const auto [first, last] = syntax.subtree_range(token);
    return match.named_in(first, last);
  };
  if (match.named(static_cast<std::size_t>(head))) return true;  // "the iPod" as the event noun itself
  for (const int d : syntax.dependents(head))
    if (argument_relation(syntax.deprel(d)) && in_subtree(d)) return true;
  if (in_subtree(syntax.subject(head))) return true;  // inherited subjects (conj, xcomp)
  // A nominal event that is an argument of a verb: the verb's subject ("Jobs
  // gave his keynote", "Apple announced the launch").
  const int up = syntax.head(head);
  if (syntax.upos(head) == Upos::NOUN && up >= 0 && (syntax.is(head, "obj") || syntax.is(head, "nsubj")))
    if (in_subtree(syntax.subject(up)) || in_subtree(syntax.object(up))) return true;
  return false;
}

// Does the target take part in the event, by the actor stage? One of the
// event's participants is an actor whose name or aliases name the target,
// or its argument phrase names the target: targets are often things, not
// actors ("Apple unveiled the iPhone 4": the phone is the patient). The
// clause of a reported event is no participant of the reporting itself
// ("analysts said the iPod ...": the saying is not the iPod's).
bool participant_names_target(const Document& doc, std::size_t event, const TargetNames& names,
                              const TargetMatcher& match) {
  const Actors* actors = doc.has<Actors>() ? &doc.get<Actors>() : nullptr;
  const std::string full = [&] {
    std::string s;
    for (const std::string& w : names.full) s += (s.empty() ? "" : " ") + w;
    return s;
  }();
  const auto names_it = [&](const std::string& name) {
    const std::string l = lower(name);
    if (l == full || l.find(full) != std::string::npos) return true;
    return names.parts.contains(l);
  };
  for (const Participant& p : doc.get<Participants>().of(event)) {
    if (p.event >= 0) continue;
    if (match.named_in(p.span)) return true;
    if (actors == nullptr || p.actor < 0 || static_cast<std::size_t>(p.actor) >= actors->actors.size()) continue;
    const Actor& a = actors->actors[static_cast<std::size_t>(p.actor)];
    if (names_it(a.name)) return true;
    for (const std::string& alias : a.aliases)
      if (names_it(alias)) return true;
  }
  return false;
}

// The timeline date of an event's anchor: a day, a month or a year.
std::optional<std::string> timeline_date(const EventTime& t) {
  if (!t.dated() || !t.start || !t.end) return std::nullopt;
  const std::chrono::year_month_day s{*t.start}, e{*t.end};
  const int y = static_cast<int>(s.year());
  const unsigned m = static_cast<unsigned>(s.month()), d = static_cast<unsigned>(s.day());
  switch (t.granularity) {
    case TimeGranularity::day: return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
    case TimeGranularity::month: return fmt::format("{:04d}-{:02d}", y, m);
    case TimeGranularity::year: return fmt::format("{:04d}", y);
    default: break;
  }
  if (*t.start == *t.end) return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
  if (s.year() == e.year() && s.month() == e.month()) return fmt::format("{:04d}-{:02d}", y, m);  // weeks
  return std::nullopt;
}

using std::chrono::sys_days;

// May an undated event be put on the article's day? Past or present-perfect
// verbs and event nouns, when the closure's bounds do not exclude the day.
bool dct_plausible(const EventMention& e, const EventTime& t, const CreationTime& dct) {
  if (!e.modality.empty() || e.tense == EventTense::FUTURE || e.tense == EventTense::INFINITIVE) return false;
  const bool past = e.tense == EventTense::PAST || e.aspect == EventAspect::PERFECTIVE || e.pos == EventPos::NOUN;
  if (!past) return false;
  if (e.aspect == EventAspect::PERFECTIVE && e.tense == EventTense::PAST) return false;  // "had fought": earlier
  if (t.not_before && *t.not_before > dct.day) return false;
  // "said" is before the article was written: a bound of the day before
  // the DCT still allows the DCT's day (news reports the day's events).
  if (t.not_after && *t.not_after < dct.day - std::chrono::days{1}) return false;
  return true;
}

// The day an undated past event is told on: the story's reference time. A
// news article dates its story once ("On Wednesday, Jobs unveiled ...") and
// tells the rest of it without repeating the date ("He also announced ...",
// "Jobs said ..."): the day of the latest event before it that has a day of
// its own, when that is no later than the article and within the event's
// bounds; else the article's day.
sys_days reference_day(const std::vector<EventTime>& when, std::size_t event, sys_days dct) {
  const EventTime& t = when[event];
  for (std::size_t j = event; j-- > 0;) {
    const EventTime& before = when[j];
    if (!before.dated() || before.granularity != TimeGranularity::day || !before.start) continue;
    const sys_days day = *before.start;
    if (day > dct || (t.not_before && day < *t.not_before) || (t.not_after && day > *t.not_after)) continue;
    return day;
  }
  return dct;
}

// The one calendar date a sentence names ("Yesterday, ... Jobs unveiled"),
// when it names exactly one: day, month or year.
struct SentenceDate {
  std::string label;
  sys_days start{}, end{};
};

std::optional<SentenceDate> sentence_date(const Document& doc, std::uint32_t sentence) {
  if (!doc.has<TimeExpressions>()) return std::nullopt;
  const Segmentation& seg = doc.get<Segmentation>();
  if (sentence >= seg.sentences.size()) return std::nullopt;
  const Span span = seg.sentences[sentence].span;
  std::optional<SentenceDate> found;
  for (const Timex& t : doc.get<TimeExpressions>().timexes) {
    if (!span.contains(t.span) || !t.interval || (t.type != TimexType::date && t.type != TimexType::time)) continue;
    const auto first = std::chrono::floor<std::chrono::days>(t.interval->start);
    const auto last = std::chrono::floor<std::chrono::days>(t.interval->end - std::chrono::seconds(1));
    const std::chrono::year_month_day ymd{first};
    const int y = static_cast<int>(ymd.year());
    const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
    std::string label;
    switch (t.interval->granularity) {
      case Granularity::day: case Granularity::part_of_day: case Granularity::hour: case Granularity::minute:
        label = fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
        break;
      case Granularity::month: label = fmt::format("{:04d}-{:02d}", y, m); break;
      case Granularity::year: label = fmt::format("{:04d}", y); break;
      default: continue;
    }
    if (found && found->label != label) return std::nullopt;  // two dates: which one?
    found = SentenceDate{label, first, last};
  }
  return found;
}

struct Candidate {
  std::string mention;
  std::optional<std::string> date;
  std::chrono::sys_days start{}, end{};
  std::size_t doc = 0, position = 0;
};

}  // namespace

Timeline target_timeline(const std::vector<AnalyzedCat>& docs, std::string_view target,
                         const TargetTimelineOptions& options) {
  const TargetNames names = target_names(target);
  std::vector<Candidate> found;
  for (std::size_t di = 0; di < docs.size(); ++di) {
    const AnalyzedCat& a = docs[di];
    const Document& doc = a.doc;
    if (!doc.has<Events>() || !doc.has<Segmentation>()) continue;
    const TargetMatcher match(doc, names);
    if (!match.any_named()) continue;
    std::optional<SyntaxView> syntax;
    if (doc.has<Dependencies>() && doc.has<Morphology>()) syntax.emplace(doc);
    const Events& events = doc.get<Events>();
    const std::vector<EventTime> when = event_times(doc);
    const Segmentation& seg = doc.get<Segmentation>();
    for (std::size_t i = 0; i < events.events.size(); ++i) {
      const EventMention& e = events.events[i];
      if (!options.include_reporting && !e.newsworthy) continue;
      // Only what the text says happened (or will): not what it denies or only
      // thinks possible ("would stop selling", "did not sue").
      if (e.polarity == EventPolarity::NEG || e.factuality == Factuality::POSSIBLE ||
          e.factuality == Factuality::NEGATED)
        continue;
      bool part = false;
      if (doc.has<Participants>()) {
        part = match.named(e.token) || participant_names_target(doc, i, names, match);
      } else if (syntax && e.token < syntax->size()) {
        part = takes_part(*syntax, match, static_cast<int>(e.token));
      } else if (e.sentence < seg.sentences.size()) {
        const Sentence& s = seg.sentences[e.sentence];
        part = match.named_in(static_cast<int>(s.first_token), static_cast<int>(s.first_token + s.token_count));
      }
      if (!part) continue;
      // The CAT token under the trigger's head token.
      const Span head = seg.tokens[e.token].span;
      const auto it = std::find_if(a.cat.tokens.begin(), a.cat.tokens.end(),
                                   [&](const CatToken& t) { return t.span.overlaps(head); });
      if (it == a.cat.tokens.end()) continue;
      Candidate c;
      c.mention = fmt::format("{}-{}-{}", a.cat.doc_id, it->sentence, it->word);
      // A phrasal verb is one event of two words, named as the task names
      // multi-word events: "step_down", "showed_off".
      if (syntax && e.token < syntax->size() && it + 1 != a.cat.tokens.end() && it[1].sentence == it->sentence)
        for (const int d : syntax->dependents(static_cast<int>(e.token), "compound:prt"))
          if (static_cast<std::size_t>(d) == e.token + 1 && seg.tokens[e.token + 1].span.overlaps(it[1].span))
            c.mention += "_" + it[1].word;
      c.date = timeline_date(when[i]);
      if (c.date) {
        c.start = *when[i].start;
        c.end = *when[i].end;
      } else if (const auto own = sentence_date(doc, e.sentence); options.sentence_dates && own) {
        c.date = own->label;
        c.start = own->start;
        c.end = own->end;
      } else if (options.undated_at_dct && doc.info().creation_time && dct_plausible(e, when[i], *doc.info().creation_time)) {
        const sys_days day = reference_day(when, i, doc.info().creation_time->day);
        const std::chrono::year_month_day ymd{day};
        c.date = fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                             static_cast<unsigned>(ymd.day()));
        c.start = c.end = day;
      }
      c.doc = di;
      c.position = i;
      found.push_back(std::move(c));
    }
  }
  // One ORDER per distinct date, oldest first (coarser dates before the days
  // they contain); undated events at ORDER 0.
  std::stable_sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
    if (x.date.has_value() != y.date.has_value()) return !x.date.has_value();
    if (!x.date) return false;
    if (x.start != y.start) return x.start < y.start;
    if (x.end != y.end) return x.end > y.end;
    return *x.date < *y.date;
  });
  Timeline t;
  t.target = std::string(target);
  std::set<std::string> seen;
  int order = 0;
  std::optional<std::string> last_date;
  for (const Candidate& c : found) {
    if (!seen.insert(c.mention).second) continue;
    if (c.date && c.date != last_date) {
      ++order;
      last_date = c.date;
    }
    t.entries.push_back({.order = c.date ? order : 0, .date = c.date.value_or("XXXX-XX-XX"), .mentions = {c.mention}});
  }
  return t;
}

}  // namespace tempora::semeval
