// Actor resolution: named mentions, descriptions and pronouns merged into
// one actor per person, organisation or place.
//
// The resolver reads the Entities layer (named mentions typed PERSON,
// ORGANIZATION, GPE, LOCATION, FACILITY, NORP), the tokens and their tags,
// and the dependency parse when there is one. It makes three kinds of
// mentions and walks them once, in text order, keeping the actors found so
// far; every decision looks only backwards, at actors already known, so the
// walk is linear in the number of mentions times the (small) number of
// actors a news article has.
//
// Names. Each non-NORP entity mention is a name. Titles are peeled off it and
// looked for right before it ("Ukrainian President Volodymyr Zelensky",
// "President Trump", "Gov. Petra Lind"; resources/actor/title_roles.txt;
// inside the mention also after an organisation or place, which is then
// the affiliation: "Apple Computer CEO Steve Jobs"):
// a role title becomes a role of the actor ("president", and the role it
// implies, "leader"), honorifics are dropped. What stands right before the
// title is an affiliation when it is a nationality (NORP "Ukrainian", a
// demonym of resources/actor/demonyms.txt, or a form listed in
// resources/actor/affiliations.txt such as "U.S.") or a place
// ("Ukraine's President ..."); "of Carvenia" after a titled name is one too.
// A name joins an existing actor when
//   - its key (ActorKeys::key) equals the key of one of the actor's names
//     (this merges "Zelenskyy" with "Zelensky" and "U.S." with "United
//     States"), or
//   - it is a shorter form of the actor's canonical name
//     (ActorKeys::may_refer_to: "Zelensky" for "Volodymyr Zelensky", "NBC"
//     for "NBC News") and the actor is of a compatible type (a person only
//     with a person, except that a one-word place or organisation that is a
//     person's surname is taken as that person, mistyped); among several
//     such actors, the most recently mentioned one wins ("Trump" after both "Donald Trump" and "Melania Trump" were
//     named is the later one), or
//   - the actor has so far been named by one word only and that word is the
//     last word of this longer name (a surname first, the full name later),
//     or, for an organisation named so far only as one, its first word
//     followed by generic words ("Apple", then "Apple Computer").
// Otherwise it starts a new actor. NORP mentions are never actors; they only
// give affiliations.
//
// Descriptions. A definite singular noun phrase whose head is a role title:
// "the president", "the Ukrainian leader", "the president of Ukraine", "the
// U.S. president", "Carvenia's president", "the defense minister". Its
// modifiers may name an affiliation (a NORP or place mention, or a listed
// form, before the title; "of" + place after it); a blocker modifier ("the
// former president") or a following name or noun ("the president's" is fine,
// "the general public" is not a title) makes it no description. Plural
// titles ("the presidents", "the two leaders") are not in the table, so
// groups are never resolved. A description
//   - in apposition to a name ("Dr. Ilse Brandt, the defense minister,";
//     "Carvenia's president, Lidia Marek,") names that actor and gives it the
//     role and affiliation;
//   - otherwise names the one actor whose roles, established by earlier
//     mentions, include the title (or, for a title without modifiers, the
//     general role it implies) and whose affiliations include the
//     description's affiliation if it has one. When several actors qualify,
//     the most recently mentioned one is taken only if it was mentioned in
//     this or the previous sentence and no other qualifying actor was;
//     otherwise the description stays unresolved.
//
// Institution words (resources/actor/organisation_heads.txt). "the
// department" after "the Justice Department", "the commission" after "the
// European Commission": "the" and a word of the list, not modifying a noun
// after it ("the department store"), name the one organisation named so far
// whose name (of two words or more) ends with that word; when two do, or
// none, the phrase stays unresolved.
//
// Pronouns (resources/actor/pronouns.txt). he/him/his and she/her look for a
// PERSON, they/them/their for an ORGANIZATION, in the same sentence before
// the pronoun and in the previous sentence only. Rules, in order:
//   1. A person whose gender is known (from an honorific or title, or from an
//      earlier pronoun that resolved to them) must agree.
//   2. An object pronoun ("him", "her" tagged PRP) never names the subject of
//      its own clause; a reflexive names only that subject.
//   3. If the sentence has a subject mention before the pronoun, a
//      possessive or reflexive takes the nearest one; a subject pronoun takes
//      it unless another compatible actor is mentioned between them ("Marek
//      told Holm that he ..." stays unresolved).
//   4. Otherwise the subject of the previous sentence, when exactly one
//      compatible actor is a subject there.
//   5. Otherwise the one compatible actor mentioned in the window, if there
//      is exactly one.
// "they" is resolved only by rules 3 and 4, and only when no plural noun
// stands between the organisation and the pronoun. "it"/"its" are resolved
// only through the parse, to an organisation: "its" in a clause whose
// subject the organisation is, "it" as the subject of a clausal complement
// of a verb whose subject the organisation is ("Apple said it would ...").
// A mention is a subject when its head's relation is nsubj (with a parse),
// or, without one, when a verb or auxiliary follows it, possibly after one
// adverb or a parenthetical between commas ("Holm, standing beside her,
// said").
//
// Quotations. With a parse, "I", "me", "my" inside quotation marks are the
// quote's speaker: the person subject of a reporting verb outside the quote
// in its sentence ("'I asked for it plainly,' Marek said"), or for a quote
// that opens its sentence, of the sentence before ("'...,' Marek told
// reporters. 'I asked for it plainly.'"). This runs after the walk, since
// the speaker often comes after the quote.
//
// The canonical name of an actor is its longest name (most words, then not
// in capitals only, then most bytes); every other distinct name form is an
// alias. The type is PERSON for an actor first named as a person, else the
// most frequent entity type among its names (the first on ties). Ids a1, a2,
// ... follow the order of first mention, and actor_of_token maps every token
// of every mention (the title of "President Trump" included) to its actor.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "actor/name_folding.hpp"
#include "actor/name_order.hpp"
#include "tempora/actor.hpp"
#include "tempora/data.hpp"
#include "tempora/parse.hpp"

namespace tempora {

using detail::StringMap;
using detail::TitleEntry;
using detail::TitleKind;

namespace {

enum class Gender : std::uint8_t { unknown, male, female, plural, neuter };
enum class PronounCase : std::uint8_t { subject, object, possessive, reflexive };

struct PronounEntry {
  Gender gender = Gender::unknown;
  PronounCase pcase = PronounCase::subject;
};

struct ResolverTables {
  ActorKeys keys;
  detail::TitleTable titles;
  detail::NameOrder name_order;
  StringMap<PronounEntry> pronouns;     // folded pronoun -> entry
  StringMap<std::string> affiliations;  // name_words joined -> place ("us" -> "United States")
  std::size_t max_affiliation_words = 1;
  std::set<std::string, std::less<>> organisation_heads;  // folded: "department", "commission"
  std::set<std::string, std::less<>> company_words;       // folded: "employees", "shareholders"
  std::set<std::string, std::less<>> industry_words;      // folded: "semiconductor", "energy"

  explicit ResolverTables(ActorKeys k) : keys(std::move(k)) {}
};


std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

struct Affiliation {
  std::string name;  // as shown: "Ukraine", "United States"
  std::string key;   // ActorKeys::key(name)
};

// A name mention after its titles were peeled off.
struct NameMention {
  std::uint32_t first = 0, last = 0;        // tokens of the name proper [first, last)
  std::uint32_t span_first = 0;              // first token including a prefixed title
  std::uint32_t sentence = 0;
  EntityType type = EntityType::PERSON;
  std::string text;                          // the name as written, without titles or "'s"
  std::string key;
  std::vector<const TitleEntry*> titles;     // role titles before or inside the name
  char gender = 0;                           // from an honorific or title
  std::optional<Affiliation> affiliation;
  bool blocked = false;                      // "former President X": no role
};

struct Description {
  std::uint32_t first = 0, last = 0;  // tokens [first, last)
  std::uint32_t head = 0;             // last token of the title
  std::uint32_t sentence = 0;
  const TitleEntry* title = nullptr;
  std::string role;                   // "president", "defense minister"
  std::optional<Affiliation> affiliation;
  int apposed_name = -1;              // index into names, when "NAME, DESC" or "DESC, NAME"
};

// "the department" after "the Justice Department": an institution word
// naming again the one organisation whose name ends with it.
struct OrganisationHead {
  std::uint32_t first = 0;  // "the"
  std::uint32_t head = 0;   // the institution word
};

struct PronounMention {
  std::uint32_t token = 0;
  std::uint32_t sentence = 0;
  PronounEntry entry;
};

struct Draft {
  std::vector<std::pair<std::string, EntityType>> names;  // every name form with its entity type
  std::string canonical;                                   // the longest of them
  std::set<std::string> name_keys;
  std::vector<std::string> roles;                          // for output, in order of discovery
  std::set<std::string> role_heads;                        // titles, implied roles, last words of titles
  std::vector<Affiliation> affiliations;
  std::vector<ActorMention> mentions;
  std::vector<bool> mention_is_subject;
  Gender gender = Gender::unknown;
  bool person = false;
  std::uint32_t last_sentence = 0;
  std::uint32_t last_token = 0;

  bool has_affiliation(const std::string& key) const {
    return std::any_of(affiliations.begin(), affiliations.end(), [&](const Affiliation& a) { return a.key == key; });
  }
  void add_affiliation(const Affiliation& a) {
    if (!a.key.empty() && !has_affiliation(a.key)) affiliations.push_back(a);
  }
  void add_role(const std::string& role) {
    if (!role.empty() && std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
  }
};

class Resolution {
 public:
  Resolution(const ResolverTables& tables, const Document& doc)
      : t_(tables),
        doc_(doc),
        seg_(doc.get<Segmentation>()),
        morph_(doc.get<Morphology>()),
        entities_(doc.get<Entities>()) {
    const std::size_t n = seg_.tokens.size();
    folded_.resize(n);
    for (std::size_t i = 0; i < n; ++i) folded_[i] = detail::fold_token(seg_.tokens[i].norm);
    sentence_of_.assign(n, 0);
    for (std::uint32_t s = 0; s < seg_.sentences.size(); ++s) {
      const Sentence& sentence = seg_.sentences[s];
      for (std::uint32_t i = sentence.first_token; i < sentence.first_token + sentence.token_count && i < n; ++i)
        sentence_of_[i] = s;
    }
    entity_at_.assign(n, -1);
    std::uint32_t taken_until = 0;
    for (std::size_t m = 0; m < entities_.mentions.size(); ++m) {
      const EntityMention& e = entities_.mentions[m];
      // Ill-formed or overlapping mentions (hand-made layers, other
      // recognizers) are skipped rather than trusted.
      if (e.token_count == 0 || e.first_token >= n || e.token_count > n - e.first_token) continue;
      if (e.first_token < taken_until) continue;
      taken_until = e.first_token + e.token_count;
      valid_entities_.push_back(m);
      for (std::uint32_t i = e.first_token; i < taken_until; ++i) entity_at_[i] = static_cast<int>(m);
    }
    if (doc.has<Dependencies>() && doc.get<Dependencies>().head.size() == n) syntax_.emplace(doc);
    retype_entities();
    retype_companies();
    index_places();
    if (morph_.tokens.size() != n) throw std::logic_error("actor resolver: Morphology does not match Segmentation");
  }

  Actors run() {
    collect_names();
    collect_descriptions();
    collect_organisation_heads();
    collect_pronouns();
    walk();
    attribute_quoted_first_person();
    return finish();
  }

 private:
  // ---- entity types, corrected --------------------------------------------
  EntityType type_of(const EntityMention& e) const {
    return types_[static_cast<std::size_t>(&e - entities_.mentions.data())];
  }

  // A recognizer trained on real news types unfamiliar one-word places as
  // people ("Nordvall", "Carvenia"). Within one document the evidence is
  // plain, and a one-word "person" with some of it and none against it is a
  // place: all its one-word PERSON mentions become GPE. For: the word follows
  // "in" or "near" (not as a possessive); it stands as a modifier between
  // "the" and a noun ("the Nordvall capital"); "'s" and a role title follow
  // it ("Carvenia's president"); the recognizer typed it GPE or LOCATION
  // elsewhere; the text has its nationality adjective ("Carvenian").
  // Against: a title before it, or being the surname of a longer person
  // name. A PERSON mention without a capital letter ("frank") is dropped.
  void retype_entities() {
    types_.clear();
    for (const EntityMention& e : entities_.mentions) types_.push_back(e.type);
    retype_employers();
    StringMap<int> evidence;  // folded one-word person name -> score
    std::vector<std::pair<std::size_t, std::string>> single;
    for (std::size_t m : valid_entities_) {
      const EntityMention& e = entities_.mentions[m];
      const std::uint32_t first = e.first_token, last = e.first_token + e.token_count;
      if (types_[m] != EntityType::PERSON) continue;
      const std::string_view written = doc_.text(seg_.tokens[first].span);
      if (!written.empty() && static_cast<unsigned char>(written[0]) < 0x80 &&
          !std::any_of(written.begin(), written.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        dropped_.insert(m);
        continue;
      }
      std::uint32_t name_last = last;
      while (name_last > first + 1 && is_possessive_marker(name_last - 1)) --name_last;
      if (name_last - first != 1) {
        evidence[folded_[name_last - 1]] = -1000;  // a surname
        continue;
      }
      single.emplace_back(m, folded_[first]);
      evidence.try_emplace(folded_[first], 0);
      std::uint32_t title_first = 0;
      if (first > 0 && title_ending_at(first, first > 4 ? first - 4 : 0, &title_first) != nullptr)
        evidence[folded_[first]] = -1000;
    }
    if (single.empty()) return;
    for (std::size_t m : valid_entities_) {
      const EntityMention& e = entities_.mentions[m];
      if (e.token_count == 1 && (types_[m] == EntityType::GPE || types_[m] == EntityType::LOCATION))
        if (auto it = evidence.find(folded_[e.first_token]); it != evidence.end()) ++it->second;
    }
    static constexpr std::string_view kDemonymEndings[] = {"n", "an", "ian", "ese", "i", "ish"};
    for (std::uint32_t i = 0; i < size(); ++i) {
      const std::string& w = folded_[i];
      if (auto it = evidence.find(w); it != evidence.end()) {
        const bool possessive = i + 1 < size() && is_possessive_marker(i + 1);
        const std::string& before = i > 0 ? folded_[i - 1] : folded_[i];
        if (i > 0 && !possessive &&
            (before == "in" || before == "near" || before == "across" || before == "throughout"))
          ++it->second;
        if (i > 0 && before == "the" && i + 1 < size() && upos(i + 1) == Upos::NOUN) ++it->second;
        if (possessive && i + 2 < size()) {
          const TitleEntry* entry = nullptr;
          if (t_.titles.match(folded_, i + 2, &entry) > 0 && entry->kind == TitleKind::role) ++it->second;
        }
        continue;
      }
      // A nationality adjective of a candidate: "carvenian" for "carvenia".
      if (w.size() < 5 || !(upos(i) == Upos::ADJ || upos(i) == Upos::PROPN)) continue;
      for (std::string_view ending : kDemonymEndings) {
        if (w.size() <= ending.size() + 3 || !w.ends_with(ending)) continue;
        const std::string stem = w.substr(0, w.size() - ending.size());
        for (const std::string& candidate : {stem, stem + "a", stem + "e"})
          if (auto it = evidence.find(candidate); it != evidence.end()) ++it->second;
      }
    }
    for (const auto& [m, key] : single)
      if (evidence[key] > 0) types_[m] = EntityType::GPE;
  }

  // "OpenAI's 770 employees", "Nvidia's shares": a one-word name that "'s"
  // and a company word (resources/actor/company_words.txt) follow, with at
  // most two numbers or adjectives between, is an organisation wherever the
  // recognizer took it for a person or a place.
  void retype_companies() {
    std::set<std::string, std::less<>> companies;  // folded names
    // "Nordex Semiconductor": a person's name ending with an industry
    // (resources/actor/industry_words.txt) is a company's, and its first word
    // names the company alone ("Nordex", "Chipmaker Nordex").
    for (std::size_t m : valid_entities_) {
      const EntityMention& e = entities_.mentions[m];
      if (e.token_count < 2 || types_[m] != EntityType::PERSON) continue;
      if (!t_.industry_words.contains(folded_[e.first_token + e.token_count - 1])) continue;
      types_[m] = EntityType::ORGANIZATION;
      companies.insert(folded_[e.first_token]);
    }
    for (std::uint32_t i = 0; i + 2 < size(); ++i) {
      if (!is_possessive_marker(i + 1)) continue;
      const EntityMention* e = entity(i);
      if (e == nullptr || e->token_count != 1 ||
          (type_of(*e) != EntityType::PERSON && type_of(*e) != EntityType::GPE))
        continue;
      std::uint32_t k = i + 2;
      while (k < size() && k < i + 4 && (upos(k) == Upos::NUM || upos(k) == Upos::ADJ)) ++k;
      if (k < size() && same_sentence(i, k) && t_.company_words.contains(folded_[k])) companies.insert(folded_[i]);
    }
    if (companies.empty()) return;
    for (std::size_t m : valid_entities_) {
      const EntityMention& e = entities_.mentions[m];
      const bool one_word = e.token_count == 1;
      // (a headline's "Chipmaker Nordex": a person whose last word is the company)
      const bool described = e.token_count == 2 && types_[m] == EntityType::PERSON &&
                             companies.contains(folded_[e.first_token + 1]);
      if ((one_word && (types_[m] == EntityType::PERSON || types_[m] == EntityType::GPE) &&
           companies.contains(folded_[e.first_token])) ||
          described)
        types_[m] = EntityType::ORGANIZATION;
    }
  }

  // "Nvidia Chief Executive Jensen Huang", "Acme CEO Jane Roe": the
  // proper noun right before a role title that a person's name follows is
  // that person's organisation. A "person" of that name, wherever the
  // recognizer (not knowing the company) found one, is the organisation.
  void retype_employers() {
    std::set<std::string, std::less<>> employers;  // their words, as written
    for (std::size_t m : valid_entities_) {
      const EntityMention& e = entities_.mentions[m];
      if (types_[m] != EntityType::PERSON || e.first_token == 0) continue;
      // the title: the mention's first words, or the words right before it
      std::uint32_t title_first = e.first_token;
      const TitleEntry* entry = nullptr;
      const std::size_t inside = t_.titles.match(folded_, e.first_token, &entry);
      if (inside == 0 || inside >= e.token_count || entry->kind != TitleKind::role) {
        entry = title_ending_at(e.first_token, e.first_token > 4 ? e.first_token - 4 : 0, &title_first);
        if (entry == nullptr || entry->kind != TitleKind::role) continue;
      }
      if (title_first == 0) continue;
      const std::uint32_t w = title_first - 1;
      const std::string_view word = doc_.text(seg_.tokens[w].span);
      if (!same_sentence(w, e.first_token) || upos(w) != Upos::PROPN || word.empty() || word[0] < 'A' ||
          word[0] > 'Z' || (entity(w) != nullptr && type_of(*entity(w)) != EntityType::PERSON))
        continue;
      // one word, or the whole name that ends there
      const EntityMention* before = entity(w);
      employers.insert(before != nullptr ? text_of(before->first_token, before->first_token + before->token_count)
                                         : std::string(word));
    }
    if (employers.empty()) return;
    for (std::size_t m : valid_entities_) {
      const EntityMention& e = entities_.mentions[m];
      if (types_[m] == EntityType::PERSON && employers.contains(text_of(e.first_token, e.first_token + e.token_count)))
        types_[m] = EntityType::ORGANIZATION;
    }
  }

  // ---- small token helpers ------------------------------------------------
  std::size_t size() const { return seg_.tokens.size(); }
  Upos upos(std::size_t i) const { return morph_.tokens[i].upos; }
  const std::string& xpos(std::size_t i) const { return morph_.tokens[i].xpos; }
  const EntityMention* entity(std::size_t i) const {
    return entity_at_[i] < 0 ? nullptr : &entities_.mentions[static_cast<std::size_t>(entity_at_[i])];
  }
  bool is_possessive_marker(std::size_t i) const { return folded_[i] == "'s" || folded_[i] == "'"; }
  bool same_sentence(std::size_t a, std::size_t b) const { return sentence_of_[a] == sentence_of_[b]; }
  std::string text_of(std::uint32_t first, std::uint32_t last) const {
    return std::string(doc_.text(Span{seg_.tokens[first].span.begin, seg_.tokens[last - 1].span.end}));
  }

  // The role title whose words end right before token `end` (the longest),
  // as its entry and its first token; nullptr when there is none.
  const TitleEntry* title_ending_at(std::uint32_t end, std::uint32_t limit, std::uint32_t* first) const {
    for (std::size_t n = std::min<std::size_t>(t_.titles.max_words, end - limit); n > 0; --n) {
      const std::uint32_t b = end - static_cast<std::uint32_t>(n);
      if (!same_sentence(b, end - 1) || entity_at_[b] >= 0) continue;
      if (const TitleEntry* entry = t_.titles.find(folded_, b, n)) {
        *first = b;
        return entry;
      }
    }
    return nullptr;
  }

  // A place given by a form of words: a listed adjective or short form
  // ("Ukrainian", "U.S."), else a place of this document with the same stem
  // ("Carvenian" -> "Carvenia"), else the words as written.
  Affiliation affiliation_for(std::string_view written, bool is_place) const {
    const std::string words = join_words(detail::name_words(written));
    if (const auto it = t_.affiliations.find(words); it != t_.affiliations.end())
      return {it->second, t_.keys.key(it->second)};
    if (!is_place && words.size() >= 4) {
      // One-word places of this text sharing the first four letters.
      if (const auto it = places_by_prefix_.find(std::string_view(words).substr(0, 4)); it != places_by_prefix_.end())
        for (const auto& [place_words, place] : it->second) {
          std::size_t common = 0;
          while (common < place_words.size() && common < words.size() && place_words[common] == words[common]) ++common;
          if (common + 2 >= place_words.size()) return {place, t_.keys.key(place)};
        }
    }
    std::string name(written);
    return {name, t_.keys.key(name)};
  }

  // The one-word GPE and LOCATION names of the text, by their first four
  // folded letters, for matching nationality adjectives to them.
  void index_places() {
    StringMap<bool> seen;
    for (std::size_t m : valid_entities_) {
      const EntityMention& e = entities_.mentions[m];
      if (type_of(e) != EntityType::GPE && type_of(e) != EntityType::LOCATION) continue;
      std::string place = text_of(e.first_token, e.first_token + e.token_count);
      std::string place_words = join_words(detail::name_words(place));
      if (place_words.size() < 4 || place_words.find(' ') != std::string::npos) continue;
      if (!seen.emplace(place_words, true).second) continue;
      places_by_prefix_[place_words.substr(0, 4)].emplace_back(std::move(place_words), std::move(place));
    }
  }

  // An affiliation whose words end right before token `end`: a NORP or place
  // mention, a place with "'s", or a listed form. Sets *first to its first token.
  std::optional<Affiliation> affiliation_ending_at(std::uint32_t end, std::uint32_t* first) const {
    if (end == 0) return std::nullopt;
    std::uint32_t last = end;
    if (is_possessive_marker(end - 1) && end >= 2) last = end - 1;
    if (const EntityMention* e = entity(last - 1);
        e != nullptr && e->first_token + e->token_count == last && type_of(*e) != EntityType::PERSON &&
        same_sentence(e->first_token, end - 1)) {
      if (type_of(*e) == EntityType::ORGANIZATION || type_of(*e) == EntityType::FACILITY) return std::nullopt;
      *first = e->first_token;
      return affiliation_for(text_of(e->first_token, last), type_of(*e) != EntityType::NORP);
    }
    if (last != end) return std::nullopt;
    for (std::size_t n = std::min<std::size_t>(t_.max_affiliation_words, end); n > 0; --n) {
      const std::uint32_t b = end - static_cast<std::uint32_t>(n);
      if (!same_sentence(b, end - 1)) continue;
      const std::string written = text_of(b, end);
      if (written.empty() || !(written[0] >= 'A' && written[0] <= 'Z')) continue;
      if (t_.affiliations.contains(join_words(detail::name_words(written)))) {
        *first = b;
        return affiliation_for(written, true);
      }
    }
    // A nationality adjective the recognizer missed, whose stem names a
    // place of this text ("Carvenian" before "President", "Carvenia" named).
    const std::uint32_t b = end - 1;
    const std::string_view written = doc_.text(seg_.tokens[b].span);
    if (entity_at_[b] < 0 && !written.empty() && written[0] >= 'A' && written[0] <= 'Z' &&
        (upos(b) == Upos::ADJ || upos(b) == Upos::PROPN)) {
      Affiliation a = affiliation_for(written, false);
      if (a.name != written) {
        *first = b;
        return a;
      }
    }
    return std::nullopt;
  }

  // An affiliation starting at token `begin` (inside a description's
  // modifiers or after "of"), its end in *end.
  std::optional<Affiliation> affiliation_starting_at(std::uint32_t begin, std::uint32_t* end) const {
    if (begin >= size()) return std::nullopt;
    if (const EntityMention* e = entity(begin); e != nullptr && e->first_token == begin) {
      if (type_of(*e) != EntityType::NORP && type_of(*e) != EntityType::GPE && type_of(*e) != EntityType::LOCATION)
        return std::nullopt;
      *end = e->first_token + e->token_count;
      return affiliation_for(text_of(begin, *end), type_of(*e) != EntityType::NORP);
    }
    for (std::size_t n = std::min<std::size_t>(t_.max_affiliation_words, size() - begin); n > 0; --n) {
      const std::uint32_t e = begin + static_cast<std::uint32_t>(n);
      if (!same_sentence(begin, e - 1)) continue;
      const std::string written = text_of(begin, e);
      if (written.empty() || !(written[0] >= 'A' && written[0] <= 'Z')) continue;
      if (t_.affiliations.contains(join_words(detail::name_words(written)))) {
        *end = e;
        return affiliation_for(written, true);
      }
    }
    return std::nullopt;
  }

  // "of [the] PLACE" starting at token `at`.
  std::optional<Affiliation> of_place(std::uint32_t at, std::uint32_t* end) const {
    if (at >= size() || folded_[at] != "of") return std::nullopt;
    std::uint32_t b = at + 1;
    if (b < size() && folded_[b] == "the") ++b;
    if (b >= size() || !same_sentence(at, b)) return std::nullopt;
    if (const EntityMention* e = entity(b); e != nullptr && type_of(*e) == EntityType::NORP) return std::nullopt;
    auto a = affiliation_starting_at(b, end);
    // A proper noun the recognizer missed: "President Lidia Marek of Carvenia".
    if (!a && entity_at_[b] < 0 && upos(b) == Upos::PROPN) {
      std::uint32_t e = b;
      while (e < size() && e < b + 4 && upos(e) == Upos::PROPN && entity_at_[e] < 0 && same_sentence(b, e)) ++e;
      *end = e;
      a = affiliation_for(text_of(b, e), true);
    }
    // "the presidents of the U.S. and Ukraine": a coordination is a group.
    if (a && *end < size() && (folded_[*end] == "and" || folded_[*end] == "or")) return std::nullopt;
    return a;
  }

  // ---- collecting mentions ------------------------------------------------------
  void collect_names() {
    for (std::size_t m : valid_entities_) {
      const EntityMention& e = entities_.mentions[m];
      if (type_of(e) == EntityType::NORP || dropped_.contains(m)) continue;
      NameMention name;
      name.type = type_of(e);
      name.first = e.first_token;
      name.last = e.first_token + e.token_count;
      name.span_first = name.first;
      name.sentence = sentence_of_[name.first];
      while (name.last > name.first + 1 && (is_possessive_marker(name.last - 1) || upos(name.last - 1) == Upos::PUNCT))
        --name.last;
      // A possessive inside a place or person name is a recognizer's
      // overreach ("Zelensky's Tomahawk request"): the name ends before it.
      if (type_of(e) != EntityType::ORGANIZATION && type_of(e) != EntityType::FACILITY)
        for (std::uint32_t i = name.first + 1; i < name.last; ++i)
          if (is_possessive_marker(i)) {
            name.last = i;
            break;
          }
      // Titles inside the mention ("President Trump" tagged as one name).
      if (type_of(e) == EntityType::PERSON) {
        // An organisation or place before the title, all in the mention
        // ("Apple Computer CEO Steve Jobs", "NATO Secretary-General Mark
        // Rutte"): what precedes the title is the affiliation.
        if (t_.titles.match(folded_, name.first, nullptr) == 0)
          for (std::uint32_t k = name.first + 1; k + 1 < name.last; ++k) {
            const TitleEntry* entry = nullptr;
            const std::size_t n = t_.titles.match(folded_, k, &entry);
            if (n == 0 || entry->kind != TitleKind::role || k + n >= name.last) continue;
            if (upos(k - 1) != Upos::PROPN && upos(k - 1) != Upos::ADJ) break;
            name.affiliation = affiliation_for(text_of(name.first, k), false);
            name.first = k;
            break;
          }
        while (name.last - name.first > 1) {
          const TitleEntry* entry = nullptr;
          const std::size_t n = t_.titles.match(folded_, name.first, &entry);
          if (n == 0 || name.first + n >= name.last) break;
          if (entry->kind == TitleKind::role) name.titles.push_back(entry);
          else if (entry->kind != TitleKind::honorific) break;
          if (entry->gender != 0) name.gender = entry->gender;
          name.first += static_cast<std::uint32_t>(n);
        }
        // Titles right before it ("Ukrainian President Volodymyr Zelensky").
        std::uint32_t begin = name.span_first;
        const std::uint32_t limit = begin > 8 ? begin - 8 : 0;
        while (begin > limit) {
          std::uint32_t title_first = 0;
          const TitleEntry* entry = title_ending_at(begin, limit, &title_first);
          if (entry == nullptr || (entry->kind != TitleKind::role && entry->kind != TitleKind::honorific)) break;
          if (entry->kind == TitleKind::role) name.titles.push_back(entry);
          if (entry->gender != 0) name.gender = entry->gender;
          begin = title_first;
        }
        if (begin < name.span_first) {
          name.span_first = begin;
          std::uint32_t affiliation_first = 0;
          if (begin > 0 && t_.titles.find(folded_, begin - 1, 1) != nullptr &&
              t_.titles.find(folded_, begin - 1, 1)->kind == TitleKind::blocker)
            name.blocked = true;
          else if (auto a = affiliation_ending_at(begin, &affiliation_first))
            name.affiliation = std::move(a);
        }
        if (!name.titles.empty() && !name.affiliation) {
          std::uint32_t end = 0;
          if (auto a = of_place(name.last, &end)) name.affiliation = std::move(a);
        }
      }
      name.text = text_of(name.first, name.last);
      name.key = t_.keys.key(name.text);
      if (name.key.empty()) continue;
      for (std::uint32_t i = name.span_first; i < name.last; ++i) name_at_[i] = static_cast<int>(names_.size());
      names_.push_back(std::move(name));
    }
  }

  bool covered_by_name(std::uint32_t i) const { return name_at_.contains(i); }

  void collect_descriptions() {
    for (std::uint32_t i = 0; i < size(); ++i) {
      std::uint32_t j = 0, start = 0;
      std::optional<Affiliation> affiliation;
      if (folded_[i] == "the") {
        j = i + 1;
        start = i;
        if (covered_by_name(i)) continue;
      } else if (is_possessive_marker(i) && i > 0) {
        // "Carvenia's president": a place with "'s" opens the description,
        // which starts at the title (the place keeps its own mention).
        const EntityMention* e = entity(i - 1);
        if (e == nullptr || e->first_token + e->token_count != i ||
            (type_of(*e) != EntityType::GPE && type_of(*e) != EntityType::ORGANIZATION))
          continue;
        affiliation = affiliation_for(text_of(e->first_token, i), true);
        j = i + 1;
        start = j;
      } else {
        continue;
      }
      std::vector<std::string> modifiers;
      bool blocked = false;
      const TitleEntry* title = nullptr;
      std::uint32_t title_first = 0, title_end = 0;
      for (int steps = 0; j < size() && steps < 5 && same_sentence(i, j); ++steps) {
        if (covered_by_name(j)) break;
        std::uint32_t end = 0;
        if (!affiliation) {
          if (auto a = affiliation_starting_at(j, &end)) {
            affiliation = std::move(a);
            j = end;
            continue;
          }
        }
        const TitleEntry* entry = nullptr;
        const std::size_t n = t_.titles.match(folded_, j, &entry);
        if (n > 0 && entry->kind == TitleKind::blocker) {
          blocked = true;
          ++j;
          continue;
        }
        if (n > 0 && entry->kind == TitleKind::role) {
          const std::uint32_t after = j + static_cast<std::uint32_t>(n);
          // A title followed by a noun is a modifier ("the president's" is
          // fine: "'s" is a particle; "the general public" is not a title).
          if (after < size() && same_sentence(j, after) &&
              (upos(after) == Upos::NOUN || upos(after) == Upos::PROPN || upos(after) == Upos::NUM)) {
            if (t_.titles.match(folded_, after, nullptr) > 0 && !covered_by_name(after)) {
              modifiers.push_back(folded_[j]);
              ++j;
              continue;
            }
            break;
          }
          title = entry;
          title_first = j;
          title_end = after;
          break;
        }
        if ((upos(j) == Upos::ADJ || (upos(j) == Upos::NOUN && xpos(j) == "NN")) && entity_at_[j] < 0) {
          // (an age, "the 86-year-old pope", describes like an adjective)
          const bool age = std::any_of(folded_[j].begin(), folded_[j].end(), [](char c) { return c >= '0' && c <= '9'; });
          if (upos(j) == Upos::NOUN && !age) modifiers.push_back(folded_[j]);
          ++j;
          continue;
        }
        break;
      }
      if (title == nullptr || blocked) continue;
      Description d;
      d.first = start;
      d.head = title_end - 1;
      d.last = title_end;
      d.sentence = sentence_of_[start];
      d.title = title;
      d.role = title->canonical;
      if (!modifiers.empty()) d.role = join_words(modifiers) + " " + d.role;
      std::uint32_t end = 0;
      if (!affiliation) {
        if (auto a = of_place(title_end, &end)) {
          affiliation = std::move(a);
          d.last = end;
        }
      }
      d.affiliation = std::move(affiliation);
      (void)title_first;
      descriptions_.push_back(std::move(d));
      i = descriptions_.back().last - 1;
    }
    // Appositions: "NAME, DESC" and "DESC, NAME" (a comma between them).
    for (Description& d : descriptions_) {
      if (d.first >= 2 && folded_[d.first - 1] == ",") {
        if (const auto it = name_at_.find(d.first - 2); it != name_at_.end()) {
          const NameMention& name = names_[static_cast<std::size_t>(it->second)];
          if (name.type == EntityType::PERSON && name.last == d.first - 1) d.apposed_name = it->second;
        }
      }
      if (d.apposed_name < 0 && d.last + 1 < size() && folded_[d.last] == ",") {
        if (const auto it = name_at_.find(d.last + 1); it != name_at_.end()) {
          const NameMention& name = names_[static_cast<std::size_t>(it->second)];
          if (name.type == EntityType::PERSON && name.span_first == d.last + 1 && name.titles.empty())
            d.apposed_name = it->second;
        }
      }
    }
  }

  void collect_organisation_heads() {
    if (t_.organisation_heads.empty()) return;
    for (std::uint32_t i = 0; i + 1 < size(); ++i) {
      const std::uint32_t h = i + 1;
      if (folded_[i] != "the" || !same_sentence(i, h) || covered_by_name(h) || entity_at_[h] >= 0 ||
          (upos(h) != Upos::NOUN && upos(h) != Upos::PROPN) || !t_.organisation_heads.contains(folded_[h]))
        continue;
      // a modifier of a noun after it ("the department store") is none
      if (h + 1 < size() && same_sentence(h, h + 1) &&
          (upos(h + 1) == Upos::NOUN || upos(h + 1) == Upos::PROPN || covered_by_name(h + 1)))
        continue;
      organisation_heads_.push_back({i, h});
    }
  }

  void collect_pronouns() {
    for (std::uint32_t i = 0; i < size(); ++i) {
      if (upos(i) != Upos::PRON && xpos(i) != "PRP" && xpos(i) != "PRP$") continue;
      const auto it = t_.pronouns.find(folded_[i]);
      if (it == t_.pronouns.end()) continue;
      PronounMention p{i, sentence_of_[i], it->second};
      if (xpos(i) == "PRP$") p.entry.pcase = PronounCase::possessive;
      pronouns_.push_back(p);
    }
  }

  // ---- the walk ---------------------------------------------------------------------
  struct Item {
    std::uint32_t token;
    int kind;  // 0 name, 1 description, 2 pronoun, 3 organisation head
    std::size_t index;
  };

  void walk() {
    std::vector<Item> items;
    items.reserve(names_.size() + descriptions_.size() + pronouns_.size());
    for (std::size_t i = 0; i < names_.size(); ++i) items.push_back({names_[i].span_first, 0, i});
    for (std::size_t i = 0; i < descriptions_.size(); ++i) items.push_back({descriptions_[i].first, 1, i});
    for (std::size_t i = 0; i < pronouns_.size(); ++i) items.push_back({pronouns_[i].token, 2, i});
    for (std::size_t i = 0; i < organisation_heads_.size(); ++i) items.push_back({organisation_heads_[i].first, 3, i});
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.token < b.token; });
    name_actor_.assign(names_.size(), -1);
    for (const Item& item : items) {
      if (item.kind == 0) {
        resolve_name(item.index);
      } else if (item.kind == 1) {
        resolve_description(item.index);
      } else if (item.kind == 3) {
        resolve_organisation_head(item.index);
      } else {
        resolve_pronoun(item.index);
      }
    }
  }

  static bool compatible_types(EntityType a, bool actor_is_person) {
    return (a == EntityType::PERSON) == actor_is_person;
  }

  static const std::string& canonical_of(const Draft& d) { return d.canonical; }
  static std::size_t word_count(const std::string& s) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
  }
  // A name written in capitals only is a dateline or a headline ("BRENNICK,
  // March 14"): the same name as the text writes it is the better one.
  static bool all_capitals(const std::string& s) {
    return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }
  // "NEW YORK" -> "New York", "ST. PAUL" -> "St. Paul" (ASCII letters; others kept).
  static std::string title_case(std::string s) {
    bool word_start = true;
    for (char& c : s) {
      const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (letter && !word_start && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      word_start = c == ' ' || c == '-';
    }
    return s;
  }
  // Whether `a` makes a better canonical name than `b`: more words, then
  // not in capitals only, then more bytes.
  static bool longer(const std::string& a, const std::string& b) {
    const std::size_t wa = word_count(a), wb = word_count(b);
    if (wa != wb) return wa > wb;
    if (all_capitals(a) != all_capitals(b)) return !all_capitals(a);
    return a.size() > b.size();
  }

  // Actors that share a first or last key word with `key`, or whose
  // initials it is: the only ones may_refer_to can accept. The index keeps
  // name matching proportional to the actors that share words, not to all.
  std::vector<int> actors_sharing_words(const std::string& key) const {
    std::vector<int> out;
    auto add = [&](const StringMap<std::vector<int>>& index, std::string_view word) {
      if (const auto it = index.find(word); it != index.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    };
    const std::size_t space = key.find(' ');
    const std::size_t last_space = key.rfind(' ');
    add(by_word_, std::string_view(key).substr(0, space));
    if (last_space != std::string::npos) add(by_word_, std::string_view(key).substr(last_space + 1));
    if (space == std::string::npos) add(by_initials_, key);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  void index_name(int actor, const std::string& key) {
    auto add = [&](StringMap<std::vector<int>>& index, std::string_view word) {
      auto& list = index[std::string(word)];
      if (list.empty() || list.back() != actor) list.push_back(actor);
    };
    const std::size_t space = key.find(' ');
    const std::size_t last_space = key.rfind(' ');
    add(by_word_, std::string_view(key).substr(0, space));
    if (last_space != std::string::npos) {
      add(by_word_, std::string_view(key).substr(last_space + 1));
      std::string initials;
      for (std::size_t i = 0; i < key.size(); ++i)
        if ((i == 0 || key[i - 1] == ' ') && key[i] != ' ') initials += key[i];
      add(by_initials_, initials);
      // Initials without function words ("united nations" -> "un" either way).
      std::string content;
      std::size_t at = 0;
      while (at <= key.size()) {
        const std::size_t end = std::min(key.find(' ', at), key.size());
        const std::string_view w = std::string_view(key).substr(at, end - at);
        if (!w.empty() && w != "of" && w != "the" && w != "and" && w != "for" && w != "de") content += w.front();
        at = end + 1;
      }
      if (content != initials) add(by_initials_, content);
    }
    key_actor_.insert_or_assign(key, actor);
  }

  int find_actor_for_name(const NameMention& name) const {
    int best = -1;
    auto more_recent = [&](int candidate) {
      return best < 0 || drafts_[static_cast<std::size_t>(candidate)].last_token >
                             drafts_[static_cast<std::size_t>(best)].last_token;
    };
    // 1. The same key.
    if (const auto it = key_actor_.find(name.key); it != key_actor_.end()) return it->second;
    const std::vector<int> candidates = actors_sharing_words(name.key);
    // 2. A shorter form of an actor's canonical name. A one-word place or
    // organisation that is a person's surname is that person mistyped by
    // the recognizer ("According to Zelensky" tagged GPE).
    for (int a : candidates) {
      const Draft& d = drafts_[static_cast<std::size_t>(a)];
      if (d.names.empty()) continue;
      const std::string& canonical = canonical_of(d);
      const bool surname_of_person = d.person && name.type != EntityType::PERSON &&
                                     word_count(name.key) == 1 && word_count(canonical) > 1;
      if (!compatible_types(name.type, d.person) && !surname_of_person) continue;
      if (t_.keys.may_refer_to(name.text, canonical) && more_recent(a)) best = a;
    }
    if (best >= 0) return best;
    // 2b. The first word of the one person named in two words that has it,
    // or whose name puts the family name first ("Wang" after "Wang Yi",
    // "Lee" after "Lee Jae-myung"); any of the person's two-word names counts
    // ("Tim" after "Timothy D. Cook" and "Tim Cook"). A given name the
    // recognizer typed otherwise is the person's too ("Steve will continue
    // to serve Apple", "Steve" taken for a place).
    if ((name.type == EntityType::PERSON || t_.keys.is_given_name(name.key)) && word_count(name.key) == 1) {
      int found = -1, count = 0;
      for (int a : candidates) {
        const Draft& d = drafts_[static_cast<std::size_t>(a)];
        if (!d.person || d.names.empty()) continue;
        const std::string& canonical = canonical_of(d);
        std::vector<std::string_view> words;
        for (std::string_view w : detail::split_fields(canonical, ' '))
          if (!w.empty()) words.push_back(w);
        const bool family_first = t_.name_order.family_name_first(words);
        const bool named_so = std::any_of(d.name_keys.begin(), d.name_keys.end(), [&](const std::string& key) {
          return key.compare(0, name.key.size() + 1, name.key + " ") == 0 && (word_count(key) == 2 || family_first);
        });
        if (named_so) found = a, ++count;
      }
      if (count == 1) return found;
    }
    // 3. A surname named first, the full name now; or the family name of a
    // name that puts it first ("Xi" in the headline, "Xi Jinping" later).
    if (name.type == EntityType::PERSON && word_count(name.key) > 1) {
      std::vector<std::string_view> words;
      for (std::string_view w : detail::split_fields(name.text, ' '))
        if (!w.empty()) words.push_back(w);
      const bool family_first = t_.name_order.family_name_first(words);
      const std::string_view family = std::string_view(name.key).substr(0, name.key.find(' '));
      for (int a : candidates) {
        const Draft& d = drafts_[static_cast<std::size_t>(a)];
        if (!d.person || d.names.empty()) continue;
        bool single = std::all_of(d.name_keys.begin(), d.name_keys.end(),
                                  [](const std::string& k) { return k.find(' ') == std::string::npos; });
        const bool family_named =
            family_first && std::find(d.name_keys.begin(), d.name_keys.end(), family) != d.name_keys.end();
        if (single && (t_.keys.may_refer_to(canonical_of(d), name.text) || family_named) && more_recent(a)) best = a;
      }
    }
    // 3b. The same for an organisation: "Apple" in the headline, "Apple
    // Computer" in the text. Only an actor named so far as an organisation
    // ("Washington" the city does not become "Washington Post"), and not
    // one named in the same sentence ("Apple introduces iPhone and Apple
    // TV": the company and its product).
    if (name.type == EntityType::ORGANIZATION && word_count(name.key) > 1) {
      for (int a : candidates) {
        const Draft& d = drafts_[static_cast<std::size_t>(a)];
        if (d.person || d.names.empty() || d.last_sentence == name.sentence) continue;
        const bool organisation = std::all_of(d.names.begin(), d.names.end(), [](const auto& n) {
          return n.second == EntityType::ORGANIZATION;
        });
        const bool single = std::all_of(d.name_keys.begin(), d.name_keys.end(),
                                        [](const std::string& k) { return k.find(' ') == std::string::npos; });
        if (organisation && single && t_.keys.may_refer_to(canonical_of(d), name.text) && more_recent(a)) best = a;
      }
    }
    return best;
  }

  int new_actor() {
    drafts_.emplace_back();
    return static_cast<int>(drafts_.size() - 1);
  }

  void add_mention(int actor, std::uint32_t first, std::uint32_t last, std::uint32_t head, MentionKind kind,
                   bool subject) {
    Draft& d = drafts_[static_cast<std::size_t>(actor)];
    d.mentions.push_back(ActorMention{Span{seg_.tokens[first].span.begin, seg_.tokens[last - 1].span.end}, head,
                                      sentence_of_[first], kind});
    d.mention_is_subject.push_back(subject);
    d.last_sentence = std::max(d.last_sentence, sentence_of_[first]);
    d.last_token = std::max(d.last_token, first);
    mention_log_.push_back({first, head, actor, subject});
  }

  void give_roles(int actor, const TitleEntry& title, const std::string& role,
                  const std::optional<Affiliation>& affiliation) {
    Draft& d = drafts_[static_cast<std::size_t>(actor)];
    auto add_head = [&](const std::string& head) {
      if (!d.role_heads.insert(head).second) return;
      by_role_[head].push_back(actor);
    };
    d.add_role(role);
    add_head(role);
    add_head(title.canonical);
    const std::size_t space = role.rfind(' ');
    if (space != std::string::npos) add_head(role.substr(space + 1));
    if (!title.implies.empty()) {
      d.add_role(title.implies);
      add_head(title.implies);
    }
    if (affiliation) {
      d.add_affiliation(*affiliation);
      d.add_role(role + " of " + affiliation->name);
    }
    if (title.gender == 'm' && d.gender == Gender::unknown) d.gender = Gender::male;
    if (title.gender == 'f' && d.gender == Gender::unknown) d.gender = Gender::female;
  }

  std::uint32_t head_of(std::uint32_t first, std::uint32_t last) const {
    if (syntax_) {
      const int h = syntax_->phrase_head(static_cast<int>(first), static_cast<int>(last));
      if (h >= 0) return static_cast<std::uint32_t>(h);
    }
    return last - 1;
  }

  // A mention is a subject when its head is an nsubj (with a parse), or a
  // verb follows it (without one).
  bool is_subject(std::uint32_t first, std::uint32_t last) const {
    if (syntax_) {
      const int h = static_cast<int>(head_of(first, last));
      return syntax_->is(h, "nsubj");
    }
    std::uint32_t next = last;
    if (next < size() && is_possessive_marker(next)) return false;
    // "Zelensky, meanwhile, reaffirmed", "Holm, standing beside her, said":
    // a parenthetical between commas is skipped.
    if (next < size() && folded_[next] == ",") {
      std::uint32_t close = next + 1;
      while (close < size() && close < next + 10 && folded_[close] != "," && same_sentence(close, next)) ++close;
      if (close >= size() || folded_[close] != "," || !same_sentence(close, next)) return false;
      next = close + 1;
    }
    if (next < size() && upos(next) == Upos::ADV && same_sentence(next, last - 1)) ++next;
    return next < size() && same_sentence(next, last - 1) && (upos(next) == Upos::VERB || upos(next) == Upos::AUX);
  }

  void resolve_name(std::size_t index) {
    if (name_actor_[index] >= 0) return;  // done early through an apposition
    const NameMention& name = names_[index];
    int actor = find_actor_for_name(name);
    if (actor < 0) {
      actor = new_actor();
      drafts_[static_cast<std::size_t>(actor)].person = name.type == EntityType::PERSON;
    }
    name_actor_[index] = actor;
    Draft& d = drafts_[static_cast<std::size_t>(actor)];
    d.names.emplace_back(name.text, name.type);
    if (d.canonical.empty() || longer(name.text, d.canonical)) d.canonical = name.text;
    d.name_keys.insert(name.key);
    index_name(actor, name.key);
    if (!name.blocked)
      for (const TitleEntry* title : name.titles) give_roles(actor, *title, title->canonical, name.affiliation);
    if (name.gender == 'm' && d.gender == Gender::unknown) d.gender = Gender::male;
    if (name.gender == 'f' && d.gender == Gender::unknown) d.gender = Gender::female;
    add_mention(actor, name.span_first, name.last, head_of(name.first, name.last), MentionKind::name,
                is_subject(name.first, name.last));
  }

  bool role_matches(const Draft& d, const Description& desc) const {
    if (!d.person) return false;
    const bool modified = desc.role != desc.title->canonical;
    if (d.role_heads.contains(desc.role)) return true;
    if (!modified && d.role_heads.contains(desc.title->canonical)) return true;
    return false;
  }

  void resolve_description(std::size_t index) {
    const Description& desc = descriptions_[index];
    if (desc.apposed_name >= 0) {
      const auto n = static_cast<std::size_t>(desc.apposed_name);
      if (name_actor_[n] < 0) resolve_name(n);
      const int actor = name_actor_[n];
      give_roles(actor, *desc.title, desc.role, desc.affiliation);
      add_mention(actor, desc.first, desc.last, desc.head, MentionKind::description,
                  is_subject(desc.first, desc.last));
      return;
    }
    auto qualifies = [&](int a) {
      const Draft& d = drafts_[static_cast<std::size_t>(a)];
      return role_matches(d, desc) && (!desc.affiliation || d.has_affiliation(desc.affiliation->key));
    };
    std::vector<int> candidates;
    std::size_t holders = 0;
    for (const std::string* role : {&desc.role, &desc.title->canonical})
      if (const auto it = by_role_.find(*role); it != by_role_.end()) holders += it->second.size();
    if (holders <= kMaxRoleScan) {
      for (const std::string* role : {&desc.role, &desc.title->canonical})
        if (const auto it = by_role_.find(*role); it != by_role_.end())
          for (int a : it->second)
            if (qualifies(a)) candidates.push_back(a);
    } else {
      // Very many holders of the role (a long document): only the recency
      // rule can pick one, so look at the actors of the last two sentences.
      for (auto it = mention_log_.rbegin(); it != mention_log_.rend(); ++it) {
        if (sentence_of_[it->token] + 1 < desc.sentence) break;
        if (qualifies(it->actor)) candidates.push_back(it->actor);
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      if (candidates.size() == 1) candidates.push_back(-1);  // never "the only holder"
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    int chosen = -1;
    if (candidates.size() == 1) {
      chosen = candidates.front();
    } else if (candidates.size() > 1) {
      // The most recent one, if it alone was mentioned in this or the previous sentence.
      int recent = 0;
      for (int c : candidates) {
        if (c < 0) continue;
        const Draft& d = drafts_[static_cast<std::size_t>(c)];
        if (d.last_sentence + 1 >= desc.sentence) {
          ++recent;
          chosen = c;
        }
      }
      if (recent != 1) chosen = -1;
    }
    if (chosen < 0) return;
    add_mention(chosen, desc.first, desc.last, desc.head, MentionKind::description, is_subject(desc.first, desc.last));
  }

  // The one organisation named so far in two words or more whose name ends
  // with the head word; none when two do ("the committee" after two
  // committees).
  void resolve_organisation_head(std::size_t index) {
    const OrganisationHead& o = organisation_heads_[index];
    const std::string& word = folded_[o.head];
    int chosen = -1;
    for (std::size_t a = 0; a < drafts_.size(); ++a) {
      const Draft& d = drafts_[a];
      if (d.person) continue;
      const bool ends_with_word = std::any_of(d.names.begin(), d.names.end(), [&](const auto& name) {
        if (name.second != EntityType::ORGANIZATION) return false;
        const std::size_t space = name.first.rfind(' ');
        return space != std::string::npos && detail::fold_token(std::string_view(name.first).substr(space + 1)) == word;
      });
      if (!ends_with_word) continue;
      if (chosen >= 0) return;
      chosen = static_cast<int>(a);
    }
    if (chosen < 0) return;
    add_mention(chosen, o.first, o.head + 1, o.head, MentionKind::description, is_subject(o.first, o.head + 1));
  }

  // ---- quotations ----------------------------------------------------------------------
  // "I", "me", "my" inside a quotation are its speaker: the person whose
  // reporting verb frames the quote in its sentence ("'I asked for it
  // plainly,' Solberg said"), or, for a quote that is a sentence of its
  // own, the speaker of the quote just before it ("'Our cities need a
  // roof,' Solberg told reporters. 'I asked for it plainly.'"). This runs
  // after the walk because the speaker often comes after the quote; it
  // needs the parse. Quotes are told by the tagger's opening and closing
  // quote tags, and none runs past a paragraph.
  void attribute_quoted_first_person() {
    if (!syntax_) return;
    const std::size_t n = size();
    std::vector<int> quote_of(n, -1);  // the opening quote mark a token stands after, or -1
    int open = -1;
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0 && doc_.text(Span{seg_.tokens[i - 1].span.end, seg_.tokens[i].span.begin}).find('\n') !=
                       std::string_view::npos)
        open = -1;
      if (xpos(i) == "``") {
        open = static_cast<int>(i);
      } else if (xpos(i) == "''") {
        open = -1;
      } else {
        quote_of[i] = open;
      }
    }
    // token -> the person actor mentioned with that head
    std::unordered_map<std::uint32_t, int> person_at;
    for (const Logged& m : mention_log_)
      if (drafts_[static_cast<std::size_t>(m.actor)].person) person_at.emplace(m.head, m.actor);
    // The speaker a reporting verb outside quotes in `sentence` names, or -1.
    const auto speaker_in = [&](std::uint32_t sentence) {
      const Sentence& s = seg_.sentences[sentence];
      for (std::size_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
        if (quote_of[i] >= 0 || !reporting_lemma(morph_.tokens[i].lemma)) continue;
        const int subject = syntax_->subject(static_cast<int>(i));
        if (const auto it = subject >= 0 ? person_at.find(static_cast<std::uint32_t>(subject)) : person_at.end();
            it != person_at.end())
          return it->second;
      }
      return -1;
    };
    std::unordered_map<int, int> speaker_of;  // opening quote -> speaker actor (-1: none)
    for (std::size_t i = 0; i < n; ++i) {
      if (quote_of[i] < 0 || !first_person_singular(folded_[i]) || (upos(i) != Upos::PRON && xpos(i) != "PRP$"))
        continue;
      const int q = quote_of[i];
      auto [it, fresh] = speaker_of.emplace(q, -1);
      if (fresh) {
        const std::uint32_t s = sentence_of_[static_cast<std::size_t>(q)];
        it->second = speaker_in(s);
        // a quote that opens its sentence continues the one before
        if (it->second < 0 && s > 0 && static_cast<std::uint32_t>(q) == seg_.sentences[s].first_token)
          it->second = speaker_in(s - 1);
      }
      if (it->second >= 0)
        add_mention(it->second, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i) + 1,
                    static_cast<std::uint32_t>(i), MentionKind::pronoun, syntax_->is(static_cast<int>(i), "nsubj"));
    }
  }

  static bool first_person_singular(std::string_view w) { return w == "i" || w == "me" || w == "my" || w == "myself"; }
  static bool reporting_lemma(std::string_view lemma) {
    static constexpr std::array<std::string_view, 12> kVerbs = {"say",   "tell",    "add",  "write", "state",  "explain",
                                                                "reply", "insist",  "note", "recall", "declare", "continue"};
    return std::find(kVerbs.begin(), kVerbs.end(), lemma) != kVerbs.end();
  }

  // The token the pronoun's clause predicate is, or -1 (with a parse only).
  int clause_subject_actor_token(std::uint32_t pronoun) const {
    if (!syntax_) return -1;
    int h = syntax_->head(static_cast<int>(pronoun));
    for (int steps = 0; h >= 0 && steps < 8; ++steps) {
      const Upos u = syntax_->upos(h);
      if (u == Upos::VERB || u == Upos::AUX || syntax_->dependent(h, "nsubj") >= 0) return syntax_->subject(h);
      h = syntax_->head(h);
    }
    return -1;
  }

  // "it"/"its" name an organisation only where the syntax says so: "its" in
  // a clause whose subject is the organisation ("Apple raised its
  // forecast"), "it" as the subject of what the organisation said ("Apple
  // said it would cut jobs"). Anywhere else "it" is far more often a thing.
  int organisation_of_it(const PronounMention& p) const {
    if (!syntax_) return -1;
    const int pronoun = static_cast<int>(p.token);
    int predicate = -1;
    if (p.entry.pcase == PronounCase::possessive) {
      predicate = syntax_->head(pronoun);
      for (int steps = 0; predicate >= 0 && steps < 4; ++steps) {
        const Upos u = syntax_->upos(predicate);
        if (u == Upos::VERB || u == Upos::AUX) break;
        predicate = syntax_->head(predicate);
      }
    } else if (p.entry.pcase == PronounCase::subject && syntax_->is(pronoun, "nsubj")) {
      const int clause = syntax_->head(pronoun);
      if (clause >= 0 && syntax_->is(clause, "ccomp")) predicate = syntax_->head(clause);
    }
    if (predicate < 0) return -1;
    const int subject = syntax_->subject(predicate);
    if (subject < 0 || subject >= pronoun) return -1;
    for (auto it = mention_log_.rbegin(); it != mention_log_.rend(); ++it) {
      if (sentence_of_[it->token] != p.sentence) break;
      if (it->token >= p.token || it->head != static_cast<std::uint32_t>(subject)) continue;
      const Draft& d = drafts_[static_cast<std::size_t>(it->actor)];
      const bool organisation = !d.person && !d.names.empty() && d.names.front().second == EntityType::ORGANIZATION;
      return organisation ? it->actor : -1;
    }
    return -1;
  }

  void resolve_pronoun(std::size_t index) {
    const PronounMention& p = pronouns_[index];
    if (p.entry.gender == Gender::neuter) {
      if (const int actor = organisation_of_it(p); actor >= 0)
        add_mention(actor, p.token, p.token + 1, p.token, MentionKind::pronoun, p.entry.pcase == PronounCase::subject);
      return;
    }
    const bool plural = p.entry.gender == Gender::plural;
    auto compatible = [&](int actor) {
      const Draft& d = drafts_[static_cast<std::size_t>(actor)];
      if (plural) return !d.person && !d.names.empty() && d.names.front().second == EntityType::ORGANIZATION;
      if (!d.person) return false;
      return d.gender == Gender::unknown || d.gender == p.entry.gender;
    };
    // Mentions in the window, most recent first.
    struct Seen {
      std::uint32_t token;
      std::uint32_t head;
      int actor;
      bool subject;
    };
    std::vector<Seen> same, previous;
    for (auto it = mention_log_.rbegin(); it != mention_log_.rend(); ++it) {
      const std::uint32_t s = sentence_of_[it->token];
      if (s + 1 < p.sentence) break;
      if (it->token >= p.token) continue;
      (s == p.sentence ? same : previous).push_back({it->token, it->head, it->actor, it->subject});
    }
    // The subject of the pronoun's own clause (rule 2).
    int local_subject_actor = -1;
    if (syntax_) {
      const int subject = clause_subject_actor_token(p.token);
      if (subject >= 0 && static_cast<std::uint32_t>(subject) != p.token) {
        for (const Seen& s : same)
          if (s.head == static_cast<std::uint32_t>(subject)) local_subject_actor = s.actor;
      }
    } else {
      for (const Seen& s : same)
        if (s.subject) {
          local_subject_actor = s.actor;
          break;
        }
    }
    auto plural_between = [&](std::uint32_t from) {
      for (std::uint32_t i = from + 1; i < p.token; ++i)
        if (xpos(i) == "NNS" || xpos(i) == "NNPS") return true;
      return false;
    };

    int chosen = -1;
    if (p.entry.pcase == PronounCase::reflexive) {
      if (local_subject_actor >= 0 && compatible(local_subject_actor)) chosen = local_subject_actor;
    } else {
      // Rule 3: a subject before the pronoun in its sentence.
      const Seen* subject = nullptr;
      for (const Seen& s : same)
        if (s.subject && compatible(s.actor) &&
            !(p.entry.pcase == PronounCase::object && s.actor == local_subject_actor)) {
          subject = &s;
          break;
        }
      if (subject != nullptr) {
        bool rival = false;
        for (const Seen& s : same)
          if (s.token > subject->token && s.actor != subject->actor && compatible(s.actor) &&
              !(p.entry.pcase == PronounCase::object && s.actor == local_subject_actor))
            rival = true;
        if (p.entry.pcase == PronounCase::possessive || !rival) chosen = subject->actor;
        if (plural && (rival || plural_between(subject->token))) chosen = -1;
      }
      // Rule 4: the one subject of the previous sentence.
      if (chosen < 0 && subject == nullptr) {
        std::set<int> subjects;
        std::uint32_t first_token = p.token;
        for (const Seen& s : previous)
          if (s.subject && compatible(s.actor) &&
              !(p.entry.pcase == PronounCase::object && s.actor == local_subject_actor)) {
            subjects.insert(s.actor);
            first_token = std::min(first_token, s.token);
          }
        bool same_has_rival = false;
        for (const Seen& s : same)
          if (compatible(s.actor) && !subjects.contains(s.actor)) same_has_rival = true;
        if (subjects.size() == 1 && !same_has_rival) {
          chosen = *subjects.begin();
          if (plural && plural_between(first_token)) chosen = -1;
        }
      }
      // Rule 5: the one compatible actor of the window.
      if (chosen < 0 && subject == nullptr && !plural) {
        std::set<int> seen;
        for (const Seen& s : same)
          if (compatible(s.actor) && !(p.entry.pcase == PronounCase::object && s.actor == local_subject_actor))
            seen.insert(s.actor);
        for (const Seen& s : previous)
          if (compatible(s.actor) && !(p.entry.pcase == PronounCase::object && s.actor == local_subject_actor))
            seen.insert(s.actor);
        if (seen.size() == 1) chosen = *seen.begin();
      }
    }
    if (chosen < 0) return;
    Draft& d = drafts_[static_cast<std::size_t>(chosen)];
    if (d.person && d.gender == Gender::unknown) d.gender = p.entry.gender;
    add_mention(chosen, p.token, p.token + 1, p.token, MentionKind::pronoun, p.entry.pcase == PronounCase::subject);
  }

  // ---- output -----------------------------------------------------------------------
  Actors finish() {
    Actors out;
    out.actor_of_token.assign(size(), -1);
    out.actors.reserve(drafts_.size());
    for (std::size_t a = 0; a < drafts_.size(); ++a) {
      Draft& d = drafts_[a];
      Actor actor;
      actor.id = fmt::format("a{}", a + 1);
      actor.name = canonical_of(d);
      // A place named only by the dateline, in capitals ("NEW YORK, May 20
      // (Reuters) -"), is written as a name is ("New York"); capitals
      // elsewhere may be an acronym ("NATO") and stay.
      if (all_capitals(actor.name) && seg_.dateline &&
          std::all_of(d.mentions.begin(), d.mentions.end(), [&](const ActorMention& m) { return seg_.dateline->contains(m.span); }))
        actor.name = title_case(actor.name);
      actor.key = t_.keys.key(actor.name);
      std::map<EntityType, int> votes;
      for (const auto& [text, type] : d.names) ++votes[type];
      EntityType type = d.names.front().second;
      for (const auto& [text, t] : d.names)
        if (votes[t] > votes[type]) type = t;
      actor.type = d.person ? ActorType::PERSON : to_actor_type(type);
      for (const auto& [text, t] : d.names)
        if (text != actor.name && std::find(actor.aliases.begin(), actor.aliases.end(), text) == actor.aliases.end())
          actor.aliases.push_back(text);
      actor.short_name = actor.type == ActorType::PERSON ? short_name(actor) : actor.name;
      actor.roles = std::move(d.roles);
      for (const Affiliation& aff : d.affiliations) actor.affiliations.push_back(aff.name);
      std::vector<std::size_t> order(d.mentions.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t x, std::size_t y) { return d.mentions[x].span.begin < d.mentions[y].span.begin; });
      for (std::size_t i : order) actor.mentions.push_back(d.mentions[i]);
      out.actors.push_back(std::move(actor));
    }
    // Token ownership: every token of every mention.
    for (std::size_t a = 0; a < out.actors.size(); ++a)
      for (const ActorMention& m : out.actors[a].mentions)
        for (std::size_t i = token_at(m.span.begin); i < size() && seg_.tokens[i].span.begin < m.span.end; ++i)
          out.actor_of_token[i] = static_cast<std::int32_t>(a);
    return out;
  }

  // A person by the word of the name the text uses alone (the last one:
  // "Marek" rather than "Lidia" when both stand alone), else by the family
  // name: the first word of a Chinese or Korean name ("Wang Yi"), else the
  // last word with the lowercase particles before it ("von der Leyen").
  std::string short_name(const Actor& actor) const {
    std::vector<std::string_view> words;
    for (std::string_view w : detail::split_fields(actor.name, ' '))
      if (!w.empty()) words.push_back(w);
    if (words.size() < 2) return actor.name;
    std::string_view alone;
    std::size_t alone_at = 0;
    for (const std::string& alias : actor.aliases)
      for (std::size_t i = 0; i < words.size(); ++i)
        if (words[i] == alias && (alone.empty() || i > alone_at)) alone = words[i], alone_at = i;
    if (!alone.empty()) return std::string(alone);
    if (t_.name_order.family_name_first(words)) return std::string(words.front());
    std::size_t first = words.size() - 1;
    while (first > 1 && !words[first - 1].empty() && std::islower(static_cast<unsigned char>(words[first - 1][0]))) --first;
    std::string out(words[first]);
    for (std::size_t i = first + 1; i < words.size(); ++i) {
      out += ' ';
      out += words[i];
    }
    return out;
  }

  std::size_t token_at(std::uint32_t byte) const {
    const auto it = std::lower_bound(seg_.tokens.begin(), seg_.tokens.end(), byte,
                                     [](const Token& t, std::uint32_t b) { return t.span.begin < b; });
    return static_cast<std::size_t>(it - seg_.tokens.begin());
  }

  static ActorType to_actor_type(EntityType type) {
    switch (type) {
      case EntityType::PERSON: return ActorType::PERSON;
      case EntityType::ORGANIZATION: return ActorType::ORGANIZATION;
      case EntityType::GPE: return ActorType::GPE;
      case EntityType::LOCATION: return ActorType::LOCATION;
      case EntityType::FACILITY: return ActorType::FACILITY;
      case EntityType::NORP: return ActorType::OTHER;
    }
    return ActorType::OTHER;
  }

  // Beyond this many actors holding a description's role, only the actors of
  // the last two sentences are considered (keeps long documents linear).
  static constexpr std::size_t kMaxRoleScan = 64;

  struct Logged {
    std::uint32_t token;  // first token of the mention
    std::uint32_t head;
    int actor;
    bool subject;
  };

  const ResolverTables& t_;
  const Document& doc_;
  const Segmentation& seg_;
  const Morphology& morph_;
  const Entities& entities_;
  std::optional<SyntaxView> syntax_;
  std::vector<std::string> folded_;
  std::vector<std::uint32_t> sentence_of_;
  std::vector<int> entity_at_;
  std::vector<std::size_t> valid_entities_;
  std::vector<EntityType> types_;    // parallel to Entities::mentions, after retype_entities()
  std::set<std::size_t> dropped_;    // mentions not taken as names
  std::vector<NameMention> names_;
  std::map<std::uint32_t, int> name_at_;  // token -> name index, for tokens of names (titles included)
  std::vector<Description> descriptions_;
  std::vector<PronounMention> pronouns_;
  std::vector<OrganisationHead> organisation_heads_;
  std::vector<Draft> drafts_;
  std::vector<int> name_actor_;
  std::vector<Logged> mention_log_;  // every mention added, in walk order
  StringMap<int> key_actor_;                  // name key -> actor
  StringMap<std::vector<int>> by_word_;       // first or last key word -> actors
  StringMap<std::vector<int>> by_initials_;   // initials of a multi-word key -> actors
  StringMap<std::vector<int>> by_role_;       // role head -> actors
  StringMap<std::vector<std::pair<std::string, std::string>>> places_by_prefix_;  // "carv" -> ("carvenia", "Carvenia")
};

}  // namespace

struct ActorResolver::Tables : ResolverTables {
  using ResolverTables::ResolverTables;
};

ActorResolver::ActorResolver(std::unique_ptr<const Tables> tables) : tables_(std::move(tables)) {}
ActorResolver::ActorResolver(ActorResolver&&) noexcept = default;
ActorResolver& ActorResolver::operator=(ActorResolver&&) noexcept = default;
ActorResolver::~ActorResolver() = default;

ActorResolver ActorResolver::load() { return load(data_file("resources/actor")); }

ActorResolver ActorResolver::load(const std::filesystem::path& resources_dir) {
  auto tables = std::make_unique<Tables>(ActorKeys::load(resources_dir));
  tables->titles = detail::TitleTable::load(resources_dir / "title_roles.txt");
  tables->name_order = detail::NameOrder::load(resources_dir / "family_names.txt");

  const auto pronouns_file = resources_dir / "pronouns.txt";
  detail::read_data_lines(pronouns_file, [&](std::string_view line, int number) {
    std::vector<std::string_view> f;
    for (std::string_view field : detail::split_fields(line, ' '))
      if (!field.empty()) f.push_back(field);
    auto fail = [&] {
      throw std::runtime_error(fmt::format("{}:{}: expected '<pronoun> male|female|plural|organisation subject|object|possessive|reflexive'",
                                           pronouns_file.string(), number));
    };
    if (f.size() != 3) fail();
    PronounEntry entry;
    if (f[1] == "male") entry.gender = Gender::male;
    else if (f[1] == "female") entry.gender = Gender::female;
    else if (f[1] == "plural") entry.gender = Gender::plural;
    else if (f[1] == "organisation") entry.gender = Gender::neuter;
    else fail();
    if (f[2] == "subject") entry.pcase = PronounCase::subject;
    else if (f[2] == "object") entry.pcase = PronounCase::object;
    else if (f[2] == "possessive") entry.pcase = PronounCase::possessive;
    else if (f[2] == "reflexive") entry.pcase = PronounCase::reflexive;
    else fail();
    tables->pronouns.insert_or_assign(detail::fold_token(f[0]), entry);
  });

  // Every demonym of the gazetteer's list affiliates with its place; the
  // affiliations file adds short forms ("U.S.") and overrides ("European"
  // is the European Union when it qualifies a person).
  const auto add_affiliation = [&](std::string_view form, std::string_view place) {
    const auto words = detail::name_words(form);
    tables->max_affiliation_words = std::max(tables->max_affiliation_words, words.size());
    tables->affiliations.insert_or_assign(join_words(words), std::string(place));
  };
  const auto demonyms_file = resources_dir / "demonyms.txt";
  detail::read_data_lines(demonyms_file, [&](std::string_view line, int number) {
    const auto f = detail::split_fields(line, '=');
    if (f.size() != 2 || f[0].empty() || f[1].empty())
      throw std::runtime_error(fmt::format("{}:{}: expected '<demonym> = <place>'", demonyms_file.string(), number));
    add_affiliation(f[0], f[1]);
  });
  detail::read_data_lines(resources_dir / "organisation_heads.txt", [&](std::string_view line, int) {
    tables->organisation_heads.insert(detail::fold_token(line));
  });
  detail::read_data_lines(resources_dir / "company_words.txt", [&](std::string_view line, int) {
    tables->company_words.insert(detail::fold_token(line));
  });
  detail::read_data_lines(resources_dir / "industry_words.txt", [&](std::string_view line, int) {
    tables->industry_words.insert(detail::fold_token(line));
  });
  const auto affiliations_file = resources_dir / "affiliations.txt";
  detail::read_data_lines(affiliations_file, [&](std::string_view line, int number) {
    const auto f = detail::split_fields(line, '|');
    if (f.size() != 2 || f[0].empty() || f[1].empty())
      throw std::runtime_error(fmt::format("{}:{}: expected '<adjective or form> | <place>'",
                                           affiliations_file.string(), number));
    add_affiliation(f[0], f[1]);
  });
  return ActorResolver(std::move(tables));
}

const Actors& ActorResolver::resolve(Document& doc) const {
  Actors actors = Resolution(*tables_, doc).run();
  return doc.add(std::move(actors));
}

}  // namespace tempora
