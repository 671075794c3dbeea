#include "tempora/perceptron.hpp"

#include <sstream>

#include <gtest/gtest.h>

namespace tempora {
namespace {

// Three classes, each signalled by one feature; a fourth feature is noise.
std::vector<std::uint64_t> example(int cls) {
  return {FeatureHasher::feature(1, static_cast<std::uint64_t>(cls)), FeatureHasher::feature(2, 0)};
}

AveragedPerceptron trained() {
  AveragedPerceptron p({"a", "b", "c"});
  for (int epoch = 0; epoch < 5; ++epoch)
    for (int cls = 0; cls < 3; ++cls) p.update(cls, p.predict(example(cls)), example(cls));
  p.average();
  return p;
}

TEST(AveragedPerceptron, LearnsSeparableClasses) {
  const AveragedPerceptron p = trained();
  for (int cls = 0; cls < 3; ++cls) EXPECT_EQ(p.predict(example(cls)), cls);
  EXPECT_EQ(p.class_index("b"), 1);
  EXPECT_EQ(p.class_index("zzz"), -1);
}

TEST(AveragedPerceptron, AllowedMaskRestrictsChoice) {
  const AveragedPerceptron p = trained();
  const bool allowed[] = {true, false, true};
  EXPECT_NE(p.predict(example(1), allowed), 1);
}

TEST(AveragedPerceptron, UnknownFeaturesScoreZero) {
  const AveragedPerceptron p = trained();
  std::vector<float> scores(3);
  const std::uint64_t unseen[] = {12345};
  p.score(unseen, scores);
  EXPECT_EQ(scores, std::vector<float>({0, 0, 0}));
}

TEST(AveragedPerceptron, SaveLoadRoundTripIsExact) {
  const AveragedPerceptron p = trained();
  std::stringstream first;
  p.save(first);
  const AveragedPerceptron q = AveragedPerceptron::load(first);
  std::stringstream second;
  q.save(second);
  EXPECT_EQ(first.str(), second.str());
  for (int cls = 0; cls < 3; ++cls) EXPECT_EQ(q.predict(example(cls)), cls);
}

TEST(AveragedPerceptron, MeanScoresAsTheAverageOfItsModels) {
  // Two models that disagree on feature 3: the mean's scores are the average of theirs.
  AveragedPerceptron a({"a", "b", "c"}), b({"a", "b", "c"});
  const std::vector<std::uint64_t> f{FeatureHasher::feature(3, 0)};
  a.update(0, 1, f);
  a.update(0, 0, f);  // a step without a mistake, so the averaged weights are not zero
  b.update(2, 1, f);
  b.update(2, 2, f);
  a.average();
  b.average();
  std::vector<AveragedPerceptron> models;
  models.push_back(std::move(a));
  models.push_back(std::move(b));
  const AveragedPerceptron mean = AveragedPerceptron::mean(models);
  std::vector<float> sa(3), sb(3), sm(3);
  models[0].score(f, sa);
  models[1].score(f, sb);
  mean.score(f, sm);
  EXPECT_GT(sa[0], 0.0f);
  EXPECT_GT(sb[2], 0.0f);
  for (int c = 0; c < 3; ++c) EXPECT_FLOAT_EQ(sm[c], (sa[c] + sb[c]) / 2) << c;
  EXPECT_EQ(mean.predict(f), 0);  // classes 0 and 2 tie; ties go to the lowest index
  std::stringstream saved;
  mean.save(saved);
  EXPECT_EQ(AveragedPerceptron::load(saved).predict(f), 0);
  AveragedPerceptron untrained({"a", "b", "c"});
  std::vector<AveragedPerceptron> unaveraged;
  unaveraged.push_back(std::move(untrained));
  EXPECT_THROW(AveragedPerceptron::mean(unaveraged), std::invalid_argument);
}

TEST(AveragedPerceptron, MeanPrunesItsMergedWeights) {
  // Two models with the same averaged weight w on one feature: their mean
  // is w, kept by a threshold just below it and dropped by one just above.
  AveragedPerceptron a({"a", "b"}), b({"a", "b"});
  const std::vector<std::uint64_t> f{FeatureHasher::feature(1, 0)};
  for (AveragedPerceptron* m : {&a, &b}) {
    m->update(0, 1, f);
    m->update(0, 0, f);
    m->average();
  }
  std::vector<float> w(2);
  a.score(f, w);
  ASSERT_GT(w[0], 0.0f);
  std::vector<AveragedPerceptron> models;
  models.push_back(std::move(a));
  models.push_back(std::move(b));
  std::vector<float> kept(2);
  AveragedPerceptron::mean(models, w[0] * 0.9f).score(f, kept);
  EXPECT_FLOAT_EQ(kept[0], w[0]);
  EXPECT_EQ(AveragedPerceptron::mean(models, w[0] * 1.1f).feature_count(), 0u);
}

TEST(AveragedPerceptron, CorruptModelsGiveClearErrors) {
  std::stringstream garbage("not a model at all");
  EXPECT_THROW(AveragedPerceptron::load(garbage), std::runtime_error);
  std::stringstream full;
  trained().save(full);
  std::string bytes = full.str();
  std::stringstream truncated(bytes.substr(0, bytes.size() / 2));
  EXPECT_THROW(AveragedPerceptron::load(truncated), std::runtime_error);
}

TEST(AveragedPerceptron, CannotTrainAfterAveraging) {
  AveragedPerceptron p = trained();
  EXPECT_THROW(p.update(0, 1, example(0)), std::logic_error);
}

}  // namespace
}  // namespace tempora
