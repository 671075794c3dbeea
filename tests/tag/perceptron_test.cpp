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
