// Names of the actor stage's enumerations, as they appear in JSON, DOT and
// the corpus store. The spelling is part of the output format: change it only
// with the schema in docs/.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "tempora/actor.hpp"

namespace tempora {

namespace {

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(std::string_view name, const std::array<std::string_view, N>& names) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<Enum>(i);
  return std::nullopt;
}

constexpr std::array<std::string_view, 6> kEntityTypes{"PERSON", "ORGANIZATION", "GPE",
                                                       "LOCATION", "FACILITY", "NORP"};
constexpr std::array<std::string_view, 6> kActorTypes{"PERSON", "ORGANIZATION", "GPE",
                                                      "LOCATION", "FACILITY", "OTHER"};
constexpr std::array<std::string_view, 3> kMentionKinds{"name", "description", "pronoun"};
constexpr std::array<std::string_view, 9> kRoles{"agent",     "patient", "co-participant",
                                                 "recipient", "place",   "speaker",
                                                 "addressee", "topic",   "other"};

}  // namespace

std::string_view to_string(EntityType type) { return kEntityTypes.at(static_cast<std::size_t>(type)); }
std::optional<EntityType> parse_entity_type(std::string_view name) {
  return parse_name<EntityType>(name, kEntityTypes);
}
std::string_view to_string(ActorType type) { return kActorTypes.at(static_cast<std::size_t>(type)); }
std::optional<ActorType> parse_actor_type(std::string_view name) { return parse_name<ActorType>(name, kActorTypes); }
std::string_view to_string(MentionKind kind) { return kMentionKinds.at(static_cast<std::size_t>(kind)); }
std::string_view to_string(Role role) { return kRoles.at(static_cast<std::size_t>(role)); }
std::optional<Role> parse_role(std::string_view name) { return parse_name<Role>(name, kRoles); }

}  // namespace tempora
