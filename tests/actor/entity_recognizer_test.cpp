// The entity layer: names typed PERSON, ORGANIZATION, GPE, LOCATION,
// FACILITY and NORP on news sentences and the seed article; the gazetteer;
// the corpus readers and the scorer; hostile input; training determinism.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "actor/gazetteer.hpp"
#include "actor/ner_corpus.hpp"
#include "tempora/actor.hpp"
#include "tempora/data.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"
#include "tempora/timex.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

// As the pipeline runs them: the parse comes before the names.
struct Stages {
  Segmenter segmenter = Segmenter::load();
  PosTagger pos = PosTagger::load();
  DependencyParser parser = DependencyParser::load();
  EntityRecognizer ner = EntityRecognizer::load();

  Entities run(Document& doc, bool parse = true) const {
    segmenter.segment(doc);
    pos.tag(doc);
    if (parse) parser.parse(doc);
    return ner.tag(doc);
  }
};

const Stages& stages() {
  static const Stages s;
  return s;
}

// Every mention as "TEXT/TYPE".
std::vector<std::string> mentions(const Document& doc, const Entities& entities) {
  std::vector<std::string> out;
  for (const EntityMention& m : entities.mentions) out.push_back(std::string(doc.text(m.span)) + "/" + std::string(to_string(m.type)));
  return out;
}

bool has(const std::vector<std::string>& all, const std::string& mention) {
  return std::find(all.begin(), all.end(), mention) != all.end();
}

TEST(EntityRecognizer, TypesOfANewsSentence) {
  Document doc(
      "Ukrainian President Volodymyr Zelensky met Donald Trump at the White House on Friday, "
      "NBC News reported. Russia and Ukraine have been at war since 2022.");
  const Entities entities = stages().run(doc);
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Ukrainian/NORP"));
  EXPECT_TRUE(has(all, "Volodymyr Zelensky/PERSON"));
  EXPECT_TRUE(has(all, "Donald Trump/PERSON"));
  EXPECT_TRUE(has(all, "White House/FACILITY") || has(all, "the White House/FACILITY"));
  EXPECT_TRUE(has(all, "NBC News/ORGANIZATION"));
  EXPECT_TRUE(has(all, "Russia/GPE"));
  EXPECT_TRUE(has(all, "Ukraine/GPE"));
  EXPECT_FALSE(has(all, "Friday/PERSON"));
}

// A person's title names what follows it, and either word of a two-word
// name may come back alone, also where the POS tagger took it for a noun.
TEST(EntityRecognizer, ANameAfterATitleAndItsFamilyNameLater) {
  Document doc(
      "Chinese Foreign Minister Wang Yi met Antony Blinken in Beijing on Monday. "
      "Wang said the talks were useful. Blinken told reporters that Wang had raised Taiwan.");
  const Entities entities = stages().run(doc);
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Wang Yi/PERSON"));
  EXPECT_TRUE(has(all, "Chinese/NORP"));
  EXPECT_EQ(std::count(all.begin(), all.end(), "Wang/PERSON"), 2);
  EXPECT_FALSE(has(all, "Foreign Minister Wang Yi/PERSON"));
}

// A Chinese or Korean name, family name first, is one person however the
// tagger cut it (resources/actor/family_names.txt).
TEST(EntityRecognizer, AFamilyNameFirstNameIsOnePerson) {
  Document doc(
      "Wang Yi, China's foreign minister, met his Japanese counterpart Takeshi Iwaya in Tokyo. "
      "Chinese President Xi Jinping met South Korean President Lee Jae-myung in Beijing. "
      "Lee Anderson, a British lawmaker, was not there. North Korean leader Kim Jong Un visited Moscow.");
  const Entities entities = stages().run(doc);
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Wang Yi/PERSON"));
  EXPECT_TRUE(has(all, "Takeshi Iwaya/PERSON"));
  EXPECT_TRUE(has(all, "Xi Jinping/PERSON"));
  EXPECT_TRUE(has(all, "Lee Jae-myung/PERSON"));
  EXPECT_TRUE(has(all, "Lee Anderson/PERSON"));
  EXPECT_TRUE(has(all, "Kim Jong Un/PERSON"));
  EXPECT_TRUE(has(all, "North Korean/NORP"));  // a demonym of two words, not a place
}

// A company name that runs into its chief's title ends before it, and is
// the company; an agency's name may hold an "and".
TEST(EntityRecognizer, ATitleAfterACompanyEndsItsName) {
  Document doc(
      "Microsoft on Friday completed its acquisition of Activision Blizzard. "
      "Microsoft Chief Executive Satya Nadella welcomed the employees. "
      "U.S. President Joe Biden did not comment.");
  const Entities entities = stages().run(doc);
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Satya Nadella/PERSON"));
  EXPECT_FALSE(has(all, "Microsoft Chief/PERSON"));
  for (const auto& m : all)
    if (m.starts_with("Microsoft")) EXPECT_EQ(m, "Microsoft/ORGANIZATION");
  EXPECT_TRUE(has(all, "U.S./GPE"));  // a country before a title stays a place
  EXPECT_TRUE(has(all, "Joe Biden/PERSON"));
}

TEST(EntityRecognizer, AnAgencyNameHoldsOneAnd) {
  Document doc(
      "The Competition and Markets Authority had blocked the deal in April. "
      "Britain and France signed the accord, and the Securities and Exchange Commission sued the firm.");
  const Entities entities = stages().run(doc);
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Competition and Markets Authority/ORGANIZATION"));
  EXPECT_TRUE(has(all, "Securities and Exchange Commission/ORGANIZATION"));
  EXPECT_TRUE(has(all, "Britain/GPE"));
  EXPECT_TRUE(has(all, "France/GPE"));
}

// A headline's capitalized first word that the story writes in lowercase is
// no name; a name capitalized inside a sentence stays one.
TEST(EntityRecognizer, AHeadlineCommonNounIsNoName) {
  Document doc(
      "Earthquake kills more than 2,000 in western Afghanistan\n\n"
      "A powerful earthquake killed more than 2,000 people in Herat on Saturday. "
      "Apple sent aid. Shares of Apple rose, and the apple harvest was lost.");
  const Entities entities = stages().run(doc);
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  for (const auto& m : all) EXPECT_FALSE(m.starts_with("Earthquake")) << m;
  EXPECT_TRUE(has(all, "Afghanistan/GPE"));
  EXPECT_TRUE(has(all, "Herat/GPE"));
  EXPECT_EQ(std::count_if(all.begin(), all.end(), [](const std::string& m) { return m.starts_with("Apple/"); }), 2);
}

// "Chipmaker Nordex": a headline's description of a company is no part of
// its name.
TEST(EntityRecognizer, AHeadlinesDescriptionIsNoPartOfTheName) {
  Document doc("Chipmaker Nordex agrees to buy rival Halvik\n\nAutomaker Stellantis and Retailer Walmart said so.");
  const Entities entities = stages().run(doc);
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  for (const auto& m : all) {
    EXPECT_FALSE(m.starts_with("Chipmaker")) << m;
    EXPECT_FALSE(m.starts_with("Automaker")) << m;
    EXPECT_FALSE(m.starts_with("Retailer")) << m;
  }
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [](const std::string& m) { return m.starts_with("Nordex/"); }));
}

// A legal-form suffix ends a company's name, whatever the tagger thought.
TEST(EntityRecognizer, ANameEndingInALegalFormIsAnOrganization) {
  Document doc("Acme Corp. said on Monday that it had agreed to buy rival Zenith Labs.");
  const Entities entities = stages().run(doc);
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Acme Corp./ORGANIZATION"));
  // A run of proper nouns before the legal form, which the model alone missed.
  Document boeing("Boeing Co. said it would cut 10 percent of its workforce.");
  const auto found = mentions(boeing, stages().run(boeing));
  SCOPED_TRACE(::testing::PrintToString(found));
  EXPECT_TRUE(has(found, "Boeing Co./ORGANIZATION"));
}

// Capitalized words ending in an organisation word are one organisation,
// and that word after "the" names it again.
TEST(EntityRecognizer, AnOrganisationWordEndsOneOrganisation) {
  Document doc(
      "The European Commission on Thursday fined Meta Platforms 797.7 million euros. "
      "The Commission opened its investigation in June 2021. Commission officials declined to comment.");
  const auto all = mentions(doc, stages().run(doc));
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "European Commission/ORGANIZATION"));
  EXPECT_TRUE(has(all, "Commission/ORGANIZATION"));
  EXPECT_EQ(std::count(all.begin(), all.end(), "Commission/ORGANIZATION"), 1);  // not "Commission officials"
}

// A country before a title is no part of the person's name, and a name
// ending in an organisation word holds no person ("Justice" is a title).
TEST(EntityRecognizer, ACountryBeforeATitleAndAnOrganisationWordAfterOne) {
  Document doc("U.S. District Judge Lewis A. Kaplan imposed the sentence. The Justice Department said it would "
               "not appeal. The Soviet Union collapsed in 1991.");
  const auto all = mentions(doc, stages().run(doc));
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Lewis A. Kaplan/PERSON"));
  EXPECT_TRUE(has(all, "U.S./GPE"));
  EXPECT_TRUE(has(all, "Justice Department/ORGANIZATION"));
  EXPECT_FALSE(has(all, "Department/PERSON"));
  EXPECT_TRUE(has(all, "Soviet Union/GPE"));
}

// A name inside a date the time stage found is none ("in March").
TEST(EntityRecognizer, ADateIsNoName) {
  Document doc("Apple CEO Tim Cook met Vestager in Brussels in March to discuss the case.",
               DocumentInfo{.creation_time = parse_dct("2024-11-14", "test")});
  stages().segmenter.segment(doc);
  stages().pos.tag(doc);
  stages().parser.parse(doc);
  static const TimeTagger time = TimeTagger::load();
  time.tag(doc);
  const auto all = mentions(doc, stages().ner.tag(doc));
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Brussels/GPE"));
  for (const std::string& m : all) EXPECT_NE(m.rfind("March/", 0), 0u);
}

// Proper nouns the model left out of an organisation's name belong to it.
TEST(EntityRecognizer, AnOrganisationsNameTakesInTheProperNounsBeforeIt) {
  Document doc("Boeing said on Wednesday that it had agreed to buy Spirit AeroSystems for $4.7 billion.");
  const auto all = mentions(doc, stages().run(doc));
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Spirit AeroSystems/ORGANIZATION"));
}

// Titles and demonyms before a name make a person, even when the model
// read the span's first words as a place.
TEST(EntityRecognizer, ATitleBeforeANameMakesAPersonOfAnySpan) {
  Document doc("South African President Cyril Ramaphosa, who chairs the group this year, welcomed the leaders.");
  const auto all = mentions(doc, stages().run(doc));
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Cyril Ramaphosa/PERSON"));
  EXPECT_TRUE(has(all, "South African/NORP"));
}

// What "which" describes is no person.
TEST(EntityRecognizer, ANameAWhichClauseDescribesIsNoPerson) {
  Document doc("Airbus, which will take over some Spirit plants, said it expected the deal to close soon.");
  const auto all = mentions(doc, stages().run(doc));
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_FALSE(has(all, "Airbus/PERSON"));
}

TEST(EntityRecognizer, AHyphenatedNameIsOnePerson) {
  Document doc("A federal judge on Friday sentenced former crypto executive Sam Bankman-Fried to 25 years in prison.");
  const auto all = mentions(doc, stages().run(doc));
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Sam Bankman-Fried/PERSON"));
}

// Lowercase particles inside a person's name (resources/actor/name_particles.txt).
TEST(EntityRecognizer, ANameGoesOnOverItsParticles) {
  Document doc("European Commission President Ursula von der Leyen met Viktor Orban in Budapest on Monday.");
  const Entities entities = stages().run(doc);
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Ursula von der Leyen/PERSON"));
  EXPECT_TRUE(has(all, "Viktor Orban/PERSON"));
}

// A one-word person takes the short family name the model left out, but no
// weekday and no second capitalized word.
TEST(EntityRecognizer, AOneWordPersonTakesTheFamilyNameAfterIt) {
  Document doc("Acting Labor Secretary Julie Su flew to Seattle on Saturday.");
  const auto all = mentions(doc, stages().run(doc));
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Julie Su/PERSON"));
  EXPECT_TRUE(has(all, "Seattle/GPE"));
}

// Without a Dependencies layer the syntactic features are left out: the
// names are still found and typed, though less well (the model was trained
// on parsed sentences; see models/ner-en.md).
TEST(EntityRecognizer, TagsWithoutAParse) {
  Document doc(
      "Ukrainian President Volodymyr Zelensky met Donald Trump at the White House on Friday, "
      "NBC News reported.");
  const Entities entities = stages().run(doc, false);
  EXPECT_FALSE(doc.has<Dependencies>());
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Donald Trump/PERSON"));
  EXPECT_TRUE(has(all, "NBC News/ORGANIZATION"));
  EXPECT_TRUE(has(all, "White House/FACILITY"));
  EXPECT_FALSE(has(all, "Friday/PERSON"));
}

TEST(EntityRecognizer, MentionsAreOrderedConsistentAndConfident) {
  Document doc("Apple Inc. hired Jane Smith, a former Google engineer, to run its office in London.");
  const Entities entities = stages().run(doc);
  const Segmentation& seg = doc.get<Segmentation>();
  ASSERT_FALSE(entities.mentions.empty());
  std::uint32_t previous_end = 0;
  for (const EntityMention& m : entities.mentions) {
    EXPECT_GE(m.span.begin, previous_end);
    previous_end = m.span.end;
    ASSERT_GT(m.token_count, 0u);
    EXPECT_EQ(m.span.begin, seg.tokens[m.first_token].span.begin);
    EXPECT_EQ(m.span.end, seg.tokens[m.first_token + m.token_count - 1].span.end);
    const Sentence& s = seg.sentences[m.sentence];
    EXPECT_GE(m.first_token, s.first_token);
    EXPECT_LE(m.first_token + m.token_count, s.first_token + s.token_count);
    EXPECT_GT(m.confidence, 0.0);
    EXPECT_LE(m.confidence, 1.0);
  }
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  EXPECT_TRUE(has(all, "Jane Smith/PERSON"));
  EXPECT_TRUE(has(all, "London/GPE"));
}

TEST(EntityRecognizer, SeedArticle) {
  TEMPORA_REQUIRE_SHARED(shared);
  std::ifstream in(shared / "seeds" / "zelensky-trump-nbc.txt");
  ASSERT_TRUE(in);
  std::stringstream text;
  text << in.rdbuf();
  Document doc(text.str());
  const Entities entities = stages().run(doc);
  const auto all = mentions(doc, entities);
  SCOPED_TRACE(::testing::PrintToString(all));
  for (const char* m : {"Zelensky/PERSON", "Trump/PERSON", "Putin/PERSON", "Volodymyr Zelensky/PERSON",
                        "NBC News/ORGANIZATION", "Axios/ORGANIZATION", "CNN/ORGANIZATION", "Ukraine/GPE",
                        "Russia/GPE", "Ukrainian/NORP", "Russian/NORP"})
    EXPECT_TRUE(has(all, m)) << m;
  EXPECT_TRUE(has(all, "White House/FACILITY") || has(all, "the White House/FACILITY"));
  // Every "Zelensky" and "Trump" is a person, never another type.
  for (const EntityMention& m : entities.mentions) {
    const std::string_view t = doc.text(m.span);
    if (t.find("Zelensky") != std::string_view::npos || t.find("Trump") != std::string_view::npos)
      EXPECT_EQ(m.type, EntityType::PERSON) << t;
  }
}

TEST(EntityRecognizer, HostileInputGivesValidMentions) {
  std::vector<std::string> inputs{"", " \n\t ", std::string(5000, 'A'), "\xff\xfe\x00\x01 President", "The the the."};
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>((i * 7919) & 0xFF));
  inputs.push_back(binary);
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "Mr. Ukrainian White House NBC News Inc. of ";
  inputs.push_back(many);
  for (const std::string& input : inputs) {
    Document doc(input);
    const Entities entities = stages().run(doc);
    for (const EntityMention& m : entities.mentions) {
      EXPECT_LE(m.span.end, doc.text().size());
      EXPECT_LT(m.span.begin, m.span.end);
    }
  }
}

TEST(EntityRecognizer, NeedsTheEarlierLayers) {
  Document doc("Zelensky met Trump.");
  stages().segmenter.segment(doc);
  EXPECT_THROW(stages().ner.tag(doc), std::logic_error);
}

TEST(Gazetteer, MatchesPhrasesCaseInsensitively) {
  detail::Gazetteer g;
  g.add("White House", detail::kGazFacility);
  g.add("NBC News", detail::kGazOutlet);
  g.add("NBC", detail::kGazOutlet);
  const std::vector<std::string_view> words{"at", "the", "white", "House", "NBC", "News"};
  const auto m = g.match(words);
  EXPECT_EQ(m[1].inside, 0u);
  EXPECT_EQ(m[2].begins, 1u << detail::kGazFacility);
  EXPECT_EQ(m[3].inside, 1u << detail::kGazFacility);
  EXPECT_EQ(m[3].begins, 0u);
  EXPECT_EQ(m[4].begins, 1u << detail::kGazOutlet);
  EXPECT_EQ(m[5].inside, 1u << detail::kGazOutlet);
  EXPECT_EQ(g.lookup(std::vector<std::string_view>{"nbc", "news"}), 1u << detail::kGazOutlet);
  std::stringstream bytes;
  g.save(bytes);
  const detail::Gazetteer back = detail::Gazetteer::load(bytes);
  EXPECT_EQ(back.lookup(std::vector<std::string_view>{"White", "House"}), 1u << detail::kGazFacility);
  EXPECT_EQ(detail::demonym_forms("Ukrainian"), (std::vector<std::string>{"Ukrainian", "Ukrainians"}));
  EXPECT_EQ(detail::demonym_forms("French"), (std::vector<std::string>{"French"}));
}

TEST(Gazetteer, LooksUpWordKeysLikeWords) {
  detail::Gazetteer g;
  g.add("White House", detail::kGazFacility);
  const std::string long_word(80, 'X');  // longer than the stack buffer that lowercases
  g.add(long_word, detail::kGazOrgWord);
  const std::vector<std::string_view> words{"the", "WHITE", "house", long_word};
  const std::vector<std::uint64_t> keys = detail::Gazetteer::word_keys(words);
  for (std::size_t first = 0; first < words.size(); ++first)
    for (std::size_t n = 1; first + n <= words.size(); ++n)
      EXPECT_EQ(g.lookup_keys(std::span(keys).subspan(first, n)), g.lookup(std::span(words).subspan(first, n)));
  EXPECT_EQ(g.lookup_keys(std::span(keys).subspan(1, 2)), 1u << detail::kGazFacility);
  EXPECT_EQ(g.lookup_keys(std::span(keys).subspan(3, 1)), 1u << detail::kGazOrgWord);
}

TEST(Gazetteer, BuildsFromIsoCodesAndResources) {
  const auto g = detail::Gazetteer::build(data_dir() / "resources" / "actor");
  EXPECT_TRUE(g.lookup(std::vector<std::string_view>{"Ukraine"}) & (1u << detail::kGazCountry));
  EXPECT_TRUE(g.lookup(std::vector<std::string_view>{"President"}) & (1u << detail::kGazTitle));
  EXPECT_TRUE(g.lookup(std::vector<std::string_view>{"Ukrainians"}) & (1u << detail::kGazDemonym));
  if (std::filesystem::exists("/usr/share/iso-codes/json/iso_3166-2.json"))
    EXPECT_TRUE(g.lookup(std::vector<std::string_view>{"Bavaria"}) & (1u << detail::kGazSubdivision) ||
                g.lookup(std::vector<std::string_view>{"Texas"}) & (1u << detail::kGazSubdivision));
}

TEST(NerCorpus, SpansFollowConlleval) {
  const auto spans = detail::spans_of_tags({"B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"});
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0], (detail::WordSpan{0, 1, "PER"}));
  EXPECT_EQ(spans[1], (detail::WordSpan{3, 3, "LOC"}));  // a stray I- starts an entity
  EXPECT_EQ(spans[2], (detail::WordSpan{4, 4, "ORG"}));
  EXPECT_EQ(spans[3], (detail::WordSpan{5, 6, "ORG"}));
  EXPECT_EQ(detail::name_head({"Bank", "of", "America"}, 0, 2), 0u);
  EXPECT_EQ(detail::name_head({"Steve", "Jobs"}, 0, 1), 1u);
  EXPECT_EQ(detail::name_head({"Apple", "Inc."}, 0, 1), 0u);
}

TEST(NerCorpus, ReadsUnerAndMeantime) {
  TEMPORA_REQUIRE_SHARED(shared);
  const auto dev = detail::read_iob2(shared / "data" / "uner-ewt" / "en_ewt-ud-dev.iob2");
  EXPECT_EQ(dev.size(), 2001u);
  EXPECT_GT(dev.back().document, 100u);
  const auto docs = detail::read_meantime(shared / "data" / "meantime" / "intra-doc" / "apple");
  ASSERT_EQ(docs.size(), 30u);
  std::size_t named = 0;
  for (const auto& d : docs)
    for (const auto& m : d.mentions) named += m.type == "PER" || m.type == "ORG" || m.type == "LOC";
  EXPECT_GT(named, 100u);
}

// Training on a few sentences is deterministic and learns them.
TEST(EntityRecognizer, TrainingIsDeterministic) {
  std::vector<NerTrainingSentence> data{
      {{"Alice", "Walker", "visited", "Paris", "."}, {"B-PER", "I-PER", "O", "B-LOC", "O"}},
      {{"Bob", "works", "for", "Acme", "Corp", "."}, {"B-PER", "O", "O", "B-ORG", "I-ORG", "O"}},
      {{"They", "met", "in", "Berlin", "."}, {"O", "O", "O", "B-LOC", "O"}},
  };
  NerTrainingOptions options;
  options.epochs = 5;
  const auto resources = data_dir() / "resources" / "actor";
  const auto dir = std::filesystem::temp_directory_path() / ("tempora-ner-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  EntityRecognizer::train(data, stages().pos, &stages().parser, options, resources).save(dir / "a.bin");
  EntityRecognizer::train(data, stages().pos, &stages().parser, options, resources).save(dir / "b.bin");
  const auto read = [](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(read(dir / "a.bin"), read(dir / "b.bin"));
  const EntityRecognizer small = EntityRecognizer::load(dir / "a.bin", resources);
  const auto spans = detail::recognize_words(small, stages().pos, &stages().parser, {{"Alice", "Walker", "visited", "Paris", "."}});
  EXPECT_EQ(spans[0], (std::vector<detail::WordSpan>{{0, 1, "PER"}, {3, 3, "LOC"}}));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tempora
