// Comparing articles: aligning their events, then their dates and order.
//
// 1. Reports. Each article's events (those a timeline shows: newsworthy, with
//    a type or a named participant; everything with CompareOptions::all) are
//    read with their trigger lemma, type, participants (the actor stage's
//    actors when it ran, else the proper-noun arguments of the parse, as the
//    timeline builder finds them) and time (event_times(): an anchoring date,
//    or bounds). Repeated mentions of one event in one article ("met", "the
//    talks", "the meeting") are merged, in text order, into the first earlier
//    report they fit: the same lemma or a type of the same family
//    (resources/corpus/compare.txt: MEET and TALK are one happening), dates
//    that overlap, participants that are not disjoint, and no signal that
//    orders them ("later"); or an IDENTITY link from the relation stage. A
//    reporting verb with a medium ("wrote on social media") counts as a
//    publication.
//
// 2. Alignment. Every two reports from different articles get a score:
//      lexical    same lemma 1.5, same type family 0.8, else no match at all
//                 (a shared word outweighs a shared type with a shared date);
//      actors     +0.5 x Jaccard of the participant keys; -0.5 when both have
//                 participants and share none;
//      time       both dated: +0.5 when the dates overlap, 0 when they are at
//                 most 3 days apart (that is a date disagreement, still the
//                 same event), -1 beyond; one dated and the other bounded:
//                 +0.1 when compatible, -0.3 when not.
//    Pairs scoring at least the threshold (default 1.0: a shared lemma with
//    nothing much against it, or a shared type with actors or time for it) are
//    joined best first, never putting two reports of one article in one
//    aligned event. The pairs are few (reports per article are tens), so the
//    quadratic pairing is bounded by the articles' sizes squared.
//
// 3. Dates. Two reports of an aligned event disagree when both are dated and
//    their intervals do not overlap: March 12 against March 13, not "last
//    week" against March 5.
//
// 4. Order. An article orders two of its reports by their dates (disjoint
//    intervals) or, on the same or unknown dates, by the closure of its
//    stated links (signals, tense, reported speech; the weak narrative-order
//    default is left out). Failing those, the full closure gives a weak
//    verdict, and the order of the sentences a weaker one still: what the
//    article tells first, which claims nothing. Two articles that order the
//    same pair of aligned events oppositely make an order disagreement when
//    at least one of them has a strong verdict and neither merely tells one
//    first (news tells background last); every such pair ordered by two
//    articles counts towards Kendall's tau, (C - D) / (C + D).
#include "tempora/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <sstream>
#include <unordered_map>

#include "tempora/actor.hpp"
#include "tempora/data.hpp"
#include "tempora/event.hpp"
#include "tempora/event_time.hpp"
#include "tempora/pipeline.hpp"
#include "tempora/reasoning.hpp"
#include "tempora/relation.hpp"
#include "tempora/render.hpp"

namespace tempora {

bool AlignedEvent::reported_by(std::size_t article) const {
  return std::any_of(reports.begin(), reports.end(), [&](const ReportedEvent& r) { return r.article == article; });
}

namespace {

using std::chrono::sys_days;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// ---- the rule file --------------------------------------------------------------

struct Rules {
  std::map<std::string, int, std::less<>> family;  // type -> family number
  int medium_window = 0;
  std::set<std::string, std::less<>> medium;
};

const Rules& rules() {
  static const Rules loaded = [] {
    Rules r;
    std::filesystem::path path;
    try {
      path = data_file("resources/corpus/compare.txt");
    } catch (const std::exception&) {
      return r;  // no rule file: exact types only
    }
    std::ifstream in(path);
    std::string line;
    int next_family = 0;
    while (std::getline(in, line)) {
      if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
      std::istringstream words(line);
      std::string head;
      if (!(words >> head)) continue;
      if (head == "same") {
        std::string type;
        while (words >> type) r.family[type] = next_family;
        ++next_family;
      } else if (head == "medium") {
        std::string n;
        words >> n;
        if (!n.empty() && n.back() == ':') n.pop_back();
        r.medium_window = std::atoi(n.c_str());
        std::string w;
        while (words >> w) r.medium.insert(lower(w));
      }
    }
    return r;
  }();
  return loaded;
}

bool same_family(std::string_view a, std::string_view b) {
  if (a == "OTHER" || b == "OTHER" || a.empty() || b.empty()) return false;
  if (a == b) return true;
  const auto& f = rules().family;
  const auto ia = f.find(a), ib = f.find(b);
  return ia != f.end() && ib != f.end() && ia->second == ib->second;
}

// ---- reports of one article --------------------------------------------------------

struct ArticleView {
  const Document* doc = nullptr;
  std::vector<ReportedEvent> reports;
  // Per report: the event ids of its mentions (for the closure).
  std::vector<std::vector<std::string>> ids;
  std::optional<TemporalGraph> strong;  // kept non-narrative links, closed
  std::unordered_map<std::string, std::size_t> node;
};

std::string actor_key(std::string_view name) {
  // The last word, lowercased: "Lidia Marek" and "Marek" are one actor
  // across articles ("President Marek" too); see the Actor overload below
  // for names with the family name first.
  std::string_view s = name;
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  const auto space = s.rfind(' ');
  return lower(space == std::string_view::npos ? s : s.substr(space + 1));
}

// The same for an actor of the actor stage, whose short name knows which
// word is the family name: "Xi Jinping" is "xi", "Lee Jae-myung" "lee".
std::string actor_key(const Actor& a) {
  if (a.type == ActorType::PERSON && !a.short_name.empty() && a.name.starts_with(a.short_name + " "))
    return lower(a.short_name);
  return actor_key(a.name);
}

bool overlaps(const ReportedEvent& a, const ReportedEvent& b) {
  return a.start && b.start && *a.start <= *b.end && *b.start <= *a.end;
}

// Can a and b be one happening as far as time goes?
bool time_compatible(const ReportedEvent& a, const ReportedEvent& b) {
  if (a.start && b.start) return overlaps(a, b);
  const auto fits = [](const ReportedEvent& dated, const ReportedEvent& other) {
    if (other.not_before && *dated.end < *other.not_before) return false;
    if (other.not_after && *dated.start > *other.not_after) return false;
    return true;
  };
  if (a.start) return fits(a, b);
  if (b.start) return fits(b, a);
  return true;
}

bool actors_compatible(const ReportedEvent& a, const ReportedEvent& b) {
  if (a.participants.empty() || b.participants.empty()) return true;
  for (const std::string& p : a.participants)
    if (std::find(b.participants.begin(), b.participants.end(), p) != b.participants.end()) return true;
  return false;
}

bool shares_lemma(const ReportedEvent& a, const ReportedEvent& b) {
  for (const std::string& l : a.lemmas)
    if (!l.empty() && std::find(b.lemmas.begin(), b.lemmas.end(), l) != b.lemmas.end()) return true;
  return false;
}

void merge_into(ReportedEvent& into, const ReportedEvent& from) {
  into.mentions.insert(into.mentions.end(), from.mentions.begin(), from.mentions.end());
  for (const std::string& l : from.lemmas)
    if (std::find(into.lemmas.begin(), into.lemmas.end(), l) == into.lemmas.end()) into.lemmas.push_back(l);
  for (const std::string& p : from.participants)
    if (std::find(into.participants.begin(), into.participants.end(), p) == into.participants.end())
      into.participants.push_back(p);
  for (const ReportedParticipant& p : from.who)
    if (std::none_of(into.who.begin(), into.who.end(), [&](const ReportedParticipant& q) { return q.key == p.key; }))
      into.who.push_back(p);
  if (into.type == "OTHER" && from.type != "OTHER") into.type = from.type;
  if (!into.start && from.start) {
    into.date_value = from.date_value;
    into.start = from.start;
    into.end = from.end;
    into.granularity = from.granularity;
    into.inferred = from.inferred;
  }
  if (from.not_before && (!into.not_before || *from.not_before > *into.not_before)) into.not_before = from.not_before;
  if (from.not_after && (!into.not_after || *from.not_after < *into.not_after)) into.not_after = from.not_after;
  // The label with a named participant tells more than a bare noun ("Talks").
  if (into.label == into.trigger && from.label != from.trigger) into.label = from.label;
}

bool publication_by_medium(const Document& doc, const EventMention& e) {
  const Rules& r = rules();
  if (r.medium_window <= 0 || (e.cls != EventClass::REPORTING && e.type != "SAY")) return false;
  const Segmentation& seg = doc.get<Segmentation>();
  const std::size_t sentence_end =
      e.sentence < seg.sentences.size() ? seg.sentences[e.sentence].first_token + seg.sentences[e.sentence].token_count
                                        : seg.tokens.size();
  for (std::size_t t = e.token + 1; t < sentence_end && t <= e.token + static_cast<std::size_t>(r.medium_window); ++t)
    if (r.medium.contains(lower(seg.tokens[t].norm.empty() ? doc.text(seg.tokens[t].span) : seg.tokens[t].norm)))
      return true;
  return false;
}

ArticleView read_article(const Document& doc, std::size_t article, const CompareOptions& options) {
  ArticleView view;
  view.doc = &doc;
  if (!doc.has<Events>()) return view;
  const Events& events = doc.get<Events>();
  const TimelineGraph graph = build_timeline(doc);
  const std::vector<EventTime> when = event_times(doc);
  const Actors* actors = doc.has<Actors>() ? &doc.get<Actors>() : nullptr;
  const Participants* parts = doc.has<Participants>() ? &doc.get<Participants>() : nullptr;

  // Identity links of the relation stage, and a verb with the event noun it
  // carries ("held talks", "the meeting took place"): mention ids that are
  // one event, either way round (a link may name the earlier mention first
  // or second).
  std::unordered_map<std::string, std::vector<std::string>> same_as;
  // Mentions a signal puts one before the other are two events, however
  // alike: "Scholz met Xi ... Scholz also met Li later in the day".
  std::set<std::pair<std::string, std::string>> signalled_apart;
  if (doc.has<TemporalLinks>())
    for (const TemporalLinkRecord& l : doc.get<TemporalLinks>().links) {
      if (l.kept && names_one_event(l)) {
        same_as[l.a].push_back(l.b);
        same_as[l.b].push_back(l.a);
      }
      if (l.kept && l.evidence.starts_with("signal") &&
          (l.type == RelType::before || l.type == RelType::after || l.type == RelType::starts_before ||
           l.type == RelType::starts_after)) {
        signalled_apart.emplace(l.a, l.b);
        signalled_apart.emplace(l.b, l.a);
      }
    }

  std::unordered_map<std::string, std::size_t> report_of;  // mention id -> report
  for (std::size_t i = 0; i < events.events.size(); ++i) {
    const EventMention& e = events.events[i];
    const auto v = graph.find(e.id);
    if (!v) continue;
    const EventNode* node = graph[*v].event();
    ReportedEvent r;
    r.article = article;
    r.mentions = {i};
    r.trigger = node->trigger;
    r.label = node->label;
    r.type = e.type.empty() ? "OTHER" : e.type;
    bool shown = node->newsworthy;
    if (e.polarity == EventPolarity::NEG) shown = false;  // "did not mention" is no event to align
    // A publication needs a publisher: "X said in a statement" is one,
    // "according to a statement" attributes without anyone acting.
    const bool has_actor = parts != nullptr && std::any_of(parts->of(i).begin(), parts->of(i).end(), [](const Participant& p) {
      return p.actor >= 0 && (p.role == Role::agent || p.role == Role::speaker);
    });
    if (has_actor && publication_by_medium(doc, e)) {
      r.type = "PUBLISH";
      shown = true;
    }
    if (!shown && !options.all) continue;
    r.lemmas = {lower(e.lemma.empty() ? r.trigger : e.lemma)};
    r.sentence = e.sentence;
    if (parts != nullptr && actors != nullptr) {
      for (const Participant& p : parts->of(i))
        if (p.actor >= 0 && static_cast<std::size_t>(p.actor) < actors->actors.size()) {
          const Actor& a = actors->actors[static_cast<std::size_t>(p.actor)];
          if (a.type == ActorType::PERSON || a.type == ActorType::ORGANIZATION || a.type == ActorType::GPE)
            r.participants.push_back(actor_key(a));
          r.who.push_back({actor_key(a), a.name, a.type, p.role});
        }
    } else {
      for (const auto& [a, role] : graph.participants(*v)) {
        const ActorNode& node = *graph[a].actor();
        if (role != Role::place) r.participants.push_back(actor_key(node.name));
        r.who.push_back({actor_key(node.name), node.name, node.type, role});
      }
    }
    std::sort(r.participants.begin(), r.participants.end());
    r.participants.erase(std::unique(r.participants.begin(), r.participants.end()), r.participants.end());
    const EventTime& t = when[i];
    if (t.dated() && t.start && t.end) {
      r.date_value = t.value;
      r.start = t.start;
      r.end = t.end;
      r.granularity = t.granularity;
      r.inferred = t.inferred;
    } else {
      r.not_before = t.not_before;
      r.not_after = t.not_after;
    }

    // An earlier report of the same event in this article?
    std::optional<std::size_t> into;
    if (const auto it = same_as.find(e.id); it != same_as.end())
      for (const std::string& other : it->second)
        if (const auto rep = report_of.find(other); !into && rep != report_of.end()) into = rep->second;
    for (std::size_t k = 0; !into && k < view.reports.size(); ++k) {
      const ReportedEvent& earlier = view.reports[k];
      if (!shares_lemma(earlier, r)) continue;  // "met" and "the talks" stay apart: too easy to over-merge
      if (!time_compatible(earlier, r) || !actors_compatible(earlier, r)) continue;
      if (std::any_of(view.ids[k].begin(), view.ids[k].end(),
                      [&](const std::string& id) { return signalled_apart.contains({id, e.id}); }))
        continue;
      into = k;
    }
    if (into) {
      merge_into(view.reports[*into], r);
      view.ids[*into].push_back(e.id);
      report_of[e.id] = *into;
    } else {
      report_of[e.id] = view.reports.size();
      view.reports.push_back(std::move(r));
      view.ids.push_back({e.id});
    }
  }

  // The closure of the stated (non-narrative) links, for the order.
  if (doc.has<TemporalLinks>()) {
    const TemporalLinks& links = doc.get<TemporalLinks>();
    TemporalGraph strong;
    for (const TemporalNode& n : links.graph.nodes()) view.node.emplace(n.id, strong.add_node(n));
    for (const TemporalLinkRecord& l : links.links) {
      if (!l.kept || l.evidence.starts_with("narrative order")) continue;
      const auto a = view.node.find(l.a), b = view.node.find(l.b);
      if (a == view.node.end() || b == view.node.end()) continue;
      strong.add_link({a->second, b->second, l.type, l.confidence, l.evidence});
    }
    strong.close();
    view.strong = std::move(strong);
  }
  return view;
}

// What an article says of the order of two of its reports.
struct Verdict {
  int order = 0;        // -1: x before y, +1: x after y, 0: the article does not say
  bool strong = false;  // from dates or stated links, not from the narrative-order default alone
  bool told = false;    // only from the order of the sentences: the article claims no order
};

// The days a report may fall on: its date, else its bounds (open sides unset).
std::pair<std::optional<sys_days>, std::optional<sys_days>> span_of(const ReportedEvent& r) {
  if (r.start) return {r.start, r.end};
  return {r.not_before, r.not_after};
}

Verdict closure_verdict(const ArticleView& view, std::size_t x, std::size_t y, bool strong) {
  const TemporalGraph* graph = strong ? (view.strong ? &*view.strong : nullptr)
                                      : (view.doc->has<TemporalLinks>() ? &view.doc->get<TemporalLinks>().graph : nullptr);
  if (graph == nullptr) return {};
  const TemporalLinks& links = view.doc->get<TemporalLinks>();
  int verdict = 0;
  for (const std::string& ia : view.ids[x])
    for (const std::string& ib : view.ids[y]) {
      StartOrder o = StartOrder::vague;
      if (strong) {
        const auto na = view.node.find(ia), nb = view.node.find(ib);
        if (na == view.node.end() || nb == view.node.end()) continue;
        o = graph->start_order(na->second, nb->second);
      } else {
        o = links.start_order(ia, ib);
      }
      const int v = o == StartOrder::before ? -1 : o == StartOrder::after ? 1 : 0;
      if (v == 0) continue;
      if (verdict != 0 && verdict != v) return {};  // the article's own mentions disagree
      verdict = v;
    }
  return {verdict, strong && verdict != 0};
}

Verdict article_order(const ArticleView& view, std::size_t x, std::size_t y) {
  const auto [alo, ahi] = span_of(view.reports[x]);
  const auto [blo, bhi] = span_of(view.reports[y]);
  // Dates, or bounds that pin a day, are strong; open bounds only weak.
  const bool pinned = alo && ahi && blo && bhi;
  if (ahi && blo && *ahi < *blo) return {-1, pinned};
  if (bhi && alo && *bhi < *alo) return {1, pinned};
  if (const Verdict v = closure_verdict(view, x, y, true); v.order != 0) return v;
  if (const Verdict v = closure_verdict(view, x, y, false); v.order != 0) return v;
  // As the article tells it: the order of the sentences (weak, like the
  // relation stage's narrative default).
  const std::uint32_t sx = view.reports[x].sentence, sy = view.reports[y].sentence;
  if (sx != sy) return {sx < sy ? -1 : 1, false, true};
  return {};
}

double alignment_score(const ReportedEvent& a, const ReportedEvent& b) {
  double score = 0;
  if (shares_lemma(a, b)) score = 1.5;
  else if (same_family(a.type, b.type)) score = 0.8;
  else return 0.0;
  if (!a.participants.empty() && !b.participants.empty()) {
    std::size_t common = 0;
    for (const std::string& p : a.participants)
      common += std::count(b.participants.begin(), b.participants.end(), p) > 0 ? 1 : 0;
    const std::size_t all = a.participants.size() + b.participants.size() - common;
    score += common == 0 ? -0.5 : 0.5 * static_cast<double>(common) / static_cast<double>(all);
  }
  if (a.start && b.start) {
    if (overlaps(a, b)) {
      score += 0.5;
    } else {
      const auto gap = *a.start > *b.end ? (*a.start - *b.end).count() : (*b.start - *a.end).count();
      if (gap > 3) score -= 1.0;
    }
  } else if (a.start || b.start) {
    score += time_compatible(a, b) ? 0.1 : -0.3;
  }
  return score;
}

std::string day_label(const ReportedEvent& r) {
  if (!r.start) return "undated";
  if (r.granularity == TimeGranularity::day) return date_label(*r.start, r.inferred);
  return r.date_value;
}

std::string article_list(const Comparison& c, const std::vector<std::size_t>& articles) {
  std::string out;
  for (const std::size_t a : articles) out += (out.empty() ? "" : ", ") + c.articles[a];
  return out;
}

}  // namespace

Comparison compare(const std::vector<Document>& docs, const CompareOptions& options) {
  Comparison c;
  std::map<std::string, int> seen_ids;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::string id = docs[i].info().id.empty() ? fmt::format("article{}", i + 1) : docs[i].info().id;
    if (const int n = seen_ids[id]++; n > 0) id += fmt::format("#{}", n + 1);
    c.articles.push_back(std::move(id));
  }
  std::vector<ArticleView> views;
  for (std::size_t i = 0; i < docs.size(); ++i) views.push_back(read_article(docs[i], i, options));

  // ---- alignment: best pairs first, one report per article per event ---------------
  struct Ref {
    std::size_t article, report;
  };
  std::vector<Ref> refs;
  for (std::size_t a = 0; a < views.size(); ++a)
    for (std::size_t r = 0; r < views[a].reports.size(); ++r) refs.push_back({a, r});
  struct Pair {
    double score;
    std::size_t x, y;  // indices into refs
  };
  std::vector<Pair> pairs;
  for (std::size_t x = 0; x < refs.size(); ++x)
    for (std::size_t y = x + 1; y < refs.size(); ++y) {
      if (refs[x].article == refs[y].article) continue;
      const double s = alignment_score(views[refs[x].article].reports[refs[x].report],
                                       views[refs[y].article].reports[refs[y].report]);
      if (s >= options.threshold) pairs.push_back({s, x, y});
    }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& p, const Pair& q) { return p.score > q.score; });
  std::vector<std::size_t> cluster(refs.size());
  std::iota(cluster.begin(), cluster.end(), 0);
  std::vector<std::set<std::size_t>> cluster_articles(refs.size());
  for (std::size_t i = 0; i < refs.size(); ++i) cluster_articles[i].insert(refs[i].article);
  const auto root = [&](std::size_t i) {
    while (cluster[i] != i) i = cluster[i] = cluster[cluster[i]];
    return i;
  };
  for (const Pair& p : pairs) {
    std::size_t a = root(p.x), b = root(p.y);
    if (a == b) continue;
    const auto& sa = cluster_articles[a];
    const auto& sb = cluster_articles[b];
    if (std::any_of(sa.begin(), sa.end(), [&](std::size_t art) { return sb.contains(art); })) continue;
    if (b < a) std::swap(a, b);
    cluster[b] = a;
    cluster_articles[a].insert(cluster_articles[b].begin(), cluster_articles[b].end());  // b's, after the swap
  }
  // Aligned events in order of first report (refs are in article, then text order).
  std::map<std::size_t, std::size_t> event_of_root;
  std::vector<std::vector<std::size_t>> members;  // per event: refs
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const std::size_t r = root(i);
    auto [it, fresh] = event_of_root.emplace(r, members.size());
    if (fresh) members.emplace_back();
    members[it->second].push_back(i);
  }
  // (article, report) -> aligned event
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> aligned_of;
  for (std::size_t ev = 0; ev < members.size(); ++ev) {
    AlignedEvent a;
    a.id = fmt::format("m{}", ev + 1);
    for (const std::size_t i : members[ev]) {
      const ReportedEvent& r = views[refs[i].article].reports[refs[i].report];
      a.reports.push_back(r);
      aligned_of[{refs[i].article, refs[i].report}] = ev;
    }
    std::sort(a.reports.begin(), a.reports.end(),
              [](const ReportedEvent& x, const ReportedEvent& y) { return x.article < y.article; });
    // The label of the report with the most participants (then the first).
    const ReportedEvent* best = &a.reports.front();
    for (const ReportedEvent& r : a.reports)
      if (r.participants.size() > best->participants.size()) best = &r;
    a.label = best->label;
    a.type = best->type;
    c.events.push_back(std::move(a));
  }
  for (std::size_t ev = 0; ev < c.events.size(); ++ev)
    (c.events[ev].reports.size() == docs.size() ? c.shared : c.partial).push_back(ev);

  // ---- dates --------------------------------------------------------------------------
  for (std::size_t ev = 0; ev < c.events.size(); ++ev) {
    const AlignedEvent& a = c.events[ev];
    std::vector<const ReportedEvent*> dated;
    for (const ReportedEvent& r : a.reports)
      if (r.start) dated.push_back(&r);
    bool disjoint = false;
    for (std::size_t i = 0; i < dated.size() && !disjoint; ++i)
      for (std::size_t j = i + 1; j < dated.size() && !disjoint; ++j) disjoint = !overlaps(*dated[i], *dated[j]);
    if (!disjoint) continue;
    DateDisagreement d;
    d.event = ev;
    std::stable_sort(dated.begin(), dated.end(),
                     [](const ReportedEvent* x, const ReportedEvent* y) { return *x->start < *y->start; });
    for (const ReportedEvent* r : dated) {
      const std::string label = day_label(*r);
      auto it = std::find_if(d.claims.begin(), d.claims.end(),
                             [&](const DateDisagreement::Claim& cl) { return cl.date == label; });
      if (it == d.claims.end()) d.claims.push_back({label, {r->article}});
      else it->articles.push_back(r->article);
    }
    if (d.claims.size() >= 2) c.date_disagreements.push_back(std::move(d));
  }

  // ---- order ----------------------------------------------------------------------------
  // verdicts[(x, y)][article] for aligned x < y.
  struct Said {
    std::size_t article;
    Verdict verdict;
  };
  std::map<std::pair<std::size_t, std::size_t>, std::vector<Said>> verdicts;
  for (std::size_t art = 0; art < views.size(); ++art) {
    const ArticleView& view = views[art];
    for (std::size_t x = 0; x < view.reports.size(); ++x)
      for (std::size_t y = 0; y < view.reports.size(); ++y) {
        const std::size_t ex = aligned_of.at({art, x}), ey = aligned_of.at({art, y});
        if (ex >= ey) continue;
        // Only pairs another article can also order.
        if (c.events[ex].reports.size() < 2 || c.events[ey].reports.size() < 2) continue;
        const Verdict v = article_order(view, x, y);
        if (v.order != 0) verdicts[{ex, ey}].push_back({art, v});
      }
  }
  for (const auto& [pair, says] : verdicts) {
    OrderDisagreement d;
    d.first = pair.first;
    d.second = pair.second;
    bool strong_before = false, strong_after = false, claimed_before = false, claimed_after = false;
    for (std::size_t i = 0; i < says.size(); ++i) {
      const Verdict v = says[i].verdict;
      (v.order < 0 ? d.first_before_second : d.second_before_first).push_back(says[i].article);
      (v.order < 0 ? strong_before : strong_after) |= v.strong;
      (v.order < 0 ? claimed_before : claimed_after) |= !v.told;
      for (std::size_t j = i + 1; j < says.size(); ++j)
        if ((v.strong || says[j].verdict.strong) && !v.told && !says[j].verdict.told)
          (v.order == says[j].verdict.order ? c.concordant : c.discordant)++;
    }
    // A dispute needs more than the narrative order on both sides: one
    // article at least must date the events or state their order, and the
    // other must do more than tell them in the other order (news tells
    // background last: "Scholz arrived in Chongqing on Sunday").
    if (!d.first_before_second.empty() && !d.second_before_first.empty() && (strong_before || strong_after) &&
        claimed_before && claimed_after)
      c.order_disagreements.push_back(std::move(d));
  }
  if (c.concordant + c.discordant > 0)
    c.agreement = (static_cast<double>(c.concordant) - static_cast<double>(c.discordant)) /
                  static_cast<double>(c.concordant + c.discordant);
  return c;
}

// ---- output ---------------------------------------------------------------------------------

namespace {

std::string describe(const AlignedEvent& a) {
  std::string date;
  for (const ReportedEvent& r : a.reports)
    if (r.start) {
      date = day_label(r);
      break;
    }
  return fmt::format("{} [{}]{}", a.label, a.type, date.empty() ? "" : ", " + date);
}

}  // namespace

std::string to_text(const Comparison& c) {
  std::string out = fmt::format("{} articles: {}\n", c.articles.size(), article_list(c, [&] {
                                  std::vector<std::size_t> all(c.articles.size());
                                  std::iota(all.begin(), all.end(), 0);
                                  return all;
                                }()));
  out += fmt::format("\nReported by every article ({}):\n", c.shared.size());
  for (const std::size_t ev : c.shared) out += fmt::format("  {:<4} {}\n", c.events[ev].id, describe(c.events[ev]));
  out += fmt::format("\nReported by only some ({}):\n", c.partial.size());
  for (const std::size_t ev : c.partial) {
    std::vector<std::size_t> by;
    for (const ReportedEvent& r : c.events[ev].reports) by.push_back(r.article);
    out += fmt::format("  {:<4} {}  — only {}\n", c.events[ev].id, describe(c.events[ev]), article_list(c, by));
  }
  out += fmt::format("\nDate disagreements ({}):\n", c.date_disagreements.size());
  for (const DateDisagreement& d : c.date_disagreements) {
    std::string claims;
    for (const auto& cl : d.claims) claims += (claims.empty() ? "" : "; ") + cl.date + ": " + article_list(c, cl.articles);
    out += fmt::format("  {:<4} {} — {}\n", c.events[d.event].id, c.events[d.event].label, claims);
  }
  out += fmt::format("\nOrder disagreements ({}):\n", c.order_disagreements.size());
  for (const OrderDisagreement& d : c.order_disagreements) {
    const AlignedEvent& x = c.events[d.first];
    const AlignedEvent& y = c.events[d.second];
    out += fmt::format("  {} \"{}\" before {} \"{}\": {}; the reverse: {}\n", x.id, x.label, y.id, y.label,
                       article_list(c, d.first_before_second), article_list(c, d.second_before_first));
  }
  out += "\nAgreement: ";
  out += c.agreement ? fmt::format("Kendall's tau {:.2f} ({} concordant, {} discordant ordered pairs)\n", *c.agreement,
                                   c.concordant, c.discordant)
                     : std::string("no event pair is ordered by two articles\n");
  return out;
}

std::string to_json(const Comparison& c) {
  using nlohmann::json;
  json j;
  j["schema"] = "tempora-compare/1";
  j["articles"] = c.articles;
  j["events"] = json::array();
  for (const AlignedEvent& a : c.events) {
    json e = {{"id", a.id}, {"label", a.label}, {"type", a.type}, {"reports", json::array()}};
    for (const ReportedEvent& r : a.reports) {
      json rep = {{"article", c.articles[r.article]},
                  {"label", r.label},
                  {"trigger", r.trigger},
                  {"type", r.type},
                  {"lemmas", r.lemmas},
                  {"participants", r.participants},
                  {"sentence", r.sentence},
                  {"mentions", r.mentions}};
      if (r.start) {
        rep["date"] = r.date_value;
        rep["date_label"] = day_label(r);
      }
      const auto iso = [](sys_days d) {
        const std::chrono::year_month_day ymd{d};
        return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                           static_cast<unsigned>(ymd.day()));
      };
      if (r.not_before) rep["not_before"] = iso(*r.not_before);
      if (r.not_after) rep["not_after"] = iso(*r.not_after);
      e["reports"].push_back(std::move(rep));
    }
    j["events"].push_back(std::move(e));
  }
  const auto ids = [&](const std::vector<std::size_t>& v) {
    json a = json::array();
    for (const std::size_t i : v) a.push_back(c.events[i].id);
    return a;
  };
  const auto names = [&](const std::vector<std::size_t>& v) {
    json a = json::array();
    for (const std::size_t i : v) a.push_back(c.articles[i]);
    return a;
  };
  j["shared"] = ids(c.shared);
  j["partial"] = ids(c.partial);
  j["date_disagreements"] = json::array();
  for (const DateDisagreement& d : c.date_disagreements) {
    json claims = json::array();
    for (const auto& cl : d.claims) claims.push_back({{"date", cl.date}, {"articles", names(cl.articles)}});
    j["date_disagreements"].push_back({{"event", c.events[d.event].id}, {"claims", claims}});
  }
  j["order_disagreements"] = json::array();
  for (const OrderDisagreement& d : c.order_disagreements)
    j["order_disagreements"].push_back({{"first", c.events[d.first].id},
                                        {"second", c.events[d.second].id},
                                        {"first_before_second", names(d.first_before_second)},
                                        {"second_before_first", names(d.second_before_first)}});
  j["concordant"] = c.concordant;
  j["discordant"] = c.discordant;
  j["agreement"] = c.agreement ? json(*c.agreement) : json(nullptr);
  return j.dump(2) + "\n";
}

TimelineGraph merged_timeline(const Comparison& c) {
  TimelineGraph g;
  // An actor's name: the longest an article gives it ("Xi Jinping", not "Xi").
  std::map<std::string, ActorNode> actor_names;
  for (const AlignedEvent& a : c.events)
    for (const ReportedEvent& r : a.reports)
      for (const ReportedParticipant& p : r.who)
        if (auto [it, fresh] = actor_names.try_emplace(p.key, ActorNode{.name = p.name, .type = p.type});
            !fresh && p.name.size() > it->second.name.size())
          it->second.name = p.name;
  std::set<std::size_t> date_disputed;
  for (const DateDisagreement& d : c.date_disagreements) date_disputed.insert(d.event);
  std::vector<TimelineGraph::Vertex> vertex;
  for (std::size_t ev = 0; ev < c.events.size(); ++ev) {
    const AlignedEvent& a = c.events[ev];
    std::vector<std::size_t> by;
    for (const ReportedEvent& r : a.reports) by.push_back(r.article);
    std::string label = a.label + "\n[" + article_list(c, by) + "]";
    // The date most articles give places the event; the others are named.
    std::map<std::string, std::vector<const ReportedEvent*>> by_date;
    for (const ReportedEvent& r : a.reports)
      if (r.start) by_date[day_label(r)].push_back(&r);
    const ReportedEvent* placed = nullptr;
    std::size_t most = 0;
    for (const auto& [label_text, reps] : by_date)
      if (reps.size() > most) {
        most = reps.size();
        placed = reps.front();
      }
    if (date_disputed.contains(ev))
      for (const auto& [date, reps] : by_date) {
        if (placed != nullptr && date == day_label(*placed)) continue;
        std::vector<std::size_t> who;
        for (const ReportedEvent* r : reps) who.push_back(r->article);
        label += "\n" + article_list(c, who) + ": " + date;
      }
    EventNode node;
    node.id = a.id;
    node.type = a.type;
    node.trigger = a.reports.front().trigger;
    node.label = label;
    for (const std::size_t art : by) node.documents.push_back(c.articles[art]);
    const auto v = g.add_event(std::move(node));
    vertex.push_back(v);
    if (placed != nullptr) {
      TimeNode t;
      t.id = a.id + ":date";
      t.value = placed->date_value;
      t.start = placed->start;
      t.end = placed->end;
      t.granularity = placed->granularity;
      t.inferred = placed->inferred;
      const auto tv = g.add_time(std::move(t));
      g.add_anchoring(v, tv, placed->granularity == TimeGranularity::day ? Anchor::at : Anchor::within,
                      article_list(c, {placed->article}));
    }
    // Each actor once, with the role of the first report that has it.
    std::set<std::string> joined;
    for (const ReportedEvent& r : a.reports)
      for (const ReportedParticipant& p : r.who) {
        const std::string id = "actor:" + p.key;
        auto av = g.find(id);
        if (!av) av = g.add_actor({.id = id, .name = actor_names.at(p.key).name, .type = actor_names.at(p.key).type});
        if (joined.insert(p.key).second) g.add_participation(v, *av, p.role);
      }
  }
  for (const OrderDisagreement& d : c.order_disagreements) {
    // Both orders: a contradiction cycle, drawn red.
    g.add_order(vertex[d.first], vertex[d.second], OrderRelation::BEFORE, article_list(c, d.first_before_second));
    g.add_order(vertex[d.second], vertex[d.first], OrderRelation::BEFORE, article_list(c, d.second_before_first));
  }
  return g;
}

TimelineGraph combined_timeline(const std::vector<Document>& docs, const CompareOptions& options) {
  const Comparison c = compare(docs, options);
  TimelineGraph g;
  for (std::size_t i = 0; i < docs.size(); ++i)
    add_to_timeline(g, docs[i], TimelineOptions{.id_prefix = docs.size() > 1 ? c.articles[i] : std::string()});
  if (docs.size() < 2) return g;
  std::set<std::size_t> date_disputed;
  for (const DateDisagreement& d : c.date_disagreements) date_disputed.insert(d.event);
  for (std::size_t ev = 0; ev < c.events.size(); ++ev) {
    const AlignedEvent& a = c.events[ev];
    if (a.reports.size() < 2 || date_disputed.contains(ev)) continue;
    std::optional<TimelineGraph::Vertex> first;
    for (const ReportedEvent& r : a.reports) {
      const Document& doc = docs[r.article];
      if (r.mentions.empty() || !doc.has<Events>() || r.mentions.front() >= doc.get<Events>().events.size()) continue;
      const auto v = g.find(c.articles[r.article] + ":" + doc.get<Events>().events[r.mentions.front()].id);
      if (!v) continue;
      if (first) g.add_identity(*first, *v, "aligned across articles", 0.5);
      else first = v;
    }
  }
  return g;
}

std::string compare_dot(const Comparison& c, const std::string& title) {
  const TimelineGraph g = merged_timeline(c);
  TimelineFilter filter;
  filter.all = true;
  const Placement plan = place(g, filter);
  RenderOptions options;
  options.title = title.empty() ? "Compared: " + [&] {
    std::string s;
    for (const std::string& a : c.articles) s += (s.empty() ? "" : ", ") + a;
    return s;
  }()
                                : title;
  std::string dot = to_dot(g, plan, options);
  // Outline the events whose dates are disputed (the renderer names event
  // boxes e<placement index>; later attribute statements override earlier ones).
  std::set<std::string> disputed;
  for (const DateDisagreement& d : c.date_disagreements) disputed.insert(c.events[d.event].id);
  std::string extra;
  for (std::size_t i = 0; i < plan.events.size(); ++i)
    if (disputed.contains(g[plan.events[i].event].id()))
      extra += fmt::format("  e{} [color=\"#d62728\", penwidth=3, fillcolor=\"#fde0dd\"];\n", i);
  if (const auto close = dot.rfind('}'); close != std::string::npos && !extra.empty()) dot.insert(close, extra);
  return dot;
}

}  // namespace tempora
