// Averaged perceptron storage.
//
// Two representations of the same weights:
//  - while training, each feature owns a small vector of Cell {class, weight,
//    running total, last-changed step}; most features only ever touch a few
//    classes, so this stays far smaller than a dense feature x class matrix;
//  - after average() (and after load()), each feature owns a contiguous run
//    of (class, averaged weight) pairs in one array, found through an
//    open-addressing hash table keyed by the 64-bit feature hash. Scoring is
//    one probe per feature and a short loop over its run.
#include "tag/binary_io.hpp"
#include "tag/huge_page_allocator.hpp"
#include "tempora/perceptron.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <istream>
#include <limits>
#include <ostream>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

namespace tempora {
namespace {

constexpr char kMagic[4] = {'T', 'P', 'R', 'C'};
constexpr std::uint32_t kFormatVersion = 1;

struct TrainCell {
  std::uint16_t cls;
  float weight;
  double total;
  std::uint32_t stamp;
};

struct WeightEntry {
  std::uint16_t cls;
  float weight;
};

// Open addressing with linear probing over 8-byte slots: the upper 32 bits
// of the feature hash as the key (0 marks an empty slot, so a key of 0 is
// stored as 1) and the start of the feature's weight run. The home slot comes
// from the lower bits, so two features only collide when both halves agree.
// A run opens with a header entry holding its length. Small slots keep the
// hot part of a model in the caches; scoring is one probe and one run.
struct FeatureTable {
  struct Slot {
    std::uint32_t key;
    std::uint32_t begin;  // index of the run's header entry
  };
  std::vector<Slot, detail::HugePageAllocator<Slot>> slots;
  std::vector<WeightEntry, detail::HugePageAllocator<WeightEntry>> entries;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> runs;  // (feature, header index) in insertion order, for save()
  std::uint64_t mask = 0;

  static std::uint32_t key_of(std::uint64_t feature) {
    const auto key = static_cast<std::uint32_t>(feature >> 32);
    return key == 0 ? 1 : key;
  }
  std::size_t home(std::uint64_t feature) const {
    return static_cast<std::size_t>((static_cast<std::uint32_t>(feature) * 0x9E3779B97F4A7C15ull) >> 20 & mask);
  }

  void reserve(std::size_t features) {
    // At most ~0.6 full: short probe runs.
    const std::size_t n = std::bit_ceil(std::max<std::size_t>(16, features + features * 2 / 3));
    slots.assign(n, Slot{0, 0});
    mask = n - 1;
    runs.reserve(features);
  }
  void insert(std::uint64_t feature, std::span<const WeightEntry> run) {
    std::size_t slot = home(feature);
    while (slots[slot].key != 0) slot = (slot + 1) & mask;
    const auto begin = static_cast<std::uint32_t>(entries.size());
    slots[slot] = Slot{key_of(feature), begin};
    runs.emplace_back(feature, begin);
    entries.push_back(WeightEntry{static_cast<std::uint16_t>(run.size()), 0.0f});
    entries.insert(entries.end(), run.begin(), run.end());
  }
  std::span<const WeightEntry> find(std::uint64_t feature) const {
    if (slots.empty()) return {};
    const std::uint32_t key = key_of(feature);
    for (std::size_t slot = home(feature);; slot = (slot + 1) & mask) {
      const Slot& s = slots[slot];
      if (s.key == key) return {entries.data() + s.begin + 1, entries[s.begin].cls};
      if (s.key == 0) return {};
    }
  }
  // Asks the memory system for the home slot of a feature ahead of find():
  // scoring probes ~40 features at once, and their misses then overlap.
  void prefetch(std::uint64_t feature) const {
    if (!slots.empty()) __builtin_prefetch(&slots[home(feature)]);
  }
  std::size_t size() const { return runs.size(); }
};

// The inference table of (feature, weight run) records, inserted in key
// order so that the same weights always save to the same bytes.
FeatureTable table_in_key_order(std::vector<std::pair<std::uint64_t, std::vector<WeightEntry>>> kept) {
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  FeatureTable table;
  table.reserve(kept.size());
  for (const auto& [feature, run] : kept) table.insert(feature, run);
  return table;
}

using detail::write_pod;
template <class T>
T read_pod(std::istream& in) {
  return detail::read_pod<T>(in, "perceptron model");
}

}  // namespace

std::uint64_t FeatureHasher::bytes(std::string_view text, std::uint64_t seed) {
  // FNV-1a over bytes, then a finalizer so that nearby strings spread out.
  std::uint64_t h = 0xCBF29CE484222325ull ^ seed;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ull;
  }
  return mix(h, text.size());
}

struct AveragedPerceptron::Impl {
  std::vector<std::string> class_names;
  // training state
  std::unordered_map<std::uint64_t, std::vector<TrainCell>> training;
  std::uint32_t step = 0;
  // inference state
  FeatureTable table;
  bool averaged = false;
};

AveragedPerceptron::AveragedPerceptron() : impl_(std::make_unique<Impl>()) {}
AveragedPerceptron::AveragedPerceptron(std::vector<std::string> class_names) : AveragedPerceptron() {
  if (class_names.empty() || class_names.size() > std::numeric_limits<std::uint16_t>::max())
    throw std::invalid_argument("perceptron needs between 1 and 65535 classes");
  impl_->class_names = std::move(class_names);
}
AveragedPerceptron::AveragedPerceptron(AveragedPerceptron&&) noexcept = default;
AveragedPerceptron& AveragedPerceptron::operator=(AveragedPerceptron&&) noexcept = default;
AveragedPerceptron::~AveragedPerceptron() = default;

std::size_t AveragedPerceptron::class_count() const { return impl_->class_names.size(); }
const std::vector<std::string>& AveragedPerceptron::class_names() const { return impl_->class_names; }
int AveragedPerceptron::class_index(std::string_view name) const {
  const auto& names = impl_->class_names;
  const auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

void AveragedPerceptron::score(std::span<const std::uint64_t> features, std::span<float> scores) const {
  std::fill(scores.begin(), scores.end(), 0.0f);
  if (impl_->averaged) {
    // Three passes so that the cache misses of all features overlap: fetch
    // the slots, then the weight runs they point to, then add the weights.
    const FeatureTable& table = impl_->table;
    constexpr std::size_t kBatch = 64;
    std::span<const WeightEntry> runs[kBatch];
    for (std::size_t first = 0; first < features.size(); first += kBatch) {
      const auto batch = features.subspan(first, std::min(kBatch, features.size() - first));
      for (const std::uint64_t f : batch) table.prefetch(f);
      for (std::size_t i = 0; i < batch.size(); ++i) {
        runs[i] = table.find(batch[i]);
        if (!runs[i].empty()) __builtin_prefetch(runs[i].data());
      }
      for (std::size_t i = 0; i < batch.size(); ++i)
        for (const WeightEntry& e : runs[i]) scores[e.cls] += e.weight;
    }
    return;
  }
  for (const std::uint64_t f : features) {
    const auto it = impl_->training.find(f);
    if (it == impl_->training.end()) continue;
    for (const TrainCell& c : it->second) scores[c.cls] += c.weight;
  }
}

int AveragedPerceptron::predict(std::span<const std::uint64_t> features, std::span<const bool> allowed) const {
  const std::size_t n = class_count();
  float stack_scores[256];
  std::vector<float> heap_scores;
  std::span<float> scores;
  if (n <= 256) {
    scores = std::span<float>(stack_scores, n);
  } else {
    heap_scores.resize(n);
    scores = heap_scores;
  }
  score(features, scores);
  int best = -1;
  float best_score = -std::numeric_limits<float>::infinity();
  for (std::size_t c = 0; c < n; ++c) {
    if (!allowed.empty() && !allowed[c]) continue;
    if (scores[c] > best_score) {
      best_score = scores[c];
      best = static_cast<int>(c);
    }
  }
  return best < 0 ? 0 : best;
}

void AveragedPerceptron::update(int truth, int guess, std::span<const std::uint64_t> features, float amount) {
  if (impl_->averaged) throw std::logic_error("perceptron already averaged: cannot train further");
  ++impl_->step;
  if (truth == guess) return;
  const std::uint32_t now = impl_->step;
  const auto bump = [now](std::vector<TrainCell>& cells, int cls, float delta) {
    auto it = std::find_if(cells.begin(), cells.end(), [cls](const TrainCell& c) { return c.cls == cls; });
    if (it == cells.end()) {
      cells.push_back({static_cast<std::uint16_t>(cls), 0.0f, 0.0, now});
      it = cells.end() - 1;
    }
    it->total += static_cast<double>(now - it->stamp) * it->weight;
    it->stamp = now;
    it->weight += delta;
  };
  for (const std::uint64_t f : features) {
    auto& cells = impl_->training[f];
    bump(cells, truth, amount);
    if (guess >= 0) bump(cells, guess, -amount);
  }
}

void AveragedPerceptron::average(float prune_below) {
  if (impl_->averaged) return;
  AveragedPerceptron copy = averaged_copy(prune_below);
  impl_->table = std::move(copy.impl_->table);
  impl_->training.clear();
  impl_->averaged = true;
}

AveragedPerceptron AveragedPerceptron::averaged_copy(float prune_below) const {
  AveragedPerceptron out;
  out.impl_->class_names = impl_->class_names;
  if (impl_->averaged) {
    out.impl_->table = impl_->table;
    out.impl_->averaged = true;
    return out;
  }
  const double steps = std::max<std::uint32_t>(impl_->step, 1);
  std::vector<std::pair<std::uint64_t, std::vector<WeightEntry>>> kept;
  kept.reserve(impl_->training.size());
  for (const auto& [feature, cells] : impl_->training) {
    std::vector<WeightEntry> run;
    float largest = 0.0f;
    for (const TrainCell& c : cells) {
      const double total = c.total + static_cast<double>(impl_->step - c.stamp) * c.weight;
      const float avg = static_cast<float>(total / steps);
      if (avg == 0.0f || std::fabs(avg) < prune_below) continue;
      run.push_back({c.cls, avg});
      largest = std::max(largest, std::fabs(avg));
    }
    if (run.empty() || largest < prune_below) continue;
    std::sort(run.begin(), run.end(), [](const WeightEntry& a, const WeightEntry& b) { return a.cls < b.cls; });
    kept.emplace_back(feature, std::move(run));
  }
  out.impl_->table = table_in_key_order(std::move(kept));
  out.impl_->averaged = true;
  return out;
}

AveragedPerceptron AveragedPerceptron::mean(std::span<const AveragedPerceptron> models, float prune_below) {
  if (models.empty()) throw std::invalid_argument("mean of no perceptrons");
  const std::size_t n_classes = models[0].class_count();
  std::unordered_map<std::uint64_t, std::vector<float>> sums;
  for (const AveragedPerceptron& m : models) {
    if (!m.impl_->averaged || m.impl_->class_names != models[0].impl_->class_names)
      throw std::invalid_argument("mean of perceptrons needs averaged models over the same classes");
    const FeatureTable& t = m.impl_->table;
    for (const auto& [feature, header] : t.runs) {
      std::vector<float>& sum = sums[feature];
      sum.resize(n_classes, 0.0f);
      for (std::uint32_t i = 1; i <= t.entries[header].cls; ++i) sum[t.entries[header + i].cls] += t.entries[header + i].weight;
    }
  }
  std::vector<std::pair<std::uint64_t, std::vector<WeightEntry>>> kept;
  kept.reserve(sums.size());
  const auto scale = 1.0f / static_cast<float>(models.size());
  for (const auto& [feature, sum] : sums) {
    std::vector<WeightEntry> run;
    for (std::size_t c = 0; c < n_classes; ++c)
      if (const float w = sum[c] * scale; w != 0.0f && std::fabs(w) >= prune_below)
        run.push_back({static_cast<std::uint16_t>(c), w});
    if (!run.empty()) kept.emplace_back(feature, std::move(run));
  }
  AveragedPerceptron out;
  out.impl_->class_names = models[0].impl_->class_names;
  out.impl_->table = table_in_key_order(std::move(kept));
  out.impl_->averaged = true;
  return out;
}

std::size_t AveragedPerceptron::feature_count() const {
  return impl_->averaged ? impl_->table.size() : impl_->training.size();
}

void AveragedPerceptron::save(std::ostream& out) const {
  if (!impl_->averaged) throw std::logic_error("average() the perceptron before saving it");
  out.write(kMagic, 4);
  write_pod(out, kFormatVersion);
  write_pod(out, static_cast<std::uint32_t>(impl_->class_names.size()));
  for (const std::string& name : impl_->class_names) {
    write_pod(out, static_cast<std::uint32_t>(name.size()));
    out.write(name.data(), static_cast<std::streamsize>(name.size()));
  }
  // Records in key order: deterministic output for deterministic training.
  const FeatureTable& t = impl_->table;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> runs = t.runs;
  std::sort(runs.begin(), runs.end());
  write_pod(out, static_cast<std::uint64_t>(runs.size()));
  for (const auto& [feature, header] : runs) {
    const std::uint16_t count = t.entries[header].cls;
    write_pod(out, feature);
    write_pod(out, count);
    for (std::uint32_t i = 1; i <= count; ++i) {
      const WeightEntry& e = t.entries[header + i];
      write_pod(out, e.cls);
      write_pod(out, e.weight);
    }
  }
}

AveragedPerceptron AveragedPerceptron::load(std::istream& in) {
  char magic[4];
  if (!in.read(magic, 4) || std::memcmp(magic, kMagic, 4) != 0)
    throw std::runtime_error("not a tempora perceptron model (bad magic)");
  if (const auto version = read_pod<std::uint32_t>(in); version != kFormatVersion)
    throw std::runtime_error(fmt::format("perceptron model format {} not supported (expected {})", version,
                                         kFormatVersion));
  const auto n_classes = read_pod<std::uint32_t>(in);
  if (n_classes == 0 || n_classes > std::numeric_limits<std::uint16_t>::max())
    throw std::runtime_error("perceptron model: bad class count");
  std::vector<std::string> names(n_classes);
  for (std::string& name : names) {
    const auto len = read_pod<std::uint32_t>(in);
    if (len > 4096) throw std::runtime_error("perceptron model: bad class name");
    name.resize(len);
    if (!in.read(name.data(), len)) throw std::runtime_error("perceptron model truncated");
  }
  AveragedPerceptron model(std::move(names));
  const auto n_features = read_pod<std::uint64_t>(in);
  if (n_features > (1ull << 28)) throw std::runtime_error("perceptron model: bad feature count");
  FeatureTable& table = model.impl_->table;
  table.reserve(n_features);
  // A header and at least one weight each (no more than 16M entries ahead
  // of the data, so that a corrupt count fails at the file's end, not here).
  table.entries.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(2 * n_features, 1u << 24)));
  std::vector<WeightEntry> run;
  for (std::uint64_t i = 0; i < n_features; ++i) {
    const auto key = read_pod<std::uint64_t>(in);
    const auto count = read_pod<std::uint16_t>(in);
    if (count > n_classes) throw std::runtime_error("perceptron model: bad weight run");
    run.resize(count);
    for (WeightEntry& e : run) {
      e.cls = read_pod<std::uint16_t>(in);
      e.weight = read_pod<float>(in);
      if (e.cls >= n_classes) throw std::runtime_error("perceptron model: class out of range");
    }
    table.insert(key, run);
  }
  model.impl_->averaged = true;
  return model;
}

}  // namespace tempora
