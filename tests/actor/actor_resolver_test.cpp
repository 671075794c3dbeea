// ActorResolver: named mentions, descriptions and pronouns merged into actors.
//
// The Entities layer is built by hand here (the spans a recognizer should
// find), so these tests check the resolver's own rules; the seed-article test
// also runs with the trained EntityRecognizer when its model is installed.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "tempora/actor.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

const Segmenter& segmenter() {
  static const Segmenter s = Segmenter::load(testing::source_dir() / "resources/text");
  return s;
}
const PosTagger& tagger() {
  static const PosTagger t = PosTagger::load(testing::source_dir() / "models/pos-en-ewt.bin");
  return t;
}
// The recognizer reads the parse when there is one, as in the pipeline.
const DependencyParser& parser() {
  static const DependencyParser p = DependencyParser::load(testing::source_dir() / "models/parser-en-ewt.bin");
  return p;
}
const ActorResolver& resolver() {
  static const ActorResolver r = ActorResolver::load(testing::source_dir() / "resources/actor");
  return r;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// An Entities layer marking every occurrence of each name (longest names
// first, no overlaps), compared token by token with Token::norm.
Entities hand_entities(const Document& doc, const std::vector<std::pair<std::string, EntityType>>& names) {
  const Segmentation& seg = doc.get<Segmentation>();
  std::vector<std::pair<std::vector<std::string>, EntityType>> patterns;
  for (const auto& [name, type] : names) patterns.emplace_back(split_words(name), type);
  std::stable_sort(patterns.begin(), patterns.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  Entities entities;
  std::vector<bool> taken(seg.tokens.size(), false);
  for (const auto& [words, type] : patterns) {
    for (std::size_t i = 0; i + words.size() <= seg.tokens.size(); ++i) {
      bool match = true;
      for (std::size_t k = 0; k < words.size() && match; ++k)
        match = !taken[i + k] && seg.tokens[i + k].norm == words[k];
      if (!match) continue;
      EntityMention m;
      m.first_token = static_cast<std::uint32_t>(i);
      m.token_count = static_cast<std::uint32_t>(words.size());
      m.span = Span{seg.tokens[i].span.begin, seg.tokens[i + words.size() - 1].span.end};
      m.type = type;
      for (std::uint32_t s = 0; s < seg.sentences.size(); ++s)
        if (seg.sentences[s].first_token <= i && i < seg.sentences[s].first_token + seg.sentences[s].token_count)
          m.sentence = s;
      for (std::size_t k = 0; k < words.size(); ++k) taken[i + k] = true;
      entities.mentions.push_back(m);
    }
  }
  std::sort(entities.mentions.begin(), entities.mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.first_token < b.first_token; });
  return entities;
}

Document prepared(std::string text, const std::vector<std::pair<std::string, EntityType>>& names) {
  Document doc{std::move(text)};
  segmenter().segment(doc);
  tagger().tag(doc);
  doc.add(hand_entities(doc, names));
  return doc;
}

const Actor* actor_with_key(const Actors& actors, std::string_view key) {
  for (const Actor& a : actors.actors)
    if (a.key == key) return &a;
  return nullptr;
}

std::size_t count_with_word(const Actors& actors, std::string_view word) {
  return static_cast<std::size_t>(std::count_if(actors.actors.begin(), actors.actors.end(), [&](const Actor& a) {
    return (" " + a.key + " ").find(" " + std::string(word) + " ") != std::string::npos;
  }));
}

// The actor of the n-th (0-based) occurrence of `phrase`'s first token, found
// by bytes; nullptr when the token has none.
const Actor* actor_at(const Document& doc, const Actors& actors, std::string_view phrase, int occurrence = 0) {
  std::size_t at = 0;
  for (int i = 0; i <= occurrence; ++i) {
    at = doc.text().find(phrase, i == 0 ? 0 : at + 1);
    if (at == std::string_view::npos) return nullptr;
  }
  const auto& tokens = doc.get<Segmentation>().tokens;
  for (std::size_t t = 0; t < tokens.size(); ++t)
    if (tokens[t].span.begin == at) return actors.at_token(static_cast<std::uint32_t>(t));
  return nullptr;
}

// Every actor with its mentions, for failure messages.
std::string dump(const Document& doc, const Actors& actors) {
  std::string out;
  for (const Actor& a : actors.actors) {
    out += a.id + " " + std::string(to_string(a.type)) + " " + a.name + " [" + a.key + "]:";
    for (const ActorMention& m : a.mentions) out += " '" + std::string(doc.text(m.span)) + "'";
    out += "\n";
  }
  return out;
}

bool has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

const std::vector<std::pair<std::string, EntityType>> kSeedNames = {
    {"Volodymyr Zelensky", EntityType::PERSON}, {"Zelensky", EntityType::PERSON},
    {"Donald Trump", EntityType::PERSON},       {"Trump", EntityType::PERSON},
    {"Vladimir Putin", EntityType::PERSON},     {"Putin", EntityType::PERSON},
    {"NBC News", EntityType::ORGANIZATION},     {"Axios", EntityType::ORGANIZATION},
    {"CNN", EntityType::ORGANIZATION},          {"Telegram", EntityType::ORGANIZATION},
    {"Ukrainian", EntityType::NORP},            {"Russian", EntityType::NORP},
    {"United States", EntityType::GPE},         {"U.S.", EntityType::GPE},
    {"Ukraine", EntityType::GPE},               {"Russia", EntityType::GPE},
    {"Washington", EntityType::GPE},            {"Moscow", EntityType::GPE},
    {"Kyiv", EntityType::GPE},                  {"White House", EntityType::FACILITY},
};

void expect_seed_actors(const Document& doc, const Actors& actors) {
  for (std::string_view who : {"zelensky", "trump", "putin", "nbc", "axios", "cnn"})
    EXPECT_EQ(count_with_word(actors, who), 1u) << who;

  const Actor* zelensky = actor_at(doc, actors, "Zelensky spoke");
  ASSERT_NE(zelensky, nullptr);
  EXPECT_EQ(zelensky->name, "Volodymyr Zelensky");
  EXPECT_EQ(zelensky->key, "volodymyr zelensky");
  EXPECT_EQ(zelensky->type, ActorType::PERSON);
  EXPECT_EQ(zelensky->id, "a1");
  EXPECT_TRUE(has(zelensky->roles, "president")) << ::testing::PrintToString(zelensky->roles);
  EXPECT_TRUE(has(zelensky->affiliations, "Ukraine")) << ::testing::PrintToString(zelensky->affiliations);
  EXPECT_TRUE(has(zelensky->aliases, "Zelensky"));

  // Descriptions through the roles the text established.
  EXPECT_EQ(actor_at(doc, actors, "The Ukrainian leader"), zelensky);
  EXPECT_EQ(actor_at(doc, actors, "The president openly"), zelensky);
  // Pronouns.
  EXPECT_EQ(actor_at(doc, actors, "He shared"), zelensky);
  EXPECT_EQ(actor_at(doc, actors, "his recent meeting"), zelensky);

  const Actor* trump = actor_at(doc, actors, "Trump during");
  ASSERT_NE(trump, nullptr);
  EXPECT_EQ(trump->name, "Donald Trump");
  EXPECT_EQ(actor_at(doc, actors, "President Trump"), trump);
  EXPECT_EQ(actor_at(doc, actors, "Trump posted"), trump);
  EXPECT_TRUE(has(trump->roles, "president"));

  const Actor* putin = actor_at(doc, actors, "Putin is deeply");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "Vladimir Putin");
  EXPECT_TRUE(has(putin->affiliations, "Russia"));
  EXPECT_EQ(actor_at(doc, actors, "Putin is afraid"), putin);

  for (std::string_view org : {"NBC News", "Axios", "CNN"}) {
    const Actor* a = actor_at(doc, actors, org);
    ASSERT_NE(a, nullptr) << org;
    EXPECT_EQ(a->type, ActorType::ORGANIZATION) << org;
    EXPECT_EQ(a->name, org);
  }
  // "the presidents of the U.S. and Ukraine" is a group: left alone.
  EXPECT_EQ(actor_at(doc, actors, "the presidents"), nullptr);
  // NORP mentions are affiliations, not actors.
  for (const Actor& a : actors.actors) EXPECT_NE(a.name, "Ukrainian");
}

TEST(ActorResolver, SeedArticleWithHandMadeEntities) {
  TEMPORA_REQUIRE_SHARED(shared);
  Document doc = prepared(read_file(shared / "seeds/zelensky-trump-nbc.txt"), kSeedNames);
  const Actors& actors = resolver().resolve(doc);
  expect_seed_actors(doc, actors);

  const Actor* zelensky = actor_at(doc, actors, "Zelensky spoke");
  const Actor* trump = actor_at(doc, actors, "Trump during");
  const Actor* putin = actor_at(doc, actors, "Putin is deeply");
  // Pronoun links the conservative rules make.
  EXPECT_EQ(actor_at(doc, actors, "he hasn"), trump);
  EXPECT_EQ(actor_at(doc, actors, "He knows"), putin);
  EXPECT_EQ(actor_at(doc, actors, "his social media"), trump);
  EXPECT_EQ(actor_at(doc, actors, "He reportedly"), trump);
  EXPECT_EQ(actor_at(doc, actors, "He said he still"), zelensky);
  // The U.S. and the United States are one place.
  EXPECT_EQ(actor_at(doc, actors, "U.S. might"), actor_at(doc, actors, "United States"));
}

TEST(ActorResolver, SeedArticleWithParse) {
  TEMPORA_REQUIRE_SHARED(shared);
  const auto model = testing::source_dir() / "models/parser-en-ewt.bin";
  if (!std::filesystem::exists(model)) GTEST_SKIP() << "no parser model";
  std::optional<DependencyParser> parser;
  try {
    parser.emplace(DependencyParser::load(model));
  } catch (const std::exception& e) {
    GTEST_SKIP() << "parser model not loadable: " << e.what();
  }
  Document doc{read_file(shared / "seeds/zelensky-trump-nbc.txt")};
  segmenter().segment(doc);
  tagger().tag(doc);
  parser->parse(doc);
  doc.add(hand_entities(doc, kSeedNames));
  expect_seed_actors(doc, resolver().resolve(doc));
}

TEST(ActorResolver, SeedArticleWithTheEntityRecognizer) {
  TEMPORA_REQUIRE_SHARED(shared);
  if (!EntityRecognizer::available()) GTEST_SKIP() << "models/ner-en.bin not installed";
  static const EntityRecognizer ner = EntityRecognizer::load();
  Document doc{read_file(shared / "seeds/zelensky-trump-nbc.txt")};
  segmenter().segment(doc);
  tagger().tag(doc);
  parser().parse(doc);
  ner.tag(doc);
  const Actors& actors = resolver().resolve(doc);
  // The acceptance check: one actor each, and the two descriptions.
  for (std::string_view who : {"zelensky", "trump", "putin", "nbc", "axios", "cnn"})
    EXPECT_EQ(count_with_word(actors, who), 1u) << who << "\n" << dump(doc, actors);
  if (getenv("TEMPORA_DUMP_ACTORS")) std::cout << dump(doc, actors);
  const Actor* zelensky = actor_at(doc, actors, "Zelensky spoke");
  ASSERT_NE(zelensky, nullptr);
  EXPECT_EQ(actor_at(doc, actors, "The Ukrainian leader"), zelensky);
  EXPECT_EQ(actor_at(doc, actors, "The president openly"), zelensky);
}

// ---- the sample articles ----------------------------------------------------------

const std::vector<std::pair<std::string, EntityType>> kSampleNames = {
    {"Lidia Marek", EntityType::PERSON},         {"Marek", EntityType::PERSON},
    {"Anders Holm", EntityType::PERSON},         {"Holm", EntityType::PERSON},
    {"Ilse Brandt", EntityType::PERSON},         {"Brandt", EntityType::PERSON},
    {"Petra Lind", EntityType::PERSON},          {"Carvenia", EntityType::GPE},
    {"Nordvall", EntityType::GPE},               {"Solvara", EntityType::GPE},
    {"Brennick", EntityType::GPE},               {"Kessel", EntityType::GPE},
    {"Varnholt", EntityType::GPE},               {"Carvenian", EntityType::NORP},
    {"Tarvan", EntityType::NORP},                {"Tarvan Federation", EntityType::GPE},
    {"Vestholm Palace", EntityType::FACILITY},   {"Polaris TV", EntityType::ORGANIZATION},
    {"Northstar Press Agency", EntityType::ORGANIZATION},
    {"Continental Newswire", EntityType::ORGANIZATION},
    {"Meridian News", EntityType::ORGANIZATION}, {"U.N.", EntityType::ORGANIZATION},
};

Document sample(std::string_view name) {
  return prepared(read_file(testing::source_dir() / "samples" / name), kSampleNames);
}

void expect_sample_cast(const Actors& actors) {
  const Actor* marek = actor_with_key(actors, "lidia marek");
  const Actor* holm = actor_with_key(actors, "anders holm");
  const Actor* brandt = actor_with_key(actors, "ilse brandt");
  ASSERT_NE(marek, nullptr);
  ASSERT_NE(holm, nullptr);
  ASSERT_NE(brandt, nullptr);
  EXPECT_EQ(count_with_word(actors, "marek"), 1u);
  EXPECT_EQ(count_with_word(actors, "holm"), 1u);
  EXPECT_EQ(count_with_word(actors, "brandt"), 1u);
  EXPECT_TRUE(has(marek->roles, "president")) << ::testing::PrintToString(marek->roles);
  EXPECT_TRUE(has(marek->affiliations, "Carvenia")) << ::testing::PrintToString(marek->affiliations);
  EXPECT_TRUE(has(holm->roles, "prime minister")) << ::testing::PrintToString(holm->roles);
  EXPECT_TRUE(has(brandt->roles, "defense minister")) << ::testing::PrintToString(brandt->roles);
}

TEST(ActorResolver, MeridianSample) {
  Document doc = sample("meeting-meridian.txt");
  const Actors& actors = resolver().resolve(doc);
  expect_sample_cast(actors);
  const Actor* marek = actor_with_key(actors, "lidia marek");
  const Actor* holm = actor_with_key(actors, "anders holm");
  const Actor* lind = actor_with_key(actors, "petra lind");
  ASSERT_NE(lind, nullptr);
  EXPECT_TRUE(has(lind->roles, "governor")) << ::testing::PrintToString(lind->roles);
  EXPECT_EQ(actors.actors.front().name, "Meridian News");  // the dateline comes first
  const auto first_person = std::find_if(actors.actors.begin(), actors.actors.end(),
                                         [](const Actor& a) { return a.type == ActorType::PERSON; });
  EXPECT_EQ(&*first_person, marek);
  EXPECT_EQ(actor_at(doc, actors, "he said"), holm);        // "... seriously,” he said."
  EXPECT_EQ(actor_at(doc, actors, "she said"), marek);
  EXPECT_EQ(actor_at(doc, actors, "The prime minister asked"), holm);
  // "her country": the possessive takes the sentence's subject.
  EXPECT_EQ(actor_at(doc, actors, "her country"), marek);
  // Places and organisations are actors too; the Carvenian adjective is not.
  const Actor* palace = actor_at(doc, actors, "Vestholm Palace");
  ASSERT_NE(palace, nullptr);
  EXPECT_EQ(palace->type, ActorType::FACILITY);
  EXPECT_EQ(actor_at(doc, actors, "Carvenian President"), nullptr);
}

TEST(ActorResolver, HarborTimesSample) {
  Document doc = sample("meeting-harbor-times.txt");
  const Actors& actors = resolver().resolve(doc);
  expect_sample_cast(actors);
  const Actor* marek = actor_with_key(actors, "lidia marek");
  const Actor* holm = actor_with_key(actors, "anders holm");
  // "President Lidia Marek of Carvenia": the affiliation follows the name.
  EXPECT_TRUE(has(marek->roles, "president of Carvenia")) << ::testing::PrintToString(marek->roles);
  // "Holm, standing beside her": an object pronoun is not its clause's subject.
  EXPECT_NE(actor_at(doc, actors, "her, said"), holm);
  EXPECT_EQ(actor_at(doc, actors, "She said the meeting"), marek);
  EXPECT_EQ(actor_at(doc, actors, "He did not mention"), holm);
  // "opposition lawmakers in Brennick said they would question him".
  EXPECT_EQ(actor_at(doc, actors, "they would"), nullptr);
  // "the defense minister" in apposition to Dr. Ilse Brandt.
  EXPECT_EQ(actor_at(doc, actors, "the defense minister"), actor_with_key(actors, "ilse brandt"));
}

TEST(ActorResolver, CivicWireSample) {
  Document doc = sample("meeting-civic-wire.txt");
  const Actors& actors = resolver().resolve(doc);
  expect_sample_cast(actors);
  const Actor* marek = actor_with_key(actors, "lidia marek");
  const Actor* holm = actor_with_key(actors, "anders holm");
  // "Carvenia's president, Lidia Marek," and "Nordvall's prime minister, Anders Holm,".
  EXPECT_EQ(actor_at(doc, actors, "president, Lidia"), marek);
  EXPECT_EQ(actor_at(doc, actors, "prime minister, Anders"), holm);
  EXPECT_TRUE(has(holm->affiliations, "Nordvall")) << ::testing::PrintToString(holm->affiliations);
  EXPECT_TRUE(has(holm->roles, "prime minister of Nordvall")) << ::testing::PrintToString(holm->roles);
  EXPECT_EQ(actor_at(doc, actors, "she was"), marek);
  // “What I wanted ...: the prime minister will decide” — the only prime minister.
  EXPECT_EQ(actor_at(doc, actors, "the prime minister will"), holm);
  // "He did not hand me a contract" is said by Marek (known to be "she"):
  // the previous sentence's subject is female, so "He" stays unresolved
  // rather than becoming Marek.
  EXPECT_NE(actor_at(doc, actors, "He did not hand"), marek);
  // "Continental Newswire said Nordvall officials were worried about their
  // own stocks": a plural noun stands between, so "their" is not the agency.
  EXPECT_EQ(actor_at(doc, actors, "their own stocks"), nullptr);
}

TEST(ActorResolver, SamplesWithTheEntityRecognizer) {
  if (!EntityRecognizer::available()) GTEST_SKIP() << "models/ner-en.bin not installed";
  static const EntityRecognizer ner = EntityRecognizer::load();
  for (std::string_view name : {"meeting-meridian.txt", "meeting-harbor-times.txt", "meeting-civic-wire.txt"}) {
    Document doc{read_file(testing::source_dir() / "samples" / name)};
    segmenter().segment(doc);
    tagger().tag(doc);
    parser().parse(doc);
    ner.tag(doc);
    const Actors& actors = resolver().resolve(doc);
    SCOPED_TRACE(std::string(name) + "\n" + dump(doc, actors));
    for (std::string_view who : {"marek", "holm"}) EXPECT_EQ(count_with_word(actors, who), 1u) << who;
    const Actor* marek = actor_at(doc, actors, "Marek");
    ASSERT_NE(marek, nullptr);
    EXPECT_TRUE(has(marek->roles, "president")) << ::testing::PrintToString(marek->roles);
    EXPECT_TRUE(has(marek->affiliations, "Carvenia")) << ::testing::PrintToString(marek->affiliations);
    if (getenv("TEMPORA_DUMP_ACTORS")) {
      std::cout << name << "\n" << dump(doc, actors);
      for (const EntityMention& m : doc.get<Entities>().mentions)
        std::cout << "  " << doc.text(m.span) << "/" << to_string(m.type) << " " << m.first_token << "+" << m.token_count;
      std::cout << "\n";
    }
  }
}

// ---- single rules -------------------------------------------------------------------

TEST(ActorResolver, TitleInsideTheNameBecomesARole) {
  Document doc = prepared("President Trump met Chancellor Merz. Trump said the chancellor was tough.",
                          {{"President Trump", EntityType::PERSON},
                           {"Trump", EntityType::PERSON},
                           {"Chancellor Merz", EntityType::PERSON}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 2u);
  EXPECT_EQ(actors.actors[0].name, "Trump");
  EXPECT_EQ(actors.actors[0].key, "trump");
  EXPECT_TRUE(has(actors.actors[0].roles, "president"));
  EXPECT_TRUE(has(actors.actors[0].roles, "leader"));
  EXPECT_EQ(actors.actors[1].name, "Merz");
  EXPECT_EQ(actor_at(doc, actors, "chancellor was"), &actors.actors[1]);
  EXPECT_EQ(actors.actors[0].mentions.size(), 2u);
  EXPECT_EQ(actors.actors[0].mentions[0].kind, MentionKind::name);
  EXPECT_EQ(doc.text(actors.actors[0].mentions[0].span), "President Trump");
}

// "it"/"its" name an organisation only where the parse says so.
TEST(ActorResolver, ItNamesTheOrganisationThatSaidOrOwns) {
  Document doc = prepared(
      "Microsoft said it would cut 500 jobs. Apple raised its forecast. "
      "The storm hit the port, and it closed for a week.",
      {{"Microsoft", EntityType::ORGANIZATION}, {"Apple", EntityType::ORGANIZATION}});
  parser().parse(doc);
  const Actors& actors = resolver().resolve(doc);
  const Actor* microsoft = actor_with_key(actors, "microsoft");
  const Actor* apple = actor_with_key(actors, "apple");
  ASSERT_NE(microsoft, nullptr);
  ASSERT_NE(apple, nullptr);
  EXPECT_EQ(actor_at(doc, actors, "it would"), microsoft);
  EXPECT_EQ(actor_at(doc, actors, "its forecast"), apple);
  // A thing, not the company of the sentence before.
  EXPECT_EQ(actor_at(doc, actors, "it closed"), nullptr);
}

// "I" in a quotation is its speaker, named after the quote or in the
// quote's sentence before; outside quotes it names no one.
TEST(ActorResolver, IInAQuoteIsItsSpeaker) {
  Document doc = prepared(
      "\u201cI asked for it plainly,\u201d Lidia Marek said. \u201cWe need answers.\u201d Anders Holm was guarded. "
      "\u201cI will study the request,\u201d he said.\nI think the talks went well.",
      {{"Lidia Marek", EntityType::PERSON}, {"Anders Holm", EntityType::PERSON}});
  parser().parse(doc);
  const Actors& actors = resolver().resolve(doc);
  const Actor* marek = actor_with_key(actors, "lidia marek");
  const Actor* holm = actor_with_key(actors, "anders holm");
  ASSERT_NE(marek, nullptr);
  ASSERT_NE(holm, nullptr);
  EXPECT_EQ(actor_at(doc, actors, "I asked"), marek);
  EXPECT_EQ(actor_at(doc, actors, "I will"), holm);
  EXPECT_EQ(actor_at(doc, actors, "I think"), nullptr);
}

TEST(ActorResolver, ADatelineInCapitalsIsNotTheCanonicalName) {
  Document doc = prepared("BRENNICK, March 14 - The talks in Brennick ended late.",
                          {{"BRENNICK", EntityType::GPE}, {"Brennick", EntityType::GPE}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 1u);
  EXPECT_EQ(actors.actors[0].name, "Brennick");
  EXPECT_EQ(actors.actors[0].aliases, std::vector<std::string>{"BRENNICK"});
}

// A place the dateline alone names, in capitals, is written as a name is;
// an acronym in the text stays in capitals.
TEST(ActorResolver, ADatelineOnlyPlaceIsWrittenAsANameIs) {
  Document doc = prepared("NEW YORK, May 20 (Reuters) - NATO said the talks ended late.",
                          {{"NEW YORK", EntityType::GPE}, {"Reuters", EntityType::ORGANIZATION},
                           {"NATO", EntityType::ORGANIZATION}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_NE(actor_with_key(actors, "new york"), nullptr);
  EXPECT_EQ(actor_with_key(actors, "new york")->name, "New York");
  ASSERT_NE(actor_with_key(actors, "nato"), nullptr);
  EXPECT_EQ(actor_with_key(actors, "nato")->name, "NATO");
}

TEST(ActorResolver, TheFirstWordOfATwoWordNameIsThatPersonWhenOnlyOneHasIt) {
  Document doc = prepared("Wang Yi met Antony Blinken. Wang said the talks were useful.",
                          {{"Wang Yi", EntityType::PERSON}, {"Antony Blinken", EntityType::PERSON},
                           {"Wang", EntityType::PERSON}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 2u) << ::testing::PrintToString(actors.actors.size());
  EXPECT_EQ(actor_at(doc, actors, "Wang said"), actor_with_key(actors, "wang yi"));
  // Two people who share it: "Wang" stays a person of its own.
  Document two = prepared("Wang Yi met Wang Lei. Wang said the talks were useful.",
                          {{"Wang Yi", EntityType::PERSON}, {"Wang Lei", EntityType::PERSON}, {"Wang", EntityType::PERSON}});
  const Actors& both = resolver().resolve(two);
  EXPECT_EQ(both.actors.size(), 3u);
}

// A headline's family name, the full name later: one person.
TEST(ActorResolver, AFamilyNameFirstThenTheFullNameIsOnePerson) {
  Document doc = prepared("Xi tells Scholz to be a partner\nChinese leader Xi Jinping told Olaf Scholz on Tuesday.",
                          {{"Xi", EntityType::PERSON}, {"Scholz", EntityType::PERSON},
                           {"Xi Jinping", EntityType::PERSON}, {"Olaf Scholz", EntityType::PERSON}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 2u) << ::testing::PrintToString(actors.actors.size());
  EXPECT_EQ(actor_at(doc, actors, "Xi tells"), actor_with_key(actors, "xi jinping"));
  // an English name is not read so: "Lee" then "Lee Anderson" stays two
  Document english = prepared("Lee spoke first. Later Lee Anderson spoke.",
                              {{"Lee", EntityType::PERSON}, {"Lee Anderson", EntityType::PERSON}});
  EXPECT_EQ(resolver().resolve(english).actors.size(), 2u);
}

TEST(ActorResolver, AKoreanFamilyNameAloneIsThePersonNamedInFull) {
  // Three words as keys ("lee jae myung"), family name first.
  Document doc = prepared("Xi Jinping met Lee Jae-myung in Beijing. Xi told Lee that trade would grow.",
                          {{"Xi Jinping", EntityType::PERSON}, {"Lee Jae-myung", EntityType::PERSON},
                           {"Xi", EntityType::PERSON}, {"Lee", EntityType::PERSON}, {"Beijing", EntityType::GPE}});
  const Actors& actors = resolver().resolve(doc);
  EXPECT_EQ(actor_at(doc, actors, "Lee that"), actor_with_key(actors, "lee jae myung"));
  EXPECT_EQ(actors.actors.size(), 3u);
}

TEST(ActorResolver, TheShortNameIsTheWordTheTextUsesAloneElseTheFamilyName) {
  Document doc = prepared(
      "Wang Yi met Takeshi Iwaya and Ursula von der Leyen. Kim Jong Un and Lee Anderson were not there. "
      "Iwaya said the talks were useful.",
      {{"Wang Yi", EntityType::PERSON}, {"Takeshi Iwaya", EntityType::PERSON},
       {"Ursula von der Leyen", EntityType::PERSON}, {"Kim Jong Un", EntityType::PERSON},
       {"Lee Anderson", EntityType::PERSON}, {"Iwaya", EntityType::PERSON}});
  const Actors& actors = resolver().resolve(doc);
  const auto short_name = [&](std::string_view key) {
    const Actor* a = actor_with_key(actors, key);
    std::string keys;
    for (const Actor& other : actors.actors) keys += " [" + other.key + "]";
    return a == nullptr ? "(none of" + keys + ")" : a->short_name;
  };
  EXPECT_EQ(short_name("wang yi"), "Wang");  // family name first
  EXPECT_EQ(short_name("kim jong un"), "Kim");
  EXPECT_EQ(short_name("takeshi iwaya"), "Iwaya");
  EXPECT_EQ(short_name("lee anderson"), "Anderson");  // "Anderson" is no Korean given name
  EXPECT_EQ(short_name("ursula von der leyen"), "von der Leyen");
}

// An age in a description describes the person, like an adjective: "the
// 86-year-old pope" is the pope, and the next sentence's "He" the subject
// it names.
TEST(ActorResolver, AnAgeInADescriptionIsNoPartOfTheRole) {
  Document doc = prepared(
      "Pope Alma Ruiz arrived in Brennick on Friday. The 86-year-old pope was greeted at the airport by "
      "Omar Haddad. He will meet Lidia Marek on Saturday.",
      {{"Alma Ruiz", EntityType::PERSON},
       {"Brennick", EntityType::GPE},
       {"Omar Haddad", EntityType::PERSON},
       {"Lidia Marek", EntityType::PERSON}});
  parser().parse(doc);
  const Actors& actors = resolver().resolve(doc);
  const Actor* ruiz = actor_with_key(actors, "alma ruiz");
  ASSERT_NE(ruiz, nullptr);
  EXPECT_EQ(actor_at(doc, actors, "The 86-year-old"), ruiz);
  EXPECT_EQ(actor_at(doc, actors, "He will"), ruiz);
}

TEST(ActorResolver, AmbiguousOrBlockedDescriptionsStayUnresolved) {
  Document doc = prepared(
      "President Alma Ruiz met President Omar Haddad. The president said the talks went well. "
      "The former president disagreed.",
      {{"Alma Ruiz", EntityType::PERSON}, {"Omar Haddad", EntityType::PERSON}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 2u);
  EXPECT_EQ(actor_at(doc, actors, "The president said"), nullptr);  // two presidents in the last sentence
  EXPECT_EQ(actor_at(doc, actors, "The former"), nullptr);
}

TEST(ActorResolver, TransliterationsAndSurnamesMerge) {
  Document doc = prepared(
      "Volodymyr Zelenskyy arrived in Kiev. Zelensky later spoke in Kyiv. Mr. Zelenskiy thanked the U.S. "
      "and the United States Congress.",
      {{"Volodymyr Zelenskyy", EntityType::PERSON},
       {"Zelensky", EntityType::PERSON},
       {"Mr. Zelenskiy", EntityType::PERSON},
       {"Kiev", EntityType::GPE},
       {"Kyiv", EntityType::GPE},
       {"U.S.", EntityType::GPE},
       {"United States Congress", EntityType::ORGANIZATION}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 4u);
  EXPECT_EQ(actors.actors[0].name, "Volodymyr Zelenskyy");
  EXPECT_EQ(actors.actors[0].key, "volodymyr zelensky");
  EXPECT_EQ(actors.actors[0].mentions.size(), 3u);
  EXPECT_EQ(actors.actors[1].key, "kyiv");
  EXPECT_EQ(actors.actors[1].mentions.size(), 2u);
  EXPECT_EQ(actors.actors[2].type, ActorType::GPE);
  EXPECT_EQ(actors.actors[3].type, ActorType::ORGANIZATION);  // "United States Congress" is not "U.S."
}

TEST(ActorResolver, SurnameFirstThenFullName) {
  Document doc = prepared("Okafor spoke first. Later, Ngozi Okafor left the room.",
                          {{"Okafor", EntityType::PERSON}, {"Ngozi Okafor", EntityType::PERSON}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 1u);
  EXPECT_EQ(actors.actors[0].name, "Ngozi Okafor");
  EXPECT_TRUE(has(actors.actors[0].aliases, "Okafor"));
}

TEST(ActorResolver, AShortGivenNameIsThePersonNamedInFull) {
  Document doc = prepared("Jobs left Timothy D. Cook in charge. I have asked Tim Cook to lead. Tim will do a good job.",
                          {{"Jobs", EntityType::PERSON},
                           {"Timothy D. Cook", EntityType::PERSON},
                           {"Tim Cook", EntityType::PERSON},
                           {"Tim", EntityType::PERSON}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 2u);
  EXPECT_EQ(actors.actors[1].name, "Timothy D. Cook");
  EXPECT_EQ(actors.actors[1].mentions.size(), 3u);
  EXPECT_TRUE(has(actors.actors[1].aliases, "Tim Cook"));
}

// The recognizer may type a lone given name as a place: it is still the
// person named in full. A word that is no given name stays its own actor.
TEST(ActorResolver, AGivenNameTypedAsAPlaceIsThePerson) {
  Document doc = prepared("Steve Jobs resigned. Levinson said: Steve will continue to serve. Jordan welcomed it.",
                          {{"Steve Jobs", EntityType::PERSON},
                           {"Levinson", EntityType::PERSON},
                           {"Steve", EntityType::GPE},
                           {"Jordan", EntityType::GPE}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 3u);
  EXPECT_EQ(actors.actors[0].name, "Steve Jobs");
  EXPECT_EQ(actors.actors[0].type, ActorType::PERSON);
  EXPECT_EQ(actors.actors[0].mentions.size(), 2u);
  EXPECT_EQ(actors.actors[2].name, "Jordan");
}

TEST(ActorResolver, AnOrganisationBeforeTheTitleIsTheAffiliationNotTheName) {
  Document doc = prepared("Apple Computer CEO Steve Jobs gave the keynote. Jobs spoke for an hour.",
                          {{"Apple Computer CEO Steve Jobs", EntityType::PERSON}, {"Jobs", EntityType::PERSON}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 1u);
  EXPECT_EQ(actors.actors[0].name, "Steve Jobs");
  EXPECT_TRUE(has(actors.actors[0].roles, "ceo"));
  EXPECT_TRUE(has(actors.actors[0].affiliations, "Apple Computer"));
  EXPECT_EQ(actors.actors[0].mentions.size(), 2u);
}

TEST(ActorResolver, AnOrganisationNamedShortFirstThenInFull) {
  Document doc = prepared("Apple launches 3G iPhone. Apple Computer today launched a new phone. Washington reacted. "
                          "The Washington Post said so.",
                          {{"Apple", EntityType::ORGANIZATION},
                           {"Apple Computer", EntityType::ORGANIZATION},
                           {"Washington", EntityType::GPE},
                           {"Washington Post", EntityType::ORGANIZATION}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 3u);
  EXPECT_EQ(actors.actors[0].name, "Apple Computer");
  EXPECT_TRUE(has(actors.actors[0].aliases, "Apple"));
  // A city is no short name of a newspaper.
  EXPECT_EQ(actors.actors[1].name, "Washington");
  EXPECT_EQ(actors.actors[2].name, "Washington Post");

  // Named side by side, the short and the long name are two things: a
  // company and its product.
  Document product = prepared("Apple introduces iPhone and Apple TV. Apple Inc. today introduced the iPhone.",
                              {{"Apple", EntityType::ORGANIZATION},
                               {"Apple TV", EntityType::ORGANIZATION},
                               {"Apple Inc.", EntityType::ORGANIZATION}});
  const Actors& two = resolver().resolve(product);
  ASSERT_EQ(two.actors.size(), 2u);
  EXPECT_EQ(two.actors[0].name, "Apple Inc.");
  EXPECT_TRUE(has(two.actors[0].aliases, "Apple"));
  EXPECT_EQ(two.actors[1].name, "Apple TV");
}

// "the department" after "the Justice Department": an institution word
// names again the one organisation whose name ends with it; not when two
// do, nor as a modifier ("the department store").
TEST(ActorResolver, AnInstitutionWordNamesTheOneOrganisationEndingWithIt) {
  Document doc = prepared("The Justice Department sued Google. The department said the company broke the law. "
                          "She shopped at the department store.",
                          {{"Justice Department", EntityType::ORGANIZATION}, {"Google", EntityType::ORGANIZATION}});
  parser().parse(doc);
  const Actors& actors = resolver().resolve(doc);
  const Actor* justice = actor_with_key(actors, "department");
  ASSERT_NE(justice, nullptr);
  EXPECT_EQ(actor_at(doc, actors, "department said"), justice);
  EXPECT_EQ(actor_at(doc, actors, "department store"), nullptr);

  Document two = prepared("The Justice Department and the Commerce Department met. The department said no.",
                          {{"Justice Department", EntityType::ORGANIZATION},
                           {"Commerce Department", EntityType::ORGANIZATION}});
  parser().parse(two);
  const Actors& both = resolver().resolve(two);
  EXPECT_EQ(actor_at(two, both, "department said"), nullptr);
}

// "OpenAI's 770 employees": a name whose employees, board or shares the
// text names is a company, wherever the recognizer took it for a person or
// a place; a country's president does not make it one.
TEST(ActorResolver, ANameWithEmployeesIsACompany) {
  Document doc = prepared("Zorvex said on Tuesday that Marek would return. Most of Zorvex's 770 employees signed a "
                          "letter. Carvenia's president welcomed it.",
                          {{"Zorvex", EntityType::PERSON},
                           {"Marek", EntityType::PERSON},
                           {"Zorvex", EntityType::GPE},
                           {"Carvenia", EntityType::GPE}});
  const Actors& actors = resolver().resolve(doc);
  const Actor* zorvex = actor_with_key(actors, "zorvex");
  ASSERT_NE(zorvex, nullptr) << dump(doc, actors);
  EXPECT_EQ(zorvex->type, ActorType::ORGANIZATION) << dump(doc, actors);
  const Actor* carvenia = actor_with_key(actors, "carvenia");
  ASSERT_NE(carvenia, nullptr) << dump(doc, actors);
  EXPECT_EQ(carvenia->type, ActorType::GPE);
}

// "Nordex Semiconductor": a "person" whose name ends with an industry is a
// company, and so is its first word alone; the company named in full and by
// that word is one actor.
TEST(ActorResolver, ANameEndingWithAnIndustryIsACompany) {
  Document doc = prepared("Nordex agrees to buy Halvik. Nordex Semiconductor said on Monday it had agreed. "
                          "Nordex approached Halvik in January.",
                          {{"Nordex", EntityType::PERSON},
                           {"Halvik", EntityType::ORGANIZATION},
                           {"Nordex Semiconductor", EntityType::PERSON},
                           {"Nordex", EntityType::PERSON},
                           {"Halvik", EntityType::ORGANIZATION}});
  const Actors& actors = resolver().resolve(doc);
  std::size_t nordex = 0;
  for (const Actor& a : actors.actors)
    if (a.name.starts_with("Nordex")) {
      ++nordex;
      EXPECT_EQ(a.type, ActorType::ORGANIZATION) << dump(doc, actors);
      EXPECT_EQ(a.name, "Nordex Semiconductor") << dump(doc, actors);
      EXPECT_EQ(a.mentions.size(), 3u) << dump(doc, actors);
    }
  EXPECT_EQ(nordex, 1u) << dump(doc, actors);
}

// "Nvidia Chief Executive Jensen Huang": the proper noun before a title a
// person's name follows is an organisation, also where the recognizer
// took it for a person ("Nvidia to open research center").
TEST(ActorResolver, TheNameBeforeAPersonsTitleIsAnOrganisation) {
  Document doc = prepared("Nvidia to open research center. Nvidia Chief Executive Jensen Huang said so.",
                          {{"Nvidia", EntityType::PERSON}, {"Jensen Huang", EntityType::PERSON}});
  const Actors& actors = resolver().resolve(doc);
  const Actor* nvidia = actor_with_key(actors, "nvidia");
  ASSERT_NE(nvidia, nullptr) << dump(doc, actors);
  EXPECT_EQ(nvidia->type, ActorType::ORGANIZATION) << dump(doc, actors);
  const Actor* huang = actor_with_key(actors, "jensen huang");
  ASSERT_NE(huang, nullptr) << dump(doc, actors);
  EXPECT_EQ(huang->type, ActorType::PERSON);
}

TEST(ActorResolver, IdsFollowFirstMentionAndTokensMapBack) {
  Document doc = prepared("Acme Corp. hired Jane Roe. Roe said Acme Corp. was growing.",
                          {{"Acme Corp.", EntityType::ORGANIZATION}, {"Jane Roe", EntityType::PERSON},
                           {"Roe", EntityType::PERSON}});
  const Actors& actors = resolver().resolve(doc);
  ASSERT_EQ(actors.actors.size(), 2u);
  EXPECT_EQ(actors.actors[0].id, "a1");
  EXPECT_EQ(actors.actors[0].name, "Acme Corp.");
  EXPECT_EQ(actors.actors[1].id, "a2");
  const auto& tokens = doc.get<Segmentation>().tokens;
  ASSERT_EQ(actors.actor_of_token.size(), tokens.size());
  for (std::size_t a = 0; a < actors.actors.size(); ++a)
    for (const ActorMention& m : actors.actors[a].mentions) {
      EXPECT_EQ(actors.actor_of_token[m.head_token], static_cast<std::int32_t>(a));
      EXPECT_TRUE(m.span.contains(tokens[m.head_token].span));
    }
}

TEST(ActorResolver, BadInputNeverCrashes) {
  {
    Document doc{""};
    segmenter().segment(doc);
    tagger().tag(doc);
    doc.add(Entities{});
    EXPECT_TRUE(resolver().resolve(doc).actors.empty());
  }
  {
    // Mentions out of range, overlapping, empty, and of a NORP only.
    Document doc{"He said she met them. \xff\xfe Ukrainian"};
    segmenter().segment(doc);
    tagger().tag(doc);
    const auto n = static_cast<std::uint32_t>(doc.get<Segmentation>().tokens.size());
    Entities e;
    e.mentions.push_back({Span{0, 2}, 0, 2, 0, EntityType::PERSON, 1.0});
    e.mentions.push_back({Span{0, 2}, 1, 3, 0, EntityType::ORGANIZATION, 1.0});
    e.mentions.push_back({Span{0, 0}, 2, 0, 0, EntityType::PERSON, 1.0});
    e.mentions.push_back({Span{0, 0}, n + 5, 2, 0, EntityType::PERSON, 1.0});
    e.mentions.push_back({Span{0, 0}, n - 1, 1, 0, EntityType::NORP, 1.0});
    doc.add(std::move(e));
    const Actors& actors = resolver().resolve(doc);
    EXPECT_EQ(actors.actor_of_token.size(), n);
  }
  {
    std::string noise;
    constexpr std::string_view kPieces = "the president he said , . X\xe2\x80\x99s";
    for (int i = 0; i < 20000; ++i) noise.push_back(kPieces[static_cast<std::size_t>(i) % kPieces.size()]);
    Document doc{noise};
    segmenter().segment(doc);
    tagger().tag(doc);
    const auto& tokens = doc.get<Segmentation>().tokens;
    Entities e;
    for (std::uint32_t i = 0; i + 1 < tokens.size(); i += 7)
      e.mentions.push_back({tokens[i].span, i, 1, 0, i % 2 ? EntityType::PERSON : EntityType::NORP, 1.0});
    doc.add(std::move(e));
    const Actors& actors = resolver().resolve(doc);
    EXPECT_EQ(actors.actor_of_token.size(), tokens.size());
  }
}

TEST(ActorResolver, NeedsTheEntitiesLayer) {
  Document doc{"Zelensky spoke."};
  segmenter().segment(doc);
  tagger().tag(doc);
  EXPECT_THROW(resolver().resolve(doc), std::logic_error);
}

}  // namespace
}  // namespace tempora
