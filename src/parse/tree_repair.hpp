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

}  // namespace tempora::detail
