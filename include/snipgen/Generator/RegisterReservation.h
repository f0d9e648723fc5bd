//===- RegisterReservation.h - Reservation patterns to registers -*- C++ -*-===//
//
// register-reservation and --reserved-regs-list name registers by the
// manual's names (X0-X31, F0_F/F0_D/F0_H ..., V0-V31) or by regexes matched
// against whole names. Entries are tried in order and a register takes the
// first entry that matches it; later entries do not change it (the
// manual's "X10: [W]" before "X1[0-7]: [RW]" keeps X10 readable). An FP
// register is one physical register whatever precision names it, so
// "F4_F" and "F4_D" are the same register for first-match purposes.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_REGISTERRESERVATION_H
#define SNIPGEN_GENERATOR_REGISTERRESERVATION_H

#include "snipgen/Config/ValueConfig.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace snipgen {

class GenTarget;
class MCEnvironment;

struct ResolvedReservation {
  unsigned Reg = 0;   // LLVM register number, as matched
  unsigned Bits = 0;  // ReservationBits
  unsigned Entry = 0; // index of the entry that matched
};

/// Resolves Entries. An entry that names or matches no register is reported
/// through Fail(entry index, message).
llvm::Expected<std::vector<ResolvedReservation>> resolveRegisterReservations(
    llvm::ArrayRef<RegisterReservationEntry> Entries, const MCEnvironment &Env,
    const GenTarget &Target,
    llvm::function_ref<llvm::Error(unsigned, const llvm::Twine &)> Fail);

} // namespace snipgen

#endif
