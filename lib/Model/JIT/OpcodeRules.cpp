//===- OpcodeRules.cpp - Opcode names the compiled tier translates --------===//
//
// Every name here must also be registered by the interpreter (I.cpp, M.cpp,
// C.cpp, Zb.cpp, Zicond.cpp) with the operand order written next to its
// Shape; planBlock() additionally checks at run time that a slot carries the
// interpreter's handler for its opcode, so a slot that decoded to something
// without semantics is never compiled.
//===----------------------------------------------------------------------===//
#include "JIT/OpcodeRules.h"
#include "Decoder.h"
#include "Machine.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/MC/MCInstrInfo.h"

using namespace llvm;

namespace snipgen::model::jit {
namespace {

struct NamedRule {
  const char *Name;
  Rule R;
};

constexpr Rule alu(Shape S, Op O) { return Rule{S, O, Cond::Eq, 0, false, 0}; }
constexpr Rule rr(Op O) { return alu(Shape::RegReg, O); }
constexpr Rule ri(Op O) { return alu(Shape::RegImm, O); }
constexpr Rule un(Op O) { return alu(Shape::Unary, O); }
constexpr Rule shape(Shape S) { return alu(S, Op::Add); }
constexpr Rule load(uint8_t Size, bool Signed) {
  return Rule{Shape::Load, Op::Add, Cond::Eq, Size, Signed, 0};
}
constexpr Rule store(uint8_t Size) {
  return Rule{Shape::Store, Op::Add, Cond::Eq, Size, false, 0};
}
constexpr Rule branch(Shape S, Cond C) { return Rule{S, Op::Add, C, 0, false, 0}; }
constexpr Rule link(Shape S, uint8_t Reg) {
  return Rule{S, Op::Add, Cond::Eq, 0, false, Reg};
}

const NamedRule Table[] = {
    // RV32I / RV64I (I.cpp).
    {"ADD", rr(Op::Add)}, {"SUB", rr(Op::Sub)}, {"AND", rr(Op::And)},
    {"OR", rr(Op::Or)}, {"XOR", rr(Op::Xor)}, {"SLT", rr(Op::Slt)},
    {"SLTU", rr(Op::Sltu)}, {"SLL", rr(Op::Sll)}, {"SRL", rr(Op::Srl)},
    {"SRA", rr(Op::Sra)}, {"ADDI", ri(Op::Add)}, {"ANDI", ri(Op::And)},
    {"ORI", ri(Op::Or)}, {"XORI", ri(Op::Xor)}, {"SLTI", ri(Op::Slt)},
    {"SLTIU", ri(Op::Sltu)}, {"SLLI", ri(Op::Sll)}, {"SRLI", ri(Op::Srl)},
    {"SRAI", ri(Op::Sra)}, {"ADDW", rr(Op::AddW)}, {"SUBW", rr(Op::SubW)},
    {"SLLW", rr(Op::SllW)}, {"SRLW", rr(Op::SrlW)}, {"SRAW", rr(Op::SraW)},
    {"ADDIW", ri(Op::AddW)}, {"SLLIW", ri(Op::SllW)}, {"SRLIW", ri(Op::SrlW)},
    {"SRAIW", ri(Op::SraW)}, {"LUI", shape(Shape::UpperImm)},
    {"AUIPC", shape(Shape::AddUpperPC)}, {"JAL", shape(Shape::Jal)},
    {"JALR", shape(Shape::Jalr)}, {"BEQ", branch(Shape::Branch, Cond::Eq)},
    {"BNE", branch(Shape::Branch, Cond::Ne)},
    {"BLT", branch(Shape::Branch, Cond::Lt)},
    {"BGE", branch(Shape::Branch, Cond::Ge)},
    {"BLTU", branch(Shape::Branch, Cond::Ltu)},
    {"BGEU", branch(Shape::Branch, Cond::Geu)},
    {"LB", load(1, true)}, {"LH", load(2, true)}, {"LW", load(4, true)},
    {"LD", load(8, false)}, {"LBU", load(1, false)}, {"LHU", load(2, false)},
    {"LWU", load(4, false)}, {"SB", store(1)}, {"SH", store(2)},
    {"SW", store(4)}, {"SD", store(8)},
    // M (M.cpp).
    {"MUL", rr(Op::Mul)}, {"MULH", rr(Op::Mulh)}, {"MULHU", rr(Op::Mulhu)},
    {"MULHSU", rr(Op::Mulhsu)}, {"DIV", rr(Op::Div)}, {"DIVU", rr(Op::Divu)},
    {"REM", rr(Op::Rem)}, {"REMU", rr(Op::Remu)}, {"MULW", rr(Op::MulW)},
    {"DIVW", rr(Op::DivW)}, {"DIVUW", rr(Op::DivuW)}, {"REMW", rr(Op::RemW)},
    {"REMUW", rr(Op::RemuW)},
    // Integer C (C.cpp): CR forms are rd, rd, rs2 and CI forms rd, rs1, imm,
    // the same indices as their 32-bit counterparts.
    {"C_ADD", rr(Op::Add)}, {"C_SUB", rr(Op::Sub)}, {"C_AND", rr(Op::And)},
    {"C_OR", rr(Op::Or)}, {"C_XOR", rr(Op::Xor)}, {"C_ADDW", rr(Op::AddW)},
    {"C_SUBW", rr(Op::SubW)}, {"C_ADDI", ri(Op::Add)},
    {"C_ADDIW", ri(Op::AddW)}, {"C_ADDI16SP", ri(Op::Add)},
    {"C_ADDI4SPN", ri(Op::Add)}, {"C_ANDI", ri(Op::And)},
    {"C_SLLI", ri(Op::Sll)}, {"C_SRLI", ri(Op::Srl)}, {"C_SRAI", ri(Op::Sra)},
    {"C_LI", shape(Shape::LoadImm)}, {"C_LUI", shape(Shape::UpperImm)},
    {"C_MV", shape(Shape::Move)}, {"C_NOP", shape(Shape::Nop)},
    {"C_NOP_HINT", shape(Shape::Nop)}, {"C_J", link(Shape::JumpImm, 0)},
    {"C_JAL", link(Shape::JumpImm, 1)}, {"C_JR", link(Shape::JumpReg, 0)},
    {"C_JALR", link(Shape::JumpReg, 1)},
    {"C_BEQZ", branch(Shape::BranchZero, Cond::Eq)},
    {"C_BNEZ", branch(Shape::BranchZero, Cond::Ne)},
    {"C_LW", load(4, true)}, {"C_LWSP", load(4, true)},
    {"C_LD", load(8, false)}, {"C_LDSP", load(8, false)},
    {"C_SW", store(4)}, {"C_SWSP", store(4)}, {"C_SD", store(8)},
    {"C_SDSP", store(8)},
    // Zba, Zbb, Zbs (Zb.cpp). Zbc's carry-less products stay interpreted.
    {"SH1ADD", rr(Op::Sh1Add)}, {"SH2ADD", rr(Op::Sh2Add)},
    {"SH3ADD", rr(Op::Sh3Add)}, {"ADD_UW", rr(Op::AddUW)},
    {"SH1ADD_UW", rr(Op::Sh1AddUW)}, {"SH2ADD_UW", rr(Op::Sh2AddUW)},
    {"SH3ADD_UW", rr(Op::Sh3AddUW)}, {"SLLI_UW", ri(Op::SllUW)},
    {"ANDN", rr(Op::Andn)}, {"ORN", rr(Op::Orn)}, {"XNOR", rr(Op::Xnor)},
    {"CLZ", un(Op::Clz)}, {"CTZ", un(Op::Ctz)}, {"CPOP", un(Op::Cpop)},
    {"CLZW", un(Op::ClzW)}, {"CTZW", un(Op::CtzW)}, {"CPOPW", un(Op::CpopW)},
    {"MAX", rr(Op::Max)}, {"MIN", rr(Op::Min)}, {"MAXU", rr(Op::Maxu)},
    {"MINU", rr(Op::Minu)}, {"SEXT_B", un(Op::SextB)},
    {"SEXT_H", un(Op::SextH)}, {"ZEXT_H_RV32", un(Op::ZextH)},
    {"ZEXT_H_RV64", un(Op::ZextH)}, {"ROL", rr(Op::Rol)},
    {"ROR", rr(Op::Ror)}, {"RORI", ri(Op::Ror)}, {"ROLW", rr(Op::RolW)},
    {"RORW", rr(Op::RorW)}, {"RORIW", ri(Op::RorW)}, {"ORC_B", un(Op::OrcB)},
    {"REV8_RV32", un(Op::Rev8)}, {"REV8_RV64", un(Op::Rev8)},
    {"BCLR", rr(Op::Bclr)}, {"BCLRI", ri(Op::Bclr)}, {"BSET", rr(Op::Bset)},
    {"BSETI", ri(Op::Bset)}, {"BINV", rr(Op::Binv)}, {"BINVI", ri(Op::Binv)},
    {"BEXT", rr(Op::Bext)}, {"BEXTI", ri(Op::Bext)},
    // Zicond (Zicond.cpp).
    {"CZERO_EQZ", rr(Op::CzeroEqz)}, {"CZERO_NEZ", rr(Op::CzeroNez)},
};

/// The offset operand of a direct branch or jump, or none.
bool directOffset(const Rule &R, const Decoded &D, int64_t &Offset) {
  switch (R.S) {
  case Shape::Branch: Offset = D.Ops[2]; return true;
  case Shape::BranchZero:
  case Shape::Jal: Offset = D.Ops[1]; return true;
  case Shape::JumpImm: Offset = D.Ops[0]; return true;
  default: return false;
  }
}

} // namespace

const OpcodeRules &OpcodeRules::get(const MCInstrInfo &MII) {
  static const OpcodeRules Rules(MII);
  return Rules;
}

OpcodeRules::OpcodeRules(const MCInstrInfo &MII) {
  StringMap<unsigned> ByName;
  for (unsigned Op = 0, E = MII.getNumOpcodes(); Op != E; ++Op)
    ByName[MII.getName(Op)] = Op;
  ByOpcode.assign(MII.getNumOpcodes(), Rule());
  // A name LLVM does not know (renamed between releases) simply stays
  // interpreted; the opcode-coverage tests of the interpreter catch renames.
  for (const NamedRule &N : Table) {
    auto It = ByName.find(N.Name);
    if (It != ByName.end())
      ByOpcode[It->second] = N.R;
  }
}

BlockPlan planBlock(const Decoded &Start, const Decoded *PageEnd,
                    const OpcodeRules &Rules, const Decoder &Dec,
                    const TargetInfo &T) {
  BlockPlan Plan;
  const Decoded *D = &Start;
  uint64_t EndPC = Start.PC;
  while (D) {
    // Undecoded slots (including the never-cached stop pc) and slots whose
    // encoding has no semantics end the block.
    if (D->Fn == decodeOnMiss || D->Fn != Dec.handlerFor(D->Opcode))
      break;
    const Rule &R = Rules[D->Opcode];
    if (R.S == Shape::Unsupported)
      break;
    int64_t Offset = 0;
    bool Direct = directOffset(R, *D, Offset);
    uint64_t Target = (D->PC + uint64_t(Offset)) & T.AddrMask;
    if (Direct && (Target & T.JumpAlignMask))
      break; // The interpreter raises instruction-address-misaligned.
    Plan.Insts.push_back(D);
    EndPC = D->PC + D->Size;
    if (isControl(R.S)) {
      Plan.EndsInControl = true;
      Plan.SelfLoop = Direct && Target == Start.PC;
      return Plan;
    }
    // The successor by address, not D->Next: the engine clears Next of
    // slots where compiled code hands over to the interpreter.
    D = D + D->Size / 2 < PageEnd ? D + D->Size / 2 : nullptr;
  }
  Plan.FallThrough = D;
  Plan.EndPC = EndPC;
  return Plan;
}

} // namespace snipgen::model::jit
