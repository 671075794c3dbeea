// The SemEval-2015 Task 4 scorer: temporal awareness over timelines.
//
// The task (Minard et al., SemEval 2015; the task's "tools" page) scores a
// timeline with the TempEval-3 relation metric (UzZaman & Allen 2011): each
// timeline becomes a graph of TLINKs,
//
//   - each time anchor is a TIMEX3, and each event is SIMULTANEOUS with the
//     TIMEX3 of its date;
//   - an event that happens before another gets a BEFORE link to it;
//   - events that happen at the same time (the same ORDER) are SIMULTANEOUS;
//
// and precision and recall are measured over the *reduced* graphs against
// the other side's *closure*:
//
//   P = |Sys⁻ ∩ Gold⁺| / |Sys⁻|      R = |Gold⁻ ∩ Sys⁺| / |Gold⁻|
//
// micro-averaged over the targets (the matched and total counts are summed
// over timelines before dividing), F1 = 2PR / (P + R).
//
// How the graph is made, precisely (the choices the prose leaves open):
//   - an unknown date (only X: "XXXX-XX-XX") is no anchor; a partial one
//     ("2008-03-XX") is, and equal strings are the same TIMEX3;
//   - ORDER 0 holds what the annotators could neither date nor order, so its
//     events get no BEFORE or SIMULTANEOUS links (only an anchor when dated);
//   - coreferent mentions on one line are one event: SIMULTANEOUS;
//   - the links are inserted line by line: anchors, then SIMULTANEOUS to the
//     first mention of the same ORDER, then BEFORE from the first mention of
//     the previous ORDER (that one link implies all the others).
//
// The reduction and closure follow TempEval-3's timegraph: the links are
// inserted in that order into a point graph (each interval has a start and
// an end point; SIMULTANEOUS equates both, BEFORE puts end(a) < start(b)). A
// link the graph already entails is redundant and leaves the reduced graph; a
// link that contradicts it is "violated": not added, but still counted in
// the reduced graph (TempEval-3 adds the violated links back). Gold timelines
// contradict themselves when two ORDERs share a date (both SIMULTANEOUS with
// one TIMEX3, yet one BEFORE the other); the later link is the violated one.
// A reduced link is verified by the other side when the other side stated
// it or its closure entails it.
//
// The point graph keeps equal points in one class (union-find) and '<' as
// edges between classes; with only '<' and '=' constraints, a < b is entailed
// exactly when b's class is reachable from a's. Reachability is a search per
// query, which is plenty for timelines of a few hundred mentions.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "corpus/semeval.hpp"

namespace tempora::semeval {

namespace {

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = line.find(sep, start);
    out.push_back(line.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// ---- the point graph --------------------------------------------------------------

class PointGraph {
 public:
  // The start and end points of a node, created on first use (start < end).
  std::pair<std::size_t, std::size_t> node(const std::string& id) {
    if (const auto it = nodes_.find(id); it != nodes_.end()) return it->second;
    const std::size_t s = new_point(), e = new_point();
    out_[s].insert(e);
    return nodes_.emplace(id, std::pair{s, e}).first->second;
  }
  bool has(const std::string& id) const { return nodes_.contains(id); }
  std::pair<std::size_t, std::size_t> find_node(const std::string& id) const { return nodes_.at(id); }

  bool same(std::size_t a, std::size_t b) { return find(a) == find(b); }
  // a < b entailed: b's class reachable from a's.
  bool less(std::size_t a, std::size_t b) {
    const std::size_t from = find(a), to = find(b);
    if (from == to) return false;
    std::vector<std::size_t> stack{from};
    std::unordered_set<std::size_t> seen{from};
    while (!stack.empty()) {
      const std::size_t u = stack.back();
      stack.pop_back();
      for (const std::size_t raw : out_[u]) {
        const std::size_t v = find(raw);
        if (v == to) return true;
        if (seen.insert(v).second) stack.push_back(v);
      }
    }
    return false;
  }
  void add_less(std::size_t a, std::size_t b) { out_[find(a)].insert(find(b)); }
  void add_equal(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (out_[a].size() < out_[b].size()) std::swap(a, b);
    parent_[b] = a;
    out_[a].insert(out_[b].begin(), out_[b].end());
    out_[b].clear();
  }

 private:
  std::size_t new_point() {
    parent_.push_back(parent_.size());
    out_.emplace_back();
    return parent_.size() - 1;
  }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> nodes_;
  std::vector<std::size_t> parent_;
  std::vector<std::set<std::size_t>> out_;
};

enum class Verdict : std::uint8_t { entailed, contradicted, unknown };

// What a graph says about a relation between two of its nodes.
Verdict judge(PointGraph& g, const Relation& r) {
  if (!g.has(r.a) || !g.has(r.b)) return Verdict::unknown;
  const auto [as, ae] = g.find_node(r.a);
  const auto [bs, be] = g.find_node(r.b);
  if (r.type == Relation::Type::before) {
    if (g.less(ae, bs)) return Verdict::entailed;
    if (g.same(ae, bs) || g.less(bs, ae)) return Verdict::contradicted;
    return Verdict::unknown;
  }
  const bool starts = g.same(as, bs), ends = g.same(ae, be);
  if (starts && ends) return Verdict::entailed;
  if ((!starts && (g.less(as, bs) || g.less(bs, as))) || (!ends && (g.less(ae, be) || g.less(be, ae))))
    return Verdict::contradicted;
  return Verdict::unknown;
}

void add(PointGraph& g, const Relation& r) {
  const auto [as, ae] = g.node(r.a);
  const auto [bs, be] = g.node(r.b);
  if (r.type == Relation::Type::before) {
    g.add_less(ae, bs);
  } else {
    g.add_equal(as, bs);
    g.add_equal(ae, be);
  }
}

struct TimeGraph {
  PointGraph points;
  std::vector<Relation> reduced;  // kept + violated, as TempEval-3 counts them
  std::set<std::tuple<std::string, std::string, Relation::Type>> stated;  // both directions for SIMULTANEOUS
};

TimeGraph build(const std::vector<Relation>& relations) {
  TimeGraph tg;
  for (const Relation& r : relations) {
    if (r.a == r.b) continue;
    if (!tg.stated.emplace(r.a, r.b, r.type).second) continue;  // the same link twice
    if (r.type == Relation::Type::simultaneous) tg.stated.emplace(r.b, r.a, r.type);
    tg.points.node(r.a);
    tg.points.node(r.b);
    switch (judge(tg.points, r)) {
      case Verdict::entailed: break;                              // redundant: not in the reduced graph
      case Verdict::contradicted: tg.reduced.push_back(r); break;  // violated: counted, not added
      case Verdict::unknown:
        add(tg.points, r);
        tg.reduced.push_back(r);
        break;
    }
  }
  return tg;
}

std::size_t verified(const std::vector<Relation>& reduced, TimeGraph& other) {
  std::size_t n = 0;
  for (const Relation& r : reduced)
    if (other.stated.contains({r.a, r.b, r.type}) || judge(other.points, r) == Verdict::entailed) ++n;
  return n;
}

}  // namespace

// ---- format -----------------------------------------------------------------------------

bool unknown_date(std::string_view date) {
  date = trim(date);
  return date.find_first_not_of("Xx-") == std::string_view::npos;
}

Timeline parse_timeline(std::string_view text) {
  Timeline t;
  std::size_t number = 0;
  bool first = true;
  for (std::string_view line : split(text, '\n')) {
    ++number;
    line = trim(line);
    if (line.empty()) continue;
    if (first && line.find('\t') == std::string_view::npos) {
      t.target = std::string(line);
      first = false;
      continue;
    }
    first = false;
    const auto fields = split(line, '\t');
    int order = -1;
    const std::string_view o = trim(fields[0]);
    if (!o.empty() && o.size() < 9 && o.find_first_not_of("0123456789") == std::string_view::npos)
      order = std::stoi(std::string(o));
    if (fields.size() < 3 || order < 0) {
      t.problems.push_back(fmt::format("line {}: expected ORDER<TAB>DATE<TAB>DOCID-SENTENCE-TOKEN", number));
      continue;
    }
    TimelineEntry e;
    e.order = order;
    e.date = std::string(trim(fields[1]));
    for (std::size_t i = 2; i < fields.size(); ++i)
      if (const auto m = trim(fields[i]); !m.empty()) e.mentions.emplace_back(m);
    if (e.mentions.empty()) {
      t.problems.push_back(fmt::format("line {}: no event mention", number));
      continue;
    }
    t.entries.push_back(std::move(e));
  }
  return t;
}

std::string write_timeline(const Timeline& timeline) {
  std::string out = timeline.target + "\n";
  for (const TimelineEntry& e : timeline.entries) {
    out += fmt::format("{}\t{}", e.order, e.date);
    for (const std::string& m : e.mentions) out += "\t" + m;
    out += "\n";
  }
  return out;
}

// ---- relations --------------------------------------------------------------------------

std::vector<Relation> timeline_relations(const Timeline& timeline) {
  std::vector<const TimelineEntry*> entries;
  for (const TimelineEntry& e : timeline.entries) entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(),
                   [](const TimelineEntry* a, const TimelineEntry* b) { return a->order < b->order; });
  std::vector<Relation> out;
  const std::string* previous_first = nullptr;  // first mention of the previous ORDER
  const std::string* current_first = nullptr;
  int current_order = -1;
  for (const TimelineEntry* e : entries) {
    if (!unknown_date(e->date))
      for (const std::string& m : e->mentions) out.push_back({m, "date:" + e->date, Relation::Type::simultaneous});
    for (std::size_t i = 1; i < e->mentions.size(); ++i)
      out.push_back({e->mentions[0], e->mentions[i], Relation::Type::simultaneous});
    if (e->order == 0) continue;  // neither dated nor ordered by the annotators
    if (e->order != current_order) {
      previous_first = current_first;
      current_first = &e->mentions[0];
      current_order = e->order;
      if (previous_first != nullptr) out.push_back({*previous_first, *current_first, Relation::Type::before});
    } else {
      out.push_back({*current_first, e->mentions[0], Relation::Type::simultaneous});
    }
  }
  return out;
}

// ---- scores -----------------------------------------------------------------------------

AwarenessCounts& AwarenessCounts::operator+=(const AwarenessCounts& o) {
  system_matched += o.system_matched;
  system_total += o.system_total;
  gold_matched += o.gold_matched;
  gold_total += o.gold_total;
  return *this;
}

double AwarenessCounts::precision() const {
  return system_total == 0 ? 0.0 : static_cast<double>(system_matched) / static_cast<double>(system_total);
}
double AwarenessCounts::recall() const {
  return gold_total == 0 ? 0.0 : static_cast<double>(gold_matched) / static_cast<double>(gold_total);
}
double AwarenessCounts::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
}

AwarenessCounts temporal_awareness(const std::vector<Relation>& gold, const std::vector<Relation>& system) {
  TimeGraph g = build(gold);
  TimeGraph s = build(system);
  AwarenessCounts c;
  c.system_total = s.reduced.size();
  c.system_matched = verified(s.reduced, g);
  c.gold_total = g.reduced.size();
  c.gold_matched = verified(g.reduced, s);
  return c;
}

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", path.string()));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

Evaluation evaluate(const std::filesystem::path& gold_dir, const std::filesystem::path& system_dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(gold_dir, ec))
    throw std::runtime_error(fmt::format("{}: not a directory", gold_dir.string()));
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(gold_dir, ec))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  Evaluation result;
  for (const auto& file : files) {
    const Timeline gold = parse_timeline(read_text(file));
    for (const std::string& p : gold.problems) result.problems.push_back(fmt::format("{}: {}", file.string(), p));
    TargetScore score;
    score.file = file.filename().string();
    score.target = gold.target;
    Timeline system;
    const std::filesystem::path system_file = system_dir / file.filename();
    if (std::filesystem::is_regular_file(system_file, ec)) {
      system = parse_timeline(read_text(system_file));
      for (const std::string& p : system.problems)
        result.problems.push_back(fmt::format("{}: {}", system_file.string(), p));
    } else {
      score.system_missing = true;
    }
    score.counts = temporal_awareness(timeline_relations(gold), timeline_relations(system));
    result.micro += score.counts;
    result.targets.push_back(std::move(score));
  }
  return result;
}

}  // namespace tempora::semeval
