//===- X86Encoder.h - x86-64 machine code through LLVM's MC layer -*- C++ -*-===//
//
// The direct compiler (DirectCompiler.h) writes host code without LLVM's
// code generator, but not without LLVM: every instruction is an MCInst
// encoded by LLVM's own X86 MCCodeEmitter, with opcode and register numbers
// looked up by name in LLVM's X86 MCInstrInfo / MCRegisterInfo, as the
// model does for RISC-V. Nothing here knows an x86 encoding; it knows which
// instructions it wants and the operand order of their MCInsts (checked
// against each opcode's MCInstrDesc when the encoder is created).
//
// Assembler collects one block's instructions and resolves jumps to labels
// (32-bit relative jumps: their displacement is the last four bytes of the
// encoded instruction, patched once both ends are known).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_JIT_X86_X86ENCODER_H
#define SNIPGEN_LIB_MODEL_JIT_X86_X86ENCODER_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/MC/MCInst.h"
#include <array>
#include <cstdint>
#include <memory>
#include <string>

namespace llvm {
class MCCodeEmitter;
class MCContext;
class MCSubtargetInfo;
} // namespace llvm

namespace snipgen::model::jit::x86 {

/// General-purpose registers, in the hardware's numbering.
enum Gpr : uint8_t {
  RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI,
  R8, R9, R10, R11, R12, R13, R14, R15,
  NoGpr = 0xff,
};
constexpr unsigned NumGprs = 16;

/// Condition codes by the hardware's condition numbers (the condition
/// operand of LLVM's JCC/SETCC/CMOV MCInsts). Inverting a condition flips
/// its low bit.
enum class CC : uint8_t {
  B = 2, AE = 3, E = 4, NE = 5, BE = 6, A = 7, L = 12, GE = 13, LE = 14, G = 15,
};
inline CC invert(CC C) { return CC(uint8_t(C) ^ 1); }

/// The instructions direct compilation uses, named as LLVM names them.
enum class XOp : uint8_t {
#define SNIPGEN_X86_OPCODE(Name, Operands) Name,
#include "JIT/X86/X86Opcodes.def"
  Count
};

/// The process's x86-64 MC objects.
class X86Encoder {
public:
  /// The encoder, or null with Why set: the host is not x86-64 with BMI1 and
  /// BMI2 (three-operand shifts, ANDN), or LLVM's X86 target lacks something.
  static const X86Encoder *get(std::string &Why);
  ~X86Encoder();

  void encode(const llvm::MCInst &I, llvm::SmallVectorImpl<char> &Out) const;
  unsigned opcode(XOp O) const { return Opcodes[size_t(O)]; }
  llvm::MCRegister reg64(Gpr R) const { return Regs64[R]; }
  llvm::MCRegister reg32(Gpr R) const { return Regs32[R]; }
  llvm::MCRegister reg16(Gpr R) const { return Regs16[R]; }
  llvm::MCRegister reg8(Gpr R) const { return Regs8[R]; }

private:
  X86Encoder() = default;
  bool init(std::string &Why);

  struct MCState;
  std::unique_ptr<MCState> MC;
  std::array<unsigned, size_t(XOp::Count)> Opcodes = {};
  std::array<llvm::MCRegister, NumGprs> Regs64, Regs32, Regs16, Regs8;
};

/// One block's code: instructions in order, labels, and jumps to them.
class Assembler {
public:
  explicit Assembler(const X86Encoder &E) : E(E) {}

  using Label = unsigned;
  Label newLabel();
  void bind(Label L);
  void jmp(Label L);
  void jcc(CC C, Label L);

  /// D = D op S (ADD64rr, SUB64rr, AND64rr, OR64rr, XOR64rr, IMUL64rr,
  /// SUB32rr...: two-address forms whose first source is tied to D).
  void tied(XOp O, Gpr D, Gpr S);
  /// D = D op Imm (ADD64ri32, AND64ri32, SHL64ri...: tied immediate forms).
  void tiedImm(XOp O, Gpr D, int64_t Imm);
  /// D = op(A, B) (SHLX64rr, ANDN64rr...: three-operand forms).
  void three(XOp O, Gpr D, Gpr A, Gpr B);
  /// D = op(S) (NEG64r, NOT64r: tied one-operand forms).
  void unary(XOp O, Gpr D);
  void mov(Gpr D, Gpr S);
  void mov32(Gpr D, Gpr S); // Zero-extends.
  void movImm(Gpr D, uint64_t V);
  void movsxd(Gpr D, Gpr S);  // D = sext(low 32 bits of S)
  void zeroExtend8(Gpr D);    // D = low byte of D, zero-extended
  /// D = Base + Index * Scale + Disp (Index NoGpr: none); Bits32 keeps the
  /// low 32 bits, zero-extended (LEA64_32r).
  void lea(Gpr D, Gpr Base, Gpr Index, unsigned Scale, int32_t Disp,
           bool Bits32 = false);
  void load(Gpr D, Gpr Base, int32_t Disp);
  void store(Gpr Base, int32_t Disp, Gpr S);
  /// D = zero- or sign-extended Size-byte value at [Base] (Size 1, 2, 4, 8).
  void loadSized(Gpr D, Gpr Base, unsigned Size, bool Signed);
  /// [Base] = the low Size bytes of S.
  void storeSized(Gpr Base, Gpr S, unsigned Size);
  /// D = D op [Base + Disp] (ADD64rm, SUB64rm).
  void tiedMem(XOp O, Gpr D, Gpr Base, int32_t Disp);
  void cmpMem(Gpr A, Gpr Base, int32_t Disp);
  void testImm(Gpr A, int32_t Imm);
  void storeImm(Gpr Base, int32_t Disp, int32_t Imm); // Sign-extended.
  void cmp(Gpr A, Gpr B);
  void cmpImm(Gpr A, int32_t Imm);
  void test(Gpr A, Gpr B);
  void setcc(CC C, Gpr D); // Low byte of D.
  void cmov(CC C, Gpr D, Gpr S);
  void push(Gpr R);
  void pop(Gpr R);
  void ret();

  /// The bytes, with every jump resolved. Every label jumped to is bound.
  llvm::SmallVector<char, 0> finish();
  size_t size() const { return Code.size(); }

private:
  void emit(const llvm::MCInst &I) { E.encode(I, Code); }
  void jumpTo(Label L);

  const X86Encoder &E;
  llvm::SmallVector<char, 0> Code;
  llvm::SmallVector<int64_t, 16> LabelAt;                  // -1: unbound.
  llvm::SmallVector<std::pair<size_t, Label>, 16> Patches; // rel32 end, label
};

} // namespace snipgen::model::jit::x86

#endif
