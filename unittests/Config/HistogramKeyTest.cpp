//===- HistogramKeyTest.cpp - The `histogram` key -------------------------===//
#include "LayoutTestUtil.h"

using namespace llvm;
using namespace snipgen;

namespace {

using HistogramKeyTest = LayoutFilesTest;

static std::string withHistogram(StringRef Text) {
  return std::string(kSections) + "histogram:\n" + Text.str();
}

TEST_F(HistogramKeyTest, Entries) {
  auto L = loadText(withHistogram(
      "  - [ADD, 1.0]\n  - [\"VSSE.*\", 10]\n  - ['ADDI?', .5]\n"
      "  - - SUB\n    - 0\n"));
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  ASSERT_EQ(L->Histogram.size(), 4u);
  EXPECT_EQ(L->Histogram[0].Pattern, "ADD");
  EXPECT_EQ(L->Histogram[0].Weight, 1.0);
  EXPECT_EQ(L->Histogram[1].Pattern, "VSSE.*");
  EXPECT_EQ(L->Histogram[1].Weight, 10.0);
  EXPECT_EQ(L->Histogram[2].Pattern, "ADDI?");
  EXPECT_EQ(L->Histogram[2].Weight, 0.5);
  EXPECT_EQ(L->Histogram[3].Pattern, "SUB");
  EXPECT_EQ(L->Histogram[3].Weight, 0.0);
  EXPECT_EQ(L->SM->getLineAndColumn(L->Histogram[1].Loc),
            std::make_pair(12u, 6u));
  EXPECT_EQ(L->SM->getLineAndColumn(L->HistogramLoc), std::make_pair(10u, 1u));
}

TEST_F(HistogramKeyTest, NotAPair) {
  const char *Msg = "a histogram entry must be a [pattern, weight] pair such "
                    "as [ADD, 1.0], got ";
  EXPECT_EQ(firstLine(errorOf(loadText(withHistogram("  - ADD\n")))),
            located("a.yaml", 11, 5, Msg + std::string("'ADD'")));
  EXPECT_EQ(firstLine(errorOf(loadText(withHistogram("  - [ADD, 1, 2]\n")))),
            located("a.yaml", 11, 5, Msg + std::string("a sequence of 3 elements")));
  EXPECT_EQ(firstLine(errorOf(loadText(withHistogram("  - [ADD]\n")))),
            located("a.yaml", 11, 5, Msg + std::string("a sequence of 1 element")));
  EXPECT_EQ(firstLine(errorOf(loadText(withHistogram("  - {ADD: 1}\n")))),
            located("a.yaml", 11, 5, Msg + std::string("a mapping")));
  EXPECT_EQ(firstLine(errorOf(loadText(withHistogram("  - [[A], 1]\n")))),
            located("a.yaml", 11, 6,
                    "a histogram pattern must be a single value, got a "
                    "sequence"));
  EXPECT_EQ(firstLine(errorOf(loadText(withHistogram("  - ['', 1]\n")))),
            located("a.yaml", 11, 6, "a histogram pattern must not be empty"));
}

TEST_F(HistogramKeyTest, BadWeight) {
  EXPECT_EQ(firstLine(errorOf(loadText(withHistogram("  - [ADD, heavy]\n")))),
            located("a.yaml", 11, 11,
                    "the weight of 'ADD' must be a number such as 1, 1.0 or "
                    ".5, got 'heavy'"));
  EXPECT_EQ(firstLine(errorOf(loadText(withHistogram("  - [ADD, -1.5]\n")))),
            located("a.yaml", 11, 11,
                    "the weight of 'ADD' must not be negative, got '-1.5'"));
}

TEST_F(HistogramKeyTest, Empty) {
  EXPECT_EQ(firstLine(errorOf(loadText(std::string(kSections) + "histogram: []\n"))),
            located("a.yaml", 10, 1,
                    "histogram must contain at least one instruction"));
  EXPECT_EQ(firstLine(errorOf(loadText(std::string(kSections) + "histogram:\n"))),
            located("a.yaml", 10, 1,
                    "histogram must contain at least one instruction"));
  EXPECT_EQ(firstLine(errorOf(loadText(std::string(kSections) + "histogram: ADD\n"))),
            located("a.yaml", 10, 12,
                    "'histogram' must be a sequence (- item or [a, b]), got "
                    "'ADD'"));
}

} // namespace
