#include "snipgen/Support/HugePages.h"
#include "gtest/gtest.h"
#include <cstdint>
#include <vector>

using namespace snipgen;

// A hint only: memory it covers keeps its contents and stays usable, and
// null, short or unaligned ranges are accepted.
TEST(HugePagesTest, AdviceKeepsContents) {
  std::vector<uint32_t> V;
  V.reserve(3 << 20); // 12 MiB: at least one aligned 2 MiB page inside
  for (uint32_t I = 0; I < 1000; ++I)
    V.push_back(I * 2654435761u);
  adviseHugePages(V);
  for (uint32_t I = 0; I < 1000; ++I)
    ASSERT_EQ(V[I], I * 2654435761u);
  for (uint32_t I = 1000; I < (3u << 20); ++I)
    V.push_back(I);
  EXPECT_EQ(V.back(), (3u << 20) - 1);
  EXPECT_EQ(V[500], 500u * 2654435761u);
  adviseHugePages(nullptr, 1 << 30);
  char Small[64] = {1};
  adviseHugePages(Small + 1, sizeof(Small) - 1);
  EXPECT_EQ(Small[0], 1);
}
