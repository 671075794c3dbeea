// Repairs of parse trees that greedy decoding gets wrong in a known way.
#pragma once

#include <span>
#include <string_view>

#include "tempora/parse.hpp"

namespace tempora::detail {

// One word's tags as the repair sees them.
struct RepairTags {
  std::string_view upos, xpos;
  std::string_view form;  // the word as written (the day-name repair reads it)
};

// Applies the repairs described in tree_repair.cpp to one sentence's arcs
// (heads are 0-based word indices, -1 for the root).
void repair_tree(std::span<Arc> arcs, std::span<const RepairTags> tags);

// Whether arcs form one tree: a single root, every head in range, no
// cycle. Linear. The parser keeps the decoded tree when a repair would
// leave anything else (none does on the corpora; this is the guarantee).
bool is_tree(std::span<const Arc> arcs);

// A sentence that ends by naming who says it ("Russian strike on Kyiv kills
// 12, officials say", "..., police said Monday."): the length of the
// reported clause before the comma, 0 when the sentence has no such tail.
// The parser parses that clause on its own, which it does far better than
// the whole (tree_repair.cpp, 18).
std::size_t attributed_clause_length(std::span<const RepairTags> tags);

// Whether the sentence's tree already has the clause of length `clause`
// under the saying verb, the root, as one ccomp or parataxis.
bool attributed_clause_attached(std::span<const Arc> arcs, std::size_t clause, std::span<const RepairTags> tags);

// The same sentence's arcs with the clause's own parse (`clause`, heads within
// it) put under the saying verb as its ccomp, the speaker as that verb's
// subject and the verb as the root; `arcs` unchanged when that parse is no
// clause (a nominal root).
void attach_attributed_clause(std::span<Arc> arcs, std::span<const Arc> clause, std::span<const RepairTags> tags);

// A sentence whose nominal root is followed by a participle that seems to be
// its main verb, read as a past participle by the tagger ("The department
// and a group of states sued Google in January 2023."): the participle's
// index, else -1. The parser parses the sentence again with it read as a
// past tense (tree_repair.cpp, 19) and keeps that parse when
// past_tense_reading_holds.
int participle_read_as_past_tense(std::span<const Arc> arcs, std::span<const RepairTags> tags);

// Whether the re-parse made the verb the root with a subject and an object
// or a clausal complement.
bool past_tense_reading_holds(std::span<const Arc> arcs, int verb);

// Whether a word names a day on its own ("yesterday", "today", "tomorrow",
// "tonight", a weekday; any case): the closed class the day-name repairs
// read, also used by the participant finder.
bool day_name(std::string_view form);

}  // namespace tempora::detail
