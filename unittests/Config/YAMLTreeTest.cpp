//===- YAMLTreeTest.cpp - Located YAML tree and typed accessors -----------===//
#include "YAMLTree.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace llvm;
using namespace snipgen;

namespace {

class YAMLTreeTest : public ::testing::Test {
protected:
  /// Parses Text as file "t.yaml".
  Expected<YAMLNode> parse(StringRef Text) {
    unsigned ID = SM.AddNewSourceBuffer(
        MemoryBuffer::getMemBufferCopy(Text, "t.yaml"), SMLoc());
    return parseYAMLBuffer(SM, ID);
  }
  /// Parses "v: <Scalar>" and returns the value node.
  YAMLNode scalar(StringRef Scalar) {
    Expected<YAMLNode> Root = parse(("v: " + Scalar + "\n").str());
    EXPECT_TRUE(bool(Root)) << toString(Root.takeError());
    return Root->Entries.at(0).Value;
  }
  template <typename T> std::string errorOf(Expected<T> V) {
    if (V) {
      ADD_FAILURE() << "expected an error";
      return "";
    }
    return toString(V.takeError());
  }
  static std::string firstLine(StringRef S) { return S.split('\n').first.str(); }

  SourceMgr SM;
};

TEST_F(YAMLTreeTest, BuildsLocatedTree) {
  Expected<YAMLNode> Root = parse("a:\n  - [x, 1]\n  - {k: 'q v'}\nb:\n");
  ASSERT_TRUE(bool(Root)) << toString(Root.takeError());
  ASSERT_TRUE(Root->isMapping());
  ASSERT_EQ(Root->Entries.size(), 2u);
  const YAMLNode &A = Root->Entries[0].Value;
  ASSERT_TRUE(A.isSequence());
  ASSERT_EQ(A.Items.size(), 2u);
  EXPECT_EQ(A.Items[0].Items[1].Value, "1");
  EXPECT_EQ(A.Items[1].find("k")->Value.Value, "q v");
  EXPECT_EQ(A.Items[1].find("k")->Value.Raw, "'q v'");
  EXPECT_EQ(SM.getLineAndColumn(A.Items[0].Items[0].Loc), std::make_pair(2u, 6u));
  EXPECT_TRUE(Root->find("b")->Value.isNull());
  EXPECT_EQ(Root->find("c"), nullptr);
}

TEST_F(YAMLTreeTest, EmptyFileIsNull) {
  Expected<YAMLNode> Root = parse("# nothing here\n");
  ASSERT_TRUE(bool(Root));
  EXPECT_TRUE(Root->isNull());
}

TEST_F(YAMLTreeTest, SyntaxErrorIsOneLocatedErrorAndNothingIsPrinted) {
  static unsigned Calls;
  Calls = 0;
  auto Counting = [](const SMDiagnostic &, void *) { ++Calls; };
  SM.setDiagHandler(Counting);
  std::string Err = errorOf(parse("a: [1, 2\nb: 3\n"));
  EXPECT_EQ(Err, "t.yaml:2:5: error: Could not find closing ]!\n"
                 "b: 3\n"
                 "    ^");
  EXPECT_EQ(Calls, 0u);
  // The caller's handler is back in place afterwards.
  EXPECT_EQ(SM.getDiagHandler(), static_cast<SourceMgr::DiagHandlerTy>(Counting));
}

TEST_F(YAMLTreeTest, DuplicateKeyInOneMapping) {
  std::string Err = errorOf(parse("a: 1\nb: 2\na: 3\n"));
  EXPECT_EQ(Err, "t.yaml:3:1: error: duplicate key 'a' (first given at "
                 "t.yaml:1:1)\n"
                 "a: 3\n"
                 "^\n"
                 "t.yaml:1:1: note: first given here\n"
                 "a: 1\n"
                 "^");
}

TEST_F(YAMLTreeTest, AliasesAreResolved) {
  Expected<YAMLNode> Root = parse("a: &w [x, 2]\nb: *w\n");
  ASSERT_TRUE(bool(Root)) << toString(Root.takeError());
  const YAMLNode &B = Root->Entries[1].Value;
  ASSERT_TRUE(B.isSequence());
  EXPECT_EQ(B.Items[1].Value, "2");
}

TEST_F(YAMLTreeTest, UnknownAlias) {
  EXPECT_EQ(firstLine(errorOf(parse("a: 1\nb: *nope\n"))),
            "t.yaml:2:1: error: unknown YAML alias '*nope'; an alias must "
            "refer to an earlier '&nope' anchor in the same file");
}

TEST_F(YAMLTreeTest, OneDocumentPerFile) {
  EXPECT_EQ(firstLine(errorOf(parse("a: 1\n---\nb: 2\n"))),
            "t.yaml:3:1: error: a layout file must contain a single YAML "
            "document; split the documents into separate files instead of "
            "using '---'");
}

TEST_F(YAMLTreeTest, NonScalarKey) {
  EXPECT_EQ(firstLine(errorOf(parse("? [a, b]\n: 1\n"))),
            "t.yaml:1:3: error: a mapping key must be a single plain value, "
            "got a sequence");
}

TEST_F(YAMLTreeTest, ParseUnsigned) {
  EXPECT_EQ(*parseUnsigned(SM, scalar("0x10000"), "'v'"), 0x10000u);
  EXPECT_EQ(*parseUnsigned(SM, scalar("65536"), "'v'"), 65536u);
  EXPECT_EQ(*parseUnsigned(SM, scalar("0"), "'v'"), 0u);
  EXPECT_EQ(*parseUnsigned(SM, scalar("0b101"), "'v'"), 5u);
  EXPECT_EQ(*parseUnsigned(SM, scalar("0o17"), "'v'"), 15u);
  EXPECT_EQ(*parseUnsigned(SM, scalar("0XFFFFFFFFFFFFFFFF"), "'v'"),
            ~uint64_t(0));
  EXPECT_EQ(*parseUnsigned(SM, scalar("\"0x20\""), "'v'"), 0x20u);

  EXPECT_EQ(firstLine(errorOf(parseUnsigned(SM, scalar("12k"), "'VMA'"))),
            "t.yaml:1:4: error: 'VMA' must be a non-negative integer "
            "(decimal, 0x hex, 0o octal or 0b binary), got '12k'");
  EXPECT_EQ(firstLine(errorOf(parseUnsigned(SM, scalar("0x"), "'VMA'"))),
            "t.yaml:1:4: error: 'VMA' must be a non-negative integer "
            "(decimal, 0x hex, 0o octal or 0b binary), got '0x'");
  EXPECT_EQ(firstLine(errorOf(parseUnsigned(SM, scalar("[1]"), "'VMA'"))),
            "t.yaml:1:4: error: 'VMA' must be a non-negative integer "
            "(decimal, 0x hex, 0o octal or 0b binary), got a sequence");
  EXPECT_EQ(firstLine(errorOf(parseUnsigned(SM, scalar("-1"), "'VMA'"))),
            "t.yaml:1:4: error: 'VMA' must not be negative, got '-1'");
  EXPECT_EQ(firstLine(errorOf(parseUnsigned(SM, scalar("010"), "'VMA'"))),
            "t.yaml:1:4: error: 'VMA' has an ambiguous leading zero in '010'; "
            "write it without the zero for decimal or with 0o for octal");
  EXPECT_EQ(firstLine(errorOf(
                parseUnsigned(SM, scalar("0x10000000000000000"), "'VMA'"))),
            "t.yaml:1:4: error: 'VMA' '0x10000000000000000' does not fit in 64 "
            "bits");
  EXPECT_EQ(firstLine(errorOf(
                parseUnsigned(SM, scalar("18446744073709551616"), "'VMA'"))),
            "t.yaml:1:4: error: 'VMA' '18446744073709551616' does not fit in "
            "64 bits");
}

TEST_F(YAMLTreeTest, ParseSigned) {
  EXPECT_EQ(*parseSigned(SM, scalar("-1"), "'v'"), -1);
  EXPECT_EQ(*parseSigned(SM, scalar("-0x10"), "'v'"), -16);
  EXPECT_EQ(*parseSigned(SM, scalar("42"), "'v'"), 42);
  EXPECT_EQ(*parseSigned(SM, scalar("-9223372036854775808"), "'v'"),
            INT64_MIN);
  EXPECT_EQ(*parseSigned(SM, scalar("0x7fffffffffffffff"), "'v'"), INT64_MAX);
  EXPECT_EQ(firstLine(errorOf(
                parseSigned(SM, scalar("9223372036854775808"), "'imm'"))),
            "t.yaml:1:4: error: 'imm' '9223372036854775808' does not fit in "
            "64 bits");
  EXPECT_EQ(firstLine(errorOf(parseSigned(SM, scalar("--1"), "'imm'"))),
            "t.yaml:1:4: error: 'imm' must be an integer (decimal, 0x hex, 0o "
            "octal or 0b binary), got '--1'");
}

TEST_F(YAMLTreeTest, ParseDouble) {
  EXPECT_EQ(*parseDouble(SM, scalar("1.0"), "'w'"), 1.0);
  EXPECT_EQ(*parseDouble(SM, scalar("10"), "'w'"), 10.0);
  EXPECT_EQ(*parseDouble(SM, scalar(".5"), "'w'"), 0.5);
  EXPECT_EQ(*parseDouble(SM, scalar("-2.5"), "'w'"), -2.5);
  EXPECT_EQ(*parseDouble(SM, scalar("1e3"), "'w'"), 1000.0);
  EXPECT_EQ(*parseDouble(SM, scalar("2.5E-1"), "'w'"), 0.25);
  for (const char *Bad : {"abc", "inf", "nan", ".", "1e", "0x10", "1,5", "e3"})
    EXPECT_EQ(firstLine(errorOf(parseDouble(SM, scalar(Bad), "'w'"))),
              std::string("t.yaml:1:4: error: 'w' must be a number such as 1, "
                          "1.0 or .5, got '") +
                  Bad + "'")
        << Bad;
  EXPECT_EQ(firstLine(errorOf(parseDouble(SM, scalar("1e999"), "'w'"))),
            "t.yaml:1:4: error: 'w' '1e999' is out of range");
}

TEST_F(YAMLTreeTest, ParseBool) {
  EXPECT_TRUE(*parseBool(SM, scalar("true"), "'b'"));
  EXPECT_FALSE(*parseBool(SM, scalar("false"), "'b'"));
  EXPECT_EQ(firstLine(errorOf(parseBool(SM, scalar("maybe"), "'b'"))),
            "t.yaml:1:4: error: 'b' must be true or false, got 'maybe'");
}

TEST_F(YAMLTreeTest, ExpectKinds) {
  YAMLNode N = scalar("x");
  EXPECT_EQ(firstLine(toString(expectMapping(SM, N, "'s'"))),
            "t.yaml:1:4: error: 's' must be a mapping (key: value), got 'x'");
  EXPECT_EQ(firstLine(toString(expectSequence(SM, N, "'s'"))),
            "t.yaml:1:4: error: 's' must be a sequence (- item or [a, b]), "
            "got 'x'");
  EXPECT_FALSE(expectScalar(SM, N, "'s'"));
}

TEST_F(YAMLTreeTest, AllowedKeysSuggestsNearMiss) {
  Expected<YAMLNode> Root = parse("VMA: 1\nsize: 2\n");
  ASSERT_TRUE(bool(Root));
  StringRef Allowed[] = {"VMA", "SIZE"};
  EXPECT_EQ(firstLine(toString(checkAllowedKeys(SM, *Root, Allowed, "x"))),
            "t.yaml:2:1: error: unknown key 'size' in x (did you mean "
            "'SIZE'?); allowed keys: VMA, SIZE");
}

// Printing then re-parsing gives the same values, whatever the input style.
static void expectSameTree(const YAMLNode &A, const YAMLNode &B) {
  ASSERT_EQ(A.K, B.K);
  EXPECT_EQ(A.Value, B.Value);
  ASSERT_EQ(A.Items.size(), B.Items.size());
  for (size_t I = 0; I < A.Items.size(); ++I)
    expectSameTree(A.Items[I], B.Items[I]);
  ASSERT_EQ(A.Entries.size(), B.Entries.size());
  for (size_t I = 0; I < A.Entries.size(); ++I) {
    EXPECT_EQ(A.Entries[I].key(), B.Entries[I].key());
    expectSameTree(A.Entries[I].Value, B.Entries[I].Value);
  }
}

TEST_F(YAMLTreeTest, PrintRoundTrips) {
  const char *Input = R"(top:
  plain: abc
  quoted: "a: b"
  single: 'it''s'
  commas: a,b,[c]
  empty:
  emptyseq: []
  emptymap: {}
  flow: {x: 1, y: [2, 3]}
  nested:
    - - a
      - b
    - [c, "d,e"]
    - k: v
      l:
        - 1
  block: |
    line1
    line2
  folded: this is
    one line
  list: [a,b, 'c d']
  mixed: [1, [2], {z: 3}]
  deep:
    - - {a: 1}
      - b
)";
  Expected<YAMLNode> Root = parse(Input);
  ASSERT_TRUE(bool(Root)) << toString(Root.takeError());
  const YAMLNode &Top = Root->Entries[0].Value;
  std::string Text;
  raw_string_ostream OS(Text);
  OS << "top:";
  printYAMLValue(OS, Top, 2);
  OS.flush();
  Expected<YAMLNode> Again = parse(Text);
  ASSERT_TRUE(bool(Again)) << toString(Again.takeError()) << "\n" << Text;
  expectSameTree(Top, Again->Entries[0].Value);
  // Scalars keep their quoting; short scalar lists stay on one line.
  EXPECT_NE(Text.find("  quoted: \"a: b\"\n"), std::string::npos) << Text;
  EXPECT_NE(Text.find("  list: [a, b, 'c d']\n"), std::string::npos) << Text;
  EXPECT_NE(Text.find("  nested:\n    - [a, b]\n    - [c, \"d,e\"]\n"
                      "    - k: v\n      l: [1]\n"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("  deep:\n    - - a: 1\n      - b\n"), std::string::npos)
      << Text;
  EXPECT_NE(Text.find("  block: \"line1\\nline2\\n\"\n"), std::string::npos)
      << Text;
}

TEST_F(YAMLTreeTest, QuoteScalar) {
  EXPECT_EQ(quoteYAMLScalar("riscv64-unknown-elf"), "riscv64-unknown-elf");
  EXPECT_EQ(quoteYAMLScalar("+a,-b"), "\"+a,-b\"");
  EXPECT_EQ(quoteYAMLScalar(""), "\"\"");
  EXPECT_EQ(quoteYAMLScalar("a\"b"), "\"a\\\"b\"");
}

} // namespace
