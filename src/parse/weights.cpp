// Compact weight tables: see weights.hpp for the layout and why.
#include "tag/binary_io.hpp"
#include "parse/weights.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <istream>
#include <limits>
#include <map>
#include <ostream>
#include <sstream>
#include <stdexcept>

namespace tempora::detail {
namespace {

using detail::write_pod;
template <class T>
T read_pod(std::istream& in) {
  return detail::read_pod<T>(in, "parser model");
}

// The table key of a feature: its upper 32 bits (never 0, the empty mark).
std::uint32_t key_of(std::uint64_t feature) {
  const auto key = static_cast<std::uint32_t>(feature >> 32);
  return key == 0 ? 1 : key;
}
std::uint64_t home_of(std::uint32_t key, std::uint64_t mask) {
  return (static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull >> 20) & mask;
}
std::size_t slot_count(std::size_t features) { return std::bit_ceil(std::max<std::size_t>(16, features * 2)); }

// Weights are stored as 16-bit integers times a per-table scale.
float scale_for(float largest) { return largest > 0.0f ? largest / 32767.0f : 1.0f; }
std::int16_t quantize(float w, float scale) {
  return static_cast<std::int16_t>(std::clamp(std::lround(w / scale), -32767l, 32767l));
}

}  // namespace

std::vector<WeightRecord> export_weights(const AveragedPerceptron& model) {
  // perceptron.hpp's format: "TPRC", u32 version, u32 classes, names
  // (u32 length + bytes), u64 features, then (u64 feature, u16 n, n x (u16 class, f32 weight)).
  std::stringstream bytes;
  model.save(bytes);
  char magic[4];
  bytes.read(magic, 4);
  if (std::memcmp(magic, "TPRC", 4) != 0 || read_pod<std::uint32_t>(bytes) != 1)
    throw std::logic_error("export_weights: unexpected perceptron format");
  const auto classes = read_pod<std::uint32_t>(bytes);
  for (std::uint32_t c = 0; c < classes; ++c) bytes.ignore(read_pod<std::uint32_t>(bytes));
  const auto n = read_pod<std::uint64_t>(bytes);
  std::vector<WeightRecord> records(n);
  for (WeightRecord& r : records) {
    r.feature = read_pod<std::uint64_t>(bytes);
    r.weights.resize(read_pod<std::uint16_t>(bytes));
    for (auto& [cls, w] : r.weights) {
      cls = read_pod<std::uint16_t>(bytes);
      w = read_pod<float>(bytes);
    }
  }
  return records;
}

// ---- MoveWeights -------------------------------------------------------------

namespace {
// The slot check of a key: 16 bits the home slot does not use up (never 0).
std::uint16_t check_of(std::uint32_t key) {
  const auto check = static_cast<std::uint16_t>(key ^ key >> 16);
  return check == 0 ? 1 : check;
}
}  // namespace

void MoveWeights::reset(std::size_t features, float scale) {
  slots_.assign(slot_count(features), Slot{});
  keys_.assign(slots_.size(), 0);
  mask_ = slots_.size() - 1;
  scale_ = scale;
  count_ = 0;
}

void MoveWeights::insert(std::uint32_t key, const std::int16_t* w) {
  // Keys are distinct (build() sums the features that share one; a file
  // holds each once), so a new key always takes a new slot, even when an
  // earlier key shares its check.
  std::uint64_t slot = home_of(key, mask_);
  while (slots_[slot].check != 0) slot = (slot + 1) & mask_;
  Slot& s = slots_[slot];
  s.check = check_of(key);
  std::copy(w, w + kClasses, s.w);
  keys_[slot] = key;
  ++count_;
}

void MoveWeights::build(const std::vector<WeightRecord>& records) {
  // Features whose hashes share their upper 32 bits (a dozen in a model of
  // 365,000) share one key, and their weights are summed.
  std::vector<std::pair<std::uint32_t, std::array<float, kClasses>>> summed;
  summed.reserve(records.size());
  for (const WeightRecord& r : records) {
    std::array<float, kClasses> w{};
    for (const auto& [cls, weight] : r.weights)
      if (cls < kClasses) w[cls] = weight;
    summed.emplace_back(key_of(r.feature), w);
  }
  std::stable_sort(summed.begin(), summed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < summed.size(); ++i) {
    if (kept > 0 && summed[kept - 1].first == summed[i].first) {
      for (int c = 0; c < kClasses; ++c) summed[kept - 1].second[c] += summed[i].second[c];
    } else {
      summed[kept++] = summed[i];
    }
  }
  summed.resize(kept);
  float largest = 0.0f;
  for (const auto& [key, w] : summed)
    for (const float x : w) largest = std::max(largest, std::fabs(x));
  const float scale = scale_for(largest);
  reset(summed.size(), scale);
  for (const auto& [key, w] : summed) {
    std::int16_t q[kClasses];
    for (int c = 0; c < kClasses; ++c) q[c] = quantize(w[c], scale);
    insert(key, q);
  }
}

void MoveWeights::add_scores(std::span<const std::uint64_t> features, float* scores) const {
  if (slots_.empty()) return;
  // Prefetch a block of home slots first: the lookups are independent random
  // accesses, so their cache misses can overlap instead of queueing. Integer
  // sums are exact, so the order of the features does not matter.
  constexpr std::size_t kBlock = 16;
  std::uint64_t home[kBlock];
  std::int32_t sums[kClasses] = {};
  for (std::size_t start = 0; start < features.size(); start += kBlock) {
    const std::size_t n = std::min(kBlock, features.size() - start);
    for (std::size_t i = 0; i < n; ++i) {
      home[i] = home_of(key_of(features[start + i]), mask_);
      __builtin_prefetch(&slots_[home[i]]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint16_t check = check_of(key_of(features[start + i]));
      for (std::uint64_t slot = home[i];; slot = (slot + 1) & mask_) {
        const Slot& s = slots_[slot];
        if (s.check == check) {
          sums[0] += s.w[0];
          sums[1] += s.w[1];
          sums[2] += s.w[2];
          break;
        }
        if (s.check == 0) break;
      }
    }
  }
  for (int c = 0; c < kClasses; ++c) scores[c] += static_cast<float>(sums[c]) * scale_;
}

void MoveWeights::save(std::ostream& out) const {
  std::vector<std::size_t> used;
  for (std::size_t i = 0; i < slots_.size(); ++i)
    if (slots_[i].check != 0) used.push_back(i);
  std::sort(used.begin(), used.end(), [&](std::size_t a, std::size_t b) { return keys_[a] < keys_[b]; });
  write_pod(out, static_cast<std::uint64_t>(used.size()));
  write_pod(out, scale_);
  for (const std::size_t i : used) {
    write_pod(out, keys_[i]);
    for (const std::int16_t w : slots_[i].w) write_pod(out, w);
  }
}

void MoveWeights::load(std::istream& in) {
  const auto n = read_pod<std::uint64_t>(in);
  if (n > (1ull << 26)) throw std::runtime_error("parser model: bad transition feature count");
  reset(n, read_pod<float>(in));
  // The records (u32 key, 3 x i16 weights) a block at a time: a stream call
  // per value made reading most of the parser's load time. Blocks, not one
  // read, so that a corrupt count fails at the file's end, not in malloc.
  constexpr std::size_t kRecord = sizeof(std::uint32_t) + kClasses * sizeof(std::int16_t);
  constexpr std::uint64_t kBlock = 1 << 16;
  std::vector<char> bytes(static_cast<std::size_t>(std::min(n, kBlock)) * kRecord);
  for (std::uint64_t first = 0; first < n; first += kBlock) {
    const auto count = static_cast<std::size_t>(std::min(kBlock, n - first));
    if (!in.read(bytes.data(), static_cast<std::streamsize>(count * kRecord)))
      throw std::runtime_error("parser model: model file truncated");
    for (std::size_t i = 0; i < count; ++i) {
      const char* record = bytes.data() + i * kRecord;
      std::uint32_t key;
      std::int16_t w[kClasses];
      std::memcpy(&key, record, sizeof key);
      std::memcpy(w, record + sizeof key, sizeof w);
      insert(key, w);
    }
  }
}

// ---- RelationWeights ---------------------------------------------------------

void RelationWeights::insert(std::uint64_t feature, std::span<const Entry> run) {
  const std::uint32_t key = key_of(feature);
  std::uint64_t slot = home_of(key, mask_);
  while (slots_[slot].key != 0 && slots_[slot].key != key) slot = (slot + 1) & mask_;
  if (slots_[slot].key == key) return;  // a 32-bit key clash: the first feature keeps the slot
  slots_[slot] = Slot{key, static_cast<std::uint32_t>(entries_.size()), static_cast<std::uint32_t>(run.size())};
  entries_.insert(entries_.end(), run.begin(), run.end());
  ++count_;
}

void RelationWeights::build(const std::vector<WeightRecord>& records, std::size_t classes) {
  slots_.assign(slot_count(records.size()), Slot{});
  mask_ = slots_.size() - 1;
  entries_.clear();
  count_ = 0;
  std::vector<Entry> run;
  for (const WeightRecord& r : records) {
    run.clear();
    for (const auto& [cls, weight] : r.weights)
      if (cls < classes) run.push_back({cls, weight});
    if (!run.empty()) insert(r.feature, run);
  }
}

void RelationWeights::add_scores(std::span<const std::uint64_t> features, float* scores) const {
  if (slots_.empty()) return;
  // Two dependent misses per feature (slot, then its run): find all the
  // slots of a block first, prefetch their runs, then add them up, so that
  // the misses of different features overlap.
  constexpr std::size_t kBlock = 16;
  std::uint64_t home[kBlock];
  const Slot* found[kBlock];
  for (std::size_t start = 0; start < features.size(); start += kBlock) {
    const std::size_t n = std::min(kBlock, features.size() - start);
    for (std::size_t i = 0; i < n; ++i) {
      home[i] = home_of(key_of(features[start + i]), mask_);
      __builtin_prefetch(&slots_[home[i]]);
    }
    std::size_t hits = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t key = key_of(features[start + i]);
      for (std::uint64_t slot = home[i];; slot = (slot + 1) & mask_) {
        const Slot& s = slots_[slot];
        if (s.key == key) {
          __builtin_prefetch(entries_.data() + s.begin);
          found[hits++] = &s;
          break;
        }
        if (s.key == 0) break;
      }
    }
    for (std::size_t i = 0; i < hits; ++i) {
      const Entry* e = entries_.data() + found[i]->begin;
      for (std::uint32_t k = 0; k < found[i]->length; ++k) scores[e[k].cls] += e[k].weight;
    }
  }
}

void RelationWeights::save(std::ostream& out) const {
  std::vector<const Slot*> used;
  float largest = 0.0f;
  for (const Slot& s : slots_)
    if (s.key != 0) used.push_back(&s);
  for (const Entry& e : entries_) largest = std::max(largest, std::fabs(e.weight));
  std::sort(used.begin(), used.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  const float scale = scale_for(largest);
  write_pod(out, static_cast<std::uint64_t>(used.size()));
  write_pod(out, scale);
  for (const Slot* s : used) {
    write_pod(out, s->key);
    write_pod(out, static_cast<std::uint8_t>(s->length));
    for (std::uint32_t i = 0; i < s->length; ++i) {
      const Entry& e = entries_[s->begin + i];
      write_pod(out, static_cast<std::uint8_t>(e.cls));
      write_pod(out, quantize(e.weight, scale));
    }
  }
}

void RelationWeights::load(std::istream& in, std::size_t classes) {
  const auto n = read_pod<std::uint64_t>(in);
  if (n > (1ull << 26)) throw std::runtime_error("parser model: bad relation feature count");
  const auto scale = read_pod<float>(in);
  slots_.assign(slot_count(n), Slot{});
  mask_ = slots_.size() - 1;
  entries_.clear();
  count_ = 0;
  std::vector<Entry> run;
  for (std::uint64_t i = 0; i < n; ++i) {
    const std::uint64_t key = read_pod<std::uint32_t>(in);
    run.resize(read_pod<std::uint8_t>(in));
    for (Entry& e : run) {
      e.cls = read_pod<std::uint8_t>(in);
      e.weight = static_cast<float>(read_pod<std::int16_t>(in)) * scale;
      if (e.cls >= classes) throw std::runtime_error("parser model: relation out of range");
    }
    insert(key << 32, run);
  }
}

}  // namespace tempora::detail
