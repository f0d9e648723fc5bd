//===- OpcodeRules.h - Which instructions the compiled tier handles -*- C++ -*-===//
//
// The compiled tier knows instructions by LLVM opcode name, like the
// interpreter's semantic table. Each supported opcode maps to a rule: the
// shape of its operands (which Decoded::Ops index is rd, rs1, an immediate,
// mirroring the interpreter's handler for that opcode) and the operation.
// Opcodes without a rule end a block and are interpreted.
//
// BlockPlan is the straight-line run of decoded instructions one compiled
// function covers; planBlock() forms it from a hot start slot.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_JIT_OPCODERULES_H
#define SNIPGEN_LIB_MODEL_JIT_OPCODERULES_H

#include "Semantics.h"
#include <cstdint>
#include <vector>

namespace llvm {
class MCInstrInfo;
}

namespace snipgen {
class OpcodeIndex;
}

namespace snipgen::model {
class Decoder;

namespace jit {

/// Operand layout, by Decoded::Ops index.
enum class Shape : uint8_t {
  Unsupported,
  RegReg,     // rd, rs1, rs2             rd = op(rs1, rs2)
  RegImm,     // rd, rs1, imm             rd = op(rs1, imm)
  Unary,      // rd, rs1                  rd = op(rs1)
  UpperImm,   // rd, imm20                LUI, C_LUI
  AddUpperPC, // rd, imm20                AUIPC
  LoadImm,    // rd, imm                  C_LI
  Move,       // rd, rs                   C_MV
  Nop,        //                          C_NOP, C_NOP_HINT
  Load,       // rd, rs1, imm
  Store,      // rs2, rs1, imm
  Branch,     // rs1, rs2, offset
  BranchZero, // rs1, offset              C_BEQZ, C_BNEZ
  Jal,        // rd, offset
  JumpImm,    // offset (link in Rule::Link: C_JAL writes ra)  C_J, C_JAL
  Jalr,       // rd, rs1, imm
  JumpReg,    // rs1 (link in Rule::Link)  C_JR, C_JALR
  Call,       // The interpreter's handler, called from compiled code:
              // F/D/Zfh arithmetic (soft-float). Touches no memory and
              // transfers no control; raising leaves the block before it.
};

/// The operation of RegReg/RegImm/Unary rules, named after the RISC-V
/// mnemonic whose interpreter handler it mirrors.
enum class Op : uint8_t {
  Add, Sub, And, Or, Xor, Slt, Sltu, Sll, Srl, Sra,
  AddW, SubW, SllW, SrlW, SraW,
  Mul, Mulh, Mulhu, Mulhsu, Div, Divu, Rem, Remu,
  MulW, DivW, DivuW, RemW, RemuW,
  Sh1Add, Sh2Add, Sh3Add, AddUW, Sh1AddUW, Sh2AddUW, Sh3AddUW, SllUW,
  Andn, Orn, Xnor, Max, Min, Maxu, Minu, Rol, Ror, RolW, RorW,
  Bclr, Bset, Binv, Bext, CzeroEqz, CzeroNez,
  // Unary.
  Clz, Ctz, Cpop, ClzW, CtzW, CpopW, SextB, SextH, ZextH, OrcB, Rev8,
};

enum class Cond : uint8_t { Eq, Ne, Lt, Ge, Ltu, Geu };

struct Rule {
  Shape S = Shape::Unsupported;
  Op O = Op::Add;
  Cond C = Cond::Eq;
  uint8_t Size = 0;    // Load/Store: access bytes.
  bool Signed = false; // Load: sign-extend the value.
  uint8_t Link = 0;    // JumpImm/JumpReg: register written with pc + size.
  // Call: the handler reads X registers (compiled code stores the ones it
  // changed first) / writes X[Ops[0]] (compiled code reloads it after).
  bool ReadsX = false, WritesX = false;
};

/// Whether an instruction of this shape transfers control (and so ends a
/// block, computing the next pc in the compiled code).
inline bool isControl(Shape S) {
  return S == Shape::Branch || S == Shape::BranchZero || S == Shape::Jal ||
         S == Shape::JumpImm || S == Shape::Jalr || S == Shape::JumpReg;
}
/// Whether compiled code may leave the block before this instruction,
/// handing it to the interpreter (a load/store outside the fast-path
/// window, a misaligned indirect jump target).
inline bool mayExitBefore(Shape S) {
  return S == Shape::Load || S == Shape::Store || S == Shape::Jalr ||
         S == Shape::JumpReg;
}

/// Rules indexed by opcode number, resolved from names once per process
/// (every RISC-V MCInstrInfo numbers opcodes alike) on first use.
class OpcodeRules {
public:
  static const OpcodeRules &get(const Decoder &Dec);
  OpcodeRules(const OpcodeIndex &ByName, unsigned NumOpcodes);
  const Rule &operator[](unsigned Opcode) const {
    static const Rule None;
    return Opcode < ByOpcode.size() ? ByOpcode[Opcode] : None;
  }

private:
  std::vector<Rule> ByOpcode;
};

/// Constants of the hart that compiled code bakes in (fixed per machine).
struct TargetInfo {
  unsigned XLen = 64;
  uint64_t AddrMask = ~0ull;
  uint64_t AlignCheck = ~0ull;
  uint64_t JumpAlignMask = 1;
};

/// A straight-line run of decoded instructions of one decode page.
struct BlockPlan {
  std::vector<const Decoded *> Insts;
  /// The last instruction is a branch or jump: compiled code writes H.PC.
  bool EndsInControl = false;
  /// ... a direct one back to the first instruction: compiled code loops by
  /// itself while the step budget allows another iteration.
  bool SelfLoop = false;
  /// Otherwise: the slot to interpret next (the first instruction the block
  /// does not cover), or null at the end of the page, with EndPC its pc.
  const Decoded *FallThrough = nullptr;
  uint64_t EndPC = 0;
};

/// Collects the block starting at Start: instructions whose slot is decoded
/// with the interpreter's own handler for their opcode and that have a rule,
/// up to and including the first branch or jump. A direct jump or branch
/// whose target is misaligned is left to the interpreter (it may raise).
/// PageEnd is one past the last slot of Start's decode page.
BlockPlan planBlock(const Decoded &Start, const Decoded *PageEnd,
                    const OpcodeRules &Rules, const Decoder &Dec,
                    const TargetInfo &T);

} // namespace jit
} // namespace snipgen::model

#endif
