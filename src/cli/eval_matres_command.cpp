// tempora eval matres: event start-point order against MATRES, from raw text.
//
// MATRES pairs name events by their TempEval-3 MAKEINSTANCE eiid (see
// matres.hpp, which also scores them). For every document the TimeML file is read from --tml (searched
// recursively by document id), its text goes through the pipeline
// (segmenter, POS tagger, time tagger, parser, relation stage) and the relation of
// each MATRES pair is read from the closure of the system's links:
// start(e1) vs start(e2).
//
// Events: --events gold (the default) gives the relation stage the gold
// EVENT spans; --attributes gold also passes the gold MAKEINSTANCE class,
// tense and aspect, --attributes derived (the default) lets the relation
// stage read tense and aspect from POS tags. --events system runs the event
// tagger and maps gold events to system events by overlapping span (a gold
// event without a system event counts as VAGUE). The event tagger and the
// relation stage see the dependency parse, as in the pipeline.
//
// Honest raw-text numbers: train one event model per fold
// (`tempora train events --folds 5 --fold K -o fold{K}.bin`) and run
// `--events system --event-model 'fold{fold}.bin' --folds 5`: every document
// is then tagged by the model that did not see it (the relation rules are
// not trained).
//
// `eval timeml --matres` scores the TLINKs of TimeML files instead (any
// system's, or the gold annotation's) with the same pairs.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/matres.hpp"
#include "tempora/data.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/relation.hpp"
#include "tempora/segment.hpp"
#include "tempora/timeml.hpp"
#include "tempora/timex.hpp"

namespace tempora::cli {
namespace {

struct MatresOptions {
  std::vector<std::string> files;
  std::string tml_dir = "../shared/data/tempeval3";
  std::string events = "gold";
  std::string attributes = "derived";
  std::string event_model;  // with --events system: a model file; "{fold}" is replaced by the fold number
  int folds = 0;            // > 1: document i (by file name, as `tempora train events`) is in fold i % folds
  int fold = -1;            // only this fold; default all
  bool errors = false;
};

void run_matres(const MatresOptions& options) {
  const auto by_doc = read_matres(options.files);
  std::map<std::string, std::filesystem::path> tml;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(options.tml_dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".tml") continue;
    tml.emplace(entry.path().stem().string(), entry.path());
  }
  // Folds as `tempora train events` makes them: documents sorted by file name, document i in fold i % N.
  std::map<std::string, int> fold_of;
  {
    int i = 0;
    std::vector<std::string> names;
    for (const auto& [stem, _] : tml) names.push_back(stem + ".tml");
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) fold_of[name.substr(0, name.size() - 4)] = options.folds > 1 ? i++ % options.folds : 0;
  }
  const Segmenter segmenter = Segmenter::load();
  const PosTagger pos = PosTagger::load();
  const TimeTagger timex = TimeTagger::load();
  const RelationExtractor relations = RelationExtractor::load();
  std::optional<EventTagger> event_tagger;
  std::optional<DependencyParser> parser;
  if (DependencyParser::available()) parser.emplace(DependencyParser::load());
  int loaded_fold = -2;
  auto load_events = [&](int fold) {
    if (options.events != "system" || loaded_fold == fold) return;
    loaded_fold = fold;
    if (options.event_model.empty()) {
      event_tagger.emplace(EventTagger::load());
      return;
    }
    std::string file = options.event_model;
    if (const auto at = file.find("{fold}"); at != std::string::npos) file.replace(at, 6, std::to_string(fold));
    event_tagger.emplace(EventTagger::load(file, data_file("resources/event")));
  };

  MatresScore score;
  std::size_t missing_docs = 0;
  std::size_t evaluated_docs = 0;
  for (int fold = 0; fold < std::max(1, options.folds); ++fold) {
    if (options.fold >= 0 && fold != options.fold) continue;
    load_events(fold);
    for (const auto& [docid, pairs] : by_doc) {
      if (options.folds > 1 && fold_of.count(docid) && fold_of[docid] != fold) continue;
      ++evaluated_docs;
      const auto found = tml.find(docid);
      if (found == tml.end()) {
        ++missing_docs;
        for (const MatresPair& p : pairs) score.add(p.gold, StartOrder::vague);
        continue;
      }
      timeml::TimemlDocument gold = timeml::read_timeml(found->second);
      DocumentInfo info;
      info.id = docid;
      info.creation_time = gold.creation_time;
      Document doc(gold.text, info);
      segmenter.segment(doc);
      pos.tag(doc);
      timex.tag(doc);
      if (parser) parser->parse(doc);
      // eiid -> the gold EVENT element (through MAKEINSTANCE eventID).
      std::map<std::string, const timeml::Element*, std::less<>> event_by_eid;
      for (const timeml::Element* e : gold.elements("EVENT")) event_by_eid.emplace(std::string(e->attr("eid")), e);
      std::map<std::string, std::string, std::less<>> node_of_eiid;  // eiid -> node id in the relation layer
      std::vector<EventInput> inputs;
      std::map<std::string, std::string, std::less<>> first_eiid_of_eid;
      if (!event_tagger) {
        for (const timeml::Element& link : gold.links) {
          if (link.name != "MAKEINSTANCE") continue;
          const std::string eid(link.attr("eventID")), eiid(link.attr("eiid"));
          const auto ev = event_by_eid.find(eid);
          if (ev == event_by_eid.end() || !ev->second->span) continue;
          if (const auto seen = first_eiid_of_eid.find(eid); seen != first_eiid_of_eid.end()) {
            node_of_eiid[eiid] = seen->second;
            continue;
          }
          first_eiid_of_eid[eid] = eiid;
          node_of_eiid[eiid] = eiid;
          EventInput in;
          in.id = eiid;
          in.span = *ev->second->span;
          if (options.attributes == "gold") {
            in.event_class = std::string(ev->second->attr("class"));
            in.tense = std::string(link.attr("tense"));
            in.aspect = std::string(link.attr("aspect"));
          }
          inputs.push_back(std::move(in));
        }
        relations.link(doc, std::move(inputs));
      } else {
        const Events& events = event_tagger->tag(doc);
        for (const timeml::Element& link : gold.links) {
          if (link.name != "MAKEINSTANCE") continue;
          const auto ev = event_by_eid.find(link.attr("eventID"));
          if (ev == event_by_eid.end() || !ev->second->span) continue;
          for (const EventMention& m : events.events)
            if (m.span.overlaps(*ev->second->span)) {
              node_of_eiid[std::string(link.attr("eiid"))] = m.id;
              break;
            }
        }
        relations.link(doc);
      }
      const TemporalLinks& layer = doc.get<TemporalLinks>();
      for (const MatresPair& p : pairs) {
        const auto a = node_of_eiid.find(p.eiid1), b = node_of_eiid.find(p.eiid2);
        StartOrder system = StartOrder::vague;
        if (a == node_of_eiid.end() || b == node_of_eiid.end()) {
          ++score.unmapped;
        } else {
          system = layer.start_order(a->second, b->second);
        }
        score.add(p.gold, system);
        if (options.errors && system != p.gold)
          fmt::print("{}\t{} {}\t{} {}\tgold {}\tsystem {}\n", docid, p.verb1, p.eiid1, p.verb2, p.eiid2,
                     to_string(p.gold), to_string(system));
      }
    }
  }
  fmt::print("MATRES start-point order ({} documents, events: {}{}{})\n", evaluated_docs, options.events,
             options.events == "gold" ? fmt::format(", attributes: {}", options.attributes) : "",
             options.folds > 1 ? fmt::format(", {} folds by document{}", options.folds,
                                             options.fold >= 0 ? fmt::format(", fold {}", options.fold) : "")
                               : "");
  if (missing_docs) fmt::print("  {} documents not found under {}\n", missing_docs, options.tml_dir);
  score.print();
}

}  // namespace

void add_eval_matres_command(CLI::App& eval) {
  auto options = std::make_shared<MatresOptions>();
  CLI::App* cmd = eval.add_subcommand("matres", "Score event start-point order against MATRES pairs");
  cmd->add_option("files", options->files, "MATRES files (DOCID verb1 verb2 eiid1 eiid2 LABEL)")->required();
  cmd->add_option("--tml", options->tml_dir, "folder with the TempEval-3 .tml files (searched recursively)");
  cmd->add_option("--events", options->events, "gold: gold EVENT spans; system: the event tagger")
      ->check(CLI::IsMember({"gold", "system"}));
  cmd->add_option("--attributes", options->attributes,
                  "with --events gold: gold (class, tense, aspect from MAKEINSTANCE) or derived (from POS)")
      ->check(CLI::IsMember({"gold", "derived"}));
  cmd->add_option("--event-model", options->event_model,
                  "with --events system: event model file ('{fold}' is replaced by the fold number)");
  cmd->add_option("--folds", options->folds, "split documents into N folds as `tempora train events --folds N` does");
  cmd->add_option("--fold", options->fold, "with --folds: only this fold (0-based)");
  cmd->add_flag("--errors", options->errors, "print every pair the system gets wrong");
  cmd->callback([options] { run_matres(*options); });
}

}  // namespace tempora::cli
