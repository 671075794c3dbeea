// Factuality of event mentions (ASSERTED, FUTURE, POSSIBLE, NEGATED) from
// their verb group, the predicates that embed them and their modifiers.
// Internal to src/event/; see factuality.cpp.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>

#include "tempora/document.hpp"
#include "tempora/event.hpp"
#include "tempora/parse.hpp"

namespace tempora::detail {

class FactualityRules {
 public:
  // Reads factuality.txt from `dir`; throws std::runtime_error naming the
  // file and line on a malformed line.
  static FactualityRules load(const std::filesystem::path& dir);

  // Sets EventMention::factuality of every event of `events` (whose tense,
  // polarity and modality are already set). `deps` may be null (no parse):
  // then only the event's own verb group and neighbours count.
  void assess(Events& events, const Segmentation& seg, const Morphology& morph, const Dependencies* deps) const;

 private:
  enum Category : std::uint8_t {
    kPossibleModal = 1, kPossibleGovernor, kImplicativeGovernor, kNegativeGovernor, kFutureModifier,
    kPossibleModifier, kConditionMarker, kReportingGovernor, kLightVerb, kIntentionGovernor, kNegativeObjectGovernor,
    kFearGovernor,
  };
  std::unordered_map<std::string, std::uint16_t> words_;  // lowercase lemma -> bit set of 1 << Category
  bool is(std::string_view lemma, Category c) const;
};

}  // namespace tempora::detail
