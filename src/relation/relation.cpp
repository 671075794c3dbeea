// Temporal link extraction (see include/tempora/relation.hpp).
//
// How it works
// ------------
// Every rule below states links with a confidence that says how often that
// kind of evidence is right in news text; none of them has to be right on
// its own, because the links then go through TemporalGraph, which applies
// them strongest first and drops whichever weaker link contradicts the
// stronger ones (and the calendar). So a weak default such as narrative order
// can be stated freely: a signal word or a date that says otherwise wins.
//
// 1. Tense and aspect. When the event input has no TimeML tense/aspect, they
//    are read from the head's Penn tag and the auxiliaries just before it,
//    walking back over adverbs and negation ("had not yet met": PAST
//    PERFECTIVE; "will meet": FUTURE; "to meet": INFINITIVE).
// 2. Event-DCT: the past ends before the DCT, the future starts after it,
//    the present perfect starts before it, the present includes it (but a
//    headline's simple present tells past news, "Apple launches iPhone").
// 3. Event-time: a dated timex (without a DCT also an underspecified one,
//    "March 12" as XXXX-03-12: it has no calendar bounds but still dates
//    its event) attaches to the verb event the parse hangs it on (an obl,
//    nmod or advmod of it, or of a noun phrase that is one of its own:
//    "traveled to Seoul on Wednesday before returning", or of its object:
//    "met Mark Carney in Brussels on Tuesday"), if that verb is at most 8
//    words away; failing that, to the nearest event of its sentence, the
//    one before it first ("the meeting on October 17"), or, when none is
//    near, to that verb however far, or to the event noun it modifies
//    ("Yesterday, at this year's conference, Jobs unveiled ...").
//    When the nearest event is a to-infinitive right after the timex ("met
//    the chief executive of TAP on Friday to discuss the sale") or a noun
//    the verb governs ("sat down with Wang Yi for talks on Thursday"), both
//    it and the verb the parse hangs the timex on are dated. A past date on
//    the to-infinitive a past verb governs dates that verb instead ("applied
//    to join the alliance in May 2022"). A simple past is never put inside
//    a time after the DCT ("discussed the anniversary of diplomatic ties
//    next year").
//    The word before the timex picks the relation (before/by: BEFORE,
//    after: AFTER, else IS_INCLUDED). A verb conjunct with no subject, time,
//    adverb or auxiliary of its own, in its first verb's tense, is on that
//    verb's day ("arrived in Paris on Monday and held talks"); never on a
//    longer time ("joined in 1998 and became chief executive"). A time
//    opening the sentence before a subordinate clause ("The following year,
//    as currencies collapsed, she raised rates") dates the main clause after
//    it, and an "as", "when" or "while" clause with it. A day in the
//    possessive that determines a noun which is no event and modifies
//    another noun dates nothing ("a premium to Friday's closing price").
// 4. Signals (resources/relation/signals.txt): a preposition-like signal
//    relates the event it governs (the first event after it, or the earlier
//    mention whose head the following noun phrase repeats: "after the
//    meeting", and whose named persons and organisations agree with the
//    phrase's: "after the meeting with Tajani" is not the nearer "met
//    Baerbock") to the event its phrase attaches to; an adverb ("then",
//    "later") relates its clause's event to the event told just before.
//    A governed noun phrase that names no known event becomes an implicit
//    event node, unless it is the subject of the clause the signal opens
//    ("after the two companies' chief executives met": the meeting). A
//    "when" right after a date is left to rule 3. An event a "during" or
//    "amid" phrase follows that is a to-infinitive completing a verb ("asked
//    Nordvall to sell ... during talks") hands the phrase to that verb: what
//    is still to be done happens at no told time. A weak preposition ("in",
//    "about") is a signal only when an event mention follows it: "shared the
//    details in an interview", "spoke about his recent meeting"; "in Kyiv"
//    is no event. A definite gathering noun names the last gathering told in
//    the four sentences before ("met ... after the meeting"), a verdict noun
//    the last verdict told, however far ("a jury found ... after the
//    verdict"). A clause the parse hangs inside what a saying reports
//    orders the reported act, never the saying.
// 4c. The same gathering: a definite gathering noun (lexicon class
//    gathering: meeting, talks, discussions, summit, ...) at the same place
//    (an actor) as an earlier one is that gathering again.
// 4d. Phases: a verb of beginning or ending whose subject or object is an
//    event noun begins or ends that event ("a press conference that began
//    at 3:30 p.m.", "the talks ended on Friday").
// 4e. Occurrences: a verb of occurring (class occurring: come, happen,
//    occur; "take place") whose subject is an event noun is simultaneous
//    with it ("The meeting came a day after the Commission approved the
//    plan"); when that subject is definite and opens its sentence, and the
//    previous sentence told an event with a verb of the same stem, the noun
//    names that event again ("Ferreira met ... on Friday. The meeting came
//    ...": one meeting, dated Friday); a gathering noun (lexicon class
//    gathering: "The talks came ...") names the last gathering told in the
//    four sentences before, whatever the word ("met"), and any other noun
//    the last event the same noun named in the eight sentences before ("The
//    strike came ...").
//    A verb of effect (class effect: kill, damage, destroy, ...) whose
//    subject is an event noun happens when that event does ("a missile
//    strike on Kyiv early Monday killed 12 people").
// 4f. Counted dates: a measure right before "after" or "before" ("two
//    days after Li visited Seoul", "a week before the vote") counts from
//    one event to the other. Once the links are closed, when the closure
//    pins one of the two to a day (for a count of days or weeks), a month
//    or a year, and not the other, the other gets the day, month or year
//    the count reaches, as a DerivedTime node, and the graph is closed
//    again. Vague counts ("days after", "hours after", "less than a
//    decade after", "about two weeks before") give the order only.
// 4g. "Where" clauses: "visited Warsaw on Monday, where he met Tusk": the
//    meeting took place during the visit (IS_INCLUDED), so it has its date;
//    only after a verb of visiting (lexicon class visiting).
// 5. Reported speech: a reporting event follows (in start order) what its
//    sentence reports (past, perfect, present, or a to-infinitive: "plans to
//    close") and precedes what it announces ("will close", "could close",
//    or anything rule 3 dated after the DCT: "expected to visit next week").
// 5b. Light verbs: "held a meeting", "gave an interview": the verb and its
//    event noun are simultaneous (resources/relation/lexicon.txt, class light).
// 5c. Elaboration: "Zelensky spoke about the meeting. He shared the details
//    in an interview." When the next sentence's first event is told by the
//    same actor, now as a pronoun subject, and both are acts of telling in
//    the simple past, the second elaborates the first: one telling, so the
//    two are simultaneous (needs the parse and the actor layer).
// 5d. Participle adjuncts: "Trump posted on social media, urging Moscow and
//    Kyiv to talk": a present participle clause hanging from a verb (advcl)
//    tells the same act from another side, so the two are simultaneous.
// 5e. Time spent doing: "has spent the winter asking its neighbours for
//    help": the present participle of a verb of spending time (lexicon class
//    occupying) is what fills that time, so the two are simultaneous.
// 5f. Judging: the act a verb of judging, blaming or thanking is for (a
//    gerund with "of", "for" or "with": "convicted the mayor of taking
//    bribes", "charged with leaking") came before it (lexicon class judging).
// 6. Intentions: "tried to hasten": the intending starts before the intended.
// 7. The past perfect precedes the simple past around it.
// 8. Embedded clauses ("the official who resigned", "said that ..."): the
//    embedded event is background and started first (weak).
// 9. Narrative order: verb events in the same or adjacent sentences start in
//    text order (weakest); not a gerund a signal governs ("since taking
//    office"), which the signal places.
//
// Rules 5-9 give one link per pair of verb events within a window of the
// same or adjacent sentences. On MATRES (gold event spans, tense and aspect
// from POS tags) the whole stage reaches F1 67.50 (with the event tagger's
// mentions, 5-fold: 65.53); see `tempora eval matres`.
//
// All scans are within a sentence or between adjacent sentences, with a
// bounded number of candidates per event, so the work is linear in the text
// (the closure's own bound is in reasoning.cpp).
#include "tempora/relation.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "tempora/data.hpp"
#include "tempora/actor.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"
#include "tempora/timex.hpp"

namespace tempora {

struct RelationExtractor::Lexicon {
  struct Signal {
    std::vector<std::string> words;
    bool prep = true;
    bool mention_only = false;  // kind "event": governs only an event mention, never a new implicit event
    RelType type = RelType::before;
    double confidence = 0.5;
  };
  std::vector<Signal> signals;
  std::unordered_set<std::string> reporting, intention, timeprep, light, telling, occupying, gathering, verdict, beginning,
      ending, occurring, visiting, effect, judging;
  std::unordered_set<std::string> first_words;  // first words of the signals
};

namespace {

// The evidence of links whose two mentions are one event (names_one_event).
constexpr const char* kLightVerbEvidence = "light verb and its event noun";
constexpr const char* kOccurrenceEvidence = "the occurrence of the event it names";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> data_lines(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", file.string()));
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    out.push_back(line);
  }
  return out;
}

// ---- per-event facts ---------------------------------------------------------

struct EventFacts {
  std::size_t input = 0;  // index into the inputs
  int token = -1;         // head token
  int sentence = -1;
  std::string tense, aspect, cls, lemma;
  bool verb = false;
  bool modal = false;
};

bool is_verb_tag(std::string_view xpos) { return xpos.starts_with("VB") || xpos == "MD"; }

void read_tense(const Segmentation& seg, const Morphology& morph, int head, int sentence_first, EventFacts& f) {
  const std::string& xpos = morph.tokens[static_cast<std::size_t>(head)].xpos;
  f.verb = is_verb_tag(xpos);
  bool will = false, to = false, modal = false, have = false, be = false, been = false, going = false;
  std::string first_aux;  // the finite auxiliary, farthest from the head
  for (int t = head - 1, steps = 0; t >= sentence_first && steps < 5; --t, ++steps) {
    const std::string w = lower(seg.tokens[static_cast<std::size_t>(t)].norm);
    const TokenMorph& m = morph.tokens[static_cast<std::size_t>(t)];
    if (m.xpos.starts_with("RB") || w == "not" || w == "n't") continue;
    if (w == "will" || w == "'ll" || w == "shall" || w == "wo") {
      will = true;
      first_aux = w;
    } else if (w == "to") {
      to = true;
      // "going to meet", "is going to": future
      if (t > sentence_first && lower(seg.tokens[static_cast<std::size_t>(t - 1)].norm) == "going") going = true;
      break;
    } else if (m.xpos == "MD") {
      modal = true;
      first_aux = w;
    } else if (m.lemma == "have" && (m.xpos.starts_with("VB"))) {
      have = true;
      first_aux = w;
    } else if (m.lemma == "be" && m.xpos.starts_with("VB")) {
      be = true;
      if (w == "been") been = true;
      first_aux = w;
    } else if (m.lemma == "do" && m.xpos.starts_with("VB")) {
      first_aux = w;
    } else {
      break;
    }
  }
  f.modal = modal;
  if (!f.tense.empty() && !f.aspect.empty()) return;
  std::string tense, aspect = "NONE";
  if (!f.verb) {
    tense = "NONE";
  } else if (going) {
    tense = "FUTURE";
  } else if (will) {
    tense = "FUTURE";
  } else if (to) {
    tense = "INFINITIVE";
  } else if (modal) {
    tense = "NONE";
  } else if (!first_aux.empty()) {
    static const std::set<std::string, std::less<>> kPast = {"had", "'d", "was", "were", "did"};
    tense = kPast.count(first_aux) ? "PAST" : "PRESENT";
  } else if (xpos == "VBD") {
    tense = "PAST";
  } else if (xpos == "VBZ" || xpos == "VBP") {
    tense = "PRESENT";
  } else if (xpos == "VBG") {
    tense = "PRESPART";
  } else if (xpos == "VBN") {
    tense = "PASTPART";
  } else {
    tense = "NONE";
  }
  if (f.verb) {
    if (have && xpos == "VBN") aspect = "PERFECTIVE";
    if (xpos == "VBG" && be) aspect = (have && been) ? "PERFECTIVE_PROGRESSIVE" : "PROGRESSIVE";
  }
  if (f.tense.empty()) f.tense = tense;
  if (f.aspect.empty()) f.aspect = aspect;
}

// "meeting" names the event "met" did: a noun head repeats a verb's lemma plus -ing.
bool same_head(std::string_view earlier, std::string_view noun) {
  if (earlier.empty() || noun.empty()) return false;
  if (earlier == noun) return true;
  if (noun.size() == earlier.size() + 3 && noun.starts_with(earlier) && noun.ends_with("ing")) return true;
  return earlier.back() == 'e' && noun.size() == earlier.size() + 2 && noun.starts_with(earlier.substr(0, earlier.size() - 1)) &&
         noun.ends_with("ing");
}

bool is_past(const EventFacts& f) { return f.tense == "PAST"; }
bool is_perfect(const EventFacts& f) { return f.aspect == "PERFECTIVE" || f.aspect == "PERFECTIVE_PROGRESSIVE"; }
// What a saying announces rather than reports: "will meet", "could meet".
// A to-infinitive is not: "said it plans to close the plant", "agreed to
// meet": on MATRES the saying starts after such an event three times as
// often as before it (135 of 175 ordered pairs, gold event spans).
bool is_announced(const EventFacts& f) { return f.tense == "FUTURE" || (f.verb && f.modal && f.tense == "NONE"); }
bool is_future_like(const EventFacts& f) { return is_announced(f) || f.tense == "INFINITIVE"; }
bool is_finite_verb(const EventFacts& f) {
  return f.verb && f.tense != "INFINITIVE" && f.tense != "PRESPART" && f.tense != "PASTPART";
}

// ---- 4f. counted dates ------------------------------------------------------

// A whole count of calendar units, read from a DURATION value: "P2D" (two
// days), "P1W", "P3M", "P10Y"; not "PXD" (days), "PT5H" or "P1DT2H".
struct CalendarCount {
  int amount = 0;
  char unit = 'D';  // 'D', 'W', 'M' or 'Y'
};
std::optional<CalendarCount> calendar_count(std::string_view value) {
  if (value.size() < 3 || value[0] != 'P') return std::nullopt;
  CalendarCount count;
  std::size_t i = 1;
  for (; i < value.size() && std::isdigit(static_cast<unsigned char>(value[i])); ++i) {
    count.amount = count.amount * 10 + (value[i] - '0');
    if (count.amount > 1000) return std::nullopt;  // "P20000Y": no calendar of ours reaches it
  }
  if (i == 1 || i + 1 != value.size()) return std::nullopt;
  count.unit = value[i];
  if (count.unit != 'D' && count.unit != 'W' && count.unit != 'M' && count.unit != 'Y') return std::nullopt;
  return count;
}

// The date `sign` counts of `count` away from the day, month or year the
// bounds pin a node to, with its TIMEX3 value; nothing when the bounds span
// more than one of the count's units (a day for days and weeks).
std::optional<std::pair<TimeBounds, std::string>> counted_date(const NodeBounds& from, CalendarCount count, int sign) {
  using namespace std::chrono;
  if (!from.earliest_start || !from.latest_end) return std::nullopt;
  const sys_days first = floor<days>(*from.earliest_start);
  const sys_days last = floor<days>(*from.latest_end - seconds(1));
  const int n = sign * count.amount;
  if (count.unit == 'D' || count.unit == 'W') {
    if (first != last) return std::nullopt;
    const sys_days day = first + days{count.unit == 'W' ? 7 * n : n};
    const year_month_day ymd{day};
    return std::pair{TimeBounds{day, day + days{1}},
                     fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                                 static_cast<unsigned>(ymd.day()))};
  }
  const year_month_day a{first}, b{last};
  if (count.unit == 'M') {
    if (a.year() != b.year() || a.month() != b.month()) return std::nullopt;
    const year_month month = year_month{a.year(), a.month()} + months{n};
    return std::pair{TimeBounds{sys_days{month / 1}, sys_days{(month + months{1}) / 1}},
                     fmt::format("{:04d}-{:02d}", static_cast<int>(month.year()), static_cast<unsigned>(month.month()))};
  }
  if (a.year() != b.year()) return std::nullopt;
  const year y = a.year() + years{n};
  return std::pair{TimeBounds{sys_days{y / January / 1}, sys_days{(y + years{1}) / January / 1}},
                   fmt::format("{:04d}", static_cast<int>(y))};
}

// The kinds of event a definite noun names again after a verb told one:
// "met ... after the meeting", "found him guilty ... after the verdict".
enum class StoryKind { none, gathering, verdict };
StoryKind story_kind(const RelationExtractor::Lexicon& lexicon, const std::string& lemma) {
  if (lexicon.gathering.count(lemma)) return StoryKind::gathering;
  if (lexicon.verdict.count(lemma)) return StoryKind::verdict;
  return StoryKind::none;
}
const char* last_told_evidence(StoryKind kind) {
  return kind == StoryKind::verdict ? "the last verdict told" : "the last gathering told";
}

// How far back (in sentences) a definite gathering noun looks for the
// gathering it names again ("met ... The talks came ..."). A story tells of
// one verdict, usually in its lede, so "the verdict" looks back to the
// lede however far.
constexpr int kGatheringLookBack = 4;
int look_back(StoryKind kind) { return kind == StoryKind::verdict ? 1 << 20 : kGatheringLookBack; }
// ...and one naming an event with the same noun ("The strike came ...").
constexpr int kSameNounLookBack = 8;

// "two days after": the later event is `count` after the earlier one.
struct CountedSignal {
  int later = -1, earlier = -1;  // event facts
  CalendarCount count;
  Span phrase;
};

struct Builder {
  const Document& doc;
  const Segmentation& seg;
  const Morphology& morph;
  const RelationExtractor::Lexicon& lex;
  const std::vector<EventInput>& inputs;
  std::vector<EventFacts> facts;          // in text order
  std::vector<int> token_sentence;
  std::vector<int> event_at_token;        // facts index or -1
  std::vector<bool> in_timex;
  std::vector<bool> dated_after_dct;      // per facts index: in a time after the DCT ("next week")
  std::vector<bool> dated_back;           // per facts index: in a time before one the text named earlier
  TemporalLinks out;

  void link(std::string a, std::string b, RelType type, double confidence, std::string evidence,
            std::optional<Span> signal = std::nullopt) {
    if (a == b) return;
    out.links.push_back({std::move(a), std::move(b), type, confidence, std::move(evidence), signal});
  }
  const std::string& id(int f) const { return inputs[facts[static_cast<std::size_t>(f)].input].id; }
  int sentence_first(int s) const { return static_cast<int>(seg.sentences[static_cast<std::size_t>(s)].first_token); }
  int sentence_end(int s) const {
    const Sentence& sentence = seg.sentences[static_cast<std::size_t>(s)];
    return static_cast<int>(sentence.first_token + sentence.token_count);
  }
  std::vector<std::string> words;  // lowercased token forms
  const std::string& word(int t) const { return words[static_cast<std::size_t>(t)]; }

  // The person or organisation actor each token names (the actor layer's
  // mentions, pronouns included), -1 elsewhere or without that layer.
  std::vector<int> party_at_token;
  // The persons and organisations an event's arguments name, sorted: what
  // hangs on its head as subject, object, oblique or modifier, down to the
  // names inside those phrases ("met German Foreign Minister Annalena
  // Baerbock": Baerbock; "the meeting with Tajani": Tajani), not what a
  // clause under it names.
  std::vector<int> parties(const SyntaxView& syntax, int head) const {
    std::vector<int> out;
    if (party_at_token.empty()) return out;
    std::vector<std::pair<int, int>> todo{{head, 0}};  // (token, depth)
    while (!todo.empty()) {
      const auto [t, depth] = todo.back();
      todo.pop_back();
      if (t != head && party_at_token[static_cast<std::size_t>(t)] >= 0) out.push_back(party_at_token[static_cast<std::size_t>(t)]);
      if (depth == 4) continue;
      for (const int d : syntax.dependents(t)) {
        const std::string_view rel = syntax.deprel(d);
        const bool argument = rel.starts_with("nsubj") || rel == "obj" || rel == "iobj" || rel.starts_with("obl") ||
                              rel.starts_with("nmod") || rel == "appos" || rel == "flat" || rel == "compound" ||
                              (rel == "conj" && t != head);
        if (argument) todo.emplace_back(d, depth + 1);
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  // Whether two mentions can tell one event for the parties they name: when
  // both name some, the parties of one are among the other's ("met Tajani"
  // and "the meeting with Tajani", not "met Baerbock").
  bool parties_agree(const std::optional<SyntaxView>& syntax, int token_a, int token_b) const {
    if (!syntax) return true;
    const std::vector<int> pa = parties(*syntax, token_a), pb = parties(*syntax, token_b);
    if (pa.empty() || pb.empty()) return true;
    const auto& small = pa.size() <= pb.size() ? pa : pb;
    const auto& large = pa.size() <= pb.size() ? pb : pa;
    return std::includes(large.begin(), large.end(), small.begin(), small.end());
  }
};

}  // namespace

// ---- the extractor -----------------------------------------------------------

RelationExtractor::RelationExtractor(std::unique_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
RelationExtractor::RelationExtractor(RelationExtractor&&) noexcept = default;
RelationExtractor& RelationExtractor::operator=(RelationExtractor&&) noexcept = default;
RelationExtractor::~RelationExtractor() = default;

RelationExtractor RelationExtractor::load() { return load(data_dir() / "resources" / "relation"); }

RelationExtractor RelationExtractor::load(const std::filesystem::path& dir) {
  auto lex = std::make_unique<Lexicon>();
  for (const std::string& line : data_lines(dir / "signals.txt")) {
    std::istringstream in(line);
    std::string words, kind, rel;
    double confidence = 0;
    if (!(in >> words >> kind >> rel >> confidence)) throw std::runtime_error("signals.txt: bad line: " + line);
    const auto type = parse_rel_type(rel);
    if (!type || (kind != "prep" && kind != "adv" && kind != "event"))
      throw std::runtime_error("signals.txt: bad relation or kind: " + line);
    Lexicon::Signal signal;
    std::replace(words.begin(), words.end(), '_', ' ');
    std::istringstream split(words);
    for (std::string w; split >> w;) signal.words.push_back(lower(w));
    signal.prep = kind != "adv";
    signal.mention_only = kind == "event";
    signal.type = *type;
    signal.confidence = confidence;
    lex->first_words.insert(signal.words.front());
    lex->signals.push_back(std::move(signal));
  }
  // Longest signals first, so "prior to" wins over a shorter match at the same token.
  std::stable_sort(lex->signals.begin(), lex->signals.end(),
                   [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
  for (const std::string& line : data_lines(dir / "lexicon.txt")) {
    std::istringstream in(line);
    std::string cls, lemma;
    if (!(in >> cls >> lemma)) continue;
    if (cls == "reporting") lex->reporting.insert(lemma);
    else if (cls == "intention") lex->intention.insert(lemma);
    else if (cls == "timeprep") lex->timeprep.insert(lemma);
    else if (cls == "light") lex->light.insert(lemma);
    else if (cls == "telling") lex->telling.insert(lemma);
    else if (cls == "occupying") lex->occupying.insert(lemma);
    else if (cls == "gathering") lex->gathering.insert(lemma);
    else if (cls == "verdict") lex->verdict.insert(lemma);
    else if (cls == "beginning") lex->beginning.insert(lemma);
    else if (cls == "ending") lex->ending.insert(lemma);
    else if (cls == "occurring") lex->occurring.insert(lemma);
    else if (cls == "visiting") lex->visiting.insert(lemma);
    else if (cls == "effect") lex->effect.insert(lemma);
    else if (cls == "judging") lex->judging.insert(lemma);
    else throw std::runtime_error("lexicon.txt: unknown class " + cls);
  }
  return RelationExtractor(std::move(lex));
}

TemporalLinks RelationExtractor::extract(const Document& doc, std::vector<EventInput> events) const {
  const Segmentation& seg = doc.get<Segmentation>();
  const Morphology& morph = doc.get<Morphology>();
  Builder b{doc, seg, morph, *lexicon_, events, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  const std::size_t token_count = seg.tokens.size();
  b.token_sentence.assign(token_count, -1);
  for (std::size_t s = 0; s < seg.sentences.size(); ++s)
    for (std::uint32_t t = 0; t < seg.sentences[s].token_count; ++t)
      if (seg.sentences[s].first_token + t < token_count) b.token_sentence[seg.sentences[s].first_token + t] = static_cast<int>(s);
  b.in_timex.assign(token_count, false);
  b.words.reserve(token_count);
  for (const Token& t : seg.tokens) b.words.push_back(lower(t.norm));

  // Head token of each event: the last token inside its span (tokens are sorted by offset).
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Span span = events[i].span;
    auto it = std::lower_bound(seg.tokens.begin(), seg.tokens.end(), span.end,
                               [](const Token& t, std::uint32_t end) { return t.span.begin < end; });
    if (it == seg.tokens.begin()) continue;
    --it;
    if (!it->span.overlaps(span) && !(span.empty() && it->span.contains(span))) continue;
    EventFacts f;
    f.input = i;
    f.token = static_cast<int>(it - seg.tokens.begin());
    f.sentence = b.token_sentence[static_cast<std::size_t>(f.token)];
    if (f.sentence < 0) continue;
    f.tense = events[i].tense;
    f.aspect = events[i].aspect;
    f.lemma = events[i].lemma.empty() ? lower(morph.tokens[static_cast<std::size_t>(f.token)].lemma) : lower(events[i].lemma);
    read_tense(seg, morph, f.token, b.sentence_first(f.sentence), f);
    f.cls = events[i].event_class;
    if (f.cls.empty())
      f.cls = lexicon_->reporting.count(f.lemma) ? "REPORTING" : lexicon_->intention.count(f.lemma) ? "I_ACTION" : "OCCURRENCE";
    b.facts.push_back(std::move(f));
  }
  std::stable_sort(b.facts.begin(), b.facts.end(), [](const auto& x, const auto& y) { return x.token < y.token; });
  b.event_at_token.assign(token_count, -1);
  for (std::size_t f = 0; f < b.facts.size(); ++f) b.event_at_token[static_cast<std::size_t>(b.facts[f].token)] = static_cast<int>(f);
  const int n_events = static_cast<int>(b.facts.size());
  b.dated_after_dct.assign(b.facts.size(), false);
  b.dated_back.assign(b.facts.size(), false);
  if (doc.has<Actors>()) {
    b.party_at_token.assign(token_count, -1);
    const auto& actors = doc.get<Actors>().actors;
    for (std::size_t a = 0; a < actors.size(); ++a) {
      if (actors[a].type != ActorType::PERSON && actors[a].type != ActorType::ORGANIZATION) continue;
      for (const ActorMention& m : actors[a].mentions)
        if (m.head_token < token_count) b.party_at_token[m.head_token] = static_cast<int>(a);
    }
  }

  // ---- nodes: DCT, dated timexes, events -----------------------------------
  TemporalGraph& graph = b.out.graph;
  const auto& dct = doc.info().creation_time;
  if (dct) {
    const std::chrono::sys_seconds day{dct->day};
    TimeBounds bounds{day, day + std::chrono::hours(24)};
    if (dct->time_of_day) bounds = {day + *dct->time_of_day, day + *dct->time_of_day + std::chrono::minutes(1)};
    graph.add_node({"t0", bounds});
  }
  struct TimexRef {
    std::string tid;
    Span span;
    int first_token = -1, last_token = -1;
    bool after_dct = false;  // begins after the DCT's day ("next year" said on a date before it)
    bool range_end = false;  // one end of "1955-2011", "March 3 - 5": a span, not when a clause's event is
    bool goes_back = false;  // ends before a time the text named earlier begins: the story steps back
    bool one_day = false;    // a day or part of one ("Monday", "October 17", "yesterday")
  };
  std::vector<TimexRef> timexes;
  std::vector<const Timex*> duration_ending_at(token_count, nullptr);  // "two days" of "two days after"
  std::optional<std::chrono::sys_seconds> latest_named;  // the latest start of a time named so far
  if (doc.has<TimeExpressions>()) {
    for (const Timex& x : doc.get<TimeExpressions>().timexes) {
      auto first = std::lower_bound(seg.tokens.begin(), seg.tokens.end(), x.span.begin,
                                    [](const Token& t, std::uint32_t pos) { return t.span.end <= pos; });
      int ft = -1, lt = -1;
      for (auto it = first; it != seg.tokens.end() && it->span.begin < x.span.end; ++it) {
        const int t = static_cast<int>(it - seg.tokens.begin());
        if (ft < 0) ft = t;
        lt = t;
        b.in_timex[static_cast<std::size_t>(t)] = true;
      }
      if (ft >= 0 && x.type == TimexType::duration) duration_ending_at[static_cast<std::size_t>(lt)] = &x;
      if (ft < 0 || (x.type != TimexType::date && x.type != TimexType::time)) continue;
      // Without a DCT "March 12" stays XXXX-03-12: no calendar bounds, but
      // still the time the event is on, and ordered by the links like one.
      if (x.interval) graph.add_node({x.tid, TimeBounds{x.interval->start, x.interval->end}});
      else graph.add_node({x.tid, std::nullopt});
      const bool after_dct = dct && x.interval && x.interval->start >= std::chrono::sys_seconds{dct->day} + std::chrono::hours(24);
      const bool goes_back = x.interval && latest_named && x.interval->end <= *latest_named;
      if (x.interval && (!latest_named || x.interval->start > *latest_named)) latest_named = x.interval->start;
      const bool one_day = x.interval && x.type == TimexType::date && x.interval->end - x.interval->start <= std::chrono::hours(24);
      timexes.push_back({x.tid, x.span, ft, lt, after_dct, false, goes_back, one_day});
    }
  }
  // Two dates joined by a dash, in one token or around a dash token, are the
  // ends of a stretch (a lifespan, a term of office): neither dates the
  // clause's event ("displays the text 'Steve Jobs 1955-2011'").
  for (std::size_t k = 0; k + 1 < timexes.size(); ++k) {
    TimexRef& x = timexes[k];
    TimexRef& y = timexes[k + 1];
    const bool one_token = x.last_token == y.first_token;
    const bool dashed = y.first_token == x.last_token + 2 &&
                        (b.word(x.last_token + 1) == "-" || b.word(x.last_token + 1) == "\u2013" ||
                         b.word(x.last_token + 1) == "\u2014" || b.word(x.last_token + 1) == "--");
    if (one_token || dashed) x.range_end = y.range_end = true;
  }
  for (const EventFacts& f : b.facts) graph.add_node({events[f.input].id, std::nullopt});

  // ---- 2. event-DCT --------------------------------------------------------
  // "Apple launches 3G iPhone" above a dated article: the headline's simple
  // present tells what has just happened, as a simple past would; a state
  // or an intention it tells stays present ("Apple plans another event").
  const auto headline_news = [&](const EventFacts& f) {
    return seg.headline && f.sentence == 0 && f.verb && !f.modal && f.tense == "PRESENT" && f.aspect == "NONE" &&
           (f.cls == "OCCURRENCE" || f.cls == "ASPECTUAL" || f.cls == "REPORTING");
  };
  if (dct)
    for (int e = 0; e < n_events; ++e) {
      const EventFacts& f = b.facts[static_cast<std::size_t>(e)];
      const std::string why = fmt::format("tense {} {} vs DCT", f.tense, f.aspect);
      if (f.tense == "FUTURE") b.link(b.id(e), "t0", RelType::after, 0.75, why);
      else if (is_past(f) && is_perfect(f)) b.link(b.id(e), "t0", RelType::before, 0.7, why);
      else if (f.tense == "PRESENT" && is_perfect(f)) b.link(b.id(e), "t0", RelType::starts_before, 0.6, why);
      else if (is_past(f) && f.verb) b.link(b.id(e), "t0", RelType::before, 0.2, why);
      else if (headline_news(f)) b.link(b.id(e), "t0", RelType::before, 0.2, "a headline's present tells past news");
      else if (f.tense == "PRESENT" && f.verb) b.link(b.id(e), "t0", RelType::includes, 0.4, why);
    }

  // ---- 3. event-time -------------------------------------------------------
  std::optional<SyntaxView> syntax;
  if (doc.has<Dependencies>()) syntax.emplace(doc);
  // The event a timex modifies in the parse: "Yesterday, at this year's
  // conference, Jobs unveiled ..." dates "unveiled", however far away.
  const auto parsed_anchor = [&](const TimexRef& x) {
    if (!syntax) return -1;
    const int h = syntax->phrase_head(x.first_token, x.last_token + 1);
    if (h < 0 || !(syntax->is(h, "obl") || syntax->is(h, "nmod") || syntax->is(h, "advmod"))) return -1;
    const int up = syntax->head(h);
    return up >= 0 ? b.event_at_token[static_cast<std::size_t>(up)] : -1;
  };
  // The verb event a timex modifies, also through the place or thing it is
  // said of ("traveled to Seoul on Wednesday", where the parse hangs the
  // date on Seoul); -1 when the first event up the tree is a noun, unless
  // the noun is the object of a verb event ("held talks with Macron and
  // Meloni on Monday", where the parse hangs the date on the second name,
  // a conjunct of the first: a name is no event to be dated).
  const auto parsed_verb_anchor = [&](const TimexRef& x) {
    if (!syntax) return -1;
    int h = syntax->phrase_head(x.first_token, x.last_token + 1);
    for (int steps = 0; steps < 5 && h >= 0; ++steps) {
      // "met Prime Minister Mark Carney in Brussels on Tuesday": a date the
      // parse hangs on the verb's object (a person, a place) is the verb's.
      const bool object = steps > 0 && (syntax->is(h, "obj") || syntax->is(h, "iobj"));
      const bool name_conjunct = steps > 0 && syntax->is(h, "conj") && syntax->upos(h) == Upos::PROPN;
      if (!(object || name_conjunct || syntax->is(h, "obl") || syntax->is(h, "nmod") || syntax->is(h, "advmod")))
        return -1;
      h = syntax->head(h);
      if (h < 0) return -1;
      const int e = b.event_at_token[static_cast<std::size_t>(h)];
      if (e < 0) continue;
      if (b.facts[static_cast<std::size_t>(e)].verb) return e;
      const int v = steps > 0 && syntax->is(h, "obj") ? syntax->head(h) : -1;
      const int ve = v >= 0 ? b.event_at_token[static_cast<std::size_t>(v)] : -1;
      return ve >= 0 && b.facts[static_cast<std::size_t>(ve)].verb ? ve : -1;
    }
    return -1;
  };
  std::vector<const TimexRef*> on_day(b.facts.size(), nullptr);  // the day a timex in its clause puts an event on
  std::vector<bool> timed(b.facts.size(), false);                 // any timex relates the event
  for (const TimexRef& x : timexes) {
    const int s = b.token_sentence[static_cast<std::size_t>(x.first_token)];
    if (s < 0 || x.range_end) continue;
    // "Friday's closing price": a time in the possessive determines the
    // noun after it; when that noun is no event and modifies another noun,
    // the time dates nothing ("will receive $48 per share, a 30% premium to
    // Friday's closing price" does not receive on Friday). An event noun
    // ("fell in yesterday's trading") or a verb's oblique ("reported in
    // Friday's editions") leaves it to the rules below.
    if (const int after = x.last_token + 1;
        syntax && after < b.sentence_end(s) && (b.word(after) == "'s" || b.word(after) == "'")) {
      bool event_noun = false;
      for (int t = after + 1; t < b.sentence_end(s) && t <= after + 4 && !event_noun; ++t) {
        const int e = b.event_at_token[static_cast<std::size_t>(t)];
        event_noun = e >= 0 && !b.facts[static_cast<std::size_t>(e)].verb;
      }
      const int owner = syntax->head(x.last_token);
      if (!event_noun && owner > x.last_token && syntax->is(owner, "nmod")) continue;
    }
    int best = -1, best_cost = 1 << 30;
    // Candidates within 12 tokens either side (cost <= 24), found from the timex's place in the event list.
    const auto near = std::lower_bound(b.facts.begin(), b.facts.end(), x.first_token - 12,
                                       [](const EventFacts& f, int tok) { return f.token < tok; });
    for (int e = static_cast<int>(near - b.facts.begin()); e < n_events && b.facts[static_cast<std::size_t>(e)].token <= x.last_token + 12; ++e) {
      const EventFacts& f = b.facts[static_cast<std::size_t>(e)];
      if (f.sentence != s) continue;
      // Verbs first; an event after the timex only when no clause boundary lies between ("on Thursday that the meeting ...").
      int cost = f.token < x.first_token ? 2 * (x.first_token - f.token) : 2 * (f.token - x.last_token) + 1;
      if (!f.verb) cost += 6;
      // A sentence-initial timex ("That afternoon, Marek toured ...") dates the clause after its comma.
      const bool initial = x.first_token <= b.sentence_first(s) + 1;
      if (f.token > x.last_token)
        for (int t = x.last_token + 1; t < f.token; ++t)
          if (b.word(t) == "that" || (b.word(t) == "," && !initial) || b.word(t) == "when" || b.word(t) == "who" ||
              b.word(t) == "which")
            cost = 1 << 30;
      if (cost < best_cost) best_cost = cost, best = e;
    }
    // "since last week, when drones struck a power station": a clause that
    // "when" attaches to a time is what happened then, whatever the timex's
    // own clause says of it ("grown since ..." is no date).
    if (int w = x.last_token + 1; w < b.sentence_end(s)) {
      if (b.word(w) == ",") ++w;
      if (w < b.sentence_end(s) && b.word(w) == "when") {
        int when_event = -1;
        for (int e = 0; e < n_events; ++e) {
          const EventFacts& f = b.facts[static_cast<std::size_t>(e)];
          if (f.sentence != s || f.token <= w || f.token > w + 8) continue;
          if (when_event < 0 || (f.verb && !b.facts[static_cast<std::size_t>(when_event)].verb)) when_event = e;
          if (f.verb) break;
        }
        if (when_event >= 0 && when_event != best)
          b.link(b.id(when_event), x.tid, RelType::is_included, 0.7, "timex, when ...");
      }
    }
    // The parse, when it hangs the timex on a verb event ("travel to Seoul on
    // Wednesday before returning ..."), knows better than the distance.
    // Not from far away, where a long sentence's parse is least sure ("asked
    // Nordvall to sell her country air-defense systems during talks with
    // Prime Minister Anders Holm in Brennick on Thursday").
    const int parsed = parsed_verb_anchor(x);
    if (parsed >= 0 && std::abs(b.facts[static_cast<std::size_t>(parsed)].token - x.first_token) <= 8)
      best = parsed, best_cost = 0;
    // With no candidate near, the parse is all there is, however far: "met
    // Wang Yi on the sidelines of a regional forum in Kuala Lumpur on Friday".
    if (best < 0 || best_cost > 24) best = parsed >= 0 ? parsed : parsed_anchor(x);
    // "The following year, as currencies across Asia collapsed, she raised
    // rates": a time opening the sentence dates the main clause after the
    // subordinate one its comma opens, and a clause of "as", "when" or
    // "while" too (it happened then); the parse, often wrong here, is not
    // asked.
    int clause_event = -1;
    const bool opens = x.first_token == b.sentence_first(s) ||
                       (x.first_token == b.sentence_first(s) + 1 &&
                        (b.word(x.first_token - 1) == "in" || b.word(x.first_token - 1) == "on"));  // "In 2003, after ..."
    if (const int c = x.last_token + 1; opens && c + 2 < b.sentence_end(s) && b.word(c) == ",") {
      static const std::unordered_set<std::string> kSubordinators = {"as",    "when",   "while", "after", "before", "because",
                                                                     "although", "though", "since", "until", "once",  "if"};
      const std::string& opener = b.word(c + 1);
      if (kSubordinators.contains(opener)) {
        int comma = -1;
        for (int t = c + 2; t < b.sentence_end(s) && t < c + 20 && comma < 0; ++t)
          if (b.word(t) == ",") comma = t;
        const auto first_verb = [&](int from, int to) {
          for (int t = from; t < to && t < b.sentence_end(s); ++t)
            if (const int e = b.event_at_token[static_cast<std::size_t>(t)]; e >= 0 && b.facts[static_cast<std::size_t>(e)].verb)
              return e;
          return -1;
        };
        if (const int main = comma >= 0 ? first_verb(comma + 1, comma + 9) : -1; main >= 0) {
          if (opener == "as" || opener == "when" || opener == "while") clause_event = first_verb(c + 2, comma);
          best = main;
        }
      }
    }
    if (best < 0) continue;
    // "met the chief executive of TAP on Friday to discuss the sale": the
    // purpose right after the date shares it (the discussing is the
    // meeting's), and the verb the parse hangs the date on, however far,
    // is dated too.
    int also = -1;
    if (const EventFacts& f = b.facts[static_cast<std::size_t>(best)];
        parsed >= 0 && parsed != best && f.verb && f.token == x.last_token + 2 && b.word(x.last_token + 1) == "to")
      also = parsed;
    // "sat down with Wang Yi for talks in Geneva on Thursday": the date the
    // parse hangs on the verb dates it too, when the nearer event is a noun
    // the verb governs (the talks the sitting down was for), also through
    // the phrases that noun ends (MATRES unchanged).
    if (const EventFacts& f = b.facts[static_cast<std::size_t>(best)];
        also < 0 && syntax && parsed >= 0 && parsed != best && !f.verb) {
      // ("met Albanese on the sidelines of the G20 summit on Tuesday": the
      // noun hangs on the verb through the phrase it ends)
      int h = syntax->head(f.token);
      for (int steps = 0; h >= 0 && steps < 3 && h != b.facts[static_cast<std::size_t>(parsed)].token &&
                          (syntax->is(h, "nmod") || syntax->is(h, "obl") || syntax->is(h, "obj"));
           ++steps)
        h = syntax->head(h);
      if (h == b.facts[static_cast<std::size_t>(parsed)].token) also = parsed;
    }
    // "Finland and Sweden applied to join the alliance in May 2022": a past
    // date on what a past verb intended dates that verb (the applying); the
    // joining, still to come then, is not placed by it (MATRES from raw text
    // +0.02, gold spans +0.02).
    if (const EventFacts& f = b.facts[static_cast<std::size_t>(best)];
        also < 0 && syntax && f.verb && f.tense == "INFINITIVE" && syntax->is(f.token, "xcomp") && !x.after_dct)
      if (const int h = syntax->head(f.token); h >= 0)
        if (const int v = b.event_at_token[static_cast<std::size_t>(h)];
            v >= 0 && b.facts[static_cast<std::size_t>(v)].verb && is_past(b.facts[static_cast<std::size_t>(v)]))
          best = v;
    if (also < 0 && clause_event != best) also = clause_event;
    const std::string prep = x.first_token > b.sentence_first(s) ? b.word(x.first_token - 1) : "";
    for (const int e : {best, also}) {
      if (e < 0) continue;
      // A simple past told before the DCT is not inside a time after it:
      // "discussed the anniversary of diplomatic ties next year" dates the
      // anniversary, not the discussing.
      const EventFacts& f = b.facts[static_cast<std::size_t>(e)];
      if (x.after_dct && is_past(f) && f.verb && !f.modal) continue;
      const std::string& ev = b.id(e);
      timed[static_cast<std::size_t>(e)] = true;
      if (prep == "before" || prep == "by") b.link(ev, x.tid, RelType::before, 0.7, fmt::format("timex after '{}'", prep));
      else if (prep == "after") b.link(ev, x.tid, RelType::after, 0.7, "timex after 'after'");
      else if (prep == "since" || prep == "until" || prep == "from" || prep == "through") break;
      else {
        b.link(ev, x.tid, RelType::is_included, 0.7, prep.empty() ? "timex in the clause" : fmt::format("timex after '{}'", prep));
        if (x.one_day) on_day[static_cast<std::size_t>(e)] = &x;
        if (x.goes_back) b.dated_back[static_cast<std::size_t>(e)] = true;
        if (x.after_dct) b.dated_after_dct[static_cast<std::size_t>(e)] = true;
      }
    }
  }

  // "arrived in Paris on Monday and held talks with Sejourne": a verb
  // conjunct with no subject, no time and no adverb of its own happened on
  // the day of the verb it is joined to, in the same tense, and so did a
  // clause of "as", "while" or "when" with no time or adverb of its own.
  // Only a day: "joined the company in 1998 and became chief executive"
  // need not be 1998.
  if (syntax)
    for (int e = 0; e < n_events; ++e) {
      const EventFacts& f = b.facts[static_cast<std::size_t>(e)];
      if (!f.verb || timed[static_cast<std::size_t>(e)]) continue;
      // (and a clause of "as", "while" or "when" under a dated verb: "signed
      // an agreement on Tuesday, as Kamikawa met Baerbock")
      bool meanwhile = false;
      if (syntax->is(f.token, "advcl"))
        for (const int d : syntax->dependents(f.token, "mark"))
          meanwhile = meanwhile || b.word(d) == "as" || b.word(d) == "while" || b.word(d) == "when";
      if (!meanwhile && !syntax->is(f.token, "conj")) continue;
      const int h = syntax->head(f.token);
      const int v = h >= 0 ? b.event_at_token[static_cast<std::size_t>(h)] : -1;
      if (v < 0 || on_day[static_cast<std::size_t>(v)] == nullptr) continue;
      const EventFacts& first = b.facts[static_cast<std::size_t>(v)];
      if (!first.verb || first.tense != f.tense || f.modal != first.modal) continue;
      bool own = false;
      for (const int d : syntax->dependents(f.token)) {
        const std::string_view rel = syntax->deprel(d);
        own = own || rel.starts_with("advmod") || rel == "obl:tmod" || rel == "obl:npmod" ||
              (!meanwhile && (rel.starts_with("nsubj") || rel == "mark" || rel.starts_with("aux")));
      }
      if (own) continue;
      b.link(b.id(e), on_day[static_cast<std::size_t>(v)]->tid, RelType::is_included, 0.5,
             "a conjunct shares its first verb's day");
    }

  // ---- 4. signals ----------------------------------------------------------
  int implicit_count = 0;
  std::vector<CountedSignal> counted;
  for (std::size_t s = 0; s < seg.sentences.size(); ++s) {
    const int first = b.sentence_first(static_cast<int>(s)), end = b.sentence_end(static_cast<int>(s));
    for (int t = first; t < end; ++t) {
      const Lexicon::Signal* hit = nullptr;
      if (!lexicon_->first_words.count(b.word(t))) continue;
      for (const auto& signal : lexicon_->signals) {
        if (t + static_cast<int>(signal.words.size()) > end) continue;
        bool match = true;
        for (std::size_t k = 0; k < signal.words.size() && match; ++k)
          match = b.word(t + static_cast<int>(k)) == signal.words[k];
        if (match) {
          hit = &signal;
          break;
        }
      }
      if (hit == nullptr) continue;
      // "since last week, when drones struck": a "when" clause on a date is
      // what happened then (rule 3), not something at the time of the verb.
      if (b.word(t) == "when") {
        int k = t - 1;
        if (k > first && b.word(k) == ",") --k;
        if (k >= first && b.in_timex[static_cast<std::size_t>(k)]) continue;
      }
      const int after = t + static_cast<int>(hit->words.size());
      const Span signal_span{seg.tokens[static_cast<std::size_t>(t)].span.begin,
                             seg.tokens[static_cast<std::size_t>(after - 1)].span.end};
      const std::string why = fmt::format("signal '{}'", doc.text(signal_span));
      auto nearest_before = [&](int token) {
        // Events are in text order: the last one before `token`, if it is in this sentence.
        const auto it = std::lower_bound(b.facts.begin(), b.facts.end(), token,
                                         [](const EventFacts& f, int tok) { return f.token < tok; });
        if (it == b.facts.begin()) return -1;
        const int e = static_cast<int>(it - b.facts.begin()) - 1;
        return b.facts[static_cast<std::size_t>(e)].sentence == static_cast<int>(s) ? e : -1;
      };
      if (!hit->prep) {
        // "then"/"later": this clause's event against the one told before it.
        int self = -1;
        for (int k = after; k < std::min(end, after + 5); ++k)
          if (b.event_at_token[static_cast<std::size_t>(k)] >= 0 && b.facts[static_cast<std::size_t>(b.event_at_token[static_cast<std::size_t>(k)])].verb) {
            self = b.event_at_token[static_cast<std::size_t>(k)];
            break;
          }
        if (self < 0) self = nearest_before(t);
        if (self <= 0) continue;
        int previous = self - 1;
        while (previous >= 0 && !b.facts[static_cast<std::size_t>(previous)].verb) --previous;
        if (previous < 0 || b.facts[static_cast<std::size_t>(self)].sentence - b.facts[static_cast<std::size_t>(previous)].sentence > 1) continue;
        b.link(b.id(self), b.id(previous), hit->type, hit->confidence, why, signal_span);
        continue;
      }
      // The governed event: a mention right after the signal, or the noun phrase's head.
      int governed = -1, phrase_end = after;
      std::optional<std::string> implicit_id;
      for (int k = after; k < std::min(end, after + 6); ++k) {
        const std::string_view xpos = morph.tokens[static_cast<std::size_t>(k)].xpos;
        // A time is what the signal governs ("after Friday"), unless it
        // modifies the noun after it ("after the hour-long meeting", "after
        // Friday's talks").
        if (b.in_timex[static_cast<std::size_t>(k)]) {
          int next = k + 1;
          while (next < end && b.in_timex[static_cast<std::size_t>(next)]) ++next;
          if (next < end && morph.tokens[static_cast<std::size_t>(next)].xpos == "POS") ++next;
          if (next < end && (morph.tokens[static_cast<std::size_t>(next)].xpos == "NN" ||
                             morph.tokens[static_cast<std::size_t>(next)].xpos == "NNS")) {
            k = next - 1;
            continue;
          }
          break;
        }
        // A participle between a determiner and a noun modifies the noun:
        // "during the closed discussions" governs the discussions.
        const auto tag_at = [&](int i) -> std::string_view { return morph.tokens[static_cast<std::size_t>(i)].xpos; };
        const bool modifier = k > after && k + 1 < end && (tag_at(k - 1) == "DT" || tag_at(k - 1) == "PRP$") &&
                              (xpos == "VBN" || xpos == "VBG" || xpos == "JJ") &&
                              (tag_at(k + 1) == "NN" || tag_at(k + 1) == "NNS");
        if (modifier) continue;
        if (b.event_at_token[static_cast<std::size_t>(k)] >= 0) {
          governed = b.event_at_token[static_cast<std::size_t>(k)];
          phrase_end = k + 1;
          break;
        }
        if (xpos == "," || xpos == "." || xpos == ":" || xpos == "CC" || xpos == "IN" ||
            (xpos.starts_with("VB") && k > after)) break;
        if ((xpos == "NN" || xpos == "NNS") && hit->mention_only) break;
        if (xpos == "NN" || xpos == "NNS") {
          // The head is the last noun of the run: "the peace summit".
          int head = k;
          while (head + 1 < end && (morph.tokens[static_cast<std::size_t>(head + 1)].xpos == "NN" ||
                                    morph.tokens[static_cast<std::size_t>(head + 1)].xpos == "NNS"))
            ++head;
          if (b.event_at_token[static_cast<std::size_t>(head)] >= 0) {
            governed = b.event_at_token[static_cast<std::size_t>(head)];
          } else {
            const std::string lemma = lower(morph.tokens[static_cast<std::size_t>(head)].lemma);
            // An earlier mention with the same head, else a new implicit event.
            for (int e = n_events - 1; e >= 0; --e)
              if (b.facts[static_cast<std::size_t>(e)].token < t && same_head(b.facts[static_cast<std::size_t>(e)].lemma, lemma) &&
                  b.parties_agree(syntax, b.facts[static_cast<std::size_t>(e)].token, head)) {
                governed = e;
                break;
              }
            // The subject of a clause the signal opens: "a week after the two
            // companies' chief executives met" governs "met", not the companies.
            for (int v = head + 1; governed < 0 && v < std::min(end, head + 7); ++v) {
              const std::string_view tag = morph.tokens[static_cast<std::size_t>(v)].xpos;
              if ((tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "VBN") && b.event_at_token[static_cast<std::size_t>(v)] >= 0)
                governed = b.event_at_token[static_cast<std::size_t>(v)];
              else if (!(tag == "POS" || tag == "JJ" || tag.starts_with("NN") || tag == "CD" || tag == "DT"))
                break;
            }
            if (governed < 0) {
              const Span phrase{seg.tokens[static_cast<std::size_t>(after)].span.begin, seg.tokens[static_cast<std::size_t>(head)].span.end};
              implicit_id = fmt::format("x{}", ++implicit_count);
              b.out.implicit_events.push_back({*implicit_id, phrase, lemma});
            }
          }
          phrase_end = head + 1;
          break;
        }
      }
      if (governed < 0 && !implicit_id) continue;
      // The subject of the clause the signal opens stands for the clause:
      // "two weeks after negotiations broke down" counts from the breaking
      // down, not from the negotiations.
      if (syntax && governed >= 0 && !b.facts[static_cast<std::size_t>(governed)].verb) {
        const int noun = b.facts[static_cast<std::size_t>(governed)].token;
        const int v = syntax->head(noun);
        if (v > noun && v < end && syntax->head(t) == v && syntax->is(noun, "nsubj"))
          if (const int e = b.event_at_token[static_cast<std::size_t>(v)];
              e >= 0 && b.facts[static_cast<std::size_t>(e)].verb)
            governed = e;
      }
      // A governed mention that repeats an earlier mention's head is that
      // event again; a definite gathering noun ("after the meeting") is the
      // last gathering told in the four sentences before ("held talks").
      if (governed >= 0 && !b.facts[static_cast<std::size_t>(governed)].verb) {
        const EventFacts& g = b.facts[static_cast<std::size_t>(governed)];
        bool found = false;
        for (int e = governed - 1; e >= 0 && !found; --e)
          if (same_head(b.facts[static_cast<std::size_t>(e)].lemma, g.lemma) &&
              b.parties_agree(syntax, b.facts[static_cast<std::size_t>(e)].token, g.token)) {
            b.link(b.id(governed), b.id(e), RelType::identity, 0.6, "same head as an earlier mention");
            found = true;
          }
        const StoryKind kind = story_kind(*lexicon_, g.lemma);
        const bool definite_kind = kind != StoryKind::none &&
                                   (b.word(after) == "the" || b.word(after) == "this" || b.word(after) == "that");
        for (int e = governed - 1; e >= 0 && !found && definite_kind; --e) {
          const EventFacts& earlier = b.facts[static_cast<std::size_t>(e)];
          if (earlier.sentence + look_back(kind) < g.sentence) break;
          if (story_kind(*lexicon_, earlier.lemma) == kind) {
            b.link(b.id(governed), b.id(e), RelType::identity, 0.45, last_told_evidence(kind));
            found = true;
          }
        }
      }
      // The main event: the nearest one before the signal, else the first
      // after the phrase (after a comma when there is one). A signal right
      // after "that" opens the reported clause as one opening a sentence
      // does: "reported that during the talks, Trump responded".
      const bool opens_clause = t > first && b.word(t - 1) == "that";
      int main_event = opens_clause ? -1 : nearest_before(t);
      if (main_event >= 0 && main_event == governed) main_event = -1;
      // The parse knows what the signal's phrase modifies when a measure
      // stands between: "had agreed to buy Zenith, a week after ... met"
      // puts the agreeing, not the buying, after the meeting.
      if (syntax && main_event >= 0 && !opens_clause) {
        int h = syntax->head(t);
        for (int steps = 0; h >= 0 && steps < 4; ++steps) {
          const int e = b.event_at_token[static_cast<std::size_t>(h)];
          if (e >= 0 && e != governed) {
            if (b.facts[static_cast<std::size_t>(e)].verb) main_event = e;
            break;
          }
          if (!syntax->is(h, "nmod") && !syntax->is(h, "obl:unmarked") && !syntax->is(h, "obl:npmod")) break;
          h = syntax->head(h);
        }
        // "boycotted the meeting after Trump said ...": the clause the
        // signal opens modifies the verb it hangs on, not the object noun
        // nearest the signal.
        if (const EventFacts& nearest = b.facts[static_cast<std::size_t>(main_event)];
            !nearest.verb && governed >= 0 && syntax->head(t) == b.facts[static_cast<std::size_t>(governed)].token &&
            syntax->is(b.facts[static_cast<std::size_t>(governed)].token, "advcl")) {
          const int v = syntax->head(b.facts[static_cast<std::size_t>(governed)].token);
          if (const int e = v >= 0 ? b.event_at_token[static_cast<std::size_t>(v)] : -1;
              e >= 0 && e != governed && b.facts[static_cast<std::size_t>(e)].verb)
            main_event = e;
        }
      }
      // "Prosecutors said Bankman-Fried stole $8 billion before the exchange
      // filed for bankruptcy": a clause the parse hangs inside what a saying
      // reports orders the reported act, not the saying, even when that act
      // was not found as an event (here "stole" was read as a noun). Such a
      // signal orders nothing.
      if (syntax && main_event >= 0 && governed >= 0 && !opens_clause &&
          b.facts[static_cast<std::size_t>(main_event)].cls == "REPORTING" &&
          syntax->head(t) == b.facts[static_cast<std::size_t>(governed)].token &&
          syntax->is(b.facts[static_cast<std::size_t>(governed)].token, "advcl")) {
        const int saying = b.facts[static_cast<std::size_t>(main_event)].token;
        int h = syntax->head(b.facts[static_cast<std::size_t>(governed)].token);
        bool reported = false;
        for (int steps = 0; h >= 0 && h != saying && steps < 6; ++steps) {
          const int up = syntax->head(h);
          if (up == saying) reported = syntax->is(h, "ccomp") || syntax->is(h, "obj") || syntax->is(h, "parataxis");
          h = up;
        }
        if (reported) continue;
      }
      // ", a week after the two leaders spoke": a measure set off by a comma
      // counts from the clause before the comma, whose finite verb is the
      // event ("met Merz on Wednesday to prepare a summit, a week after
      // ..."), not the noun or infinitive nearest to the comma.
      const Timex* measure = t > first ? duration_ending_at[static_cast<std::size_t>(t - 1)] : nullptr;
      if (measure != nullptr && main_event >= 0 && !opens_clause) {
        const auto measure_first = std::lower_bound(seg.tokens.begin(), seg.tokens.end(), measure->span.begin,
                                                    [](const Token& tok, std::uint32_t pos) { return tok.span.end <= pos; });
        int comma = static_cast<int>(measure_first - seg.tokens.begin()) - 1;
        if (comma > first && b.word(comma) == "," && !is_finite_verb(b.facts[static_cast<std::size_t>(main_event)])) {
          for (int e = nearest_before(comma); e >= 0 && b.facts[static_cast<std::size_t>(e)].sentence == static_cast<int>(s); --e) {
            const EventFacts& f = b.facts[static_cast<std::size_t>(e)];
            if (is_finite_verb(f) && e != governed) {
              main_event = e;
              break;
            }
          }
        }
      }
      // "asked Nordvall to sell ... during talks": what is still to be done
      // takes place at no told time; the asking, which the infinitive
      // completes, took place during the talks.
      if (syntax && main_event >= 0 && hit->type == RelType::is_included &&
          b.facts[static_cast<std::size_t>(main_event)].tense == "INFINITIVE") {
        const int v = b.facts[static_cast<std::size_t>(main_event)].token;
        const int h = syntax->is(v, "xcomp") || syntax->is(v, "ccomp") ? syntax->head(v) : -1;
        if (const int e = h >= 0 ? b.event_at_token[static_cast<std::size_t>(h)] : -1;
            e >= 0 && e != governed && b.facts[static_cast<std::size_t>(e)].verb)
          main_event = e;
      }
      if (main_event < 0) {
        int from = phrase_end;
        for (int k = phrase_end; k < end; ++k)
          if (morph.tokens[static_cast<std::size_t>(k)].xpos == ",") {
            from = k;
            break;
          }
        for (int k = from; k < end && main_event < 0; ++k)
          if (b.event_at_token[static_cast<std::size_t>(k)] >= 0 && b.event_at_token[static_cast<std::size_t>(k)] != governed)
            main_event = b.event_at_token[static_cast<std::size_t>(k)];
      }
      if (main_event < 0) continue;
      // 4f: "two days after": a count of calendar units right before the signal.
      if (measure != nullptr && measure->mod.empty() && governed >= 0 &&
          (hit->type == RelType::after || hit->type == RelType::before))
        if (const auto count = calendar_count(measure->value)) {
          const bool after_it = hit->type == RelType::after;
          counted.push_back({after_it ? main_event : governed, after_it ? governed : main_event, *count,
                             Span{measure->span.begin, signal_span.end}});
        }
      if (implicit_id) {
        graph.add_node({*implicit_id, std::nullopt});
        b.link(b.id(main_event), *implicit_id, hit->type, hit->confidence, why, signal_span);
      } else {
        b.link(b.id(main_event), b.id(governed), hit->type, hit->confidence, why, signal_span);
      }
    }
  }

  // ---- light verbs: "held a meeting", "gave an interview" are one event ------
  for (int e = 0; e + 1 < n_events; ++e) {
    const EventFacts& f = b.facts[static_cast<std::size_t>(e)];
    if (!f.verb || !lexicon_->light.count(f.lemma)) continue;
    for (int x = e + 1; x < n_events; ++x) {
      const EventFacts& g = b.facts[static_cast<std::size_t>(x)];
      if (g.sentence != f.sentence || g.token - f.token > 4) break;
      if (g.verb) break;
      b.link(b.id(e), b.id(x), RelType::simultaneous, 0.65, kLightVerbEvidence);
      break;
    }
  }

  // ---- 4c. the same gathering: "the closed discussions at the White House" --
  // A definite gathering noun at the place of an earlier gathering names it
  // again, whatever the word: "held a closed-door meeting at the White House
  // on October 17 ... during the closed discussions at the White House".
  const Actors* actors = doc.has<Actors>() ? &doc.get<Actors>() : nullptr;
  auto place_of = [&](int token) -> const Actor* {
    if (!syntax || actors == nullptr) return nullptr;
    // the noun's own "at X", or that of the light verb it is the object of ("held a meeting at X")
    int holders[2] = {token, syntax->is(token, "obj") ? syntax->head(token) : -1};
    for (const int holder : holders) {
      if (holder < 0) continue;
      for (const int c : syntax->dependents(holder)) {
        if (!syntax->is(c, "nmod") && !syntax->is(c, "obl")) continue;
        const std::string prep = syntax->preposition(c);
        if (prep != "at" && prep != "in") continue;
        const Actor* place = actors->at_token(static_cast<std::uint32_t>(c));
        if (place != nullptr && (place->type == ActorType::FACILITY || place->type == ActorType::GPE ||
                                 place->type == ActorType::LOCATION))
          return place;
      }
    }
    return nullptr;
  };
  auto definite = [&](int token) {
    for (const int d : syntax->dependents(token, "det"))
      if (lower(b.word(d)) == "the") return true;
    return false;
  };
  std::unordered_map<const Actor*, int> last_gathering_at;  // place -> the latest gathering there, in text order
  for (int x = 0; syntax && x < n_events; ++x) {
    const EventFacts& g = b.facts[static_cast<std::size_t>(x)];
    if (g.verb || !lexicon_->gathering.count(g.lemma)) continue;
    const Actor* place = place_of(g.token);
    if (place == nullptr) continue;
    const auto [earlier, first_there] = last_gathering_at.try_emplace(place, x);
    if (first_there) continue;
    if (definite(g.token)) b.link(b.id(x), b.id(earlier->second), RelType::identity, 0.5, "the same gathering at the same place");
    earlier->second = x;
  }

  // ---- 4d. phases: "a press conference that began at 3:30 p.m." ------------
  // A verb of beginning or ending (lexicon classes beginning, ending) whose
  // subject or object is an event noun marks that event's start or end: "the
  // talks ended on Friday", "police opened an investigation".
  if (syntax) {
    std::unordered_map<int, int> event_at;  // head token -> event
    for (int x = 0; x < n_events; ++x) event_at.emplace(b.facts[static_cast<std::size_t>(x)].token, x);
    for (int e = 0; e < n_events; ++e) {
      const EventFacts& f = b.facts[static_cast<std::size_t>(e)];
      const bool begins = lexicon_->beginning.count(f.lemma) != 0, ends = lexicon_->ending.count(f.lemma) != 0;
      // Not a phase still to come ("urging them to begin talks"): what
      // dates it is weaker than what dates a told one.
      if (!f.verb || (!begins && !ends) || is_future_like(f)) continue;
      int phase_of = syntax->object(f.token);  // relative pronouns resolved: "a conference that began"
      if (phase_of < 0) phase_of = syntax->subject(f.token);
      const auto it = phase_of >= 0 ? event_at.find(phase_of) : event_at.end();
      if (it == event_at.end() || it->second == e || b.facts[static_cast<std::size_t>(it->second)].verb) continue;
      b.link(b.id(e), b.id(it->second), begins ? RelType::begins : RelType::ends, 0.6,
             begins ? "the beginning of the event it names" : "the end of the event it names");
    }
  }

  // ---- 4e. occurrences: "The meeting came a day after ..." ----------------
  if (syntax) {
    for (int e = 0; e < n_events; ++e) {
      const EventFacts& f = b.facts[static_cast<std::size_t>(e)];
      if (!f.verb) continue;
      const int object = syntax->object(f.token);
      const bool takes_place = f.lemma == "take" && object >= 0 && lower(b.word(object)) == "place";
      const bool effect = lexicon_->effect.count(f.lemma) != 0;
      if (!lexicon_->occurring.count(f.lemma) && !takes_place && !effect) continue;
      const int subject = syntax->subject(f.token);
      const int x = subject >= 0 ? b.event_at_token[static_cast<std::size_t>(subject)] : -1;
      if (x < 0 || x == e || b.facts[static_cast<std::size_t>(x)].verb) continue;
      const EventFacts& g = b.facts[static_cast<std::size_t>(x)];
      if (effect) {  // "a missile strike killed 12 people": what the strike did, when it struck
        b.link(b.id(e), b.id(x), RelType::simultaneous, 0.5, "what the event did");
        continue;
      }
      b.link(b.id(e), b.id(x), RelType::simultaneous, 0.6, kOccurrenceEvidence);
      // "The meeting" opening the sentence after "met": the same meeting;
      // "The talks" a few sentences after "met": the last gathering told.
      if (!definite(subject) || subject > b.sentence_first(g.sentence) + 1) continue;
      const StoryKind kind = story_kind(*lexicon_, g.lemma);
      for (int k = x - 1; k >= 0 && b.facts[static_cast<std::size_t>(k)].sentence + kSameNounLookBack >= g.sentence; --k) {
        const EventFacts& earlier = b.facts[static_cast<std::size_t>(k)];
        if (earlier.sentence == g.sentence) continue;
        const bool near = earlier.sentence + look_back(kind) >= g.sentence;
        if (earlier.sentence + 1 == g.sentence && earlier.verb && same_head(earlier.lemma, g.lemma)) {
          b.link(b.id(x), b.id(k), RelType::identity, 0.5, "the event the previous sentence told");
          break;
        }
        if (near && kind != StoryKind::none && story_kind(*lexicon_, earlier.lemma) == kind) {
          b.link(b.id(x), b.id(k), RelType::identity, 0.45, last_told_evidence(kind));
          break;
        }
        // "A missile strike on Kyiv killed 12 ... The strike came three days
        // after ...": the last event named by the same noun
        if (!earlier.verb && earlier.lemma == g.lemma) {
          b.link(b.id(x), b.id(k), RelType::identity, 0.45, "the same noun again");
          break;
        }
      }
    }
  }

  // ---- 4g. "where" clauses: "visited Warsaw on Monday, where he met Tusk" ---
  // A clause that "where" opens after the place of a visit (lexicon class
  // visiting) tells what happened there, during the visit (the parse hangs
  // the clause on the place, as a relative clause, or on its verb). Not
  // after other verbs: "was held at Andrews Air Force Base, where the
  // victims were brought back", "has come to a boil in Newark, where
  // prosecutors have warned" tell of other times.
  if (syntax) {
    for (int e = 0; e < n_events; ++e) {
      const EventFacts& f = b.facts[static_cast<std::size_t>(e)];
      if (!f.verb) continue;
      bool where = false;
      for (const int d : syntax->dependents(f.token, "advmod"))
        where = where || (d < f.token && b.word(d) == "where" && d > 0 && b.word(d - 1) == ",");
      if (!where) continue;
      int h = syntax->head(f.token);
      if (h >= 0 && b.event_at_token[static_cast<std::size_t>(h)] < 0 && syntax->is(f.token, "acl:relcl")) h = syntax->head(h);
      const int v = h >= 0 ? b.event_at_token[static_cast<std::size_t>(h)] : -1;
      if (v < 0 || v == e || !b.facts[static_cast<std::size_t>(v)].verb || is_future_like(b.facts[static_cast<std::size_t>(v)]) ||
          !lexicon_->visiting.count(b.facts[static_cast<std::size_t>(v)].lemma) || f.aspect != "NONE")
        continue;
      b.link(b.id(e), b.id(v), RelType::is_included, 0.5, "a 'where' clause: what happened at the place");
    }
  }

  // ---- 5-8. reported speech, intentions, tense pairs, narrative -------------
  // Every pair of verb events in the same or adjacent sentences (at most
  // kPairWindow events ahead) gets one start-point link from the first rule
  // that applies; the closure sorts out the rest.
  constexpr int kPairWindow = 12;
  auto embeds = [&](const EventFacts& f, const EventFacts& g) {
    for (int t = f.token + 1; t < g.token; ++t) {
      const std::string w = b.word(t);
      if (w == "that" || w == "who" || w == "which" || w == "whom") return true;
    }
    return false;
  };
  auto telling = [&](const EventFacts& f) {
    return f.verb && f.tense == "PAST" && f.aspect == "NONE" &&
           (lexicon_->telling.count(f.lemma) || lexicon_->reporting.count(f.lemma));
  };
  // 5c: g, the first verb event of the sentence after f's, elaborates f.
  auto elaborates = [&](int e, int x) {
    const EventFacts &f = b.facts[static_cast<std::size_t>(e)], &g = b.facts[static_cast<std::size_t>(x)];
    if (!syntax || actors == nullptr || g.sentence != f.sentence + 1 || !telling(f) || !telling(g)) return false;
    for (int k = x - 1; k >= 0 && b.facts[static_cast<std::size_t>(k)].sentence == g.sentence; --k)
      if (b.facts[static_cast<std::size_t>(k)].verb) return false;
    const int fs = syntax->subject(f.token), gs = syntax->subject(g.token);
    if (fs < 0 || gs < 0 || syntax->upos(gs) != Upos::PRON) return false;
    const Actor* speaker = actors->at_token(static_cast<std::uint32_t>(fs));
    return speaker != nullptr && speaker == actors->at_token(static_cast<std::uint32_t>(gs));
  };
  // 5d: g is a present participle adjunct of a telling f ("wrote on social
  // media, urging the council"): one act. Not of other verbs, whose
  // participles often tell a consequence ("attacked, killing five"): on
  // MATRES, "the same act" for those costs 0.5 F1.
  auto participle_of = [&](const EventFacts& f, const EventFacts& g) {
    const bool tells = f.cls == "REPORTING" || lexicon_->telling.count(f.lemma) || lexicon_->reporting.count(f.lemma);
    return syntax && tells && g.sentence == f.sentence && morph.tokens[static_cast<std::size_t>(g.token)].xpos == "VBG" &&
           syntax->head(g.token) == f.token && syntax->is(g.token, "advcl") && syntax->dependents(g.token, "mark").empty();
  };
  // 5e: g is the present participle that fills the time f spends.
  auto fills_time_of = [&](const EventFacts& f, const EventFacts& g) {
    return syntax && g.sentence == f.sentence && lexicon_->occupying.count(f.lemma) &&
           morph.tokens[static_cast<std::size_t>(g.token)].xpos == "VBG" && syntax->head(g.token) == f.token;
  };
  // A gerund a signal governs ("since taking office", "after leaving") is
  // placed by its signal; told in passing, it is out of narrative order
  // (which had put "taking office" between an arrival and a meeting).
  auto signal_gerund = [&](const EventFacts& f) {
    if (!syntax) return false;
    const std::string& xpos = morph.tokens[static_cast<std::size_t>(f.token)].xpos;
    const bool gerund = xpos == "VBG";
    for (const int d : syntax->dependents(f.token)) {
      if (!(syntax->is(d, "mark") || syntax->is(d, "case")) || !lexicon_->first_words.count(b.word(d))) continue;
      // (a finite clause too when a measure counts from it: "came three
      // days after Russia launched a similar attack" steps back in time)
      if (gerund) return true;
      const int measured = d - 1;
      if (measured >= 0 && b.in_timex[static_cast<std::size_t>(measured)]) return true;
    }
    return false;
  };
  // 5f: g is the act a verb of judging f is for: a gerund opened by "of",
  // "for" or "with" that hangs on f, or on its object ("convicted former
  // mayor Eric Kellogg of taking bribes", where the parse hangs the gerund
  // on the name).
  auto judged_for = [&](const EventFacts& f, const EventFacts& g) {
    if (!syntax || !lexicon_->judging.count(f.lemma) || g.sentence != f.sentence ||
        morph.tokens[static_cast<std::size_t>(g.token)].xpos != "VBG")
      return false;
    const auto opener = [&](int d) { return b.word(d) == "of" || b.word(d) == "for" || b.word(d) == "with"; };
    bool opened = false;
    for (const int d : syntax->dependents(g.token, "mark")) opened = opened || opener(d);
    int h = syntax->head(g.token);
    // ("charged an aide with destroying records", the gerund parsed as a
    // modifier of its object's noun, which takes the preposition)
    if (!opened && h > g.token && syntax->is(g.token, "amod") && g.token > 0 && opener(g.token - 1) &&
        syntax->head(g.token - 1) == h) {
      opened = true;
      h = syntax->head(h);
    }
    if (!opened) return false;
    for (int steps = 0; h >= 0 && h != f.token && steps < 3; ++steps) {
      if (!(syntax->is(h, "obj") || syntax->is(h, "nsubj:pass") || syntax->is(h, "appos") || syntax->is(h, "flat") ||
            syntax->is(h, "obl") || syntax->is(h, "nmod")))
        return false;
      h = syntax->head(h);
    }
    return h == f.token;
  };
  // An infinitive of purpose or intent under a verb with a future modal is
  // ahead as that verb is ("would meet to approve the agreement"); other
  // infinitives are no future here (on MATRES, reading every infinitive
  // after a saying as announced costs 1 F1), except the purpose clause of
  // the saying itself.
  auto future_purpose = [&](const EventFacts& g) {
    if (!syntax || g.tense != "INFINITIVE") return false;
    const int h = syntax->head(g.token);
    if (h < 0) return false;
    // the purpose of a saying or call: "called Milei on Monday to
    // congratulate him" (MATRES has no such pair: unchanged)
    if (const int e = b.event_at_token[static_cast<std::size_t>(h)];
        syntax->is(g.token, "advcl") && e >= 0 && b.facts[static_cast<std::size_t>(e)].cls == "REPORTING")
      return true;
    for (const int d : syntax->dependents(h, "aux")) {
      const std::string& lemma = morph.tokens[static_cast<std::size_t>(d)].lemma;
      if (lemma == "will" || lemma == "would" || lemma == "shall") return true;
    }
    return false;
  };
  // A saying told as a participle of another act ("sued Google, saying the
  // company had abused ...") happens with that act: the next sentence's
  // events ("Google denied the claims") are no report of it, and the rule
  // for sayings does not order them (in its own sentence it still holds:
  // MATRES from raw text 65.47 when it stopped at the saying's clause,
  // 65.52 before, 65.55 now).
  auto participle_saying_apart = [&](const EventFacts& saying, const EventFacts& other) {
    if (!syntax || morph.tokens[static_cast<std::size_t>(saying.token)].xpos != "VBG" ||
        !syntax->is(saying.token, "advcl"))
      return false;
    return other.sentence > saying.sentence;
  };
  // A present tense in a relative clause describes what is so ("the tools
  // that publishers use"), not something that came after the story's past.
  auto generic_present = [&](const EventFacts& f) {
    return syntax && f.tense == "PRESENT" && f.aspect == "NONE" && syntax->is(f.token, "acl:relcl");
  };
  for (int e = 0; e < n_events; ++e) {
    const EventFacts& f = b.facts[static_cast<std::size_t>(e)];
    if (!f.verb) continue;
    for (int x = e + 1; x < std::min(n_events, e + 1 + kPairWindow); ++x) {
      const EventFacts& g = b.facts[static_cast<std::size_t>(x)];
      if (g.sentence - f.sentence > 1) break;
      if (!g.verb) continue;
      const bool fr = f.cls == "REPORTING" && !participle_saying_apart(f, g);
      const bool gr = g.cls == "REPORTING" && !participle_saying_apart(g, f);
      const std::string &a = b.id(e), &c = b.id(x);
      if (judged_for(f, g)) {
        b.link(c, a, RelType::before, 0.6, "what a verb of judging is for");
      } else if (elaborates(e, x)) {
        b.link(a, c, RelType::simultaneous, 0.35, "elaboration: the same speaker goes on telling");
      } else if (participle_of(f, g)) {
        b.link(a, c, RelType::simultaneous, 0.5, "participle clause: the same act");
      } else if (fills_time_of(f, g)) {
        b.link(a, c, RelType::simultaneous, 0.6, "the time spent doing it");
      } else if (fr && !gr) {
        // "X said ... Y happened": the saying follows what it reports, precedes what it announces.
        if (is_announced(g) || future_purpose(g) || b.dated_after_dct[static_cast<std::size_t>(x)])
          b.link(a, c, RelType::starts_before, 0.5, "reported speech: reported as future");
        else b.link(a, c, RelType::starts_after, 0.5, "reported speech: the saying follows what it reports");
      } else if (gr && !fr) {
        if (is_announced(f) || future_purpose(f) || b.dated_after_dct[static_cast<std::size_t>(e)])
          b.link(a, c, RelType::starts_after, 0.5, "reported speech: reported as future");
        else b.link(a, c, RelType::starts_before, 0.5, "reported speech: the saying follows what it reports");
      } else if (fr && gr) {
        b.link(a, c, RelType::starts_before, 0.3, "narrative order of sayings");
      } else if ((f.cls == "I_ACTION" || f.cls == "I_STATE" || lexicon_->intention.count(f.lemma)) && x == e + 1 &&
                 g.sentence == f.sentence && g.token - f.token <= 4 && (g.tense == "INFINITIVE" || g.tense == "PRESPART")) {
        b.link(a, c, RelType::starts_before, 0.6, "intention and its object");
      } else if (is_past(g) && is_perfect(g) && !is_perfect(f)) {
        b.link(a, c, RelType::starts_after, 0.45, "simple past after past perfect");
      } else if (is_past(f) && is_perfect(f) && !is_perfect(g)) {
        b.link(a, c, RelType::starts_before, 0.45, "past perfect before simple past");
      } else if (g.sentence == f.sentence && !is_future_like(g) && !generic_present(g) && embeds(f, g)) {
        // "the official who resigned", "the report that the army withdrew": the embedded event is told as background.
        b.link(a, c, RelType::starts_after, 0.3, "embedded clause");
      } else if (is_future_like(f) && (is_past(g) || is_perfect(g))) {
        b.link(a, c, RelType::starts_after, 0.35, "the future after the past");
      } else if (((f.tense == "PRESENT" && f.aspect == "NONE" && !generic_present(f)) || f.tense == "INFINITIVE") &&
                 is_past(g)) {
        b.link(a, c, RelType::starts_after, 0.35, "present or intended after the past");
      } else if (!signal_gerund(f) && !signal_gerund(g) &&
                 !(b.dated_back[static_cast<std::size_t>(x)] && !b.dated_back[static_cast<std::size_t>(e)])) {
        // (an event dated before a time the text named earlier is background
        // the story steps back to: "met Scholz on Tuesday. ... Scholz
        // arrived in Chongqing on Sunday"; its date places it)
        b.link(a, c, RelType::starts_before, 0.25, "narrative order");
      }
    }
  }

  // ---- closure -------------------------------------------------------------
  std::unordered_map<std::string, std::size_t>& index = b.out.index;
  std::size_t indexed_nodes = 0;
  std::vector<std::size_t> graph_link;  // per stated link, its index in the graph
  const auto close = [&] {
    for (; indexed_nodes < graph.nodes().size(); ++indexed_nodes)
      index.emplace(graph.nodes()[indexed_nodes].id, indexed_nodes);
    for (std::size_t i = graph_link.size(); i < b.out.links.size(); ++i) {
      const TemporalLinkRecord& l = b.out.links[i];
      const auto a = index.find(l.a), c = index.find(l.b);
      graph_link.push_back(a == index.end() || c == index.end()
                               ? TemporalGraph::npos
                               : graph.add_link({a->second, c->second, l.type, l.confidence, l.evidence}));
    }
    graph.close();
  };
  close();

  // ---- 4f. counted dates: "two days after Li visited Seoul" ------------------
  // Read off the first closure, so that a date reached through other links
  // counts too; the second closure then spreads the new dates.
  // All bounds are read before the first node is added: adding one opens
  // the graph again, and an open graph has no bounds.
  struct Counted {
    int dated = -1, from = -1;
    std::pair<TimeBounds, std::string> date;
    Span phrase;
  };
  std::vector<Counted> dates;
  for (const CountedSignal& c : counted) {
    const NodeBounds later = b.out.bounds(b.id(c.later)), earlier = b.out.bounds(b.id(c.earlier));
    // The one event whose date the count gives: the other must be pinned, it must not.
    if (const auto date = counted_date(earlier, c.count, +1); date && !counted_date(later, c.count, +1))
      dates.push_back({c.later, c.earlier, *date, c.phrase});
    else if (const auto back = counted_date(later, c.count, -1); back && !counted_date(earlier, c.count, +1))
      dates.push_back({c.earlier, c.later, *back, c.phrase});
  }
  for (const Counted& d : dates) {
    const std::string id = fmt::format("d{}", b.out.derived_times.size() + 1);
    graph.add_node({id, d.date.first});
    b.out.derived_times.push_back({id, d.phrase, d.date.second, d.date.first, b.id(d.from)});
    b.link(b.id(d.dated), id, RelType::is_included, 0.65,
           fmt::format("'{}' counted from {}", doc.text(d.phrase), b.id(d.from)), d.phrase);
  }
  if (!b.out.derived_times.empty()) close();
  for (std::size_t i = 0; i < b.out.links.size(); ++i) b.out.links[i].kept = graph.accepted(graph_link[i]);
  for (const Conflict& c : graph.conflicts()) b.out.diagnostics.push_back(c.message);
  if (graph.cap_reached()) b.out.diagnostics.push_back("closure stopped at the work cap; some orders are left vague");
  return std::move(b.out);
}

const TemporalLinks& RelationExtractor::link(Document& doc, std::vector<EventInput> events) const {
  TemporalLinks links = extract(doc, std::move(events));
  if (!links.diagnostics.empty())
    doc.report({Diagnostic::Severity::note, "relation",
                fmt::format("{} temporal links dropped as contradictory (first: {})", links.graph.conflicts().size(),
                            links.diagnostics.front()),
                std::nullopt});
  return doc.add(std::move(links));
}

const TemporalLinks& RelationExtractor::link(Document& doc) const {
  std::vector<EventInput> inputs;
  for (const EventMention& m : doc.get<Events>().events) {
    EventInput in;
    in.id = m.id;
    in.span = m.span;
    in.event_class = std::string(to_string(m.cls));
    in.tense = std::string(to_string(m.tense));
    in.aspect = std::string(to_string(m.aspect));
    in.lemma = m.lemma;
    inputs.push_back(std::move(in));
  }
  return link(doc, std::move(inputs));
}

// ---- the layer's queries -------------------------------------------------------

bool names_one_event(const TemporalLinkRecord& link) {
  return link.type == RelType::identity || link.evidence == kLightVerbEvidence || link.evidence == kOccurrenceEvidence;
}

std::size_t TemporalLinks::node(std::string_view id) const {
  const auto it = index.find(std::string(id));
  return it == index.end() ? TemporalGraph::npos : it->second;
}

StartOrder TemporalLinks::start_order(std::string_view a, std::string_view b) const {
  const std::size_t x = node(a), y = node(b);
  if (x == TemporalGraph::npos || y == TemporalGraph::npos) return StartOrder::vague;
  return graph.start_order(x, y);
}

std::optional<RelType> TemporalLinks::rel_type(std::string_view a, std::string_view b) const {
  const std::size_t x = node(a), y = node(b);
  if (x == TemporalGraph::npos || y == TemporalGraph::npos) return std::nullopt;
  return graph.rel_type(x, y);
}

NodeBounds TemporalLinks::bounds(std::string_view id) const {
  const std::size_t x = node(id);
  return x == TemporalGraph::npos ? NodeBounds{} : graph.bounds(x);
}

}  // namespace tempora
