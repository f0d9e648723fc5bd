//===- LayoutOptionsTest.cpp - `options` precedence and application -------===//
#include "LayoutTestUtil.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;
using namespace snipgen;

namespace {

using LayoutOptionsTest = LayoutFilesTest;

static std::string valuesOf(const Layout &L, StringRef Name) {
  for (const LayoutOption &O : L.Options)
    if (O.Name == Name)
      return join(O.Values, ",") + (O.FromInclude ? " (include)" : "");
  return "<unset>";
}

TEST_F(LayoutOptionsTest, ScalarSequenceAndEmptyValues) {
  auto L = loadText(std::string(kSections) + kHistogram +
                    "options:\n  seed: 0x10\n  Wdisable: [memory-access, "
                    "no-model-exec]\n  Werror:\n  mattr: \"+m\"\n");
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  ASSERT_EQ(L->Options.size(), 4u);
  EXPECT_EQ(valuesOf(*L, "seed"), "0x10");
  EXPECT_EQ(valuesOf(*L, "Wdisable"), "memory-access,no-model-exec");
  EXPECT_EQ(L->Options[2].Values, std::vector<std::string>{""});
  EXPECT_EQ(valuesOf(*L, "mattr"), "+m");
  EXPECT_EQ(L->SM->getLineAndColumn(L->Options[1].ValueLocs[1]),
            std::make_pair(14u, 29u));
}

TEST_F(LayoutOptionsTest, UnknownOption) {
  // The list of known options grows with features; pin its start and that it
  // names every option of the table.
  std::string Line = firstLine(errorOf(
      loadText(std::string(kSections) + kHistogram + "options:\n  sed: 1\n")));
  std::string Prefix =
      located("a.yaml", 13, 3,
              "unknown option 'sed' (did you mean 'seed'?); known options: "
              "mtriple, mcpu, march, mattr, mabi, seed, num-instrs, ");
  EXPECT_EQ(Line.substr(0, Prefix.size()), Prefix);
  for (size_t I = 0; I < static_cast<size_t>(OptionID::NumOptions); ++I)
    EXPECT_NE(Line.find(std::string(optionSpec(static_cast<OptionID>(I)).Name)),
              std::string::npos);
}

TEST_F(LayoutOptionsTest, WrongOptionShapes) {
  EXPECT_EQ(firstLine(errorOf(loadText(std::string(kSections) + kHistogram +
                                       "options: [seed]\n"))),
            located("a.yaml", 12, 10,
                    "'options' must be a mapping (key: value), got a "
                    "sequence"));
  EXPECT_EQ(firstLine(errorOf(loadText(std::string(kSections) + kHistogram +
                                       "options:\n  seed: {a: 1}\n"))),
            located("a.yaml", 13, 9,
                    "option 'seed' must be a single value or a sequence of "
                    "values, got a mapping"));
  EXPECT_EQ(firstLine(errorOf(loadText(std::string(kSections) + kHistogram +
                                       "options:\n  Wdisable: [[a]]\n"))),
            located("a.yaml", 13, 14,
                    "each value of option 'Wdisable' must be a single value, "
                    "got a sequence"));
  EXPECT_EQ(firstLine(errorOf(loadText(std::string(kSections) + kHistogram +
                                       "options:\n  seed: 1\n  seed: 2\n"))),
            located("a.yaml", 14, 3,
                    "duplicate key 'seed' (first given at " + path("a.yaml") +
                        ":13:3)"));
}

TEST_F(LayoutOptionsTest, MainFileBeatsInclude) {
  write("inc.yaml", "options:\n  seed: 2\n  num-instrs: 50\n");
  std::string Main =
      write("main.yaml", std::string(kSections) + kHistogram +
                             "include: [inc.yaml]\noptions:\n  seed: 1\n");
  auto L = load({Main});
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  EXPECT_EQ(valuesOf(*L, "seed"), "1");
  EXPECT_EQ(valuesOf(*L, "num-instrs"), "50 (include)");
  EXPECT_EQ(L->Options.size(), 2u);
  EXPECT_TRUE(WarningText.empty()) << WarningText;
}

TEST_F(LayoutOptionsTest, FirstMainFileWithOptionsWins) {
  std::string A = write("a.yaml", std::string(kSections));
  std::string B = write("b.yaml", std::string(kHistogram) +
                                      "options:\n  seed: 1\n  mattr: +m\n");
  std::string C = write("c.yaml", "options:\n  seed: 2\n  num-instrs: 3\n");
  auto L = load({A, B, C});
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  EXPECT_EQ(valuesOf(*L, "seed"), "1");
  EXPECT_EQ(valuesOf(*L, "num-instrs"), "<unset>");
  EXPECT_EQ(WarningText, "warning: (inconsistent-options) 'options' in " + C +
                             ":1:1 are ignored: the first layout file with "
                             "'options' (" + B + ") takes precedence\n");
}

TEST_F(LayoutOptionsTest, IgnoredOptionsWarningCanBeAnError) {
  std::string A = write("a.yaml", std::string(kSections) + kHistogram +
                                      "options:\n  seed: 1\n");
  std::string B = write("b.yaml", "options:\n  seed: 2\n");
  ASSERT_FALSE(Warnings.configure({}, {"inconsistent-options"}, {}));
  EXPECT_EQ(errorOf(load({A, B})),
            "error: (inconsistent-options) 'options' in " + B +
                ":1:1 are ignored: the first layout file with 'options' (" +
                A + ") takes precedence");
}

TEST_F(LayoutOptionsTest, IncludedOptionsMerge) {
  write("i1.yaml", std::string(kSections) + "options:\n  seed: 1\n");
  write("i2.yaml", std::string(kHistogram) + "options:\n  num-instrs: 9\n");
  std::string Main = write("main.yaml", "include: [i1.yaml, i2.yaml]\n");
  auto L = load({Main});
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  EXPECT_EQ(valuesOf(*L, "seed"), "1 (include)");
  EXPECT_EQ(valuesOf(*L, "num-instrs"), "9 (include)");
}

TEST_F(LayoutOptionsTest, SameOptionInTwoIncludes) {
  std::string I1 = write("i1.yaml", std::string(kSections) +
                                        "options:\n  seed: 1\n");
  write("i2.yaml", std::string(kHistogram) + "options:\n  seed: 2\n");
  std::string Main = write("main.yaml", "include: [i1.yaml, i2.yaml]\n");
  std::string Err = errorOf(load({Main}));
  EXPECT_EQ(Err, located("i2.yaml", 4, 3,
                         "option 'seed' is given in two included files (first "
                         "at " + I1 + ":11:3); options of included files are "
                         "merged, so each may be given only once") +
                     "\n  seed: 2\n  ^\n" + I1 +
                     ":11:3: note: first given here\n  seed: 1\n  ^");
}

TEST_F(LayoutOptionsTest, IncludeDirNotAllowedInInclude) {
  write("i.yaml", "options:\n  layout-include-dir: [x]\n");
  std::string Main = write("main.yaml", std::string(kSections) + kHistogram +
                                            "include: [i.yaml]\n");
  EXPECT_EQ(firstLine(errorOf(load({Main}))),
            located("i.yaml", 2, 3,
                    "option 'layout-include-dir' cannot be given in an "
                    "included file (include directories must be known before "
                    "includes are read); give it on the command line or in "
                    "the options of a layout file named on the command line"));
}

// One OptionTable per process (its cl options are global), so everything
// that needs one is in this test.
TEST_F(LayoutOptionsTest, ApplyToOptionTable) {
  static OptionTable Opts;
  const char *Argv[] = {"snipgen", "-mtriple=riscv64", "x.yaml"};
  ASSERT_FALSE(errorToBool(Opts.parseCommandLine(3, Argv)));
  ASSERT_FALSE(Opts.validateCommandLine());

  auto L = loadText(std::string(kSections) + kHistogram +
                    "options:\n  seed: 0x10\n  Wdisable: [memory-access]\n");
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  ASSERT_FALSE(applyLayoutOptions(*L, Opts));
  EXPECT_EQ(Opts.getUnsigned(OptionID::Seed), 16u);
  EXPECT_EQ(Opts.origin(OptionID::Seed), OptionOrigin::Layout);
  ArrayRef<std::string> Disabled = Opts.getList(OptionID::WDisable);
  EXPECT_EQ(std::vector<std::string>(Disabled.begin(), Disabled.end()),
            std::vector<std::string>{"memory-access"});

  // Given both on the command line and in YAML: reported at the YAML key.
  auto Conflict = load({write("c.yaml", std::string(kSections) + kHistogram +
                                            "options:\n  mtriple: rv\n")});
  ASSERT_TRUE(bool(Conflict)) << toString(Conflict.takeError());
  EXPECT_EQ(firstLine(toString(applyLayoutOptions(*Conflict, Opts))),
            located("c.yaml", 13, 3,
                    "option 'mtriple' is given both on the command line and "
                    "in the layout; give it in one place only"));

  // Bad values are reported at the YAML value.
  auto Bad = load({write("d.yaml", std::string(kSections) + kHistogram +
                                       "options:\n  object-type: elf\n")});
  ASSERT_TRUE(bool(Bad)) << toString(Bad.takeError());
  EXPECT_EQ(firstLine(toString(applyLayoutOptions(*Bad, Opts))),
            located("d.yaml", 13, 16,
                    "invalid value for option 'object-type': 'elf'; allowed "
                    "values: reloc, exec, shared"));
}

} // namespace
