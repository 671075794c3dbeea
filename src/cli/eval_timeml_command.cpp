// tempora eval timeml: TempEval-3 Task A timex measures over two folders.
//
// Documents are paired by file name stem (gold X.tml with system X.tml); a
// gold document without a system file counts as all timexes missed. Strict
// and relaxed span P/R/F1, then type and value F1 (an attribute counts when
// the spans overlap and the attribute is identical). The DCT is not counted.
// Events the same way: strict and relaxed span, and class over overlapping
// events (TempEval-3 Task B).
//
// With --matres, event order too: each MATRES pair's gold events are mapped
// to the system events whose spans overlap theirs, and the start-point
// relation is read from the closure of the system file's TLINKs (the
// reasoning engine of the relation stage, fed TimeML: relation_timeml.hpp).
// Any system's TimeML can be scored this way, the gold annotation's own
// TLINKs included.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/matres.hpp"
#include "event/event_timeml.hpp"
#include "relation/relation_timeml.hpp"
#include "tempora/timeml.hpp"

namespace tempora::cli {
namespace {

struct EvalTimemlOptions {
  std::string gold, system;
  std::vector<std::string> matres;
  bool errors = false;
};

std::string stem_of(const std::filesystem::path& p) {
  std::string s = p.filename().string();
  for (const char* ext : {".tml", ".TE3input", ".xml"})
    if (s.size() > std::strlen(ext) && s.ends_with(ext)) return s.substr(0, s.size() - std::strlen(ext));
  return p.stem().string();
}

std::map<std::string, std::filesystem::path> list_documents(const std::string& dir) {
  std::map<std::string, std::filesystem::path> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension().string();
    if (ext == ".tml" || ext == ".TE3input" || ext == ".xml") out.emplace(stem_of(entry.path()), entry.path());
  }
  return out;
}

std::string one_line(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

void print_errors(const std::string& name, const timeml::TimemlDocument& gold, const timeml::TimemlDocument& sys) {
  auto timexes = [](const timeml::TimemlDocument& d) {
    std::vector<const timeml::Element*> out;
    for (const auto* e : d.elements("TIMEX3"))
      if (e->attr("functionInDocument") != "CREATION_TIME") out.push_back(e);
    return out;
  };
  const auto g = timexes(gold), s = timexes(sys);
  auto text_of = [](const timeml::TimemlDocument& d, const timeml::Element* e) {
    return one_line(std::string_view(d.text).substr(e->span->begin, e->span->size()));
  };
  for (const auto* ge : g) {
    const timeml::Element* best = nullptr;
    for (const auto* se : s)
      if (se->span->overlaps(*ge->span)) best = best ? best : se;
    if (best == nullptr) {
      fmt::print("{}\tMISSED\t\"{}\"\t{} {}\n", name, text_of(gold, ge), ge->attr("type"), ge->attr("value"));
      continue;
    }
    const bool span = *best->span == *ge->span;
    const bool type = best->attr("type") == ge->attr("type");
    const bool value = best->attr("value") == ge->attr("value");
    if (span && type && value) continue;
    fmt::print("{}\t{}{}{}\t\"{}\" -> \"{}\"\tgold {} {}\tsys {} {}\n", name, span ? "" : "SPAN ", type ? "" : "TYPE ",
               value ? "" : "VALUE", text_of(gold, ge), text_of(sys, best), ge->attr("type"), ge->attr("value"),
               best->attr("type"), best->attr("value"));
  }
  for (const auto* se : s) {
    const bool hit = std::any_of(g.begin(), g.end(), [&](const auto* ge) { return ge->span->overlaps(*se->span); });
    if (!hit) fmt::print("{}\tSPURIOUS\t\"{}\"\t{} {}\n", name, text_of(sys, se), se->attr("type"), se->attr("value"));
  }
}

// Event instance id -> the span of its EVENT, through MAKEINSTANCE eventID.
std::map<std::string, Span, std::less<>> instance_spans(const timeml::TimemlDocument& doc) {
  std::map<std::string_view, Span, std::less<>> event_span;
  for (const timeml::Element* e : doc.elements("EVENT"))
    if (e->span) event_span.emplace(e->attr("eid"), *e->span);
  std::map<std::string, Span, std::less<>> out;
  for (const timeml::Element& link : doc.links) {
    if (link.name != "MAKEINSTANCE") continue;
    if (const auto it = event_span.find(link.attr("eventID")); it != event_span.end())
      out.emplace(std::string(link.attr("eiid")), it->second);
  }
  return out;
}

// Adds the MATRES pairs of one document: gold eiids -> gold spans -> the
// system instance whose event overlaps (the first in the text) -> its node.
void score_matres_pairs(const std::vector<MatresPair>& pairs, const timeml::TimemlDocument& gold,
                        const timeml::TimemlDocument& sys, MatresScore& score, std::size_t& tlinks) {
  const auto gold_spans = instance_spans(gold);
  const auto sys_spans = instance_spans(sys);
  const timeml::TimemlGraph graph = timeml::timeml_graph(sys);
  tlinks += graph.links;
  auto node = [&](const std::string& gold_eiid) -> std::size_t {
    const auto g = gold_spans.find(gold_eiid);
    if (g == gold_spans.end()) return TemporalGraph::npos;
    const std::pair<const std::string, Span>* best = nullptr;
    for (const auto& entry : sys_spans)
      if (entry.second.overlaps(g->second) && (!best || entry.second.begin < best->second.begin)) best = &entry;
    if (!best) return TemporalGraph::npos;
    const auto it = graph.node_of.find(best->first);
    return it == graph.node_of.end() ? TemporalGraph::npos : it->second;
  };
  for (const MatresPair& p : pairs) {
    const std::size_t a = node(p.eiid1), b = node(p.eiid2);
    if (a == TemporalGraph::npos || b == TemporalGraph::npos) {
      ++score.unmapped;
      score.add(p.gold, StartOrder::vague);
      continue;
    }
    score.add(p.gold, graph.graph.start_order(a, b));
  }
}

void run_eval_timeml(const EvalTimemlOptions& options) {
  const auto gold_docs = list_documents(options.gold);
  const auto system_docs = list_documents(options.system);
  if (gold_docs.empty()) throw std::runtime_error(fmt::format("no TimeML documents in {}", options.gold));
  timeml::TimexScores total;
  timeml::EventScores event_total;
  std::size_t missing = 0, text_mismatch = 0;
  const auto matres = read_matres(options.matres);
  MatresScore order;
  std::size_t order_docs = 0, order_tlinks = 0;
  for (const auto& [docid, pairs] : matres)
    if (!gold_docs.contains(docid))
      for (const MatresPair& p : pairs) order.add(p.gold, StartOrder::vague), ++order.unmapped;
  for (const auto& [name, gold_path] : gold_docs) {
    const timeml::TimemlDocument gold = timeml::read_timeml(gold_path);
    timeml::TimemlDocument sys;
    if (const auto it = system_docs.find(name); it != system_docs.end()) {
      sys = timeml::read_timeml(it->second);
      if (sys.text != gold.text) {
        ++text_mismatch;
        fmt::print(stderr, "tempora: {}: system TEXT differs from gold TEXT; spans may not align\n", name);
      }
    } else {
      ++missing;
    }
    const timeml::TimexScores s = timeml::score_timexes(gold, sys);
    total.strict += s.strict, total.relaxed += s.relaxed, total.type += s.type, total.value += s.value;
    event_total += timeml::score_events(gold, sys);
    if (options.errors) print_errors(name, gold, sys);
    if (const auto pairs = matres.find(name); pairs != matres.end()) {
      ++order_docs;
      score_matres_pairs(pairs->second, gold, sys, order, order_tlinks);
    }
  }
  fmt::print("TempEval-3 Task A, timexes: {} documents ({} without system output, {} with different TEXT)\n",
             gold_docs.size(), missing, text_mismatch);
  fmt::print("gold timexes {}, system timexes {}\n", total.strict.gold, total.strict.system);
  fmt::print("{:<10} {:>9} {:>9} {:>9}\n", "measure", "P", "R", "F1");
  const std::pair<const char*, const timeml::Counts*> rows[] = {
      {"strict", &total.strict}, {"relaxed", &total.relaxed}, {"type", &total.type}, {"value", &total.value}};
  for (const auto& [label, c] : rows)
    fmt::print("{:<10} {:>9.2f} {:>9.2f} {:>9.2f}\n", label, 100 * c->precision(), 100 * c->recall(), 100 * c->f1());
  fmt::print("\nTempEval-3 Task B, events: gold events {}, system events {}\n", event_total.strict.gold,
             event_total.strict.system);
  fmt::print("{:<10} {:>9} {:>9} {:>9}\n", "measure", "P", "R", "F1");
  for (const auto& [label, c] : {std::pair{"strict", &event_total.strict}, std::pair{"relaxed", &event_total.relaxed},
                                 std::pair{"class", &event_total.cls}})
    fmt::print("{:<10} {:>9.2f} {:>9.2f} {:>9.2f}\n", label, 100 * c->precision(), 100 * c->recall(), 100 * c->f1());
  if (options.matres.empty()) return;
  fmt::print("\nMATRES start-point order from the closure of the system's TLINKs: {} of {} documents, {} TLINKs\n",
             order_docs, matres.size(), order_tlinks);
  order.print();
}

}  // namespace

void add_eval_timeml_command(CLI::App& eval) {
  auto options = std::make_shared<EvalTimemlOptions>();
  CLI::App* cmd = eval.add_subcommand(
      "timeml",
      "TempEval-3 Task A timex scores: strict/relaxed span P/R/F1, type and value F1 (DCT excluded); Task B "
      "event span and class; with --matres, event order against MATRES");
  cmd->add_option("--gold", options->gold, "Folder of gold TimeML files")->required();
  cmd->add_option("--system", options->system, "Folder of system TimeML files (same file names)")->required();
  cmd->add_flag("--errors", options->errors, "Print per-document errors (missed, spurious, span/type/value)");
  cmd->add_option("--matres", options->matres,
                  "MATRES files (DOCID verb1 verb2 eiid1 eiid2 LABEL): also score event start-point order, read "
                  "from the closure of the system's TLINKs")
      ->check(CLI::ExistingFile);
  cmd->callback([options] { run_eval_timeml(*options); });
}

}  // namespace tempora::cli
