// tempora eval participants: event participants against MEANTIME.
//
// For every CAT XML file in --meantime (MEANTIME intra-doc, e.g.
// ../shared/data/meantime/intra-doc/apple), the text is rebuilt on the gold
// tokens, tagged (POS, time expressions) and parsed by tempora, and the gold
// EVENT_MENTIONs become the Events layer (class and type from the event
// tagger where it found the same trigger), so the score is that of the
// participant finder alone. An empty Actors layer is added (the finder then
// decides places from place nouns and proper nouns): the scored roles do
// not depend on actors.
//
// Role groups and PropBank roles (src/actor/meantime_participants.hpp):
// Arg0 <-> agent, speaker; Arg1 <-> patient, co-participant; secondary Arg2
// <-> recipient, addressee and Argm-LOC <-> place. Matching is by head token
// within the same gold event and group. The headline figure is Arg0+Arg1
// over arguments that are gold entity mentions (MEANTIME links only its
// annotated entity mentions); Arg0+Arg1 over all our arguments is printed too.
//
// Figures (30 apple documents, 479 gold events, 404 gold Arg0/Arg1 links;
// `tempora eval participants --meantime ../shared/data/meantime/intra-doc/apple`):
// Arg0+Arg1 over entity arguments P 63.2 R 63.9 F1 63.5; over all our
// arguments P 51.2 R 63.9 F1 56.9; Arg0 F1 58.6, Arg1 F1 55.3. The rules were
// refined while reading errors on these same documents (there is no held-out
// MEANTIME split), so treat the figure as a development score.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "actor/meantime_participants.hpp"
#include "cli/commands.hpp"
#include "tempora/actor.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/timex.hpp"

namespace tempora::cli {
namespace {

struct ParticipantsOptions {
  std::string meantime = "../shared/data/meantime/intra-doc/apple";
  bool errors = false;
};

void print_row(std::string_view name, const detail::LinkCounts& c) {
  fmt::print("{:<28} {:>5} {:>6} {:>7} {:>6.1f} {:>6.1f} {:>6.1f}\n", name, c.gold, c.system, c.correct_gold,
             c.precision(), c.recall(), c.f1());
}

void print_errors(const Document& doc, const detail::CatDocument& cat, const std::vector<std::size_t>& mentions) {
  const auto& events = doc.get<Events>();
  const auto& participants = doc.get<Participants>();
  std::vector<std::vector<const detail::CatParticipant*>> gold(events.events.size());
  for (const auto& p : cat.participants)
    for (std::size_t i = 0; i < mentions.size(); ++i)
      if (mentions[i] == p.event) gold[i].push_back(&p);
  for (std::size_t i = 0; i < events.events.size(); ++i) {
    const EventMention& e = events.events[i];
    std::string line = fmt::format("{} [{} {}] {}:", cat.name, to_string(e.cls), e.type, doc.text(e.span));
    for (const auto* g : gold[i]) {
      std::string words;
      for (const std::uint32_t t : cat.mentions[g->target].tokens) words += (words.empty() ? "" : " ") + cat.tokens[t];
      line += fmt::format("  gold {}={}", g->role, words);
    }
    for (const Participant& p : participants.of(i))
      line += fmt::format("  ours {}={}", to_string(p.role), doc.text(p.span));
    fmt::print("{}\n", line);
  }
}

void run_participants(const ParticipantsOptions& options) {
  const std::vector<std::filesystem::path> files = detail::cat_files(options.meantime);

  const PosTagger pos = PosTagger::load();
  const DependencyParser parser = DependencyParser::load();
  const TimeTagger time = TimeTagger::load();
  const EventTagger event_tagger = EventTagger::load();
  const ParticipantFinder finder = ParticipantFinder::load();

  detail::ParticipantScores total;
  std::size_t gold_events = 0;
  for (const auto& file : files) {
    const detail::CatDocument cat = detail::read_cat(file);
    Document doc = detail::cat_document(cat);
    pos.tag(doc);
    parser.parse(doc);
    time.tag(doc);
    Document predicted = doc;
    event_tagger.tag(predicted);
    const auto mentions = detail::add_gold_events(doc, cat, predicted);
    gold_events += mentions.size();
    Actors actors;
    actors.actor_of_token.assign(doc.get<Segmentation>().tokens.size(), -1);
    doc.add(std::move(actors));
    finder.find(doc);
    total += detail::score_participants(doc, cat, mentions);
    if (options.errors) print_errors(doc, cat, mentions);
  }
  fmt::print("MEANTIME participants: {} documents, {} gold events\n", files.size(), gold_events);
  fmt::print("{:<28} {:>5} {:>6} {:>7} {:>6} {:>6} {:>6}\n", "group", "gold", "system", "correct", "P", "R", "F1");
  print_row("Arg0 (agent, speaker)", total.arg0);
  print_row("Arg1 (patient, co-part.)", total.arg1);
  print_row("Arg2 (recipient, addressee)", total.arg2);
  print_row("Argm-LOC (place)", total.loc);
  print_row("Arg0+Arg1, all ours", total.core_all);
  print_row("Arg0+Arg1, entity args", total.core_entities);
}

}  // namespace

void add_eval_participants_command(CLI::App& eval) {
  auto options = std::make_shared<ParticipantsOptions>();
  CLI::App* cmd = eval.add_subcommand("participants", "Score event participants against MEANTIME (CAT XML)");
  cmd->add_option("--meantime", options->meantime, "folder of MEANTIME CAT XML files")->check(CLI::ExistingDirectory);
  cmd->add_flag("--errors", options->errors, "print every gold event with the gold and the found participants");
  cmd->callback([options] { run_participants(*options); });
}

}  // namespace tempora::cli
