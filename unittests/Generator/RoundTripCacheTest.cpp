//===- RoundTripCacheTest.cpp - Round-trip checks agree with LLVM ---------===//
#include "snipgen/Generator/RoundTripCache.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrInfo.h"
#include "gtest/gtest.h"
#include <cstdlib>

using namespace snipgen;
using namespace llvm;

namespace {

std::unique_ptr<MCEnvironment> rv64gc() {
  SubtargetSelection Sel;
  Sel.TheTriple = Triple("riscv64");
  Sel.CPU = "generic-rv64";
  Sel.Features = "+m,+a,+f,+d,+c";
  Sel.ABI = "lp64d";
  return cantFail(MCEnvironment::create(Sel));
}

bool same(const MCInst &A, const MCInst &B) {
  if (A.getOpcode() != B.getOpcode() || A.getNumOperands() != B.getNumOperands())
    return false;
  for (unsigned I = 0; I < A.getNumOperands(); ++I) {
    const MCOperand &X = A.getOperand(I), &Y = B.getOperand(I);
    if (X.isReg() != Y.isReg() || X.isImm() != Y.isImm() ||
        (X.isReg() && X.getReg() != Y.getReg()) ||
        (X.isImm() && X.getImm() != Y.getImm()))
      return false;
  }
  return true;
}

struct Shape {
  const char *Opcode;
  const char *Regs[3]; // register file per operand ("X", "F_D", "XC": x8-x15)
  int64_t ImmLo, ImmHi, ImmStep;
};

MCInst draw(const MCEnvironment &Env, const Shape &S, RandomEngine &RNG) {
  MCInst I;
  I.setOpcode(Env.findOpcode(S.Opcode));
  for (const char *R : S.Regs) {
    if (!R)
      break;
    std::string Name;
    if (StringRef(R) == "XC")
      Name = "X" + std::to_string(8 + RNG.below(8));
    else if (StringRef(R) == "F_D")
      Name = "F" + std::to_string(RNG.below(32)) + "_D";
    else
      Name = "X" + std::to_string(RNG.below(32));
    I.addOperand(MCOperand::createReg(Env.findRegister(Name)));
  }
  if (S.ImmStep)
    I.addOperand(MCOperand::createImm(
        S.ImmLo + int64_t(RNG.below((S.ImmHi - S.ImmLo) / S.ImmStep + 1)) *
                      S.ImmStep));
  return I;
}

} // namespace

// Whatever the cache says is known to round-trip, LLVM's disassembler
// agrees with; and after a warm-up it answers most checks itself. The mix has
// wrong instructions too (immediates out of range), which it must never
// accept.
TEST(RoundTripCacheTest, AgreesWithLLVM) {
  auto Env = rv64gc();
  auto Cache = RoundTripCache::create(*Env);
  ASSERT_TRUE(Cache);
  const Shape Shapes[] = {
      {"ADDI", {"X", "X"}, -2048, 2047, 1},
      {"ADDI", {"X", "X"}, -4096, 4095, 1}, // half of them do not fit
      {"LW", {"X", "X"}, -2048, 2047, 1},
      {"SD", {"X", "X"}, -2048, 2047, 1},
      {"ADD", {"X", "X", "X"}, 0, 0, 0},
      {"SLLI", {"X", "X"}, 0, 63, 1},
      {"SLLI", {"X", "X"}, 0, 70, 1}, // 64..70 do not fit
      {"LUI", {"X"}, 0, (1 << 20) - 1, 1},
      {"FADD_D", {"F_D", "F_D", "F_D"}, 0, 7, 1}, // rounding mode
      {"C_ADDI", {"X", "X"}, -32, 31, 1},          // rd = x0 / imm = 0 forms
      {"C_LW", {"XC", "XC"}, 0, 124, 4},
      {"C_LW", {"XC", "XC"}, 0, 130, 2}, // misaligned offsets do not fit
  };
  RandomEngine RNG(7);
  uint64_t Checked = 0, Wrong = 0;
  SmallVector<char, 8> Buf;
  MCInst Back;
  for (unsigned N = 0; N < 40000; ++N) {
    const Shape &S = Shapes[RNG.below(std::size(Shapes))];
    MCInst I = draw(*Env, S, RNG);
    // C_ADDI's destination is tied to its source.
    if (StringRef(S.Opcode) == "C_ADDI")
      I.getOperand(1) = I.getOperand(0);
    Buf.clear();
    if (!Env->encode(I, Buf))
      continue;
    ArrayRef<uint8_t> Bytes(reinterpret_cast<const uint8_t *>(Buf.data()),
                            Buf.size());
    bool LLVMSays = Env->decode(Bytes, 0, Back) == Buf.size() && same(I, Back);
    ++Checked;
    Wrong += !LLVMSays;
    if (Cache->knownToRoundTrip(I, Bytes)) {
      ASSERT_TRUE(LLVMSays) << Env->print(I) << " accepted, LLVM decodes "
                            << Env->print(Back);
      continue;
    }
    if (LLVMSays)
      Cache->learnFrom(Bytes, Back);
  }
  EXPECT_GT(Wrong, 1000u);
  EXPECT_GT(Cache->templates(), 5u);
  EXPECT_GT(Cache->hits(), Checked / 2);
}

// A register of another file with the same number encodes the same bits:
// only LLVM's own register for that number and operand is accepted.
TEST(RoundTripCacheTest, RegistersCompareByIdentity) {
  auto Env = rv64gc();
  auto Cache = RoundTripCache::create(*Env);
  BasicBlock B;
  CodeBuffer Out(*Env, B, Cache.get());
  auto Addi = [&](const char *Rd, const char *Rs, int64_t Imm) {
    MCInst I;
    I.setOpcode(Env->findOpcode("ADDI"));
    I.addOperand(MCOperand::createReg(Env->findRegister(Rd)));
    I.addOperand(MCOperand::createReg(Env->findRegister(Rs)));
    I.addOperand(MCOperand::createImm(Imm));
    return I;
  };
  for (int I = 0; I < 4 * int(RoundTripCache::LearnAfter); ++I)
    Out.emit(Addi("X5", "X6", I));
  ASSERT_FALSE(bool(Out.takeError()));
  EXPECT_GT(Cache->hits(), 0u);
  uint64_t Hits = Cache->hits();
  Out.emit(Addi("F5_D", "X6", 1));
  Error E = Out.takeError();
  ASSERT_TRUE(bool(E));
  EXPECT_NE(toString(std::move(E)).find("does not round-trip"),
            std::string::npos);
  EXPECT_EQ(Cache->hits(), Hits);
}

// With a template learned, an out-of-range immediate still gets LLVM's
// message (the cache never answers "no").
TEST(RoundTripCacheTest, MismatchMessageComesFromLLVM) {
  auto Env = rv64gc();
  auto Cache = RoundTripCache::create(*Env);
  BasicBlock B;
  CodeBuffer Out(*Env, B, Cache.get());
  MCInst I;
  I.setOpcode(Env->findOpcode("ADDI"));
  I.addOperand(MCOperand::createReg(Env->findRegister("X5")));
  I.addOperand(MCOperand::createReg(Env->findRegister("X6")));
  I.addOperand(MCOperand::createImm(0));
  for (int K = 0; K < 4 * int(RoundTripCache::LearnAfter); ++K) {
    I.getOperand(2).setImm(K);
    Out.emit(I);
  }
  ASSERT_FALSE(bool(Out.takeError()));
  ASSERT_GT(Cache->templates(), 0u);
  I.getOperand(2).setImm(5000);
  Out.emit(I);
  Error E = Out.takeError();
  ASSERT_TRUE(bool(E));
  std::string Msg = toString(std::move(E));
  EXPECT_NE(Msg.find("instruction 'addi t0, t1, 5000' does not round-trip: "
                     "its encoding decodes as 'addi t0, t1, 904'"),
            std::string::npos)
      << Msg;
}

TEST(RoundTripCacheTest, OffSendsEverythingToLLVM) {
  auto Env = rv64gc();
  ::setenv("SNIPGEN_PREDECODE", "off", 1);
  auto Cache = RoundTripCache::create(*Env);
  ::unsetenv("SNIPGEN_PREDECODE");
  EXPECT_FALSE(Cache);
  EXPECT_TRUE(RoundTripCache::create(*Env));
}
