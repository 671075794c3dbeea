// ActorKeys: the cross-document key of an actor's name.
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tempora/actor.hpp"
#include "test_support.hpp"

namespace tempora {
namespace {

const ActorKeys& keys() {
  static const ActorKeys k = ActorKeys::load(testing::source_dir() / "resources/actor");
  return k;
}

TEST(ActorKeys, FoldsCaseAndDiacritics) {
  EXPECT_EQ(keys().key("Volodymyr Zelensky"), "volodymyr zelensky");
  EXPECT_EQ(keys().key("VOLODYMYR ZELENSKY"), "volodymyr zelensky");
  EXPECT_EQ(keys().key("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
  EXPECT_EQ(keys().key("François Hollande"), "francois hollande");
  EXPECT_EQ(keys().key("Lars Løkke Rasmussen"), "lars lokke rasmussen");
  EXPECT_EQ(keys().key("Lech Wałęsa"), "lech walesa");
  EXPECT_EQ(keys().key("Angela Merkel"), keys().key("ANGELA  MERKEL"));
}

TEST(ActorKeys, TransliterationVariantsShareOneKey) {
  const std::string zelensky = keys().key("Volodymyr Zelensky");
  EXPECT_EQ(keys().key("Volodymyr Zelenskyy"), zelensky);
  EXPECT_EQ(keys().key("Volodymyr Zelenskiy"), zelensky);
  EXPECT_EQ(keys().key("Volodymyr Zelenski"), zelensky);
  EXPECT_EQ(keys().key("Zelenskyy"), "zelensky");
  EXPECT_EQ(keys().key("Kiev"), keys().key("Kyiv"));
  EXPECT_EQ(keys().key("Kharkov"), "kharkiv");
  EXPECT_EQ(keys().key("Vladimir Putin"), "vladimir putin");
  // Whole words only: "Kievan" is not "Kyiv" + "an".
  EXPECT_EQ(keys().key("Kievan Rus"), "kievan rus");
  // A short form for several words only where a modifier stands, first.
  EXPECT_EQ(keys().key("UN"), "united nations");
  EXPECT_EQ(keys().key("UN Security Council"), "united nations security council");
  EXPECT_EQ(keys().key("Kim Jong Un"), "kim jong un");
}

TEST(ActorKeys, DropsTitlesHonorificsPunctuationAndSuffixes) {
  EXPECT_EQ(keys().key("President Trump"), "trump");
  EXPECT_EQ(keys().key("President Donald J. Trump"), "donald trump");
  EXPECT_EQ(keys().key("Prime Minister Anders Holm"), "anders holm");
  EXPECT_EQ(keys().key("Dr. Ilse Brandt"), "ilse brandt");
  EXPECT_EQ(keys().key("Gov. Petra Lind"), "petra lind");
  EXPECT_EQ(keys().key("Mr. O'Brien"), "obrien");
  EXPECT_EQ(keys().key("Martin Luther King Jr."), "martin luther king");
  EXPECT_EQ(keys().key("Trump's"), "trump");
  EXPECT_EQ(keys().key("Trump’s"), "trump");
  EXPECT_EQ(keys().key("the White House"), "white house");
  EXPECT_EQ(keys().key("Jean-Claude Juncker"), "jean claude juncker");
  // A title alone is kept: there is nothing else to key on.
  EXPECT_EQ(keys().key("the President"), "president");
}

TEST(ActorKeys, ShortFormsOfPlaces) {
  EXPECT_EQ(keys().key("U.S."), "united states");
  EXPECT_EQ(keys().key("the United States"), "united states");
  EXPECT_EQ(keys().key("USA"), "united states");
  EXPECT_EQ(keys().key("U.K."), "united kingdom");
}

TEST(ActorKeys, MayReferTo) {
  EXPECT_TRUE(keys().may_refer_to("Zelensky", "Volodymyr Zelensky"));
  EXPECT_TRUE(keys().may_refer_to("Zelenskyy", "Volodymyr Zelensky"));
  EXPECT_TRUE(keys().may_refer_to("President Trump", "Donald Trump"));
  EXPECT_TRUE(keys().may_refer_to("Donald Trump", "Donald John Trump"));
  EXPECT_TRUE(keys().may_refer_to("Volodymyr Zelensky", "Volodymyr Zelensky"));
  EXPECT_TRUE(keys().may_refer_to("NBC", "NBC News"));
  EXPECT_TRUE(keys().may_refer_to("UN", "United Nations"));
  EXPECT_TRUE(keys().may_refer_to("U.S.", "United States"));
  EXPECT_TRUE(keys().may_refer_to("Continental", "Continental Newswire") == false);
  EXPECT_TRUE(keys().may_refer_to("Tim Cook", "Timothy D. Cook"));  // a short form of the given name
  EXPECT_TRUE(keys().may_refer_to("Steve Jobs", "Steven Jobs"));
  EXPECT_FALSE(keys().may_refer_to("Tom Cook", "Timothy D. Cook"));
  EXPECT_FALSE(keys().may_refer_to("Tim Cook", "Timothy D. Crook"));
  EXPECT_FALSE(keys().may_refer_to("Volodymyr", "Volodymyr Zelensky"));  // a first name alone is not enough
  EXPECT_FALSE(keys().may_refer_to("Trump", "Volodymyr Zelensky"));
  EXPECT_FALSE(keys().may_refer_to("Volodymyr Zelensky", "Zelensky"));  // longer never refers to shorter
  EXPECT_FALSE(keys().may_refer_to("", "Zelensky"));
  EXPECT_FALSE(keys().may_refer_to("Zelensky", ""));
}

TEST(ActorKeys, BadInputGivesAKeyWithoutCrashing) {
  EXPECT_EQ(keys().key(""), "");
  EXPECT_EQ(keys().key("..."), "");
  EXPECT_EQ(keys().key("\xff\xfe Zelensky \xc3"), "zelensky");
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>(i * 7919 % 256));
  (void)keys().key(binary);
  (void)keys().may_refer_to(binary, binary);
  const std::string huge(1 << 20, 'a');
  EXPECT_EQ(keys().key(huge).size(), huge.size());
}

TEST(ActorKeys, OneTableServesManyThreads) {
  std::vector<std::thread> threads;
  std::vector<std::string> results(4);
  for (std::size_t t = 0; t < results.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) results[t] = keys().key("Präsident Wolodymyr Selenskyj");
    });
  for (auto& thread : threads) thread.join();
  for (const auto& r : results) EXPECT_EQ(r, results.front());
}

TEST(ActorKeys, RejectsMalformedDataFiles) {
  EXPECT_THROW(ActorKeys::load(testing::source_dir() / "no-such-dir"), std::runtime_error);
}

}  // namespace
}  // namespace tempora
