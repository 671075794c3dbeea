// The averaged perceptron: the learning machinery behind every trained model
// in tempora (POS tags, dependency transitions, event triggers, entities).
//
// How it works. A model scores each class c for an input described by a set
// of hashed features F as  score(c) = sum over f in F of w[f][c].  Training
// walks over examples; when the best-scoring class g differs from the truth
// t, it adds 1 to w[f][t] and subtracts 1 from w[f][g] for every f in F. The
// final weights are the *average* of the weights over all training steps,
// which keeps the model from chasing the last examples it saw (Collins 2002).
// Averaging is done lazily: each weight remembers when it last changed and
// the running total is brought up to date only when the weight changes.
//
// Features are 64-bit hashes (see FeatureHasher): feature extraction never
// builds strings, and the model stores, per feature, only the classes whose
// averaged weight is non-zero, so a trained model is small and fast to load.
//
// Serialization is a little-endian binary format: magic "TPRC", version,
// class names, then (feature, [(class, weight)...]) records.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tempora {

// Builds 64-bit feature hashes from a template id and string or integer
// parts, e.g. hash(kSuffix3, "ing") or hash(kPrevTag, 12).
struct FeatureHasher {
  static std::uint64_t bytes(std::string_view text, std::uint64_t seed = 0x9E3779B97F4A7C15ull);
  static constexpr std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    // A 64-bit finalizer (from MurmurHash3's fmix64) over a combined value.
    std::uint64_t h = a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
  }
  static std::uint64_t feature(std::uint32_t template_id, std::uint64_t value) {
    return mix(0x51ED27u + template_id, value);
  }
  static std::uint64_t feature(std::uint32_t template_id, std::uint64_t a, std::uint64_t b) {
    return mix(mix(0x51ED27u + template_id, a), b);
  }
};

class AveragedPerceptron {
 public:
  AveragedPerceptron();
  explicit AveragedPerceptron(std::vector<std::string> class_names);
  AveragedPerceptron(AveragedPerceptron&&) noexcept;
  AveragedPerceptron& operator=(AveragedPerceptron&&) noexcept;
  ~AveragedPerceptron();

  std::size_t class_count() const;
  const std::vector<std::string>& class_names() const;
  // Index of a class name, or -1.
  int class_index(std::string_view name) const;

  // scores[c] = sum of weights of features for class c (scores.size() == class_count()).
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const;
  // The best class; ties go to the lowest index. `allowed`, when non-empty,
  // restricts the choice to classes whose flag is true.
  int predict(std::span<const std::uint64_t> features, std::span<const bool> allowed = {}) const;

  // ---- training ------------------------------------------------------------
  // One perceptron step: no-op when guess == truth.
  void update(int truth, int guess, std::span<const std::uint64_t> features, float amount = 1.0f);
  // Ends training: replaces weights by their averages and drops the weights
  // whose absolute value is below `prune_below` (and features left empty).
  void average(float prune_below = 0.0f);
  // The model average() would make now, leaving this one training: e.g. to
  // score the averaged weights on held-out data after each epoch.
  AveragedPerceptron averaged_copy(float prune_below = 0.0f) const;
  std::size_t feature_count() const;
  // The mean of averaged models over the same classes (e.g. trained on
  // different shuffles): one model that scores as their average would,
  // at the cost of one. Mean weights whose absolute value is below
  // `prune_below` are dropped, as average() drops them.
  static AveragedPerceptron mean(std::span<const AveragedPerceptron> models, float prune_below = 0.0f);

  void save(std::ostream& out) const;
  static AveragedPerceptron load(std::istream& in);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tempora
