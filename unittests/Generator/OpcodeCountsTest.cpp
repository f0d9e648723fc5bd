#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Random.h"
#include "gtest/gtest.h"
#include <map>

using namespace snipgen;

// BasicBlock::PrimaryOpcodes counts like the std::map it replaced and
// iterates in opcode order (-verify-gen-histogram's table follows it).
TEST(OpcodeCountsTest, CountsLikeAMap) {
  OpcodeCounts C;
  std::map<unsigned, uint64_t> Want;
  EXPECT_TRUE(C.empty());
  RandomEngine R(5);
  for (int I = 0; I < 20000; ++I) {
    unsigned Op = 1 + unsigned(R.below(40)) * 97 + (I < 10 ? 20000 : 0);
    ++C[Op];
    ++Want[Op];
  }
  ASSERT_EQ(C.size(), Want.size());
  auto It = Want.begin();
  unsigned Prev = 0;
  bool First = true;
  for (const auto &[Op, N] : C) {
    EXPECT_EQ(Op, It->first);
    EXPECT_EQ(N, It->second);
    EXPECT_TRUE(First || Op > Prev);
    Prev = Op;
    First = false;
    ++It;
  }
  // Opcode 0 and one above every other still land in order.
  C[0] += 3;
  C[1u << 30] += 1;
  EXPECT_EQ(C.begin()->first, 0u);
  EXPECT_EQ(C.begin()->second, 3u);
  EXPECT_EQ((C.end() - 1)->first, 1u << 30);
}
