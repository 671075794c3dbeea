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

// Whether a word names a day on its own ("yesterday", "today", "tomorrow",
// "tonight", a weekday; any case): the closed class the day-name repairs
// read, also used by the participant finder.
bool day_name(std::string_view form);

}  // namespace tempora::detail
