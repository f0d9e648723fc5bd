//===- RegisterStateTest.cpp - llvm-snippy register YAML round trips ------===//
#include "snipgen/Observers/RegisterState.h"

#include "gtest/gtest.h"

using namespace snipgen;

namespace {

std::string toYaml(const RegisterState &S) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  S.writeYaml(OS);
  return Text;
}

TEST(RegisterState, WritesSnippyLayout) {
  RegisterState S;
  S.XLen = 32;
  S.FLen = 0;
  for (unsigned I = 0; I < 32; ++I)
    S.X[I] = I == 5 ? 0xffffffff80000000ull : I;
  S.PC = 0x80000000;
  std::string Y = toYaml(S);
  EXPECT_EQ(Y.rfind("---\nregisters:\n  - [ X0, 0x00000000 ]\n  - [ X1, ", 0), 0u) << Y;
  EXPECT_NE(Y.find("  - [ X5, 0x80000000 ]\n"), std::string::npos) << Y;
  EXPECT_EQ(Y.find("F0"), std::string::npos);
  EXPECT_NE(Y.find("  - [ PC, 0x80000000 ]\n...\n"), std::string::npos) << Y;
}

TEST(RegisterState, RoundTrips) {
  RegisterState S;
  S.FLen = 64;
  for (unsigned I = 0; I < 32; ++I) {
    S.X[I] = 0x0123456789abcdefull * I;
    S.F[I] = ~0ull - I;
  }
  S.PC = 0x1000;
  std::vector<std::string> Warnings;
  auto Back = RegisterState::parseYaml(toYaml(S), "dump.yml", &Warnings);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  for (unsigned I = 0; I < 32; ++I) {
    EXPECT_EQ(Back->X[I], S.X[I]);
    EXPECT_EQ(Back->F[I], S.F[I]);
  }
  EXPECT_FALSE(Back->PC) << "PC is ignored when loading, like llvm-snippy";
  ASSERT_EQ(Warnings.size(), 1u);
  EXPECT_EQ(Warnings[0], "PC value from YAML has been ignored");
}

TEST(RegisterState, AcceptsPartialSetsAndAnyBase) {
  auto S = RegisterState::parseYaml("registers:\n  - [X3, 017]\n  - [ F2, 10 ]\n",
                                    "in.yml");
  ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
  EXPECT_EQ(S->X[3], 15u);
  EXPECT_EQ(S->F[2], 10u);
  EXPECT_FALSE(S->X[4]);
}

TEST(RegisterState, VectorRegistersRoundTrip) {
  // Wider than 64 bits; element 0 in the lowest digits.
  auto S = RegisterState::parseYaml(
      "registers:\n  - [ V3, 0x0102030405060708090a0b0c0d0e0f10 ]\n"
      "  - [ V0, 5 ]\n",
      "v.yml");
  ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
  ASSERT_TRUE(S->V[3]);
  EXPECT_EQ(S->V[3]->size(), 16u);
  EXPECT_EQ((*S->V[3])[0], 0x10);
  EXPECT_EQ((*S->V[3])[15], 0x01);
  ASSERT_TRUE(S->V[0]);
  EXPECT_EQ((*S->V[0])[0], 5);
  EXPECT_FALSE(S->V[1]);
  S->VLenB = 16;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  S->writeYaml(OS);
  EXPECT_NE(Out.find("  - [ V3, 0x0102030405060708090a0b0c0d0e0f10 ]\n"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("  - [ V0, 0x00000000000000000000000000000005 ]\n"),
            std::string::npos);
  EXPECT_NE(Out.find("  - [ V31, 0x00000000000000000000000000000000 ]\n"),
            std::string::npos);
}

std::string errorOf(llvm::StringRef Text) {
  auto S = RegisterState::parseYaml(Text, "in.yml");
  EXPECT_FALSE(bool(S));
  return S ? "" : llvm::toString(S.takeError());
}

TEST(RegisterState, ErrorsNameTheLocation) {
  EXPECT_EQ(errorOf("registers:\n  - [ X32, 1 ]\n"),
            "in.yml:2:7: error: unknown register 'X32' (allowed: X0..X31, "
            "F0..F31, V0..V31, PC)\n  - [ X32, 1 ]\n      ^");
  EXPECT_NE(errorOf("registers:\n  - [ V32, 1 ]\n").find("unknown register 'V32'"),
            std::string::npos);
  EXPECT_NE(errorOf("registers:\n  - [ V1, 0x1 ]\n  - [ V1, 2 ]\n")
                .find("duplicate value for register V1"),
            std::string::npos);
  EXPECT_NE(errorOf("registers:\n  - [ X1, zz ]\n").find(
                "in.yml:2:11: error: value 'zz' of register X1 is not a "
                "64-bit integer"),
            std::string::npos);
  EXPECT_NE(errorOf("registers:\n  - [ X1, 1 ]\n  - [ X1, 2 ]\n")
                .find("in.yml:3:7: error: duplicate value for register X1"),
            std::string::npos);
  EXPECT_NE(errorOf("regs:\n  - [ X1, 1 ]\n")
                .find("in.yml:1:1: error: unknown key (allowed: 'registers')"),
            std::string::npos);
  EXPECT_NE(errorOf("registers:\n  - X1\n")
                .find("in.yml:2:5: error: expected a [name, value] pair"),
            std::string::npos);
  EXPECT_NE(errorOf("").find("no 'registers' list found"), std::string::npos);
}

} // namespace
