//===- RegisterPolicy.h - Which registers instructions may use --*- C++ -*-===//
//
// Decides the candidate registers of every operand of a primary instruction
// and whether ancillary instructions may touch a register. Defaults: the
// stack pointer is never used; x0 is never a destination or memory base;
// the return address is never written when the snippet returns.
// Register reservation (the layout's register-reservation key) plugs in here.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_REGISTERPOLICY_H
#define SNIPGEN_GENERATOR_REGISTERPOLICY_H

#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace snipgen {

class GenTarget;
class MCEnvironment;
struct GeneratorConfig;
struct OpcodeDesc;

class RegisterPolicy {
public:
  RegisterPolicy(const MCEnvironment &Env, const GenTarget &Target,
                 const GeneratorConfig &Config);

  /// Registers operand Idx of Op may take in a primary instruction; empty if
  /// none is left after reservations.
  std::vector<unsigned> primaryCandidates(const OpcodeDesc &Op,
                                          unsigned Idx) const;

  /// Registers ancillary code may use as scratch or address registers.
  bool ancillaryMayWrite(unsigned Reg) const;

  /// Registers primary instructions must not read / write (beyond the
  /// defaults above). Reservation configuration fills these.
  void reserveForPrimaryRead(unsigned Reg) { NoPrimaryRead.insert(Reg); }
  void reserveForPrimaryWrite(unsigned Reg) { NoPrimaryWrite.insert(Reg); }
  void reserveForAncillaryWrite(unsigned Reg) { NoAncillaryWrite.insert(Reg); }

private:
  const MCEnvironment &Env;
  unsigned Zero, SP, RA;
  bool PreserveRA;
  llvm::DenseSet<unsigned> NoPrimaryRead, NoPrimaryWrite, NoAncillaryWrite;
};

} // namespace snipgen

#endif
