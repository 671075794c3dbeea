#include "tag/huge_page_allocator.hpp"

#include <cstdint>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

namespace tempora::detail {
namespace {

TEST(HugePageAllocator, LargeTablesStartOnAHugePageAndHoldTheirValues) {
  std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> table(1 << 19);  // 4 MB
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(table.data()) % HugePageAllocator<std::uint64_t>::kHugePage, 0u);
  std::iota(table.begin(), table.end(), std::uint64_t{0});
  EXPECT_EQ(table[12345], 12345u);
  table.resize(table.size() * 2);  // reallocation keeps the values
  EXPECT_EQ(table[(1 << 19) - 1], (1u << 19) - 1);
}

TEST(HugePageAllocator, SmallAndEmptyTablesWork) {
  std::vector<int, HugePageAllocator<int>> small{1, 2, 3};
  EXPECT_EQ(small[2], 3);
  std::vector<int, HugePageAllocator<int>> empty;
  empty.reserve(0);
  EXPECT_TRUE(empty.empty());
}

}  // namespace
}  // namespace tempora::detail
