//===- OpcodeRules.cpp - Opcode names the compiled tier translates --------===//
//
// Every name here must also be registered by the interpreter (I.cpp, M.cpp,
// C.cpp, Zb.cpp, Zicond.cpp) with the operand order written next to its
// Shape; planBlock() additionally checks at run time that a slot carries the
// interpreter's handler for its opcode, so a slot that decoded to something
// without semantics is never compiled.
//===----------------------------------------------------------------------===//
#include "JIT/OpcodeRules.h"
#include "OpcodeIndex.h"
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
constexpr Rule call(bool ReadsX = false, bool WritesX = false) {
  return Rule{Shape::Call, Op::Add, Cond::Eq, 0, false, 0, ReadsX, WritesX};
}
constexpr Rule callToX() { return call(false, true); }
constexpr Rule callFromX() { return call(true, false); }

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
    // F, D, Zfh arithmetic on F registers (F.cpp, D.cpp, Zfh.cpp): compiled
    // as calls of the interpreter's own handlers (soft-float), so that FP
    // instructions do not cut integer code into blocks too short to pay for
    // the compiled tier's entry and exit. Loads and stores of F registers
    // stay interpreted. (Zfinx's *_INX forms have other names.)
    {"FADD_S", call()}, {"FSUB_S", call()}, {"FMUL_S", call()},
    {"FDIV_S", call()}, {"FSQRT_S", call()}, {"FMADD_S", call()},
    {"FMSUB_S", call()}, {"FNMSUB_S", call()}, {"FNMADD_S", call()},
    {"FMIN_S", call()}, {"FMAX_S", call()}, {"FSGNJ_S", call()},
    {"FSGNJN_S", call()}, {"FSGNJX_S", call()},
    {"FEQ_S", callToX()}, {"FLT_S", callToX()}, {"FLE_S", callToX()},
    {"FCLASS_S", callToX()}, {"FCVT_W_S", callToX()},
    {"FCVT_WU_S", callToX()}, {"FCVT_L_S", callToX()},
    {"FCVT_LU_S", callToX()}, {"FCVT_S_W", callFromX()},
    {"FCVT_S_WU", callFromX()}, {"FCVT_S_L", callFromX()},
    {"FCVT_S_LU", callFromX()},
    {"FADD_D", call()}, {"FSUB_D", call()}, {"FMUL_D", call()},
    {"FDIV_D", call()}, {"FSQRT_D", call()}, {"FMADD_D", call()},
    {"FMSUB_D", call()}, {"FNMSUB_D", call()}, {"FNMADD_D", call()},
    {"FMIN_D", call()}, {"FMAX_D", call()}, {"FSGNJ_D", call()},
    {"FSGNJN_D", call()}, {"FSGNJX_D", call()},
    {"FEQ_D", callToX()}, {"FLT_D", callToX()}, {"FLE_D", callToX()},
    {"FCLASS_D", callToX()}, {"FCVT_W_D", callToX()},
    {"FCVT_WU_D", callToX()}, {"FCVT_L_D", callToX()},
    {"FCVT_LU_D", callToX()}, {"FCVT_D_W", callFromX()},
    {"FCVT_D_WU", callFromX()}, {"FCVT_D_L", callFromX()},
    {"FCVT_D_LU", callFromX()},
    {"FADD_H", call()}, {"FSUB_H", call()}, {"FMUL_H", call()},
    {"FDIV_H", call()}, {"FSQRT_H", call()}, {"FMADD_H", call()},
    {"FMSUB_H", call()}, {"FNMSUB_H", call()}, {"FNMADD_H", call()},
    {"FMIN_H", call()}, {"FMAX_H", call()}, {"FSGNJ_H", call()},
    {"FSGNJN_H", call()}, {"FSGNJX_H", call()},
    {"FEQ_H", callToX()}, {"FLT_H", callToX()}, {"FLE_H", callToX()},
    {"FCLASS_H", callToX()}, {"FCVT_W_H", callToX()},
    {"FCVT_WU_H", callToX()}, {"FCVT_L_H", callToX()},
    {"FCVT_LU_H", callToX()}, {"FCVT_H_W", callFromX()},
    {"FCVT_H_WU", callFromX()}, {"FCVT_H_L", callFromX()},
    {"FCVT_H_LU", callFromX()},
    {"FMV_X_W", callToX()}, {"FMV_W_X", callFromX()}, {"FMV_X_D", callToX()},
    {"FMV_D_X", callFromX()}, {"FMV_X_H", callToX()}, {"FMV_H_X", callFromX()},
    {"FCVT_S_D", call()}, {"FCVT_D_S", call()}, {"FCVT_S_H", call()},
    {"FCVT_H_S", call()}, {"FCVT_D_H", call()}, {"FCVT_H_D", call()},
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

const OpcodeRules &OpcodeRules::get(const Decoder &Dec) {
  static const OpcodeRules Rules(Dec.opcodeIndex(),
                                 Dec.instrInfo().getNumOpcodes());
  return Rules;
}

OpcodeRules::OpcodeRules(const OpcodeIndex &ByName, unsigned NumOpcodes) {
  ByOpcode.assign(NumOpcodes, Rule());
  // A name LLVM does not know (renamed between releases) simply stays
  // interpreted; the opcode-coverage tests of the interpreter catch renames.
  for (const NamedRule &N : Table)
    if (unsigned Op = ByName.find(N.Name); Op != ~0u)
      ByOpcode[Op] = N.R;
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
