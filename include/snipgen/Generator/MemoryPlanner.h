//===- MemoryPlanner.h - Addresses for memory instructions ------*- C++ -*-===//
//
// For each load/store/AMO: pick an address the memory scheme allows for the
// access size and alignment, then emit the ancillary instructions that make
// base register + immediate offset equal to it, right before the access.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_MEMORYPLANNER_H
#define SNIPGEN_GENERATOR_MEMORYPLANNER_H

#include <cstdint>

namespace snipgen {

class GenTarget;
class InstSink;
class MCEnvironment;
class MemoryScheme;
class RandomEngine;
struct OpcodeDesc;

struct MemoryAccess {
  const OpcodeDesc *Op = nullptr;
  unsigned Size = 0;
  unsigned Align = 1;
  unsigned BaseReg = 0;
  int64_t Offset = 0;
};

class MemoryPlanner {
public:
  MemoryPlanner(const MCEnvironment &Env, const GenTarget &Target,
                MemoryScheme &Scheme)
      : Env(Env), Target(Target), Scheme(Scheme) {}

  /// True if the scheme has an address for such an access.
  bool admits(unsigned Size, unsigned Align) const;

  /// Chooses the address of Access and emits the code that sets its base
  /// register. Returns the address.
  uint64_t place(const MemoryAccess &Access, InstSink &Out, RandomEngine &RNG);

  uint64_t ancillaryEmitted() const { return Ancillary; }

private:
  const MCEnvironment &Env;
  const GenTarget &Target;
  MemoryScheme &Scheme;
  uint64_t Ancillary = 0;
};

} // namespace snipgen

#endif
