// Compact read-only weight tables for the parser's two perceptrons.
//
// Parsing speed is memory-bound: every transition looks up about eighty
// features, each a random access into a table of a few hundred thousand
// entries. The general AveragedPerceptron layout costs several cache misses
// per lookup (key array, run start, run length, weights); these tables cost
// one (moves) or two (relations):
//
//  - MoveWeights: open addressing where each 16-byte slot holds the upper 32
//    bits of the feature hash and the three transition weights inline. The
//    lower bits of the hash choose the slot, so the 32-bit check makes a false
//    match vanishingly rare (and harmless: one feature's weights misread);
//  - RelationWeights: the same slots holding a (start, length) run into one
//    array of (relation, weight) pairs, in relation order.
//
// Both are built once from a trained AveragedPerceptron (read through its
// documented save() format) and stored in the parser model file with weights
// quantized to 16 bits against the table's largest weight, which halves the
// file and loses nothing measurable.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <span>
#include <vector>

#include "tempora/perceptron.hpp"

namespace tempora::detail {

// A trained perceptron's averaged weights, as (feature, [(class, weight)]).
struct WeightRecord {
  std::uint64_t feature;
  std::vector<std::pair<std::uint16_t, float>> weights;
};
std::vector<WeightRecord> export_weights(const AveragedPerceptron& model);

class MoveWeights {
 public:
  static constexpr int kClasses = 3;
  void build(const std::vector<WeightRecord>& records);
  // scores[c] += weights of each feature
  void add_scores(std::span<const std::uint64_t> features, float* scores) const;
  std::size_t size() const { return count_; }
  void save(std::ostream& out) const;
  void load(std::istream& in);

 private:
  struct Slot {
    std::uint32_t key = 0;  // 0: empty
    float w[kClasses] = {};
  };
  void insert(std::uint64_t feature, const float* w);
  std::vector<Slot> slots_;
  std::uint64_t mask_ = 0;
  std::size_t count_ = 0;
};

class RelationWeights {
 public:
  void build(const std::vector<WeightRecord>& records, std::size_t classes);
  void add_scores(std::span<const std::uint64_t> features, float* scores) const;
  std::size_t size() const { return count_; }
  void save(std::ostream& out) const;
  void load(std::istream& in, std::size_t classes);

 private:
  struct Slot {
    std::uint32_t key = 0;
    std::uint32_t begin = 0;
    std::uint32_t length = 0;
  };
  struct Entry {
    std::uint16_t cls;
    float weight;
  };
  void insert(std::uint64_t feature, std::span<const Entry> run);
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  std::uint64_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace tempora::detail
