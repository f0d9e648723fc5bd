//===- InitialRegisters.h - The planned initial register state --*- C++ -*-===//
//
// One initial register state is decided before generation and used
// everywhere: the -init-regs-in-elf code writes it, the model starts from it
// (so --dump-initial-registers-yaml shows it), and generation reasons with it
// (NaN tracking, the lockstep model). It is:
//   * random (from the seed), or, with --initial-regs-yaml, the file's
//     values (registers the file omits are zero, as in llvm-snippy);
//   * overlaid, per register class, with values drawn from valuegrams (the
//     layout's `histograms` key, or a --initial-regs-yaml file with
//     `histograms`): X registers at XLEN bits, F registers at FLEN bits.
// x0 is zero; frm is a valid rounding mode and fflags random.
//
// RV32 with D cannot move 64 bits into an FP register without Zfa or a
// memory round trip (neither is used), so its random FP values are doubles
// of 32-bit integers (what FCVT.D.W makes), and F valuegrams are rejected.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_INITIALREGISTERS_H
#define SNIPGEN_GENERATOR_INITIALREGISTERS_H

#include "snipgen/Config/ValueConfig.h"
#include "snipgen/Support/Random.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <vector>

namespace snipgen {

class GenTarget;
class MCEnvironment;

struct InitialRegisterPlan {
  unsigned XLen = 64;
  unsigned FLen = 0; // 0: no FP registers
  std::vector<uint64_t> X = std::vector<uint64_t>(32);
  std::vector<uint64_t> F = std::vector<uint64_t>(32); // FLEN-bit contents
  unsigned FRM = 0, FFlags = 0;
  /// Vector registers from a `reg-type: V` valuegram: 32 registers of
  /// VLEN/8 little-endian bytes; empty when none is given (the vector
  /// registers then start as the vector unit's initialisation leaves them).
  std::vector<std::vector<uint8_t>> V;
};

/// Source may be null (random state). ZeroBase: registers without a value
/// are zero instead of random. Errors point into SM (where Source was read).
llvm::Expected<InitialRegisterPlan>
planInitialRegisters(const MCEnvironment &Env, const GenTarget &Target,
                     const RegisterValueSource *Source,
                     const llvm::SourceMgr *SM, bool ZeroBase,
                     RandomEngine &RNG);

} // namespace snipgen

#endif
