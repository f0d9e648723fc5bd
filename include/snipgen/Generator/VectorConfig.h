//===- VectorConfig.h - The vector unit's configuration while generating -*- C++ -*-===//
//
// The contract between the parts of RVV generation:
//  * lib/Generator/Vector/ owns the riscv-vector-unit key's configuration
//    bag, draws configurations, emits VSET* and keeps the current
//    VectorConfig (what the hart's vl/vtype/vxrm hold at this point of the
//    program);
//  * lib/Generator/Memory/VectorAccess* places vector loads and stores in
//    the memory schemes under the current configuration
//    (VectorAccessPlanner);
//  * the register parts (reservation, preservation, self-check) only need
//    VLEN and whole-register forms, which do not depend on vtype.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_VECTORCONFIG_H
#define SNIPGEN_GENERATOR_VECTORCONFIG_H

#include <cstdint>

namespace snipgen {

/// vl, vtype and vxrm as the hart holds them at one point of the program.
struct VectorConfig {
  unsigned SEW = 64;     // element width in bits: 8, 16, 32, 64
  int LMULLog2 = 0;      // -3 (mf8) .. 3 (m8)
  uint64_t VL = 2;
  bool TailAgnostic = false;
  bool MaskAgnostic = false;
  unsigned VXRM = 0;     // 0 rnu, 1 rne, 2 rdn, 3 rod
  bool Vill = false;     // vtype.vill: only vtype-independent opcodes run
  /// With Vill: the unsupported vtype encoding (bits 7:0) the VSET wrote.
  uint16_t RawVType = 0;

  /// VLEN * LMUL / SEW.
  uint64_t vlmax(unsigned VLenBits) const {
    uint64_t Bits = LMULLog2 >= 0 ? uint64_t(VLenBits) << LMULLog2
                                  : uint64_t(VLenBits) >> -LMULLog2;
    return Bits / SEW;
  }
  /// EMUL (as log2) of an operand of element width EEW under this
  /// configuration: EEW / SEW * LMUL. Legal when in [-3, 3].
  int emulLog2(unsigned EEW) const {
    int L = LMULLog2;
    for (unsigned S = SEW; S < EEW; S *= 2)
      ++L;
    for (unsigned S = SEW; S > EEW; S /= 2)
      --L;
    return L;
  }
  /// The vtype CSR value (without vill) for VSETVLI / VSETIVLI immediates.
  unsigned vtypeImmediate() const {
    if (Vill)
      return RawVType;
    unsigned Sew = 0;
    for (unsigned S = 8; S < SEW; S *= 2)
      ++Sew;
    unsigned Lmul = unsigned(LMULLog2) & 7;
    return Lmul | Sew << 3 | unsigned(TailAgnostic) << 6 |
           unsigned(MaskAgnostic) << 7;
  }
};

} // namespace snipgen

#endif
