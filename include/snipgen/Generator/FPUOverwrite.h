//===- FPUOverwrite.h - Keeping NaNs out of FP operands ---------*- C++ -*-===//
//
// fpu-config overwrite (manual, "NaN overwriting"). Random register values
// make most FP operands NaN after a few operations; before each primary FP
// operation, inputs considered NaN get a fresh value drawn from the
// precision's overwrite sources (range converted with its rounding mode,
// ieee-half/single/double valuegram, by weight; uniform bits when none).
//
// "Considered NaN" is tracked per FP register and per precision view
// (H/F/D: a single in a 64-bit register is only a single if NaN-boxed):
//   * values snipgen writes itself (initial state, operand values,
//     overwrites) are known exactly;
//   * a primary FP instruction's result is potentially NaN when all
//     (if-all-operands, the default) or any (if-any-operand) of its FP inputs
//     are, or when the operation can create a NaN from its inputs (IEEE 754
//     invalid operation): FDIV and FSQRT always (0/0, sqrt(-x)); FMUL and
//     the fused multiply-adds when an input is potentially infinite (0*inf,
//     inf-inf); FADD and FSUB when two inputs are (inf-inf). Results of
//     FADD/FSUB/FMUL/FMA/FDIV/FSQRT/FCVT are potentially infinite (overflow),
//     as are inputs that are; min/max, sign injection and moves carry it
//     over. Without FP inputs it is potentially NaN when it moves raw bits
//     (loads, FMV.*.X, FLI) and not when it converts an integer. Its other
//     views become NaN (a double read as a single is unboxed);
//   * if-model-detected-nan asks the lockstep model (Generator/
//     LockstepModel.h) for the actual values instead; where the model
//     cannot follow (beyond the first straight-line block) the if-any-operand
//     tracking takes over;
//   * disabled: nothing is overwritten.
// Overwriting starts once the share of potentially-NaN registers in the
// input's view reaches nan-rewrite-ratio (0: as soon as one is NaN), and
// then rewrites the NaN inputs of the instruction at hand.
//
// FP operations are primary instructions with FP register inputs, except
// memory accesses and FMV.X.* (they move bits, they do not compute).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_FPUOVERWRITE_H
#define SNIPGEN_GENERATOR_FPUOVERWRITE_H

#include "snipgen/Config/ValueConfig.h"
#include "snipgen/Generator/Valuegram.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/Error.h"
#include <array>
#include <memory>
#include <optional>

namespace snipgen {

class CodeBuffer;
class GenTarget;
class LockstepModel;
class MCEnvironment;
class RegisterWriter;
struct Layout;
struct OpcodeDesc;

/// True if the low Bits (16, 32 or 64) of V are an IEEE NaN.
bool isNaNBits(uint64_t V, unsigned Bits);
/// True if the FLEN-bit register content Raw read at precision Bits is a
/// NaN (unboxed narrower values read as the canonical NaN).
bool readsAsNaN(uint64_t Raw, unsigned FLen, unsigned Bits);

class FPUOverwrite {
public:
  struct Setup {
    const FPUOverwriteConfig *Config = nullptr;
    const llvm::SourceMgr *SM = nullptr; // where Config was written
    const MCEnvironment *Env = nullptr;
    const GenTarget *Target = nullptr;
    unsigned FLen = 64;
    std::vector<uint64_t> InitialF; // FLEN-bit initial contents
    std::vector<uint64_t> InitialX; // for the lockstep model
    const Layout *L = nullptr;      // for the lockstep model
  };
  static llvm::Expected<std::unique_ptr<FPUOverwrite>> create(Setup S);
  ~FPUOverwrite();

  llvm::Error prepare(const OpcodeDesc &Op);
  void beforePrimary(const OpcodeDesc &Op, const llvm::MCInst &I,
                     RegisterWriter &W, CodeBuffer &Out, RandomEngine &RNG,
                     llvm::SmallVectorImpl<unsigned> &Written);
  /// Ancillary code wrote Value (the register's width) into FP register Reg.
  void noteWrite(unsigned Reg, uint64_t Value, RegisterWriter &W);
  void afterPrimary(const OpcodeDesc &Op, const llvm::MCInst &I);

  uint64_t overwrites() const { return Overwrites; }

private:
  FPUOverwrite() = default;
  struct OpInfo {
    llvm::SmallVector<std::pair<unsigned, unsigned>, 3> Inputs; // op, view
    llvm::SmallVector<std::pair<unsigned, unsigned>, 1> Defs;   // op, view
    bool Operation = false;   // subject to overwriting
    bool RawResult = false;   // no FP input: result may be any bits
    enum CreateKind { Nothing, InfOnly, NaNIfTwoInf, NaNIfAnyInf, NaNAlways };
    CreateKind Creates = Nothing;
  };
  static unsigned viewOf(unsigned Bits) { return Bits == 16 ? 0 : Bits == 32 ? 1 : 2; }
  static unsigned bitsOf(unsigned View) { return View == 0 ? 16 : View == 1 ? 32 : 64; }
  void setRaw(unsigned Index, uint64_t Raw);
  bool thresholdReached(unsigned View, bool FromModel);
  bool modelUsable(CodeBuffer &Out);
  bool inputIsNaN(unsigned Reg, unsigned View, bool FromModel) const;
  llvm::Error checkRange(unsigned View) const;

  Setup S;
  llvm::DenseMap<const OpcodeDesc *, OpInfo> Infos;
  // Per FP register: bit v set = potentially NaN when read at view v.
  std::array<uint8_t, 32> NaNViews{};
  // Per FP register: bit v set = potentially infinite (not NaN) at view v.
  std::array<uint8_t, 32> InfViews{};
  std::vector<uint8_t> FPIndex; // LLVM register -> FP register number
  std::array<std::optional<ValuegramSampler>, 3> Samplers;
  std::array<WeightedChooser, 3> SourceChoice; // range vs valuegram
  std::array<bool, 3> RangeChecked{};
  std::unique_ptr<LockstepModel> Model;
  const void *ModelBlock = nullptr;
  bool ModelBroken = false;
  uint64_t Overwrites = 0;
};

} // namespace snipgen

#endif
