// Comparing how several articles tell the same story.
//
// compare() aligns the events of analysed documents (one per article) and
// says what they agree and disagree on:
//
//   std::vector<Document> docs = ...;           // each through pipeline.analyze()
//   Comparison c = compare(docs);
//   c.events                   // aligned events, each with the articles that report it
//   c.date_disagreements       // "Mar 12 (2026)" in two articles, "Mar 13 (2026)" in one
//   c.order_disagreements      // X before Y in one article, Y before X in another
//   c.agreement                // Kendall's tau over the event pairs two articles both order
//   fmt::print("{}", to_text(c));
//   TimelineGraph g = merged_timeline(c);     // one graph: sources marked, disputes red
//   TimelineGraph t = combined_timeline(docs); // the articles' own graphs, aligned events joined
//
// Alignment (src/corpus/compare.cpp explains the scoring): events are matched
// across articles by trigger lemma or event type, shared participants and
// compatible time; an article's repeated mentions of one event ("met",
// "the talks") are merged first. An aligned event is reported by 1..N
// articles; dates and order are then compared per aligned event and per pair
// of aligned events.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "tempora/document.hpp"
#include "tempora/graph.hpp"

namespace tempora {

// Who took part in a report, as the article names them.
struct ReportedParticipant {
  std::string key;                       // cross-document actor key ("xi jinping")
  std::string name;                      // the article's canonical name ("Xi Jinping")
  ActorType type = ActorType::OTHER;
  Role role = Role::other;
};

// One article's report of an event: its mentions there, merged.
struct ReportedEvent {
  std::size_t article = 0;               // index into Comparison::articles
  std::vector<std::size_t> mentions;     // indices into that document's Events::events
  std::string label;                     // "Marek asks Holm", from the article's first mention
  std::string trigger;                   // the first mention's words
  std::string type;                      // MEET, REQUEST, ... or OTHER
  std::vector<std::string> lemmas;       // of all mentions
  std::vector<std::string> participants;  // cross-document actor keys ("marek", "holm")
  std::vector<ReportedParticipant> who;    // the participants and places with names, types and roles
  std::uint32_t sentence = 0;            // of the first mention
  // The article's date for the event, when one of its mentions is anchored.
  std::string date_value;                // TIMEX3 value: "2026-03-12", "2026-W10"
  std::optional<std::chrono::sys_days> start, end;  // the anchor's days, both included
  TimeGranularity granularity = TimeGranularity::unknown;
  InferredParts inferred;
  // Without a date: the bounds the article's links give.
  std::optional<std::chrono::sys_days> not_before, not_after;
};

struct AlignedEvent {
  std::string id;                       // "m1", "m2", ... in order of first report
  std::string label;                    // the label of the most detailed report
  std::string type;
  std::vector<ReportedEvent> reports;   // at most one per article, in article order

  bool reported_by(std::size_t article) const;
};

// Articles that give an aligned event different dates (intervals that do
// not overlap: "Mar 12 (2026)" against "Mar 13 (2026)").
struct DateDisagreement {
  std::size_t event = 0;  // index into Comparison::events
  struct Claim {
    std::string date;                   // the label: "Mar 12 (2026)"
    std::vector<std::size_t> articles;  // that say so
  };
  std::vector<Claim> claims;  // two or more, earliest first
};

// Articles that order two aligned events differently.
struct OrderDisagreement {
  std::size_t first = 0, second = 0;              // indices into Comparison::events
  std::vector<std::size_t> first_before_second;  // articles that put first before second
  std::vector<std::size_t> second_before_first;  // and the reverse
};

struct Comparison {
  std::vector<std::string> articles;  // document ids, in input order
  std::vector<AlignedEvent> events;   // in order of first report (article order, then text order)
  std::vector<std::size_t> shared;    // events every article reports
  std::vector<std::size_t> partial;   // events only some articles report
  std::vector<DateDisagreement> date_disagreements;
  std::vector<OrderDisagreement> order_disagreements;
  // Kendall's tau over aligned pairs: for every two articles and every two
  // aligned events both articles order, one of them firmly (by dates or
  // stated links, not only by telling one first), a concordant or a
  // discordant pair; tau = (C - D) / (C + D), 1 when nobody disagrees, unset
  // when no pair is ordered twice.
  std::size_t concordant = 0, discordant = 0;
  std::optional<double> agreement;
};

struct CompareOptions {
  // Also compare reporting verbs and states ("said", "believe"), which are
  // hidden from timelines by default.
  bool all = false;
  // How alike two reports must be to be aligned (see compare.cpp); higher
  // aligns less.
  double threshold = 1.0;
};

// Needs the Segmentation layer of every document; uses Events, TimeExpressions,
// TemporalLinks, Dependencies and the actor layers when present. Document
// ids name the articles (ids that repeat get a suffix).
Comparison compare(const std::vector<Document>& docs, const CompareOptions& options = {});

// For people: the events every article reports, those only some report (and
// which), the date and order disagreements, and the agreement score.
std::string to_text(const Comparison& comparison);
// For programs: the same as JSON (schema "tempora-compare/1").
std::string to_json(const Comparison& comparison);

// The merged timeline: one event per aligned event, labelled with the
// articles that report it ("[Meridian, Harbor Times]"), placed on the date
// most articles give; an order disagreement becomes a contradiction cycle
// (drawn red by the renderer), a date disagreement names the other dates in
// the label.
TimelineGraph merged_timeline(const Comparison& comparison);

// One timeline of several analysed articles: each article's own graph (node
// ids prefixed by its name in the comparison: "meridian:e3"), with the
// reports of each aligned event joined by identity edges, so that placing
// it shows the event once ("reported 3x") with every article's participants,
// dates and order. An aligned event whose articles give different dates
// stays apart: its reports are placed where each article puts them.
TimelineGraph combined_timeline(const std::vector<Document>& docs, const CompareOptions& options = {});
// DOT of the merged timeline with the disputed events outlined in red.
std::string compare_dot(const Comparison& comparison, const std::string& title = {});

}  // namespace tempora
