// Scoring participants against MEANTIME (CAT XML): the reader of events,
// entity mentions and HAS_PARTICIPANT links, the Document built on the gold
// tokens, and the scorer. Used by `tempora eval participants` and the tests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "tempora/actor.hpp"
#include "tempora/document.hpp"

namespace tempora::detail {

struct CatMention {
  std::string id;                     // m_id
  bool event = false;                 // EVENT_MENTION (else ENTITY_MENTION)
  std::vector<std::uint32_t> tokens;  // 0-based token indices, in text order
  std::string head;                   // the head attribute ("Apple Computer"), often empty
  std::string syntactic_type;         // NAM, NOM, PRO, APP, CONJ, ...
  // Events: certainty (CERTAIN, POSSIBLE, PROBABLE, UNDERSPECIFIED), polarity
  // (POS, NEG, UNDERSPECIFIED) and time (FUTURE, NON_FUTURE, UNDERSPECIFIED);
  // empty when the file leaves them out.
  std::string certainty, polarity, time;
};

struct CatParticipant {
  std::size_t event = 0;   // index in CatDocument::mentions (an event)
  std::size_t target = 0;  // index in CatDocument::mentions (an entity)
  std::string role;        // sem_role: Arg0, Arg1, Arg2, Argm-LOC, ...
};

struct CatDocument {
  std::string name;
  std::vector<std::string> tokens;
  std::vector<std::uint32_t> sentence_of;  // parallel to tokens
  std::vector<CatMention> mentions;        // entity and event mentions, in file order
  std::vector<CatParticipant> participants;
};

// The CAT XML files (*.xml) of a MEANTIME folder, sorted by name; throws
// std::runtime_error when there is none.
std::vector<std::filesystem::path> cat_files(const std::filesystem::path& dir);

// Reads one CAT XML file; throws std::runtime_error naming it when it is not
// CAT XML. Links to VALUE (time) markables and to unknown ids are skipped.
CatDocument read_cat(const std::filesystem::path& file);

// A Document on the gold tokens: one space between tokens, a newline between
// sentences, and its Segmentation layer taken from the file (so token i of
// the Document is token i of the CAT file).
Document cat_document(const CatDocument& cat);

// Adds an Events layer with one event per gold event mention (in the order of
// CatDocument::mentions, events only), headed by the mention's syntactic head
// in the parse. Class and type come from `predicted` (the event tagger's own
// events on the same tokens) when it found an event at that head, else the
// class is OCCURRENCE and the type comes from resources/event/types.txt.
// Needs Segmentation, Morphology and Dependencies. Returns for each added
// event the index of its CatMention.
std::vector<std::size_t> add_gold_events(Document& doc, const CatDocument& cat, const Document& predicted);

// Precision, recall and F1 counts.
struct LinkCounts {
  std::size_t gold = 0, system = 0, correct_gold = 0, correct_system = 0;
  double precision() const { return system == 0 ? 0.0 : 100.0 * static_cast<double>(correct_system) / static_cast<double>(system); }
  double recall() const { return gold == 0 ? 0.0 : 100.0 * static_cast<double>(correct_gold) / static_cast<double>(gold); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  LinkCounts& operator+=(const LinkCounts& o) {
    gold += o.gold, system += o.system, correct_gold += o.correct_gold, correct_system += o.correct_system;
    return *this;
  }
};

// The role groups scored, with the mapping from PropBank roles:
//   arg0: gold Arg0             <-> agent, speaker
//   arg1: gold Arg1             <-> patient, co-participant
//   arg2: gold Arg2             <-> recipient, addressee   (secondary)
//   loc:  gold Argm-LOC         <-> place                  (secondary)
// Topics point at events, which MEANTIME never links as participants: not scored.
struct ParticipantScores {
  LinkCounts arg0, arg1, arg2, loc;
  // arg0 + arg1 when only system participants whose head lies inside some
  // gold entity mention are counted (MEANTIME links only annotated entity
  // mentions, so an argument that is no entity mention cannot be gold).
  LinkCounts core_entities;
  // arg0 + arg1 counting every system participant.
  LinkCounts core_all;
  ParticipantScores& operator+=(const ParticipantScores& o);
};

// Scores the Participants layer of `doc` (whose Events came from
// add_gold_events, `event_mentions` its result) against the gold links. A
// gold argument's heads are the tokens of its head attribute inside the
// mention, or, when that is empty, the mention's syntactic head in the parse
// with the conjuncts, appositions and flat names hanging from it inside the
// mention. A system participant matches when its head token is one of them,
// for the same event and role group. Each gold link counts once for recall;
// a gold link with several heads (conjuncts: "both consumers and the media")
// makes every system participant on one of them correct for precision.
ParticipantScores score_participants(const Document& doc, const CatDocument& cat,
                                     const std::vector<std::size_t>& event_mentions);

}  // namespace tempora::detail
