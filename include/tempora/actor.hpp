// Actors and participants (the `actor` stage): who took part, in which role.
//
// Three layers, each added by one class:
//
//   EntityRecognizer  Entities      named-entity mentions (PERSON, ORGANIZATION,
//                                   GPE, LOCATION, FACILITY, NORP): a greedy
//                                   averaged-perceptron BIO tagger with
//                                   gazetteer features (models/ner-en.bin).
//   ActorResolver     Actors        mentions merged into one actor per person,
//                                   organisation or place: names and surnames,
//                                   titles, descriptions through roles the text
//                                   establishes ("the Ukrainian leader"), and
//                                   conservative pronoun rules. Every actor has
//                                   a cross-document key (actor_key()).
//   ParticipantFinder Participants  each event's arguments from the dependency
//                                   parse: agent, patient, co-participant,
//                                   recipient, place, speaker, reported event.
//
//   pipeline.analyze(doc);                 // runs all of them (tempora/pipeline.hpp)
//   for (const Actor& a : doc.get<Actors>().actors) ...
//   for (const Participant& p : doc.get<Participants>().of(event_index)) ...
//
// Nothing here keeps global state: a loaded recognizer or resolver is
// immutable and may be used from several threads on different documents.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tempora/document.hpp"

namespace tempora {

// ---- named entities ----------------------------------------------------------

// Entity types. NORP (nationalities, religious and political groups:
// "Ukrainian", "Russian") are affiliations, not actors of their own.
enum class EntityType : std::uint8_t { PERSON, ORGANIZATION, GPE, LOCATION, FACILITY, NORP };
std::string_view to_string(EntityType type);  // "PERSON", "ORGANIZATION", ...
std::optional<EntityType> parse_entity_type(std::string_view name);

struct EntityMention {
  Span span;                        // the name's bytes ("Volodymyr Zelensky")
  std::uint32_t first_token = 0;    // index in Segmentation::tokens
  std::uint32_t token_count = 0;
  std::uint32_t sentence = 0;
  EntityType type = EntityType::PERSON;
  double confidence = 1.0;          // in (0, 1]
};

struct Entities {
  static constexpr std::string_view kStage = "actor (tempora::EntityRecognizer)";
  std::vector<EntityMention> mentions;  // in text order, not overlapping
};

// ---- actors --------------------------------------------------------------------

// What an actor is. GPE, LOCATION and FACILITY actors are places; an event's
// place participant points at one of them.
enum class ActorType : std::uint8_t { PERSON, ORGANIZATION, GPE, LOCATION, FACILITY, OTHER };
std::string_view to_string(ActorType type);
std::optional<ActorType> parse_actor_type(std::string_view name);

// How a mention refers to its actor.
enum class MentionKind : std::uint8_t {
  name,         // "Volodymyr Zelensky", "Zelensky", "President Trump"
  description,  // "the Ukrainian leader", "the president of Ukraine"
  pronoun,      // "he", "his", "they"
};
std::string_view to_string(MentionKind kind);

struct ActorMention {
  Span span;
  std::uint32_t head_token = 0;  // index in Segmentation::tokens
  std::uint32_t sentence = 0;
  MentionKind kind = MentionKind::name;
};

struct Actor {
  std::string id;                 // "a1", "a2", ... in order of first mention
  ActorType type = ActorType::OTHER;
  std::string name;               // canonical: the longest full name ("Volodymyr Zelensky")
  std::string key;                // cross-document key (actor_key of the canonical name)
  // What a headline calls it: a person by the one word of the name the text
  // uses alone, else by the family name ("Zelensky", "Wang" for Wang Yi,
  // "von der Leyen"); anything else by its name.
  std::string short_name;
  std::vector<std::string> aliases;       // every other name form seen ("Zelensky", "Zelenskyy")
  std::vector<std::string> roles;         // "president", "president of Ukraine", "leader"
  std::vector<std::string> affiliations;  // "Ukraine" (from NORP "Ukrainian" or "of Ukraine")
  std::vector<ActorMention> mentions;     // in text order
};

struct Actors {
  static constexpr std::string_view kStage = "actor (tempora::ActorResolver)";
  std::vector<Actor> actors;
  // For each token of Segmentation::tokens, the index of the actor one of
  // whose mentions covers it, or -1.
  std::vector<std::int32_t> actor_of_token;

  // The actor a token belongs to, or nullptr.
  const Actor* at_token(std::uint32_t token) const {
    if (token >= actor_of_token.size() || actor_of_token[token] < 0) return nullptr;
    return &actors[static_cast<std::size_t>(actor_of_token[token])];
  }
};

// ---- participants ----------------------------------------------------------------

// An event's argument role.
enum class Role : std::uint8_t {
  agent, patient, co_participant, recipient, place, speaker, addressee, topic, other
};
std::string_view to_string(Role role);  // "agent", "co-participant", ...
std::optional<Role> parse_role(std::string_view name);

struct Participant {
  Role role = Role::other;
  Span span;                        // the argument phrase ("the White House")
  std::uint32_t head_token = 0;     // its nominal head
  std::int32_t actor = -1;          // index in Actors::actors, or -1 (a thing, not an actor)
  std::int32_t event = -1;          // for topic of a reporting event: index in Events::events
};

struct Participants {
  static constexpr std::string_view kStage = "actor (tempora::ParticipantFinder)";
  // Parallel to Events::events: the participants of each event.
  std::vector<std::vector<Participant>> by_event;

  std::span<const Participant> of(std::size_t event) const {
    if (event >= by_event.size()) return {};
    return by_event[event];
  }
};

// ---- cross-document identity ---------------------------------------------------------

// Normalizes a name to the key that identifies the same actor across
// documents: case and diacritics folded, punctuation and honorifics dropped,
// transliteration variants mapped through resources/actor/aliases.txt
// ("Zelenskyy", "Zelenskiy" -> "zelensky"). Loaded once; immutable.
class ActorKeys {
 public:
  static ActorKeys load();  // resources/actor/ under data_dir()
  static ActorKeys load(const std::filesystem::path& resources_dir);
  ActorKeys(ActorKeys&&) noexcept;
  ActorKeys& operator=(ActorKeys&&) noexcept;
  ~ActorKeys();

  // "Volodymyr Zelenskyy" -> "volodymyr zelensky"; "President Trump" -> "trump".
  std::string key(std::string_view name) const;
  // True when `short_name` can name the actor `full_name` ("Zelensky",
  // "Volodymyr Zelenskyy"): its key equals the full key or its last word(s).
  bool may_refer_to(std::string_view short_name, std::string_view full_name) const;
  // True when the key `word` is a given name of resources/actor/given_names.txt ("steve").
  bool is_given_name(std::string_view word) const;

 private:
  struct Table;
  explicit ActorKeys(std::unique_ptr<const Table> table);
  std::unique_ptr<const Table> table_;
};

// ---- the stage's classes ------------------------------------------------------------

struct NerTrainingOptions {
  int epochs = 8;
  int models = 3;  // perceptrons trained on different shuffles and merged into their mean
  std::uint64_t seed = 20251017;
  std::ostream* log = nullptr;
};

// One training sentence: words, their BIO tags ("B-PER", "I-ORG", "O"), and
// the predicted POS tags are computed by the trainer.
struct NerTrainingSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;
};

class PosTagger;
class DependencyParser;

class EntityRecognizer {
 public:
  // Loads models/ner-en.bin and resources/actor/ under data_dir().
  static EntityRecognizer load();
  static EntityRecognizer load(const std::filesystem::path& model_file, const std::filesystem::path& resources_dir);
  static bool available();  // models/ner-en.bin exists under data_dir()

  EntityRecognizer(EntityRecognizer&&) noexcept;
  EntityRecognizer& operator=(EntityRecognizer&&) noexcept;
  ~EntityRecognizer();

  // Adds the Entities layer (needs Segmentation and Morphology). A
  // Dependencies layer, when the document has one, adds syntactic features
  // (a name's relation and governor); without it they are left out.
  const Entities& tag(Document& doc) const;

  // Trains on the sentences tagged by `pos` and, when `parser` is given,
  // parsed by it, so training sees the same predicted input as tagging.
  static EntityRecognizer train(const std::vector<NerTrainingSentence>& sentences, const PosTagger& pos,
                                const DependencyParser* parser, const NerTrainingOptions& options,
                                const std::filesystem::path& resources_dir);
  void save(const std::filesystem::path& model_file) const;

 private:
  struct Model;
  explicit EntityRecognizer(std::unique_ptr<const Model> model);
  std::unique_ptr<const Model> model_;
};

class ActorResolver {
 public:
  static ActorResolver load();  // resources/actor/ under data_dir()
  static ActorResolver load(const std::filesystem::path& resources_dir);
  ActorResolver(ActorResolver&&) noexcept;
  ActorResolver& operator=(ActorResolver&&) noexcept;
  ~ActorResolver();

  // Adds the Actors layer. Needs Segmentation, Morphology and Entities; uses
  // Dependencies when present (appositions, "X of Y" roles).
  const Actors& resolve(Document& doc) const;

 private:
  struct Tables;
  explicit ActorResolver(std::unique_ptr<const Tables> tables);
  std::unique_ptr<const Tables> tables_;
};

class ParticipantFinder {
 public:
  static ParticipantFinder load();  // resources/actor/ under data_dir()
  static ParticipantFinder load(const std::filesystem::path& resources_dir);
  ParticipantFinder(ParticipantFinder&&) noexcept;
  ParticipantFinder& operator=(ParticipantFinder&&) noexcept;
  ~ParticipantFinder();

  // Adds the Participants layer. Needs Segmentation, Morphology, Events,
  // Dependencies and Actors.
  const Participants& find(Document& doc) const;

 private:
  struct Tables;
  explicit ParticipantFinder(std::unique_ptr<const Tables> tables);
  std::unique_ptr<const Tables> tables_;
};

}  // namespace tempora
