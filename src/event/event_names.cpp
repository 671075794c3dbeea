// Names of the TimeML event attributes, as TimeML spells them.
#include <array>

#include "tempora/event.hpp"

namespace tempora {
namespace {

constexpr std::array<std::string_view, 7> kClassNames = {"OCCURRENCE", "REPORTING", "STATE", "I_ACTION",
                                                         "I_STATE",    "ASPECTUAL", "PERCEPTION"};
constexpr std::array<std::string_view, 7> kTenseNames = {"NONE",       "PAST",     "PRESENT", "FUTURE",
                                                         "INFINITIVE", "PRESPART", "PASTPART"};
constexpr std::array<std::string_view, 4> kAspectNames = {"NONE", "PROGRESSIVE", "PERFECTIVE",
                                                          "PERFECTIVE_PROGRESSIVE"};
constexpr std::array<std::string_view, 5> kPosNames = {"VERB", "NOUN", "ADJECTIVE", "PREPOSITION", "OTHER"};
constexpr std::array<std::string_view, 4> kFactualityNames = {"ASSERTED", "FUTURE", "POSSIBLE", "NEGATED"};

template <std::size_t N>
std::string_view name_of(const std::array<std::string_view, N>& names, std::uint8_t value) {
  return value < N ? names[value] : std::string_view("NONE");
}

}  // namespace

std::string_view to_string(EventClass cls) { return name_of(kClassNames, static_cast<std::uint8_t>(cls)); }
std::string_view to_string(EventTense tense) { return name_of(kTenseNames, static_cast<std::uint8_t>(tense)); }
std::string_view to_string(EventAspect aspect) { return name_of(kAspectNames, static_cast<std::uint8_t>(aspect)); }
std::string_view to_string(EventPolarity polarity) { return polarity == EventPolarity::NEG ? "NEG" : "POS"; }
std::string_view to_string(EventPos pos) { return name_of(kPosNames, static_cast<std::uint8_t>(pos)); }
std::string_view to_string(Factuality factuality) {
  return name_of(kFactualityNames, static_cast<std::uint8_t>(factuality));
}

std::optional<EventClass> parse_event_class(std::string_view name) {
  for (std::size_t i = 0; i < kClassNames.size(); ++i)
    if (kClassNames[i] == name) return static_cast<EventClass>(i);
  return std::nullopt;
}

}  // namespace tempora
