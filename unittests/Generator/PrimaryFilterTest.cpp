//===- PrimaryFilterTest.cpp - -keep-primary ordinal lists and streams ----===//
#include "snipgen/Generator/PrimaryFilter.h"
#include "snipgen/Support/Random.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

namespace {

PrimaryFilter parsed(std::vector<std::string> Items) {
  auto F = PrimaryFilter::parse(Items);
  if (!F) {
    ADD_FAILURE() << toString(F.takeError());
    return PrimaryFilter();
  }
  return *F;
}

bool fails(std::vector<std::string> Items) {
  auto F = PrimaryFilter::parse(Items);
  if (F)
    return false;
  consumeError(F.takeError());
  return true;
}

TEST(PrimaryFilterTest, ListsAreSortedAndMerged) {
  PrimaryFilter F = parsed({"9", "3-5", "6", "1", "20-", "25"});
  EXPECT_EQ(F.str(), "1,3-6,9,20-");
  for (uint64_t O : {1, 3, 4, 5, 6, 9, 20, 21, 1000000})
    EXPECT_TRUE(F.keeps(O)) << O;
  for (uint64_t O : {0, 2, 7, 8, 10, 19})
    EXPECT_FALSE(F.keeps(O)) << O;
  EXPECT_TRUE(F.keepsSomeFrom(1u << 30));
  PrimaryFilter G = parsed({"4", "2"});
  EXPECT_TRUE(G.keepsSomeFrom(4));
  EXPECT_FALSE(G.keepsSomeFrom(5));
}

TEST(PrimaryFilterTest, BadItemsAreErrors) {
  EXPECT_TRUE(fails({"5-2"}));
  EXPECT_TRUE(fails({"a"}));
  EXPECT_TRUE(fails({"-3"}));
  EXPECT_TRUE(fails({"1-2-3"}));
}

// The main stream advances by one draw per numbered instruction, kept or
// not; a kept instruction's draws come from its own stream and do not
// disturb the main one.
TEST(PrimaryFilterTest, StreamsDoNotDependOnWhatIsSkipped) {
  auto Run = [](const PrimaryFilter &F) {
    RandomEngine RNG(42);
    PrimaryFilterCounts C;
    std::vector<uint64_t> Kept; // first draw of every kept instruction
    for (unsigned I = 0; I < 8; ++I) {
      (void)RNG.below(17); // the opcode, from the main stream
      PrimaryDraw D(&F, RNG, C);
      if (D.skipped())
        continue;
      Kept.push_back(RNG.next());
      for (unsigned J = 0; J < I; ++J) // state-dependent extra draws
        (void)RNG.next();
    }
    return std::make_pair(Kept, C);
  };
  auto [All, CAll] = Run(parsed({"0-"}));
  auto [Some, CSome] = Run(parsed({"2", "5-6"}));
  ASSERT_EQ(All.size(), 8u);
  EXPECT_EQ(CAll.Drawn, 8u);
  EXPECT_EQ(CAll.Skipped, 0u);
  EXPECT_EQ(CSome.Drawn, 8u);
  EXPECT_EQ(CSome.Skipped, 5u);
  EXPECT_EQ(Some, (std::vector<uint64_t>{All[2], All[5], All[6]}));
}

TEST(PrimaryFilterTest, NoFilterLeavesTheStreamAlone) {
  RandomEngine A(7), B(7);
  PrimaryFilterCounts C;
  {
    PrimaryDraw D(nullptr, A, C);
    EXPECT_FALSE(D.skipped());
    (void)A.next();
  }
  (void)B.next();
  EXPECT_EQ(A.next(), B.next());
  EXPECT_EQ(C.Drawn, 0u);
}

} // namespace
