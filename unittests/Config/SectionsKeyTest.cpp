//===- SectionsKeyTest.cpp - The `sections` key ---------------------------===//
#include "LayoutTestUtil.h"

using namespace llvm;
using namespace snipgen;

namespace {

using SectionsKeyTest = LayoutFilesTest;

// A layout whose sections are Text (indented as a `sections` item list).
static std::string withSections(StringRef Text) {
  return "sections:\n" + Text.str() + kHistogram;
}

TEST_F(SectionsKeyTest, DefaultsAndOptionalFields) {
  auto L = loadText(withSections(R"(  - no: 1
    VMA: 0xffffffff00000000
    SIZE: 0x1000
    ACCESS: rx
  - name: stack
    VMA: 4096
    SIZE: 4096
    LMA: 0x80000000
    ACCESS: rw
    PHDR: ph
  - name: ro
    VMA: 0x2000
    SIZE: 0x10
    ACCESS: r
  - name: all
    VMA: 0x3000
    SIZE: 0x10
    ACCESS: rwx
)"));
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  ASSERT_EQ(L->Sections.size(), 4u);
  const SectionDesc &Code = L->Sections[0];
  EXPECT_EQ(Code.Name, "1");
  EXPECT_EQ(Code.VMA, 0xffffffff00000000u);
  EXPECT_EQ(Code.LMA, Code.VMA); // LMA defaults to VMA
  EXPECT_EQ(Code.end(), 0xffffffff00001000u);
  EXPECT_TRUE(Code.Access.X && !Code.Access.W);
  EXPECT_EQ(Code.Phdr, "");
  EXPECT_EQ(L->SM->getLineAndColumn(Code.Loc), std::make_pair(2u, 5u));
  const SectionDesc &Stack = L->Sections[1];
  EXPECT_EQ(Stack.Name, "stack");
  EXPECT_EQ(Stack.LMA, 0x80000000u);
  EXPECT_EQ(Stack.Phdr, "ph");
  EXPECT_EQ(L->Sections[2].Access.str(), "r");
  EXPECT_EQ(L->Sections[3].Access.str(), "rwx");
}

TEST_F(SectionsKeyTest, NameAndNoTogether) {
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: 1\n    no: 1\n    VMA: 0\n    SIZE: 1\n    "
                "ACCESS: rx\n")))),
            located("a.yaml", 3, 5,
                    "a section has both 'name' and the deprecated 'no'; keep "
                    "only 'name'"));
}

TEST_F(SectionsKeyTest, UnknownKey) {
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: 1\n    vma: 0\n    SIZE: 1\n    ACCESS: rx\n")))),
            located("a.yaml", 3, 5,
                    "unknown key 'vma' in a section (did you mean 'VMA'?); "
                    "allowed keys: name, no, VMA, SIZE, LMA, ACCESS, PHDR"));
}

TEST_F(SectionsKeyTest, MissingKeys) {
  const char *Hint = "; each section needs name, VMA, SIZE and ACCESS (LMA "
                     "and PHDR are optional)";
  EXPECT_EQ(firstLine(errorOf(loadText(
                withSections("  - VMA: 0\n    SIZE: 1\n    ACCESS: rx\n")))),
            located("a.yaml", 2, 5, std::string("a section has no 'name'") + Hint));
  EXPECT_EQ(firstLine(errorOf(loadText(
                withSections("  - name: c\n    SIZE: 1\n    ACCESS: rx\n")))),
            located("a.yaml", 2, 5, std::string("section 'c' has no 'VMA'") + Hint));
  EXPECT_EQ(firstLine(errorOf(loadText(
                withSections("  - name: c\n    VMA: 1\n    ACCESS: rx\n")))),
            located("a.yaml", 2, 5, std::string("section 'c' has no 'SIZE'") + Hint));
  EXPECT_EQ(firstLine(errorOf(loadText(
                withSections("  - name: c\n    VMA: 1\n    SIZE: 1\n")))),
            located("a.yaml", 2, 5,
                    std::string("section 'c' has no 'ACCESS'") + Hint));
}

TEST_F(SectionsKeyTest, WrongTypes) {
  EXPECT_EQ(firstLine(errorOf(loadText("sections: text\n" +
                                       std::string(kHistogram)))),
            located("a.yaml", 1, 11,
                    "'sections' must be a sequence (- item or [a, b]), got "
                    "'text'"));
  EXPECT_EQ(firstLine(errorOf(loadText(withSections("  - 1\n")))),
            located("a.yaml", 2, 5,
                    "each entry of 'sections' must be a mapping (key: value), "
                    "got '1'"));
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: [a]\n    VMA: 0\n    SIZE: 1\n    ACCESS: rx\n")))),
            located("a.yaml", 2, 11,
                    "'name' of a section must be a single value, got a "
                    "sequence"));
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: c\n    VMA: {a: 1}\n    SIZE: 1\n    ACCESS: rx\n")))),
            located("a.yaml", 3, 10,
                    "'VMA' of section 'c' must be a non-negative integer "
                    "(decimal, 0x hex, 0o octal or 0b binary), got a mapping"));
}

TEST_F(SectionsKeyTest, BadNumber) {
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: c\n    VMA: 0x1G\n    SIZE: 1\n    ACCESS: rx\n")))),
            located("a.yaml", 3, 10,
                    "'VMA' of section 'c' must be a non-negative integer "
                    "(decimal, 0x hex, 0o octal or 0b binary), got '0x1G'"));
}

TEST_F(SectionsKeyTest, ZeroSize) {
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: c\n    VMA: 0\n    SIZE: 0\n    ACCESS: rx\n")))),
            located("a.yaml", 4, 11, "'SIZE' of section 'c' must not be zero"));
}

TEST_F(SectionsKeyTest, AddressOverflow) {
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: c\n    VMA: 0xfffffffffffff000\n    SIZE: 0x1000\n"
                "    ACCESS: rx\n")))),
            located("a.yaml", 4, 11,
                    "section 'c' does not fit in the 64-bit address space: VMA "
                    "0xfffffffffffff000 + SIZE 0x1000 overflows"));
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: c\n    VMA: 0\n    SIZE: 0x1000\n"
                "    LMA: 0xffffffffffffffff\n    ACCESS: rx\n")))),
            located("a.yaml", 4, 11,
                    "section 'c' does not fit in the 64-bit address space: LMA "
                    "0xffffffffffffffff + SIZE 0x1000 overflows"));
}

TEST_F(SectionsKeyTest, BadAccess) {
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: c\n    VMA: 0\n    SIZE: 1\n    ACCESS: wx\n")))),
            located("a.yaml", 5, 13,
                    "'ACCESS' of section 'c' must be one of r, rw, rx, rwx, "
                    "got 'wx'"));
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: c\n    VMA: 0\n    SIZE: 1\n    ACCESS:\n")))),
            located("a.yaml", 6, 1,
                    "'ACCESS' of section 'c' must be one of r, rw, rx, rwx, "
                    "got an empty value"));
}

TEST_F(SectionsKeyTest, DuplicateNames) {
  std::string Err = errorOf(loadText(withSections(
      "  - name: c\n    VMA: 0\n    SIZE: 1\n    ACCESS: rx\n"
      "  - name: c\n    VMA: 8\n    SIZE: 1\n    ACCESS: rw\n")));
  EXPECT_EQ(Err, located("a.yaml", 6, 5,
                         "duplicate section name 'c' (first used at " +
                             path("a.yaml") + ":2:5)") +
                     "\n  - name: c\n    ^\n" + path("a.yaml") +
                     ":2:5: note: section 'c' is defined here\n"
                     "  - name: c\n    ^");
}

TEST_F(SectionsKeyTest, Overlap) {
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: code\n    VMA: 0x10000\n    SIZE: 0x10000\n"
                "    ACCESS: rx\n"
                "  - name: data\n    VMA: 0x1ffff\n    SIZE: 0x10\n"
                "    ACCESS: rw\n")))),
            located("a.yaml", 6, 5,
                    "section 'data' [0x1ffff, 0x2000f) overlaps section "
                    "'code' [0x10000, 0x20000) (defined at " +
                        path("a.yaml") + ":2:5)"));
  // Touching sections do not overlap.
  EXPECT_TRUE(bool(loadText(withSections(
      "  - name: code\n    VMA: 0x10000\n    SIZE: 0x10000\n    ACCESS: rx\n"
      "  - name: data\n    VMA: 0x20000\n    SIZE: 0x10\n    ACCESS: rw\n"))));
}

TEST_F(SectionsKeyTest, NeedsRXAndRW) {
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: d\n    VMA: 0\n    SIZE: 1\n    ACCESS: rw\n"
                "  - name: r\n    VMA: 8\n    SIZE: 1\n    ACCESS: r\n")))),
            located("a.yaml", 1, 1,
                    "the layout needs at least one RX section and one RW "
                    "section: no section has ACCESS rx or rwx (for code)"));
  EXPECT_EQ(firstLine(errorOf(loadText(withSections(
                "  - name: c\n    VMA: 0\n    SIZE: 1\n    ACCESS: rx\n"
                "  - name: x\n    VMA: 8\n    SIZE: 1\n    ACCESS: rwx\n")))),
            located("a.yaml", 1, 1,
                    "the layout needs at least one RX section and one RW "
                    "section: no section has ACCESS rw (for data)"));
}

TEST_F(SectionsKeyTest, Empty) {
  const char *Msg = "'sections' is empty; the layout needs at least one RX "
                    "section and one RW section";
  EXPECT_EQ(firstLine(errorOf(loadText("sections: []\n" + std::string(kHistogram)))),
            located("a.yaml", 1, 1, Msg));
  EXPECT_EQ(firstLine(errorOf(loadText("sections:\n" + std::string(kHistogram)))),
            located("a.yaml", 1, 1, Msg));
}

} // namespace
