// Family name first or last: the syllable test against names it must tell apart.
#include "actor/name_order.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace tempora::detail {
namespace {

const NameOrder& order() {
  static const NameOrder o = NameOrder::load(testing::source_dir() / "resources/actor/family_names.txt");
  return o;
}

bool family_first(std::string_view name) {
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at <= name.size();) {
    const std::size_t space = std::min(name.find(' ', at), name.size());
    words.push_back(name.substr(at, space - at));
    at = space + 1;
  }
  return order().family_name_first(words);
}

TEST(NameOrder, ChineseAndKoreanNamesPutTheFamilyNameFirst) {
  for (const char* name : {"Xi Jinping", "Wang Yi", "Li Qiang", "Kim Jong Un", "Lee Jae-myung", "Yoon Suk-yeol",
                           "Ban Ki-moon", "Lee Hsien Loong", "Tsai Ing-wen", "Lai Ching-te", "Moon Jae-in", "Kim Yo Jong"})
    EXPECT_TRUE(family_first(name)) << name;
}

TEST(NameOrder, OtherNamesDoNot) {
  for (const char* name : {"Lee Anderson", "Kim Kardashian", "Kim Novak", "Lee Child", "Lee Marvin", "Takeshi Iwaya",
                           "Nguyen Phu Trong", "Volodymyr Zelensky", "Xi", "Wang Yi Ming Hua", "Kim Stanley"})
    EXPECT_FALSE(family_first(name)) << name;
}

TEST(NameOrder, ABadListLineNamesTheFileAndLine) {
  const auto file = std::filesystem::temp_directory_path() / "tempora-family-names-test.txt";
  {
    std::ofstream out(file);
    out << "family Wang\nsyllable ba\n";
  }
  try {
    NameOrder::load(file);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(":2:"), std::string::npos) << e.what();
  }
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace tempora::detail
