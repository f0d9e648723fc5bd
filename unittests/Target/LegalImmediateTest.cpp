// Immediate domains are what the ISA allows, not what the decoder accepts:
// every value the catalogue lets the generator emit must assemble back to
// the same instruction (AssemblerCheck: the MC asm parser, +exact-asm).
#include "TargetTestUtil.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/AssemblerCheck.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/MC/MCInst.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

namespace {

// The manual's platform list of Z*/S* extensions.
const char *const Extensions[] = {
    "zba",     "zbb",      "zbc",         "zbs",     "zbkb",   "zbkc",
    "zbkx",    "zknd",     "zkne",        "zknh",    "zksed",  "zksh",
    "zacas",   "zabha",    "zfa",         "zfinx",   "zdinx",  "zhinx",
    "zhinxmin", "zfh",     "zfhmin",      "zfbfmin", "zcb",    "zcmop",
    "zimop",   "zicbom",   "zicbop",      "zicboz",  "zihintntl",
    "zihintpause", "zicond", "svinval"};

// Zfa's FP forms and Zabha's/Zacas' need their base extensions.
std::string featuresFor(StringRef Ext) {
  std::string F = "+" + Ext.str();
  if (Ext == "zfa")
    F += ",+d,+zfh";
  if (Ext == "zabha" || Ext == "zacas")
    F += ",+a,+zacas";
  if (Ext == "zcb")
    F += ",+m,+zbb,+zba";
  return F;
}

/// An instance of Op with every operand legal: the middle legal register,
/// the first legal immediate.
MCInst instanceOf(const OpcodeDesc &Op) {
  MCInst I;
  I.setOpcode(Op.Opcode);
  for (const OperandDesc &OD : Op.Operands) {
    if (OD.TiedTo >= 0) {
      I.addOperand(I.getOperand(OD.TiedTo));
      continue;
    }
    if (OD.isReg()) {
      unsigned R = OD.LegalRegs.empty() ? 0
                                        : OD.LegalRegs[OD.LegalRegs.size() / 2];
      I.addOperand(MCOperand::createReg(R));
      continue;
    }
    const ImmediateDomain &D = OD.Imm;
    I.addOperand(MCOperand::createImm(
        D.isExplicit() ? D.Values.front() : (D.contains(0) ? 0 : D.Min)));
  }
  return I;
}

/// Every value of the field if there are at most 4096, else its edges and
/// random draws.
std::vector<int64_t> emittableValues(const ImmediateDomain &D,
                                     RandomEngine &RNG) {
  if (D.isExplicit())
    return D.Values;
  std::vector<int64_t> Vs;
  if (D.count() <= 4096) {
    for (uint64_t K = 0, N = ((uint64_t)D.Max - (uint64_t)D.Min) / D.Step + 1;
         K < N; ++K) {
      int64_t V = (int64_t)((uint64_t)D.Min + K * D.Step);
      if (D.contains(V))
        Vs.push_back(V);
    }
    return Vs;
  }
  for (int64_t V : {D.Min, D.Max, D.Min + (int64_t)D.Step,
                    D.Max - (int64_t)D.Step, int64_t(0)})
    if (D.contains(V))
      Vs.push_back(V);
  for (int K = 0; K < 256; ++K)
    Vs.push_back(D.draw(RNG));
  return Vs;
}

void checkEveryImmediate(const std::string &Triple, StringRef Ext,
                         unsigned &Opcodes, unsigned &Values) {
  const TestSubtarget &Base = getSubtarget(Triple, "");
  const TestSubtarget &S = getSubtarget(Triple, featuresFor(Ext));
  AssemblerCheck Asm(*S.Env);
  RandomEngine RNG(1);
  unsigned Own = 0;
  for (const OpcodeDesc &Op : S.Cat->available()) {
    if (Base.Cat->lookup(Op.Name))
      continue; // base ISA: checked once, below
    ++Own;
    MCInst Inst = instanceOf(Op);
    ASSERT_TRUE(Asm.accepts(Inst)[0])
        << Triple << " " << Ext.str() << ": base instance of " << Op.Name.str()
        << " " << Asm.explain(Inst);
    std::vector<MCInst> Insts;
    for (unsigned Idx = 0; Idx < Op.Operands.size(); ++Idx) {
      const OperandDesc &OD = Op.Operands[Idx];
      if (OD.Role != OperandRole::Immediate || OD.TiedTo >= 0)
        continue;
      for (int64_t V : emittableValues(OD.Imm, RNG)) {
        MCInst I = Inst;
        I.getOperand(Idx) = MCOperand::createImm(V);
        for (unsigned J = 0; J < Op.Operands.size(); ++J)
          if (Op.Operands[J].TiedTo == (int)Idx)
            I.getOperand(J) = I.getOperand(Idx);
        Insts.push_back(I);
      }
    }
    std::vector<bool> Ok = Asm.accepts(Insts);
    for (size_t K = 0; K < Insts.size(); ++K)
      EXPECT_TRUE(Ok[K]) << Triple << " " << Ext.str() << " " << Op.Name.str()
                         << ": " << Asm.explain(Insts[K]);
    Values += Insts.size();
  }
  Opcodes += Own;
  // Every extension of the list brings opcodes of its own, but for the
  // hints: PAUSE and NTL.* are base-ISA encodings (FENCE, ADD) in LLVM.
  if (Ext != "zihintntl" && Ext != "zihintpause")
    EXPECT_GT(Own, 0u) << Triple << " " << Ext.str();
}

} // namespace

TEST(LegalImmediateTest, AssemblerRefusesReservedValues) {
  const TestSubtarget &S = getSubtarget("riscv64", "+zkn");
  AssemblerCheck Asm(*S.Env);
  const OpcodeDesc *KS1 = S.Cat->lookup("AES64KS1I");
  ASSERT_TRUE(KS1);
  MCInst I = instanceOf(*KS1);
  I.getOperand(2) = MCOperand::createImm(11);
  EXPECT_FALSE(Asm.accepts(I)[0]);
  EXPECT_NE(Asm.explain(I).find("[0, 10]"), std::string::npos)
      << Asm.explain(I);
  I.getOperand(2) = MCOperand::createImm(10);
  EXPECT_TRUE(Asm.accepts(I)[0]) << Asm.explain(I);
}

TEST(LegalImmediateTest, RoundNumbersAreTheISAs) {
  const ImmediateDomain &Rnum =
      getSubtarget("riscv64", "+zkn").Cat->lookup("AES64KS1I")->Operands[2].Imm;
  std::vector<int64_t> Want;
  for (int64_t V = 0; V <= 10; ++V)
    Want.push_back(V);
  EXPECT_EQ(Rnum.Values, Want);
  EXPECT_EQ(Rnum.Min, 0);
  EXPECT_EQ(Rnum.Max, 10);
  // SM4 byte selects are all legal: 0..3.
  const ImmediateDomain &Bs =
      getSubtarget("riscv64", "+zksed").Cat->lookup("SM4ED")->Operands[3].Imm;
  EXPECT_EQ(Bs.Values, (std::vector<int64_t>{0, 1, 2, 3}));
  // Decoder-only checks stay: reserved rounding modes are still out.
  EXPECT_EQ(getSubtarget("riscv64", "+f").Cat->lookup("FADD_S")->Operands[3]
                .Imm.Values,
            (std::vector<int64_t>{0, 1, 2, 3, 4, 7}));
}

TEST(LegalImmediateTest, EveryEmittableImmediateAssembles) {
  unsigned Opcodes = 0, Values = 0;
  for (const char *Triple : {"riscv64", "riscv32"})
    for (const char *Ext : Extensions)
      checkEveryImmediate(Triple, Ext, Opcodes, Values);
  // The base ISA itself (and C, M, A, F, D).
  for (const char *Triple : {"riscv64", "riscv32"}) {
    const TestSubtarget &S = getSubtarget(Triple, "+m,+a,+f,+d,+c");
    AssemblerCheck Asm(*S.Env);
    RandomEngine RNG(2);
    for (const OpcodeDesc &Op : S.Cat->available()) {
      MCInst Inst = instanceOf(Op);
      std::vector<MCInst> Insts{Inst};
      for (unsigned Idx = 0; Idx < Op.Operands.size(); ++Idx)
        if (Op.Operands[Idx].Role == OperandRole::Immediate &&
            Op.Operands[Idx].TiedTo < 0)
          for (int64_t V : emittableValues(Op.Operands[Idx].Imm, RNG)) {
            MCInst I = Inst;
            I.getOperand(Idx) = MCOperand::createImm(V);
            for (unsigned J = 0; J < Op.Operands.size(); ++J)
              if (Op.Operands[J].TiedTo == (int)Idx)
                I.getOperand(J) = I.getOperand(Idx);
            Insts.push_back(I);
          }
      std::vector<bool> Ok = Asm.accepts(Insts);
      for (size_t K = 0; K < Insts.size(); ++K)
        EXPECT_TRUE(Ok[K]) << Triple << " " << Op.Name.str() << ": "
                           << Asm.explain(Insts[K]);
      Values += Insts.size();
      ++Opcodes;
    }
  }
  RecordProperty("Opcodes", Opcodes);
  RecordProperty("Values", Values);
  std::printf("checked %u opcodes, %u immediate values\n", Opcodes, Values);
}
