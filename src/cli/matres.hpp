// Internal: MATRES pairs and their scores, shared by `eval matres` (the
// pipeline on raw text) and `eval timeml --matres` (any system's TLINKs).
//
// MATRES files (`DOCID verb1 verb2 eiid1 eiid2 LABEL`, LABEL one of BEFORE,
// AFTER, EQUAL, VAGUE) name events by their TempEval-3 MAKEINSTANCE eiid and
// label the order of their start points. Scores as in Ning et al. (2018):
// precision = correct non-VAGUE answers / non-VAGUE answers, recall =
// correct non-VAGUE answers / non-VAGUE gold labels.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "tempora/reasoning.hpp"

namespace tempora::cli {

struct MatresPair {
  std::string verb1, verb2, eiid1, eiid2;  // eiids with their "ei" prefix
  StartOrder gold = StartOrder::vague;
};

// Pairs by document id; lines that are not pairs are skipped. Throws
// std::runtime_error when a file cannot be read.
std::map<std::string, std::vector<MatresPair>> read_matres(const std::vector<std::string>& files);

struct MatresScore {
  std::array<std::array<std::size_t, 4>, 4> confusion{};  // [gold][system], StartOrder order
  std::size_t unmapped = 0;  // pairs with an event the system has no node for (counted as VAGUE)

  void add(StartOrder gold, StartOrder system) {
    ++confusion[static_cast<int>(gold)][static_cast<int>(system)];
  }
  // "  precision P  recall R  F1 F   (...)", then the confusion matrix.
  void print() const;
};

}  // namespace tempora::cli
