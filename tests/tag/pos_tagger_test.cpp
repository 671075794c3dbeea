// Tests of the committed POS model (models/pos-en-ewt.bin) and of training.
#include "tempora/pos.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tempora/segment.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

const PosTagger& tagger() {
  static const PosTagger instance = PosTagger::load();
  return instance;
}

std::vector<TokenMorph> tag(std::initializer_list<std::string_view> words) {
  const std::vector<std::string_view> w(words);
  return tagger().tag_words(w);
}

TEST(PosTagger, TagsANewsSentence) {
  const auto tags = tag({"Zelensky", "met", "Trump", "at", "the", "White", "House", "on", "Friday", "."});
  EXPECT_EQ(tags[0].upos, Upos::PROPN);
  EXPECT_EQ(tags[1].xpos, "VBD");
  EXPECT_EQ(tags[1].lemma, "meet");
  EXPECT_EQ(tags[2].upos, Upos::PROPN);
  EXPECT_EQ(tags[3].upos, Upos::ADP);
  EXPECT_EQ(tags[4].upos, Upos::DET);
  EXPECT_EQ(tags[8].upos, Upos::PROPN);
  EXPECT_EQ(tags[9].upos, Upos::PUNCT);
}

// The treebank splits hyphenated words, so the model never learned names
// such as "Bankman-Fried" (which its suffix "-ied" made a past tense);
// text tempora segments keeps them whole, and tag() makes them names.
TEST(PosTagger, HyphenatedNamesInsideASentenceAreProperNouns) {
  Document doc("The judge sentenced Sam Bankman-Fried to 25 years. Shares of Rolls-Royce rose. "
               "The pro-Russian forces advanced.");
  Segmenter::load().segment(doc);
  const Morphology& morph = tagger().tag(doc);
  const auto& tokens = doc.get<Segmentation>().tokens;
  const auto morph_of = [&](std::string_view word) -> const TokenMorph& {
    for (std::size_t i = 0; i < tokens.size(); ++i)
      if (doc.text(tokens[i].span) == word) return morph.tokens[i];
    ADD_FAILURE() << "no token " << word;
    return morph.tokens.front();
  };
  EXPECT_EQ(morph_of("Bankman-Fried").upos, Upos::PROPN);
  EXPECT_EQ(morph_of("Bankman-Fried").xpos, "NNP");
  EXPECT_EQ(morph_of("Bankman-Fried").lemma, "Bankman-Fried");
  EXPECT_EQ(morph_of("Rolls-Royce").upos, Upos::PROPN);
  // A lowercase prefix makes no name.
  EXPECT_NE(morph_of("pro-Russian").upos, Upos::PROPN);
}

// A name the document tags as one inside its sentences is one at a
// sentence's start too; a modal or determiner there keeps its tag.
TEST(PosTagger, ANameOfTheDocumentIsANameAtASentencesStart) {
  Document doc("Polish Prime Minister Donald Tusk hosted Friedrich Merz in Warsaw. "
               "Tusk spoke with Volodymyr Zelensky by phone later that night.");
  Segmenter::load().segment(doc);
  const Morphology& morph = tagger().tag(doc);
  const auto& seg = doc.get<Segmentation>();
  ASSERT_EQ(seg.sentences.size(), 2u);
  const std::uint32_t first = seg.sentences[1].first_token;
  EXPECT_EQ(doc.text(seg.tokens[first].span), "Tusk");
  EXPECT_EQ(morph.tokens[first].xpos, "NNP");
  EXPECT_EQ(morph.tokens[first + 1].upos, Upos::VERB);  // "spoke"
}

// The treebank has "executive" only as an adjective ("Executive Director");
// an adjective that ends a noun phrase before its verb or relative pronoun
// heads it, as the noun WordNet also knows.
TEST(PosTagger, AnAdjectiveEndingAPhraseBeforeItsVerbIsTheNoun) {
  Document doc("Apple executive leaves company. Tony Fadell, the Apple executive who led the iPod division, "
               "will leave. The executive director resigned. The company is profitable.");
  Segmenter::load().segment(doc);
  const Morphology& morph = tagger().tag(doc);
  const auto& tokens = doc.get<Segmentation>().tokens;
  std::vector<const TokenMorph*> executive;
  const TokenMorph* profitable = nullptr;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (doc.text(tokens[i].span) == "executive") executive.push_back(&morph.tokens[i]);
    if (doc.text(tokens[i].span) == "profitable") profitable = &morph.tokens[i];
  }
  ASSERT_EQ(executive.size(), 3u);
  EXPECT_EQ(executive[0]->upos, Upos::NOUN);  // before "leaves"
  EXPECT_EQ(executive[0]->xpos, "NN");
  EXPECT_EQ(executive[1]->upos, Upos::NOUN);  // before "who"
  EXPECT_EQ(executive[2]->upos, Upos::ADJ);   // "executive director": a modifier
  ASSERT_NE(profitable, nullptr);
  EXPECT_EQ(profitable->upos, Upos::ADJ);     // a predicate
}

// No base-form verb stands right after "on medical": the phrase's noun does.
TEST(PosTagger, ABaseFormAfterAPrepositionAndAnAdjectiveIsTheNoun) {
  Document doc("Jobs has been on medical leave since January. Prices will on average be reduced.");
  Segmenter::load().segment(doc);
  const Morphology& morph = tagger().tag(doc);
  const auto& tokens = doc.get<Segmentation>().tokens;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (doc.text(tokens[i].span) == "leave") EXPECT_EQ(morph.tokens[i].upos, Upos::NOUN);
    if (doc.text(tokens[i].span) == "be") EXPECT_EQ(morph.tokens[i].upos, Upos::AUX);  // an auxiliary stays one
  }
}

// The tag of a word of a document, by its text (the first occurrence).
const TokenMorph& tag_of(const Document& doc, std::string_view word) {
  const auto& tokens = doc.get<Segmentation>().tokens;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (doc.text(tokens[i].span) == word) return doc.get<Morphology>().tokens[i];
  throw std::invalid_argument(std::string(word));
}

// A prose sentence's first verb, a participle to the perceptron, is its
// past tense when a noun comes before it and an object after it; a
// participle before the main verb, or in an opening phrase, stays one.
TEST(PosTagger, AMainVerbReadAsAParticipleIsAPastTense) {
  Document doc("The department and a group of states sued Google in January 2023. "
               "Boeing and the union representing 33,000 striking machinists resumed contract talks on Monday. "
               "The money raised this year pays the debts. Under an accord signed yesterday, the state would pay.");
  Segmenter::load().segment(doc);
  tagger().tag(doc);
  EXPECT_EQ(tag_of(doc, "sued").xpos, "VBD");
  EXPECT_EQ(tag_of(doc, "resumed").xpos, "VBD");
  EXPECT_EQ(tag_of(doc, "raised").xpos, "VBN");  // "pays" is the main verb
  EXPECT_EQ(tag_of(doc, "signed").xpos, "VBN");
}

// A prose sentence with no finite verb has one all the same: the first
// participle shaped like a past tense after its subject, or after the comma
// closing a phrase about the subject; not a participle in an opening phrase
// or one a base-form verb follows.
TEST(PosTagger, ASentenceWithoutAFiniteVerbGetsOne) {
  Document doc(
      "The ruling touched off protests in the capital. Marek and Holm also called for new elections in the region. "
      "A 2019 law named for him and Sen. Anna Ruiz, D-Calif., strengthened the trade embargo against Carvenia. "
      "For the six months ended Aug. 12, Norvik posted net income of $6.5 million. "
      "Steel plates recovered at the park appear to match those found at the clinic.");
  Segmenter::load().segment(doc);
  tagger().tag(doc);
  EXPECT_EQ(tag_of(doc, "touched").xpos, "VBD");
  EXPECT_EQ(tag_of(doc, "called").xpos, "VBD");
  EXPECT_EQ(tag_of(doc, "named").xpos, "VBN");
  EXPECT_EQ(tag_of(doc, "strengthened").xpos, "VBD");
  EXPECT_EQ(tag_of(doc, "ended").xpos, "VBN");
  EXPECT_EQ(tag_of(doc, "posted").xpos, "VBD");
  EXPECT_EQ(tag_of(doc, "recovered").xpos, "VBN");  // "appear" is the verb
  // a base form after a plural subject is a present tense
  Document plural("They also share a language. Weak car sales raise questions about demand. "
                  "American officials staunchly disavow any interest in the plan.");
  Segmenter::load().segment(plural);
  tagger().tag(plural);
  for (const char* verb : {"share", "raise", "disavow"}) EXPECT_EQ(tag_of(plural, verb).xpos, "VBP") << verb;
}

// "after", "before", "since", "until" opening a clause after the main
// clause's verb are subordinators; a phrase after them stays one.
TEST(PosTagger, ATemporalPrepositionOpeningAClauseIsASubordinator) {
  Document doc("Talks resumed two weeks after negotiations broke down. Troops will remain until Iraq complies. "
               "Visitors since the bombings have noted the police. Prices rose after the report.");
  Segmenter::load().segment(doc);
  tagger().tag(doc);
  EXPECT_EQ(tag_of(doc, "after").upos, Upos::SCONJ);
  EXPECT_EQ(tag_of(doc, "until").upos, Upos::SCONJ);
  EXPECT_EQ(tag_of(doc, "since").upos, Upos::ADP);  // no verb of the main clause before it
  const auto& tokens = doc.get<Segmentation>().tokens;
  EXPECT_EQ(doc.get<Morphology>().tokens[tokens.size() - 4].upos, Upos::ADP);  // "after the report."
}

// "Acting" before a title is its adjective, no verb.
TEST(PosTagger, ActingBeforeATitleIsAnAdjective) {
  Document doc("Acting Labor Secretary Julie Su flew to Seattle. He was acting strangely.");
  Segmenter::load().segment(doc);
  tagger().tag(doc);
  EXPECT_EQ(tag_of(doc, "Acting").upos, Upos::ADJ);
  EXPECT_EQ(tag_of(doc, "acting").upos, Upos::VERB);
}

// "her" before an adjective and a noun is their possessive.
TEST(PosTagger, HerBeforeAnAdjectiveAndANounIsAPossessive) {
  Document doc("Kamikawa met her German counterpart Annalena Baerbock. We reminded her several times.");
  Segmenter::load().segment(doc);
  tagger().tag(doc);
  const auto& tokens = doc.get<Segmentation>().tokens;
  const auto& morph = doc.get<Morphology>().tokens;
  std::vector<std::string> hers;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].norm == "her") hers.push_back(morph[i].xpos);
  EXPECT_EQ(hers, (std::vector<std::string>{"PRP$", "PRP"}));
}

TEST(PosTagger, LemmatizesIrregularAndContractedForms) {
  const auto tags = tag({"He", "did", "n't", "say", "the", "talks", "were", "over", "."});
  EXPECT_EQ(tags[0].lemma, "he");
  EXPECT_EQ(tags[1].lemma, "do");
  EXPECT_EQ(tags[2].lemma, "not");
  EXPECT_EQ(tags[5].lemma, "talk");
  EXPECT_EQ(tags[6].lemma, "be");
}

TEST(PosTagger, RestoresTheSilentEOfOneSyllableVerbs) {
  // "noting" is "note": "not" would have doubled its t ("notting").
  const auto tags = tag({"Zelensky", "said", ",", "noting", "and", "hoping", "after", "he", "stopped", "visiting", "."});
  EXPECT_EQ(tags[3].lemma, "note");
  EXPECT_EQ(tags[5].lemma, "hope");
  EXPECT_EQ(tags[8].lemma, "stop");
  EXPECT_EQ(tags[9].lemma, "visit");
}

TEST(PosTagger, NamesItsRunnerUpWhereItHesitates) {
  // "mean" is a verb or an adjective here, and the tagger nearly took the
  // other one; it does not hesitate over "you", "think" or "?".
  const auto tags = tag({"why", "do", "you", "think", "they", "are", "mean", "?"});
  ASSERT_TRUE(tags[6].runner_up.has_value());
  EXPECT_TRUE((tags[6].upos == Upos::VERB && *tags[6].runner_up == Upos::ADJ) ||
              (tags[6].upos == Upos::ADJ && *tags[6].runner_up == Upos::VERB))
      << to_string(tags[6].upos) << " / " << to_string(*tags[6].runner_up);
  EXPECT_FALSE(tags[2].runner_up.has_value());
  EXPECT_FALSE(tags[3].runner_up.has_value());
  EXPECT_FALSE(tags[7].runner_up.has_value());
  // A runner-up is always another part of speech than the chosen one.
  for (const auto& t : tag({"In", "other", "words", "the", "table", "is", "set", "and", "the", "AP", "comes", "."}))
    if (t.runner_up) EXPECT_NE(*t.runner_up, t.upos);
}

TEST(PosTagger, EmptySentenceGivesNoTags) { EXPECT_TRUE(tagger().tag_words({}).empty()); }

TEST(PosTagger, GarbageWordsStillGetATag) {
  const auto tags = tag({"\xEF\xBF\xBD", "%%%", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"});
  EXPECT_EQ(tags.size(), 4u);
}

TEST(PosTagger, AddsMorphologyLayerParallelToTokens) {
  Document doc("Ukraine’s president met Trump. Talks went on.");
  Segmenter::load().segment(doc);
  const Morphology& morph = tagger().tag(doc);
  EXPECT_EQ(morph.tokens.size(), doc.get<Segmentation>().tokens.size());
  EXPECT_THROW(tagger().tag(doc), std::logic_error);  // a stage adds its layer once
}

TEST(PosTagger, TaggingNeedsSegmentation) {
  Document doc("No tokens yet.");
  EXPECT_THROW(tagger().tag(doc), std::logic_error);
}

TEST(PosTagger, MissingOrCorruptModelFileIsAClearError) {
  EXPECT_THROW(PosTagger::load("/nonexistent/model.bin"), std::runtime_error);
  const std::string path = ::testing::TempDir() + "/corrupt-pos.bin";
  std::ofstream(path) << "TPOS garbage";
  EXPECT_THROW(PosTagger::load(path), std::runtime_error);
}

TEST(PosTagger, TrainsSaveLoadsAndTagsDeterministically) {
  std::istringstream in(
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\tbarks\tbark\tVERB\tVBZ\t_\t0\troot\t_\t_\n\n"
      "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
      "3\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\t_\n\n");
  const auto sentences = read_conllu(in);
  PosTrainingOptions options;
  options.epochs = 3;
  const std::string a = ::testing::TempDir() + "/pos-a.bin", b = ::testing::TempDir() + "/pos-b.bin";
  PosTagger::train(sentences, {}, options).save(a);
  PosTagger::train(sentences, {}, options).save(b);
  const auto bytes = [](const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
  };
  EXPECT_EQ(bytes(a), bytes(b));
  const std::vector<std::string_view> words = {"The", "cat", "barks"};
  const auto tags = PosTagger::load(a).tag_words(words);
  EXPECT_EQ(tags[0].xpos, "DT");
  EXPECT_EQ(tags[2].lemma, "bark");
}

TEST(PosTagger, SeedArticleNamesAreProperNouns) {
  TEMPORA_REQUIRE_SHARED(shared);
  std::ifstream in(shared / "seeds/zelensky-trump-nbc.txt");
  Document doc(std::string(std::istreambuf_iterator<char>(in), {}));
  const auto& seg = Segmenter::load().segment(doc);
  const auto& morph = tagger().tag(doc);
  std::map<std::string, std::pair<int, int>> seen;  // word -> (PROPN count, total)
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    auto& [propn, total] = seen[seg.tokens[i].norm];
    propn += morph.tokens[i].upos == Upos::PROPN;
    ++total;
  }
  for (const char* name : {"Zelensky", "Trump", "Tomahawk", "NBC"}) {
    ASSERT_GT(seen[name].second, 0) << name;
    EXPECT_EQ(seen[name].first, seen[name].second) << name << " not always PROPN";
  }
}

}  // namespace
}  // namespace tempora
