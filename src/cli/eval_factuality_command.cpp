// tempora eval factuality: event factuality against MEANTIME.
//
// For every CAT XML file in --meantime (e.g.
// ../shared/data/meantime/intra-doc/apple) the text is rebuilt on the gold
// tokens, tagged, parsed and run through the event tagger. Each gold
// EVENT_MENTION found by the tagger (an event of ours on one of its tokens)
// is scored: the gold value is NEGATED when polarity is NEG, else POSSIBLE
// when certainty is POSSIBLE or PROBABLE, else FUTURE when time is FUTURE,
// else ASSERTED; mentions with an empty or UNDERSPECIFIED attribute are left
// out. Printed: the confusion table, accuracy, the accuracy of calling every
// event ASSERTED (the baseline), and precision and recall of "not asserted"
// (what a timeline hides or marks).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actor/meantime_participants.hpp"
#include "cli/commands.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"

namespace tempora::cli {
namespace {

struct FactualityOptions {
  std::string meantime;
  bool errors = false;
};

std::optional<Factuality> gold_factuality(const detail::CatMention& m) {
  const auto unknown = [](const std::string& v) { return v.empty() || v == "UNDERSPECIFIED"; };
  if (m.polarity == "NEG") return Factuality::NEGATED;
  if (m.certainty == "POSSIBLE" || m.certainty == "PROBABLE") return Factuality::POSSIBLE;
  if (unknown(m.polarity) || unknown(m.certainty) || unknown(m.time)) return std::nullopt;
  return m.time == "FUTURE" ? Factuality::FUTURE : Factuality::ASSERTED;
}

void run_factuality(const FactualityOptions& options) {
  const std::vector<std::filesystem::path> files = detail::cat_files(options.meantime);

  const PosTagger pos = PosTagger::load();
  const DependencyParser parser = DependencyParser::load();
  const EventTagger event_tagger = EventTagger::load();

  std::array<std::array<std::size_t, 4>, 4> confusion{};  // [gold][ours]
  std::size_t gold_events = 0, found = 0;
  for (const auto& file : files) {
    const detail::CatDocument cat = detail::read_cat(file);
    Document doc = detail::cat_document(cat);
    pos.tag(doc);
    parser.parse(doc);
    const Events& events = event_tagger.tag(doc);
    for (const detail::CatMention& m : cat.mentions) {
      if (!m.event) continue;
      const std::optional<Factuality> gold = gold_factuality(m);
      if (!gold) continue;
      ++gold_events;
      const auto ours = std::find_if(events.events.begin(), events.events.end(), [&](const EventMention& e) {
        return std::find(m.tokens.begin(), m.tokens.end(), e.token) != m.tokens.end();
      });
      if (ours == events.events.end()) continue;
      ++found;
      ++confusion[static_cast<std::size_t>(*gold)][static_cast<std::size_t>(ours->factuality)];
      if (options.errors && ours->factuality != *gold)
        fmt::print("{}: {} gold {} ours {}\n    {}\n", cat.name, doc.text(ours->span), to_string(*gold),
                   to_string(ours->factuality), doc.text(doc.get<Segmentation>().sentences[ours->sentence].span));
    }
  }
  fmt::print("MEANTIME factuality: {} documents, {} gold events with all three attributes, {} found by the tagger\n",
             files.size(), gold_events, found);
  fmt::print("{:<10}", "gold\\ours");
  for (int c = 0; c < 4; ++c) fmt::print(" {:>9}", to_string(static_cast<Factuality>(c)));
  fmt::print("\n");
  std::size_t right = 0, asserted = 0, hidden_right = 0, hidden_gold = 0, hidden_ours = 0;
  for (int g = 0; g < 4; ++g) {
    fmt::print("{:<10}", to_string(static_cast<Factuality>(g)));
    for (int o = 0; o < 4; ++o) {
      const std::size_t k = confusion[static_cast<std::size_t>(g)][static_cast<std::size_t>(o)];
      fmt::print(" {:>9}", k);
      if (g == o) right += k;
      if (g == 0) asserted += k;
      if (g != 0) hidden_gold += k;
      if (o != 0) hidden_ours += k;
      if (g != 0 && o != 0) hidden_right += k;
    }
    fmt::print("\n");
  }
  const auto pct = [](std::size_t a, std::size_t b) { return b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / static_cast<double>(b); };
  const double p = pct(hidden_right, hidden_ours), r = pct(hidden_right, hidden_gold);
  fmt::print("accuracy {:.1f} (all ASSERTED: {:.1f})\n", pct(right, found), pct(asserted, found));
  fmt::print("not asserted: P {:.1f} R {:.1f} F1 {:.1f}\n", p, r, p + r == 0 ? 0.0 : 2 * p * r / (p + r));
}

}  // namespace

void add_eval_factuality_command(CLI::App& eval) {
  auto options = std::make_shared<FactualityOptions>();
  CLI::App* cmd = eval.add_subcommand("factuality", "Score event factuality against MEANTIME (CAT XML)");
  cmd->add_option("--meantime", options->meantime, "folder of MEANTIME CAT XML files")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_flag("--errors", options->errors, "print every event whose factuality differs from the gold");
  cmd->callback([options] { run_factuality(*options); });
}

}  // namespace tempora::cli
