// Compact read-only weight tables for the parser's two perceptrons.
//
// Parsing speed is memory-bound: every transition looks up about eighty
// features, each a random access into a table of a few hundred thousand
// entries. The general AveragedPerceptron layout costs several cache misses
// per lookup (key array, run start, run length, weights); these tables cost
// one (moves) or two (relations):
//
//  - MoveWeights: open addressing where each 8-byte slot holds a 16-bit
//    check and the three transition weights inline, as 16-bit integers. The
//    upper 32 bits of the feature hash choose the slot and give the check, so
//    a false match needs both to agree: about one lookup in 100,000 of a
//    feature the model lacks, and harmless (one feature's weights misread).
//    Half the bytes of float weights with a 32-bit key: the table is the
//    parser's largest working set, and scoring the transitions spends most of
//    its time waiting for it;
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

#include "tag/huge_page_allocator.hpp"
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
    std::uint16_t check = 0;  // 0: empty
    std::int16_t w[kClasses] = {};
  };
  // Sizes the table for `features` entries; weights are w * scale.
  void reset(std::size_t features, float scale);
  void insert(std::uint32_t key, const std::int16_t* w);
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::vector<std::uint32_t> keys_;  // the full key of each used slot, for save() only
  float scale_ = 1.0f;
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
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::vector<Entry, HugePageAllocator<Entry>> entries_;
  std::uint64_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace tempora::detail
