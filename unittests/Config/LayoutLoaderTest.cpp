//===- LayoutLoaderTest.cpp - Files, includes, merging, -E ----------------===//
#include "LayoutTestUtil.h"
#include "snipgen/Config/Layout.h"

using namespace llvm;
using namespace snipgen;

namespace {

using LayoutLoaderTest = LayoutFilesTest;

TEST_F(LayoutLoaderTest, ManualExample) {
  auto L = loadText(R"(sections:
  - name: 1
    VMA: 0x10000
    SIZE: 0x10000
    LMA: 0x10000
    ACCESS: rx
    PHDR: 'header1'
  - name: 2
    VMA: 0x20000
    SIZE: 0x200
    LMA: 0x20000
    ACCESS: rw
    PHDR: 'header2'
histogram:
  - [ADD, 1.0]
  - [LW, 10.0]
options:
  mtriple: "riscv64-unknown-elf"
  mcpu: generic-rv64
  march: "rv64ifc_zifencei"
  model-plugin: None
)");
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  ASSERT_EQ(L->Sections.size(), 2u);
  EXPECT_EQ(L->Sections[0].Name, "1");
  EXPECT_EQ(L->Sections[0].VMA, 0x10000u);
  EXPECT_EQ(L->Sections[0].Phdr, "header1");
  EXPECT_EQ(L->Sections[1].Access.str(), "rw");
  ASSERT_EQ(L->Histogram.size(), 2u);
  EXPECT_EQ(L->Histogram[1].Pattern, "LW");
  EXPECT_EQ(L->Histogram[1].Weight, 10.0);
  ASSERT_EQ(L->Options.size(), 4u);
  EXPECT_EQ(L->Options[0].Name, "mtriple");
  EXPECT_EQ(L->Options[0].Values, std::vector<std::string>{"riscv64-unknown-elf"});
  EXPECT_FALSE(L->Options[0].FromInclude);
  EXPECT_EQ(L->Files, std::vector<std::string>{path("a.yaml")});
  EXPECT_EQ(L->SM->getLineAndColumn(L->Options[1].NameLoc),
            std::make_pair(19u, 3u));
  EXPECT_TRUE(WarningText.empty()) << WarningText;
}

TEST_F(LayoutLoaderTest, NoFiles) {
  EXPECT_EQ(errorOf(load({})), "error: no layout file given; name one or more "
                               "YAML layout files on the command line");
}

TEST_F(LayoutLoaderTest, MissingMainFile) {
  std::string Err = errorOf(load({path("nope.yaml")}));
  EXPECT_EQ(Err, "error: cannot read layout file '" + path("nope.yaml") +
                     "': No such file or directory");
}

TEST_F(LayoutLoaderTest, MainFileGivenTwice) {
  std::string A = write("a.yaml", std::string(kSections) + kHistogram);
  EXPECT_EQ(errorOf(load({A, A})),
            "error: layout file '" + A + "' is given more than once");
}

TEST_F(LayoutLoaderTest, SyntaxError) {
  std::string Err = errorOf(loadText("sections: [\nhistogram: 1\n"));
  EXPECT_EQ(firstLine(Err).rfind(path("a.yaml") + ":", 0), 0u) << Err;
  EXPECT_NE(Err.find(": error: "), std::string::npos) << Err;
}

// The list of known keys grows with every feature: only its ends are fixed.
static bool startsWith(const std::string &S, const std::string &Prefix) {
  return S.rfind(Prefix, 0) == 0;
}
static bool endsWith(const std::string &S, const std::string &Suffix) {
  return S.size() >= Suffix.size() &&
         S.compare(S.size() - Suffix.size(), Suffix.size(), Suffix) == 0;
}

TEST_F(LayoutLoaderTest, TopLevelMustBeMapping) {
  std::string Err = firstLine(errorOf(loadText("- a\n- b\n")));
  EXPECT_TRUE(startsWith(Err, located("a.yaml", 1, 1,
                                      "a layout file must be a mapping of "
                                      "top-level keys (sections, histogram, ")))
      << Err;
  EXPECT_TRUE(endsWith(Err, "include, options), got a sequence")) << Err;
}

TEST_F(LayoutLoaderTest, UnknownTopLevelKey) {
  std::string Err =
      errorOf(loadText(std::string(kSections) + kHistogram + "histogramm: 1\n"));
  EXPECT_TRUE(startsWith(Err, located("a.yaml", 12, 1,
                                      "unknown top-level key 'histogramm' (did "
                                      "you mean 'histogram'?); known keys: "
                                      "sections, histogram, ")))
      << Err;
  EXPECT_TRUE(endsWith(Err, "include, options\nhistogramm: 1\n^")) << Err;
  Err = firstLine(errorOf(loadText("no-such-key: {}\n")));
  EXPECT_TRUE(startsWith(Err, located("a.yaml", 1, 1,
                                      "unknown top-level key 'no-such-key'; "
                                      "known keys: sections, histogram, ")))
      << Err;
  EXPECT_TRUE(endsWith(Err, "include, options")) << Err;
}

TEST_F(LayoutLoaderTest, DuplicateKeyAcrossFiles) {
  std::string A = write("a.yaml", std::string(kSections) + kHistogram);
  std::string B = write("b.yaml", "# more\nhistogram:\n  - [SUB, 1]\n");
  std::string Err = errorOf(load({A, B}));
  EXPECT_EQ(Err, located("b.yaml", 2, 1,
                         "top-level key 'histogram' is already given at " + A +
                             ":10:1; each top-level key may appear only once "
                             "across all layout files") +
                     "\nhistogram:\n^\n" + A +
                     ":10:1: note: first given here\nhistogram:\n^");
}

TEST_F(LayoutLoaderTest, DuplicateKeyInOneFile) {
  EXPECT_EQ(firstLine(errorOf(loadText(std::string(kSections) + kHistogram +
                                       kHistogram))),
            located("a.yaml", 12, 1,
                    "duplicate key 'histogram' (first given at " +
                        path("a.yaml") + ":10:1)"));
}

TEST_F(LayoutLoaderTest, SeveralFilesMerge) {
  std::string A = write("a.yaml", kSections);
  std::string B = write("b.yaml", kHistogram);
  std::string Empty = write("empty.yaml", "# nothing\n");
  auto L = load({A, Empty, B});
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  EXPECT_EQ(L->Sections.size(), 2u);
  EXPECT_EQ(L->Histogram.size(), 1u);
  EXPECT_EQ(L->Files, (std::vector<std::string>{A, Empty, B}));
}

TEST_F(LayoutLoaderTest, IncludeRelativeToIncludingFile) {
  write("sub/sections.yaml", kSections);
  write("sub/hist.yaml", std::string("include:\n  - more/h.yaml\n"));
  write("sub/more/h.yaml", kHistogram);
  std::string Main =
      write("sub/main.yaml", "include:\n  - sections.yaml\n  - hist.yaml\n");
  auto L = load({Main});
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  EXPECT_EQ(L->Sections.size(), 2u);
  EXPECT_EQ(L->Histogram.size(), 1u);
  EXPECT_EQ(L->Files,
            (std::vector<std::string>{Main, path("sub/sections.yaml"),
                                      path("sub/hist.yaml"),
                                      path("sub/more/h.yaml")}));
}

TEST_F(LayoutLoaderTest, IncludeDirsSearchedInOrder) {
  write("d1/h.yaml", kHistogram);
  write("d2/h.yaml", "histogram:\n  - [SUB, 2]\n");
  write("d2/s.yaml", kSections);
  std::string Main = write("main.yaml", "include: [s.yaml, h.yaml]\n");
  LayoutLoadOptions Opts;
  Opts.IncludeDirs = {path("d1"), path("d2")};
  auto L = load({Main}, Opts);
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  EXPECT_EQ(L->Histogram.at(0).Pattern, "ADD");
  EXPECT_EQ(L->Files[1], path("d2/s.yaml"));
  EXPECT_EQ(L->Files[2], path("d1/h.yaml"));
}

TEST_F(LayoutLoaderTest, IncludeDirFromMainOptionsIsRelativeToThatFile) {
  write("cfg/parts/h.yaml", kHistogram);
  std::string Main = write("cfg/main.yaml",
                           std::string(kSections) +
                               "include: [h.yaml]\n"
                               "options:\n  layout-include-dir: [parts]\n");
  auto L = load({Main});
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  EXPECT_EQ(L->Files.at(1), path("cfg/parts/h.yaml"));
  // The option is still passed on (the table reports a conflict with the
  // command line, if any).
  EXPECT_EQ(L->Options.at(0).Name, "layout-include-dir");
}

TEST_F(LayoutLoaderTest, MissingInclude) {
  std::string Main = write("main.yaml", std::string(kSections) + kHistogram +
                                            "include:\n  - nope.yaml\n");
  EXPECT_EQ(firstLine(errorOf(load({Main}))),
            located("main.yaml", 13, 5,
                    "cannot find included file 'nope.yaml'; looked for: " +
                        path("nope.yaml") +
                        "; add directories to search with "
                        "--layout-include-dir"));
  LayoutLoadOptions Opts;
  Opts.IncludeDirs = {path("inc")};
  EXPECT_EQ(firstLine(errorOf(load({Main}, Opts))),
            located("main.yaml", 13, 5,
                    "cannot find included file 'nope.yaml'; looked for: " +
                        path("nope.yaml") + ", " + path("inc/nope.yaml")));
}

TEST_F(LayoutLoaderTest, IncludeMustBeSequenceOfPaths) {
  EXPECT_EQ(firstLine(errorOf(loadText("include: x.yaml\n"))),
            located("a.yaml", 1, 10,
                    "'include' must be a sequence (- item or [a, b]), got "
                    "'x.yaml'"));
  EXPECT_EQ(firstLine(errorOf(loadText("include:\n  - {a: b}\n"))),
            located("a.yaml", 2, 5,
                    "an 'include' entry must be a single value, got a "
                    "mapping"));
}

TEST_F(LayoutLoaderTest, IncludeCycle) {
  std::string A = write("a.yaml", std::string(kSections) + "include: [b.yaml]\n");
  std::string B = write("b.yaml", std::string(kHistogram) + "include: [c.yaml]\n");
  write("c.yaml", "include:\n  - b.yaml\n");
  EXPECT_EQ(firstLine(errorOf(load({A}))),
            located("c.yaml", 2, 5,
                    "include cycle: " + B + " -> " + path("c.yaml") + " -> " +
                        B));
}

TEST_F(LayoutLoaderTest, SelfInclude) {
  std::string A = write("a.yaml", "include: [a.yaml]\n");
  EXPECT_EQ(firstLine(errorOf(load({A}))),
            located("a.yaml", 1, 11, "include cycle: " + A + " -> " + A));
}

TEST_F(LayoutLoaderTest, FileIncludedTwice) {
  write("s.yaml", kSections);
  write("h.yaml", std::string(kHistogram) + "include: [s.yaml]\n");
  std::string A = write("a.yaml", "include: [s.yaml, h.yaml]\n");
  EXPECT_EQ(firstLine(errorOf(load({A}))),
            located("h.yaml", 3, 11,
                    "'" + path("s.yaml") + "' is already part of the layout "
                    "(as '" + path("s.yaml") + "'); a file may be loaded only "
                    "once, since each top-level key may appear only once"));
}

TEST_F(LayoutLoaderTest, MissingMandatoryKeys) {
  std::string A = write("a.yaml", kSections);
  EXPECT_EQ(errorOf(load({A})),
            "error: the layout (" + A +
                ") has no 'histogram' key; histogram must contain at least "
                "one instruction, e.g. 'histogram: [[ADD, 1.0]]'");
  std::string B = write("b.yaml", kHistogram);
  EXPECT_EQ(errorOf(load({B})),
            "error: the layout (" + B +
                ") has no 'sections' key; the layout needs at least one RX "
                "section and one RW section");
}

TEST_F(LayoutLoaderTest, PreprocessedOutput) {
  write("inc/h.yaml", "histogram:\n  - [\"ADDI?\", .5]\n  - [SW, 10]\n"
                      "options:\n  seed: 7\n  num-instrs: 5\n");
  std::string Main = write(
      "main.yaml",
      "# comment\nsections:\n  - {name: text, VMA: 0x10000, SIZE: 0x100, "
      "ACCESS: rx}\n  - name: data\n    VMA: 65536\n    SIZE: 0x100\n"
      "    LMA: 0x1\n    ACCESS: rw\n    PHDR: 'h2'\n"
      "include:\n  - inc/h.yaml\noptions:\n  mattr: \"+m,-c\"\n"
      "  num-instrs: 10\n  Werror: [a, 'b']\n");
  auto L = load({Main});
  // VMA 65536 overlaps text [0x10000, 0x10100).
  EXPECT_NE(errorOf(std::move(L)).find("overlaps"), std::string::npos);

  Main = write(
      "main.yaml",
      "# comment\nsections:\n  - {name: text, VMA: 0x10000, SIZE: 0x100, "
      "ACCESS: rx}\n  - name: data\n    VMA: 131072\n    SIZE: 0x100\n"
      "    LMA: 0x1\n    ACCESS: rw\n    PHDR: 'h2'\n"
      "include:\n  - inc/h.yaml\noptions:\n  mattr: \"+m,-c\"\n"
      "  num-instrs: 10\n  Werror: [a, 'b']\n");
  L = load({Main});
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  EXPECT_EQ(L->Preprocessed,
            "# Preprocessed layout: includes resolved, options merged.\n"
            "\n# from " + Main + "\n"
            "sections:\n"
            "  - name: text\n"
            "    VMA: 0x10000\n"
            "    SIZE: 0x100\n"
            "    ACCESS: rx\n"
            "  - name: data\n"
            "    VMA: 131072\n"
            "    SIZE: 0x100\n"
            "    LMA: 0x1\n"
            "    ACCESS: rw\n"
            "    PHDR: 'h2'\n"
            "\n# from " + path("inc/h.yaml") + "\n"
            "histogram:\n"
            "  - [\"ADDI?\", .5]\n"
            "  - [SW, 10]\n"
            "\n# from " + Main + ", " + path("inc/h.yaml") + "\n"
            "options:\n"
            "  mattr: \"+m,-c\"\n"
            "  num-instrs: 10\n"
            "  Werror: [a, 'b']\n"
            "  seed: 7\n");
}

// Feeding the -E output back gives the same layout.
TEST_F(LayoutLoaderTest, PreprocessedRoundTrip) {
  write("inc/h.yaml", "histogram:\n  - [\"VSSE.*\", 2]\n  - [ADD, 1.0]\n"
                      "options:\n  seed: 7\n  E:\n");
  write("inc/s.yaml", R"(sections:
  - no: 1
    VMA: 0x80000000
    SIZE: 0x400000
    ACCESS: rx
  - name: "two_words"
    VMA: 0xffffffff00000000
    SIZE: 0x1000
    LMA: 0x2000
    ACCESS: rw
    PHDR: h
)");
  std::string Main = write("main.yaml", "include: [inc/s.yaml, inc/h.yaml]\n"
                                        "options:\n  mattr: '+m,-c'\n"
                                        "  Wdisable: [memory-access]\n");
  auto First = load({Main});
  ASSERT_TRUE(bool(First)) << toString(First.takeError());
  std::string Pre = write("pre.yaml", First->Preprocessed);
  auto Second = load({Pre});
  ASSERT_TRUE(bool(Second)) << toString(Second.takeError()) << "\n"
                            << First->Preprocessed;

  ASSERT_EQ(First->Sections.size(), Second->Sections.size());
  for (size_t I = 0; I < First->Sections.size(); ++I) {
    const SectionDesc &A = First->Sections[I], &B = Second->Sections[I];
    EXPECT_EQ(A.Name, B.Name);
    EXPECT_EQ(A.VMA, B.VMA);
    EXPECT_EQ(A.Size, B.Size);
    EXPECT_EQ(A.LMA, B.LMA);
    EXPECT_EQ(A.Access.str(), B.Access.str());
    EXPECT_EQ(A.Phdr, B.Phdr);
  }
  ASSERT_EQ(First->Histogram.size(), Second->Histogram.size());
  for (size_t I = 0; I < First->Histogram.size(); ++I) {
    EXPECT_EQ(First->Histogram[I].Pattern, Second->Histogram[I].Pattern);
    EXPECT_EQ(First->Histogram[I].Weight, Second->Histogram[I].Weight);
  }
  ASSERT_EQ(First->Options.size(), Second->Options.size());
  for (size_t I = 0; I < First->Options.size(); ++I) {
    EXPECT_EQ(First->Options[I].Name, Second->Options[I].Name);
    EXPECT_EQ(First->Options[I].Values, Second->Options[I].Values);
  }
  // And the text is a fixed point apart from the "# from" comments.
  auto StripComments = [](StringRef Text) {
    std::string Out;
    SmallVector<StringRef> Lines;
    Text.split(Lines, '\n');
    for (StringRef Line : Lines)
      if (!Line.starts_with("#"))
        Out += Line.str() + "\n";
    return Out;
  };
  EXPECT_EQ(StripComments(First->Preprocessed),
            StripComments(Second->Preprocessed));
}

} // namespace
