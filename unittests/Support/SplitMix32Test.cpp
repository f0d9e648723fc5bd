#include "snipgen/Support/SplitMix32.h"
#include "gtest/gtest.h"

using namespace snipgen;

// llvm-snippy's lit tests (memory/run/full/seed-non-zero-mem.yaml and others)
// pin the first bytes of memory seed 11.
TEST(SplitMix32, MatchesLlvmSnippyForSeed11) {
  std::vector<uint8_t> Want = {0x33, 0x0e, 0x12, 0x73, 0x29, 0x9e, 0xd1, 0x9a,
                               0x53, 0x10, 0x2d, 0xed, 0x30, 0xfb, 0xf4, 0x1c};
  EXPECT_EQ(splitMix32Bytes(11, 16), Want);
}

TEST(SplitMix32, StartStateIsTheSeedsBytesReversed) {
  EXPECT_EQ(splitMix32InitialState(11), 0x0b000000u);
  EXPECT_EQ(splitMix32InitialState(0x12345678), 0x78563412u);
  // Every seed its own stream.
  EXPECT_NE(splitMix32Bytes(1, 8), splitMix32Bytes(256, 8));
}

TEST(SplitMix32, ShortTailAndRestart) {
  std::vector<uint8_t> Full = splitMix32Bytes(7, 8);
  std::vector<uint8_t> Cut = splitMix32Bytes(7, 6);
  EXPECT_EQ(std::vector<uint8_t>(Full.begin(), Full.begin() + 6), Cut);
}
