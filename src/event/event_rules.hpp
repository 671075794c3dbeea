// Rule tables of the event stage (resources/event/*.txt): verb-group words
// for MAKEINSTANCE attributes, the timeline type taxonomy, and boilerplate
// lines. Internal to src/event/.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tempora/document.hpp"
#include "tempora/event.hpp"

namespace tempora::detail {

class EventRules {
 public:
  // Reads grammar.txt, types.txt and boilerplate.txt from `dir`; throws
  // std::runtime_error naming the file and line on a malformed line.
  static EventRules load(const std::filesystem::path& dir);

  // Fills tense, aspect, polarity, modality and pos of `e` (whose head token
  // is e.token) from the verb group to the left of the head.
  void set_attributes(EventMention& e, std::span<const Token> tokens, std::span<const TokenMorph> morph,
                      std::uint32_t sentence_first) const;
  // Fills type and newsworthy.
  // `person[t]` (empty when the entity stage has not run) says whether
  // token t is in a person's name, for the cue "@person".
  void set_type(EventMention& e, std::span<const Token> tokens, std::span<const TokenMorph> morph,
                std::uint32_t sentence_first, std::uint32_t sentence_end, std::span<const std::uint8_t> person = {}) const;
  // One type per document for the lemmas types.txt lets spread ("spread
  // PROTEST: strike"): when a context rule gave one mention of the lemma
  // that type ("33,000 striking machinists"), every mention of the lemma in
  // the document has it ("before the strike ends"). Linear in the events.
  void spread_types(std::vector<EventMention>& events) const;
  // True when the sentence is a call to action ('Read “Zamin” on Telegram!').
  bool boilerplate(std::span<const Token> sentence_tokens) const;
  // True when types.txt lists the (lowercase) lemma as a meeting or talks
  // ("meeting", "summit", "talks"): what a timeline of who met whom is about.
  bool names_gathering(const std::string& lemma) const;

 private:
  enum Category : std::uint8_t { kNegation = 1, kFuture = 2, kModal = 4, kBe = 8, kHave = 16, kDo = 32, kInfinitive = 64 };
  std::uint8_t category(const Token& token, const TokenMorph& morph) const;

  std::unordered_map<std::string, std::uint8_t> grammar_;  // word -> Category bits
  std::unordered_map<std::string, std::string> modal_form_;

  struct ContextRule {
    std::string type;
    std::unordered_set<std::string> lemmas;
    bool next = true;
    int window = 3;
    std::unordered_set<std::string> cues;        // lowercase words or lemmas
    std::unordered_set<std::string> exact_cues;  // words as written ("=union": not "European Union")
    bool person_cue = false;                     // "@person": a word of a person's name
  };
  std::vector<ContextRule> context_rules_;
  std::unordered_map<std::string, std::string> lemma_type_;
  std::unordered_map<std::string, std::string> spread_type_;  // lemma -> the type it spreads
  std::unordered_map<std::string, bool> type_newsworthy_;
  std::unordered_map<int, std::string> class_type_;  // EventClass -> type
  std::unordered_set<int> hidden_classes_;

  std::size_t boilerplate_max_tokens_ = 12;
  std::unordered_set<std::string> boilerplate_start_, boilerplate_platform_;
};

// Lowercases ASCII letters (the rule tables are ASCII).
std::string event_lower(std::string_view s);

}  // namespace tempora::detail
