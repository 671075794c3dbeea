// The dependency parser, its model file, CoNLL-U output and SyntaxView.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "tempora/conllu.hpp"
#include "tempora/data.hpp"
#include "tempora/parse.hpp"
#include "tempora/pos.hpp"
#include "tempora/segment.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> words;
  while (!text.empty()) {
    const auto space = text.find(' ');
    words.push_back(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return words;
}

int index_of(const std::vector<std::string_view>& words, std::string_view word) {
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words[i] == word) return static_cast<int>(i);
  return -1;
}

// A tiny hand-annotated treebank in CoNLL-U, enough to train and round-trip.
constexpr std::string_view kTinyTreebank =
    "# sent_id = t1\n"
    "# text = Zelensky met with Trump on Friday.\n"
    "1\tZelensky\tZelensky\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\twith\twith\tADP\tIN\t_\t4\tcase\t_\t_\n"
    "4\tTrump\tTrump\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
    "5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "6\tFriday\tFriday\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = t2\n"
    "# text = The leaders signed a deal.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tleaders\tleader\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tdeal\tdeal\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

std::vector<ConlluSentence> tiny_treebank() {
  std::istringstream in{std::string(kTinyTreebank)};
  return read_conllu(in);
}

std::vector<TokenMorph> gold_tags(const ConlluSentence& s) {
  std::vector<TokenMorph> tags;
  for (const ConlluWord& w : s.words) tags.push_back({parse_upos(w.upos).value_or(Upos::X), w.xpos, w.lemma});
  return tags;
}

std::vector<Arc> gold_arcs(const ConlluSentence& s) {
  std::vector<Arc> arcs;
  for (const ConlluWord& w : s.words) arcs.push_back({w.head - 1, w.deprel});
  return arcs;
}

TEST(Conllu, WriteThenReadRoundTrips) {
  for (const ConlluSentence& s : tiny_treebank()) {
    std::vector<std::string_view> words;
    for (const ConlluWord& w : s.words) words.push_back(w.form);
    std::ostringstream out;
    write_conllu(out, words, gold_tags(s), gold_arcs(s), s.id, s.text);
    std::istringstream in(out.str());
    const auto back = read_conllu(in);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].id, s.id);
    EXPECT_EQ(back[0].text, s.text);
    ASSERT_EQ(back[0].words.size(), s.words.size());
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      EXPECT_EQ(back[0].words[i].form, s.words[i].form);
      EXPECT_EQ(back[0].words[i].lemma, s.words[i].lemma);
      EXPECT_EQ(back[0].words[i].upos, s.words[i].upos);
      EXPECT_EQ(back[0].words[i].xpos, s.words[i].xpos);
      EXPECT_EQ(back[0].words[i].head, s.words[i].head);
      EXPECT_EQ(back[0].words[i].deprel, s.words[i].deprel);
    }
  }
}

TEST(Conllu, TreebankRoundTripsThroughWriteConllu) {
  TEMPORA_REQUIRE_SHARED(shared);
  const auto dev = read_conllu(shared / "data/ud-ewt/en_ewt-ud-dev.conllu");
  std::ostringstream out;
  for (const ConlluSentence& s : dev) {
    std::vector<std::string_view> words;
    for (const ConlluWord& w : s.words) words.push_back(w.form);
    write_conllu(out, words, gold_tags(s), gold_arcs(s), s.id, s.text);
  }
  std::istringstream in(out.str());
  const auto back = read_conllu(in);
  ASSERT_EQ(back.size(), dev.size());
  for (std::size_t k = 0; k < dev.size(); ++k) {
    ASSERT_EQ(back[k].words.size(), dev[k].words.size());
    for (std::size_t i = 0; i < dev[k].words.size(); ++i) {
      EXPECT_EQ(back[k].words[i].head, dev[k].words[i].head);
      EXPECT_EQ(back[k].words[i].deprel, dev[k].words[i].deprel);
    }
  }
}

TEST(Parser, TrainsDeterministicallyAndRoundTripsItsModelFile) {
  const auto treebank = tiny_treebank();
  ParserTrainingOptions options;
  options.epochs = 10;
  const DependencyParser a = DependencyParser::train(treebank, {}, options);
  const DependencyParser b = DependencyParser::train(treebank, {}, options);
  std::ostringstream bytes_a, bytes_b;
  a.save(bytes_a);
  b.save(bytes_b);
  EXPECT_EQ(bytes_a.str(), bytes_b.str()) << "same data and seed must give the same model";

  std::istringstream in(bytes_a.str());
  const DependencyParser loaded = DependencyParser::load(in);
  // Ten epochs over two sentences are enough to learn them by heart.
  const AttachmentScores scores = loaded.evaluate(treebank);
  EXPECT_EQ(scores.words, 13u);
  EXPECT_EQ(scores.heads_correct, 13u);
  EXPECT_EQ(scores.labels_correct, 13u);
  for (const ConlluSentence& s : treebank) EXPECT_EQ(loaded.parse_words(s.words), a.parse_words(s.words));
}

TEST(Parser, KeepsTheBestDevEpochDeterministically) {
  const auto treebank = tiny_treebank();
  std::ostringstream log;
  ParserTrainingOptions options;
  options.epochs = 6;
  options.select_from_epoch = 2;
  options.log = &log;
  const DependencyParser a = DependencyParser::train(treebank, treebank, options);
  options.log = nullptr;
  const DependencyParser b = DependencyParser::train(treebank, treebank, options);
  std::ostringstream bytes_a, bytes_b;
  a.save(bytes_a);
  b.save(bytes_b);
  EXPECT_EQ(bytes_a.str(), bytes_b.str());
  // Dev is scored from epoch 2 on, not in epoch 1.
  std::istringstream lines(log.str());
  std::vector<std::string> epochs;
  for (std::string line; std::getline(lines, line);)
    if (line.find(": epoch ") != std::string::npos) epochs.push_back(line);
  ASSERT_EQ(epochs.size(), 6u) << log.str();
  EXPECT_EQ(epochs[0].find("dev UAS"), std::string::npos) << epochs[0];
  EXPECT_NE(epochs[1].find("dev UAS"), std::string::npos) << epochs[1];
  // The model kept scores on dev (here: the training set) what its epoch scored while training.
  const std::string keep = "keeping the weights of epoch ";
  const std::size_t at = log.str().find(keep);
  ASSERT_NE(at, std::string::npos) << log.str();
  const int kept = std::stoi(log.str().substr(at + keep.size()));
  ASSERT_GE(kept, 2);
  ASSERT_LE(kept, 6);
  const AttachmentScores s = a.evaluate(treebank);
  char expected[64];
  std::snprintf(expected, sizeof expected, "dev UAS %.2f LAS %.2f", s.uas(), s.las());
  EXPECT_NE(epochs[static_cast<std::size_t>(kept - 1)].find(expected), std::string::npos)
      << expected << " in " << epochs[static_cast<std::size_t>(kept - 1)];
}

TEST(Parser, OnlyFormat5ModelsReadTheTaggersRunnerUps) {
  // The same treebank with the tagger's hesitations marked: format 5 learns
  // from them, format 4 (like format 3) neither learns nor parses differently.
  const auto plain = tiny_treebank();
  auto marked = plain;
  for (ConlluSentence& s : marked)
    for (ConlluWord& w : s.words)
      if (w.upos == "NOUN") w.runner_up = "VERB";
  const auto model_bytes = [](const std::vector<ConlluSentence>& treebank, int format) {
    ParserTrainingOptions options;
    options.epochs = 5;
    options.feature_format = format;
    std::ostringstream bytes;
    DependencyParser::train(treebank, {}, options).save(bytes);
    return bytes.str();
  };
  EXPECT_NE(model_bytes(plain, 5), model_bytes(marked, 5));
  const std::string format4 = model_bytes(plain, 4);
  EXPECT_EQ(format4, model_bytes(marked, 4));
  std::istringstream in(format4);
  const DependencyParser parser = DependencyParser::load(in);
  for (std::size_t k = 0; k < plain.size(); ++k) EXPECT_EQ(parser.parse_words(plain[k].words), parser.parse_words(marked[k].words));
}

TEST(Parser, TrainsAndReloadsTheFormat3Templates) {
  // Format-3 models (the committed one among them) keep their own templates.
  ParserTrainingOptions options;
  options.epochs = 10;
  options.feature_format = 3;
  const DependencyParser old_format = DependencyParser::train(tiny_treebank(), {}, options);
  std::ostringstream bytes;
  old_format.save(bytes);
  ASSERT_GE(bytes.str().size(), 8u);
  std::uint32_t version = 0;
  std::memcpy(&version, bytes.str().data() + 4, 4);
  EXPECT_EQ(version, 3u);
  std::istringstream in(bytes.str());
  const DependencyParser loaded = DependencyParser::load(in);
  EXPECT_EQ(loaded.evaluate(tiny_treebank()).heads_correct, 13u);
  options.feature_format = 6;
  EXPECT_THROW((void)DependencyParser::train(tiny_treebank(), {}, options), std::invalid_argument);
}

TEST(Parser, RejectsBrokenModelFiles) {
  std::istringstream empty("");
  EXPECT_THROW(DependencyParser::load(empty), std::runtime_error);
  std::istringstream wrong("TPRC garbage");
  EXPECT_THROW(DependencyParser::load(wrong), std::runtime_error);
  const DependencyParser parser = DependencyParser::train(tiny_treebank(), {}, ParserTrainingOptions{.epochs = 2});
  std::ostringstream bytes;
  parser.save(bytes);
  const std::string full = bytes.str();
  for (const std::size_t cut : {std::size_t{5}, full.size() / 2, full.size() - 1}) {
    std::istringstream truncated(full.substr(0, cut));
    EXPECT_THROW(DependencyParser::load(truncated), std::runtime_error) << "cut at " << cut;
  }
}

TEST(Parser, AlwaysReturnsOneRootedTreeEvenOnOddInput) {
  const DependencyParser parser = DependencyParser::train(tiny_treebank(), {}, ParserTrainingOptions{.epochs = 3});
  EXPECT_TRUE(parser.parse_words(std::span<const std::string_view>{}, std::span<const TokenMorph>{}).empty());
  std::vector<std::string> storage;
  for (int i = 0; i < 3000; ++i) storage.push_back(i % 7 == 0 ? "\xff\xfe" : "w" + std::to_string(i % 13));
  std::vector<std::string_view> words(storage.begin(), storage.end());
  std::vector<TokenMorph> tags(words.size(), TokenMorph{Upos::X, "", "", {}});
  for (const std::size_t n : {std::size_t{1}, std::size_t{2}, words.size()}) {
    const auto arcs = parser.parse_words(std::span(words).first(n), std::span(tags).first(n));
    ASSERT_EQ(arcs.size(), n);
    int roots = 0;
    for (const Arc& a : arcs) {
      roots += a.head == -1;
      EXPECT_GE(a.head, -1);
      EXPECT_LT(a.head, static_cast<int>(n));
      EXPECT_EQ(a.head == -1, a.deprel == "root");
    }
    EXPECT_EQ(roots, 1);
  }
  EXPECT_THROW(parser.parse_words(std::span(words).first(2), std::span(tags).first(1)), std::invalid_argument);
}

// ---- SyntaxView over hand-made gold parses ----------------------------------

struct GoldParse {
  std::vector<std::string_view> words;
  std::vector<TokenMorph> tags;
  std::vector<Arc> arcs;
};

GoldParse gold_parse(std::string_view text, std::vector<int> heads1, std::vector<std::string> relations) {
  GoldParse g;
  g.words = split(text);
  g.tags.assign(g.words.size(), TokenMorph{});
  for (std::size_t i = 0; i < heads1.size(); ++i) g.arcs.push_back({heads1[i] - 1, relations[i]});
  return g;
}

TEST(SyntaxView, AnswersRoleQuestionsOnAGoldParse) {
  // Trump , who met Zelensky on Friday , later said the talks were productive .
  const GoldParse g = gold_parse("Trump , who met Zelensky on Friday , later said the talks were productive .",
                                 {10, 4, 4, 1, 4, 7, 4, 4, 10, 0, 12, 14, 14, 10, 10},
                                 {"nsubj", "punct", "nsubj", "acl:relcl", "obj", "case", "obl", "punct", "advmod",
                                  "root", "det", "nsubj", "cop", "ccomp", "punct"});
  const SyntaxView v(g.words, g.tags, g.arcs);
  const int trump = 0, who = 2, met = 3, zelensky = 4, friday = 6, said = 9, talks = 11, were = 12,
            productive = 13;
  EXPECT_EQ(v.head(who), met);
  EXPECT_EQ(v.subject(said), trump);
  EXPECT_EQ(v.subject(met), trump) << "the relative pronoun stands for the noun it modifies";
  EXPECT_EQ(v.object(met), zelensky);
  EXPECT_EQ(v.oblique(met, "on"), friday);
  EXPECT_EQ(v.oblique(met, "ON"), friday);
  EXPECT_EQ(v.oblique(met, "with"), -1);
  EXPECT_EQ(v.subject(productive), talks);
  EXPECT_EQ(v.subject(were), talks) << "asking from the copula climbs to the predicate";
  EXPECT_EQ(v.dependents(said), (std::vector<int>{trump, 8, productive, 14}));
  EXPECT_EQ(v.dependents(met, "obl"), std::vector<int>{friday});
  EXPECT_EQ(v.dependent(said, "ccomp"), productive);
  EXPECT_EQ(v.subtree_range(trump), (std::pair<int, int>{0, 8}));
  EXPECT_EQ(v.preposition(friday), "on");
}

TEST(SyntaxView, AnOpeningParticipleClauseHasTheMainSubject) {
  GoldParse g = gold_parse("Born in Lima , Ruiz studied economics .", {6, 3, 1, 1, 6, 0, 6, 6},
                           {"advcl", "case", "obl", "punct", "nsubj", "root", "obj", "punct"});
  g.tags[0].upos = Upos::VERB;
  const SyntaxView v(g.words, g.tags, g.arcs);
  EXPECT_EQ(v.subject(0), 4);
  // marked by a preposition, it is no participle clause about the subject
  GoldParse marked = gold_parse("After meeting Lee , Ruiz left .", {2, 6, 2, 2, 6, 0, 6},
                                {"mark", "advcl", "obj", "punct", "nsubj", "root", "punct"});
  marked.tags[1].upos = Upos::VERB;
  EXPECT_EQ(SyntaxView(marked.words, marked.tags, marked.arcs).subject(1), -1);
  // a participle inside a phrase the parse hung on it does not open a clause
  GoldParse inside = gold_parse("Under the agreement reached , a board will replace it .",
                                {3, 3, 4, 9, 9, 7, 9, 9, 0, 9, 9},
                                {"case", "det", "obl", "advcl", "punct", "det", "nsubj", "aux", "root", "obj", "punct"});
  inside.tags[3].upos = Upos::VERB;
  inside.tags[4].upos = Upos::PUNCT;
  EXPECT_EQ(SyntaxView(inside.words, inside.tags, inside.arcs).subject(3), -1);
}

TEST(SyntaxView, NominalHeadsConjunctsAppositionsAndMultiwordPrepositions) {
  // Zelensky , Ukraine 's president , and Trump met at the White House because of the war .
  const GoldParse g = gold_parse(
      "Zelensky , Ukraine 's president , and Trump met at the White House because of the war .",
      {9, 5, 5, 3, 1, 8, 8, 1, 0, 13, 13, 13, 9, 17, 14, 17, 9, 9},
      {"nsubj", "punct", "nmod:poss", "case", "appos", "punct", "cc", "conj", "root", "case", "det", "compound",
       "obl", "case", "fixed", "det", "obl", "punct"});
  const SyntaxView v(g.words, g.tags, g.arcs);
  const int zelensky = 0, president = 4, trump = 7, met = 8, the = 10, white = 11, house = 12, war = 16;
  EXPECT_EQ(v.subject(met), zelensky);
  EXPECT_EQ(v.conjuncts(trump), (std::vector<int>{zelensky, trump}));
  EXPECT_EQ(v.conjuncts(zelensky), (std::vector<int>{zelensky, trump}));
  EXPECT_EQ(v.appositions(president), (std::vector<int>{zelensky, president}));
  EXPECT_EQ(v.expand(zelensky), (std::vector<int>{zelensky, president, trump}));
  EXPECT_EQ(v.nominal_head(white), house);
  EXPECT_EQ(v.nominal_head(the), house);
  EXPECT_EQ(v.nominal_head(2), 2) << "a possessor is a nominal of its own";
  EXPECT_EQ(v.phrase_head(10, 13), house);
  EXPECT_EQ(v.oblique(met, "at"), house);
  EXPECT_EQ(v.oblique(met, "because of"), war);
  EXPECT_EQ(v.preposition(house), "at");
  EXPECT_EQ(v.is(war, "obl"), true);
  EXPECT_EQ(v.is(war, "obl:tmod"), false);
}

TEST(SyntaxView, OfTwoSubjectsTheNameRightBeforeThePredicate) {
  // Two subjects are a parse error; the name with nothing between it and
  // the first is the subject, the first its modifier cut off.
  const auto parse = [](std::string_view text, std::vector<int> heads1, std::vector<std::string> relations,
                        std::vector<Upos> upos) {
    GoldParse g = gold_parse(text, std::move(heads1), std::move(relations));
    for (std::size_t i = 0; i < upos.size(); ++i) g.tags[i].upos = upos[i];
    return g;
  };
  constexpr Upos N = Upos::PROPN, V = Upos::VERB, P = Upos::PUNCT;
  const GoldParse headline = parse("Norvik Motors co-founder Ada Lind dies", {6, 1, 6, 3, 3, 0},
                                   {"nsubj", "flat", "nsubj", "flat", "flat", "root"}, {N, N, N, N, N, V});
  EXPECT_EQ(SyntaxView(headline.words, headline.tags, headline.arcs).subject(5), 2);
  // After a comma the second is an apposition ...
  const GoldParse apposed = parse("Steve Jobs , the chief executive , resigned", {8, 1, 6, 6, 6, 8, 6, 0},
                                  {"nsubj", "flat", "punct", "det", "amod", "nsubj", "punct", "root"},
                                  {N, N, P, Upos::DET, Upos::ADJ, Upos::NOUN, P, V});
  EXPECT_EQ(SyntaxView(apposed.words, apposed.tags, apposed.arcs).subject(7), 0);
  // ... and a day name a time.
  const GoldParse today = parse("Apple Today has introduced", {4, 4, 4, 0}, {"nsubj", "nsubj", "aux", "root"},
                                {N, N, Upos::AUX, V});
  EXPECT_EQ(SyntaxView(today.words, today.tags, today.arcs).subject(3), 0);
}

TEST(SyntaxView, SurvivesMalformedParses) {
  std::vector<std::string_view> words = {"a", "b", "c"};
  std::vector<TokenMorph> tags(3);
  std::vector<Arc> cycle = {{1, "conj"}, {2, "conj"}, {0, "conj"}};
  const SyntaxView v(words, tags, cycle);
  EXPECT_LE(v.conjuncts(0).size(), 3u);
  EXPECT_EQ(v.subject(0), -1);
  std::vector<Arc> out_of_range = {{7, "nsubj"}, {-5, "root"}, {1, "obj"}};
  const SyntaxView w(words, tags, out_of_range);
  EXPECT_EQ(w.head(0), -1);
  EXPECT_EQ(w.dependents(-1).size(), 0u);
  EXPECT_EQ(w.nominal_head(99), 99);
}

// ---- the committed models ------------------------------------------------------

struct Models {
  std::optional<PosTagger> tagger;
  std::optional<DependencyParser> parser;
};

// The committed tagger and parser, or a skip message when one is missing.
std::string load_models(Models& m) {
  const auto dir = data_dir() / "models";  // $TEMPORA_HOME/models, else the source tree's
  if (!std::filesystem::exists(dir / "parser-en-ewt.bin")) return "models/parser-en-ewt.bin not present";
  if (!std::filesystem::exists(dir / "pos-en-ewt.bin")) return "models/pos-en-ewt.bin (POS tagger) not present";
  m.tagger = PosTagger::load(dir / "pos-en-ewt.bin");
  m.parser = DependencyParser::load(dir / "parser-en-ewt.bin");
  return {};
}

struct Parsed {
  std::vector<std::string_view> words;
  std::vector<TokenMorph> tags;
  std::vector<Arc> arcs;
  SyntaxView view() const { return SyntaxView(words, tags, arcs); }
};

Parsed parse(const Models& m, std::string_view text) {
  Parsed p;
  p.words = split(text);
  p.tags = m.tagger->tag_words(p.words);
  p.arcs = m.parser->parse_words(p.words, p.tags);
  return p;
}

std::string describe(const Parsed& p) {
  std::ostringstream out;
  write_conllu(out, p.words, p.tags, p.arcs);
  return out.str();
}

TEST(CommittedModel, ZelenskyMetWithTrump) {
  Models m;
  if (const auto why = load_models(m); !why.empty()) GTEST_SKIP() << why;
  const Parsed p = parse(m, "Zelensky met with Trump on Friday .");
  const SyntaxView v = p.view();
  const int met = index_of(p.words, "met");
  EXPECT_EQ(v.head(met), -1) << describe(p);
  EXPECT_EQ(v.subject(met), index_of(p.words, "Zelensky")) << describe(p);
  EXPECT_EQ(v.oblique(met, "with"), index_of(p.words, "Trump")) << describe(p);
  EXPECT_EQ(v.oblique(met, "on"), index_of(p.words, "Friday")) << describe(p);
  EXPECT_EQ(v.object(met), -1) << describe(p);
}

TEST(CommittedModel, RelativeClauseAndReportedSpeech) {
  Models m;
  if (const auto why = load_models(m); !why.empty()) GTEST_SKIP() << why;
  const Parsed p = parse(m, "Trump , who met Zelensky on Friday , later said the talks were productive .");
  const SyntaxView v = p.view();
  const int met = index_of(p.words, "met");
  EXPECT_EQ(v.object(met), index_of(p.words, "Zelensky")) << describe(p);
  EXPECT_EQ(v.oblique(met, "on"), index_of(p.words, "Friday")) << describe(p);
  EXPECT_TRUE(v.is(met, "acl:relcl")) << describe(p);
  EXPECT_EQ(v.subject(met), index_of(p.words, "Trump")) << "the relative pronoun stands for its noun\n" << describe(p);
  EXPECT_EQ(v.subject(index_of(p.words, "productive")), index_of(p.words, "talks")) << describe(p);
}

// The greedy parser attaches "said" inside the relative clause (advcl of
// "met") and leaves "Trump" as the root; the tree repair
// (src/parse/tree_repair.cpp) gives "said" back its place and its subject.
TEST(CommittedModel, RelativeClauseAttachesToItsNoun) {
  Models m;
  if (const auto why = load_models(m); !why.empty()) GTEST_SKIP() << why;
  const Parsed p = parse(m, "Trump , who met Zelensky on Friday , later said the talks were productive .");
  const SyntaxView v = p.view();
  const int trump = index_of(p.words, "Trump"), said = index_of(p.words, "said");
  EXPECT_EQ(v.head(said), -1) << describe(p);
  EXPECT_EQ(v.subject(said), trump) << describe(p);
}

TEST(CommittedModel, MeetingTookPlaceAtTheWhiteHouse) {
  Models m;
  if (const auto why = load_models(m); !why.empty()) GTEST_SKIP() << why;
  const Parsed p = parse(m, "The meeting between the two presidents took place at the White House .");
  const SyntaxView v = p.view();
  const int meeting = index_of(p.words, "meeting"), took = index_of(p.words, "took"),
            house = index_of(p.words, "House");
  EXPECT_EQ(v.subject(took), meeting) << describe(p);
  EXPECT_EQ(v.object(took), index_of(p.words, "place")) << describe(p);
  EXPECT_EQ(v.oblique(took, "at"), house) << describe(p);
  EXPECT_EQ(v.nominal_head(index_of(p.words, "White")), house) << describe(p);
}

// A known error (see above): "between" is taken for a subordinator.
// A main verb the tagger reads as a participle (VBN) hangs deep in the
// subject or leaves its that-clause to a date; the sentence is parsed again
// with the verb read as a past tense (tree_repair.cpp, 19). A caption's
// participle, with no object or clause, stays a participle.
TEST(CommittedModel, APastTenseReadAsAParticipleIsParsedAgain) {
  Models m;
  if (const auto why = load_models(m); !why.empty()) GTEST_SKIP() << why;
  const Parsed sued = parse(m, "The department and a group of states sued Google in January 2023 .");
  const SyntaxView v = sued.view();
  const int verb = index_of(sued.words, "sued");
  EXPECT_EQ(v.head(verb), -1) << describe(sued);
  EXPECT_EQ(v.subject(verb), index_of(sued.words, "department")) << describe(sued);
  EXPECT_EQ(v.object(verb), index_of(sued.words, "Google")) << describe(sued);

  const Parsed ruled = parse(m, "A separate judge ruled in August that Google illegally monopolized online search .");
  const SyntaxView r = ruled.view();
  const int rule = index_of(ruled.words, "ruled"), monopolized = index_of(ruled.words, "monopolized");
  EXPECT_EQ(r.head(rule), -1) << describe(ruled);
  EXPECT_EQ(r.subject(rule), index_of(ruled.words, "judge")) << describe(ruled);
  EXPECT_EQ(r.head(monopolized), rule) << describe(ruled);
  EXPECT_TRUE(r.is(monopolized, "ccomp")) << describe(ruled);

  const Parsed caption = parse(m, "Protesters arrested in Moscow on Sunday .");
  EXPECT_TRUE(caption.view().is(index_of(caption.words, "arrested"), "acl")) << describe(caption);
}

TEST(CommittedModel, MeetingBetweenThePresidents) {
  Models m;
  if (const auto why = load_models(m); !why.empty()) GTEST_SKIP() << why;
  const Parsed p = parse(m, "The meeting between the two presidents took place at the White House .");
  const SyntaxView v = p.view();
  EXPECT_EQ(v.oblique(index_of(p.words, "meeting"), "between"), index_of(p.words, "presidents")) << describe(p);
}

TEST(CommittedModel, ParsesADocumentIntoItsDependenciesLayer) {
  Models m;
  if (const auto why = load_models(m); !why.empty()) GTEST_SKIP() << why;
  const Segmenter segmenter = Segmenter::load();
  Document doc("Zelensky met with Trump on Friday. The two leaders signed a deal.");
  segmenter.segment(doc);
  m.tagger->tag(doc);
  const Dependencies& deps = m.parser->parse(doc);
  const auto& seg = doc.get<Segmentation>();
  ASSERT_EQ(deps.head.size(), seg.tokens.size());
  ASSERT_EQ(seg.sentences.size(), 2u);
  for (const Sentence& s : seg.sentences) {
    int roots = 0;
    for (std::uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
      if (deps.head[i] == -1) {
        ++roots;
        continue;
      }
      EXPECT_GE(deps.head[i], static_cast<int>(s.first_token)) << "heads stay in their sentence";
      EXPECT_LT(deps.head[i], static_cast<int>(s.first_token + s.token_count));
    }
    EXPECT_EQ(roots, 1);
  }
  const SyntaxView v(doc);
  int met = -1, signed_ = -1;
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    if (doc.text(seg.tokens[i].span) == "met") met = static_cast<int>(i);
    if (doc.text(seg.tokens[i].span) == "signed") signed_ = static_cast<int>(i);
  }
  ASSERT_GE(met, 0);
  ASSERT_GE(signed_, 0);
  EXPECT_EQ(v.word(v.subject(met)), "Zelensky");
  EXPECT_EQ(v.word(v.oblique(met, "with")), "Trump");
  EXPECT_EQ(v.word(v.subject(signed_)), "leaders");
  EXPECT_EQ(v.word(v.object(signed_)), "deal");
  EXPECT_THROW(m.parser->parse(doc), std::logic_error) << "a second Dependencies layer is a logic error";
}

TEST(CommittedModel, DevScoresWithGoldTags) {
  TEMPORA_REQUIRE_SHARED(shared);
  const auto model = data_dir() / "models/parser-en-ewt.bin";
  if (!std::filesystem::exists(model)) GTEST_SKIP() << "models/parser-en-ewt.bin not present";
  const DependencyParser parser = DependencyParser::load(model);
  const AttachmentScores s = parser.evaluate(read_conllu(shared / "data/ud-ewt/en_ewt-ud-dev.conllu"));
  EXPECT_GT(s.uas(), 85.0);
  EXPECT_GT(s.las(), 82.0);
}

}  // namespace
}  // namespace tempora

namespace tempora {
namespace {

std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  while (const std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  pclose(pipe);
  return output;
}

TEST(Cli, ParsePrintsConlluAndEvalDepsPrintsScores) {
  Models m;
  if (const auto why = load_models(m); !why.empty()) GTEST_SKIP() << why;
  const auto file = std::filesystem::temp_directory_path() / "tempora_parse_cli_test.txt";
  {
    std::ofstream out(file);
    out << "Zelensky met with Trump on Friday. The two leaders signed a deal.\n";
  }
  const std::string env = "TEMPORA_HOME=" + data_dir().string() + " ";
  std::istringstream conllu(run(env + testing::cli_path() + " parse " + file.string()));
  const auto sentences = read_conllu(conllu);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].words[1].form, "met");
  EXPECT_EQ(sentences[0].words[1].head, 0);
  EXPECT_EQ(sentences[0].words[0].deprel, "nsubj");
  std::filesystem::remove(file);

  TEMPORA_REQUIRE_SHARED(shared);
  const std::string scores = run(env + testing::cli_path() + " eval deps --gold-pos --conllu " +
                                 (shared / "data/ud-ewt/en_ewt-ud-dev.conllu").string());
  EXPECT_NE(scores.find("UAS"), std::string::npos) << scores;
  EXPECT_NE(scores.find("LAS"), std::string::npos) << scores;
}

}  // namespace
}  // namespace tempora
