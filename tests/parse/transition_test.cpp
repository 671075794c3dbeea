// The arc-hybrid system and its oracles (src/parse/transition.hpp).
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "parse/transition.hpp"
#include "tempora/conllu.hpp"
#include "test_support.hpp"

namespace tempora::detail {
namespace {

// heads[0] unused; heads[i] is word i's head (0 = ROOT).
std::vector<int> parse_with_static_oracle(const std::vector<int>& gold) {
  ParseState st;
  st.reset(static_cast<int>(gold.size()) - 1);
  int steps = 0;
  while (!st.terminal() && steps < 10 * static_cast<int>(gold.size())) {
    const Move m = static_oracle(st, gold);
    EXPECT_TRUE(st.valid(m));
    st.apply(m, 0);
    ++steps;
  }
  EXPECT_EQ(steps, 2 * (static_cast<int>(gold.size()) - 1));
  std::vector<int> heads = st.head;
  heads[0] = 0;
  return heads;
}

std::vector<std::vector<int>> treebank_trees(const std::filesystem::path& file) {
  std::vector<std::vector<int>> trees;
  for (const ConlluSentence& s : read_conllu(file)) {
    std::vector<int> heads(s.words.size() + 1, 0);
    for (std::size_t i = 0; i < s.words.size(); ++i) heads[i + 1] = s.words[i].head;
    trees.push_back(std::move(heads));
  }
  return trees;
}

struct Random {
  std::uint64_t state = 42;
  std::uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
};

TEST(ArcHybrid, StaticOracleReproducesASmallProjectiveTree) {
  // "Zelensky met with Trump on Friday ." : met is the root.
  const std::vector<int> gold = {0, 2, 0, 4, 2, 6, 2, 2};
  ASSERT_TRUE(is_projective(gold));
  ASSERT_TRUE(is_single_rooted_tree(gold));
  EXPECT_EQ(parse_with_static_oracle(gold), gold);
}

TEST(ArcHybrid, RandomValidTransitionsAlwaysGiveOneRootedTreeIn2nSteps) {
  Random random;
  for (int n = 1; n <= 30; ++n) {
    for (int trial = 0; trial < 20; ++trial) {
      ParseState st;
      st.reset(n);
      int steps = 0;
      while (!st.terminal()) {
        std::vector<Move> valid;
        for (const Move m : {Move::shift, Move::left, Move::right})
          if (st.valid(m)) valid.push_back(m);
        ASSERT_FALSE(valid.empty()) << "a non-terminal state always has a valid transition";
        st.apply(valid[random.next() % valid.size()], 0);
        ++steps;
      }
      EXPECT_EQ(steps, 2 * n);
      std::vector<int> heads = st.head;
      heads[0] = 0;
      EXPECT_TRUE(is_single_rooted_tree(heads));
      EXPECT_TRUE(is_projective(heads));
    }
  }
}

TEST(ArcHybrid, ProjectivizeLiftsToAncestors) {
  // 1 <- 3, 2 <- 4 crossing: word 4 heads word 2 across word 3's arc.
  //   heads: 1->3, 2->4, 3->0, 4->1  (arc 1->4 covers 2,3; 3 is not under 1)
  std::vector<int> heads = {0, 3, 4, 0, 1};
  ASSERT_TRUE(is_single_rooted_tree(heads));
  ASSERT_FALSE(is_projective(heads));
  const std::vector<int> original = heads;
  EXPECT_GT(projectivize(heads), 0);
  EXPECT_TRUE(is_projective(heads));
  EXPECT_TRUE(is_single_rooted_tree(heads));
  // Every new head is an ancestor of the original head.
  for (std::size_t d = 1; d < heads.size(); ++d) {
    int k = original[d];
    bool found = false;
    for (int steps = 0; steps < 10 && !found; ++steps) {
      if (k == heads[d]) found = true;
      if (k == 0) break;
      k = original[static_cast<std::size_t>(k)];
    }
    EXPECT_TRUE(found || heads[d] == 0) << "word " << d;
  }
}

TEST(ArcHybrid, StaticOracleReproducesEveryProjectiveTreeOfTheTreebank) {
  TEMPORA_REQUIRE_SHARED(shared);
  std::size_t checked = 0, projectivized = 0;
  for (std::vector<int> gold : treebank_trees(shared / "data/ud-ewt/en_ewt-ud-train.conllu")) {
    ASSERT_TRUE(is_single_rooted_tree(gold));
    if (!is_projective(gold)) {
      projectivize(gold);
      ASSERT_TRUE(is_projective(gold));
      ASSERT_TRUE(is_single_rooted_tree(gold));
      ++projectivized;
    }
    ASSERT_EQ(parse_with_static_oracle(gold), gold);
    ++checked;
  }
  EXPECT_EQ(checked, 12544u);
  EXPECT_GT(projectivized, 0u);
}

// Arc-decomposability in practice: along any path of transitions, the costs
// the dynamic oracle charges add up to the gold arcs the final tree misses,
// and zero-cost transitions exist until the end of an error-free path.
TEST(ArcHybrid, DynamicOracleCostsAddUpToLostArcs) {
  TEMPORA_REQUIRE_SHARED(shared);
  Random random;
  std::size_t sentences = 0;
  for (std::vector<int> gold : treebank_trees(shared / "data/ud-ewt/en_ewt-ud-dev.conllu")) {
    if (++sentences > 600) break;
    projectivize(gold);
    for (int trial = 0; trial < 3; ++trial) {
      ParseState st;
      st.reset(static_cast<int>(gold.size()) - 1);
      int total_cost = 0;
      while (!st.terminal()) {
        std::vector<Move> valid, free;
        for (const Move m : {Move::shift, Move::left, Move::right})
          if (st.valid(m)) {
            valid.push_back(m);
            if (transition_cost(st, m, gold) == 0) free.push_back(m);
          }
        // Mostly follow a zero-cost transition, sometimes a random one.
        const bool wander = random.next() % 5 == 0 || free.empty();
        const Move m = wander ? valid[random.next() % valid.size()] : free[random.next() % free.size()];
        total_cost += transition_cost(st, m, gold);
        st.apply(m, 0);
      }
      int lost = 0;
      for (std::size_t d = 1; d < gold.size(); ++d) lost += st.head[d] != gold[d];
      EXPECT_EQ(total_cost, lost) << "sentence " << sentences;
    }
  }
}

}  // namespace
}  // namespace tempora::detail
