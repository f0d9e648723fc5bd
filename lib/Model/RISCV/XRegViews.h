//===- XRegViews.h - FP register views of the X registers (Zfinx) -*- C++ -*-===//
//
// Zfinx, Zdinx and Zhinx run the F/D/Zfh handler templates of FPHelpers.h
// on the integer registers (spec "Zfinx", sections "Processing of Narrower
// Values" and "Processing of Wider Values"):
// * a w-bit operand (w < XLEN) is bits w-1:0 of the register; the bits above
//   are ignored - there is no NaN-boxing check;
// * a w-bit result (w < XLEN) is written sign-extended to XLEN;
// * RV32 Zdinx keeps a double in an even/odd pair, low word in the even
//   register. x0 as a pair reads as zero and a pair write to x0 is dropped
//   entirely (x1 is neither read nor written). Odd pair numbers are
//   reserved: LLVM's decoder rejects them, so they trap as illegal.
// InX tells the templates that mstatus.FS does not gate these instructions.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_XREGVIEWS_H
#define SNIPGEN_LIB_MODEL_RISCV_XREGVIEWS_H

#include "FPHelpers.h"

namespace snipgen::model::fp {

struct XHalfView {
  using Bits = uint16_t;
  static Bits read(const Hart &H, int64_t R) { return Bits(H.X[R]); }
  static void write(Hart &H, int64_t Rd, Bits V) {
    H.writeX(Rd, uint64_t(int64_t(int16_t(V))));
  }
  static constexpr Bits SignMask = 0x8000;
  static constexpr bool InX = true;
};

struct XSingleView {
  using Bits = uint32_t;
  static Bits read(const Hart &H, int64_t R) { return Bits(H.X[R]); }
  static void write(Hart &H, int64_t Rd, Bits V) {
    H.writeX(Rd, uint64_t(int64_t(int32_t(V))));
  }
  static constexpr Bits SignMask = 0x80000000u;
  static constexpr bool InX = true;
};

/// RV64 Zdinx: a double is one X register.
struct XDoubleView {
  using Bits = uint64_t;
  static Bits read(const Hart &H, int64_t R) { return H.X[R]; }
  static void write(Hart &H, int64_t Rd, Bits V) { H.writeX(Rd, V); }
  static constexpr Bits SignMask = 0x8000000000000000ull;
  static constexpr bool InX = true;
};

/// RV32 Zdinx: a double is the pair x[R+1]:x[R] (R even, as decoded).
struct XPairView {
  using Bits = uint64_t;
  static Bits read(const Hart &H, int64_t R) {
    if (R == 0)
      return 0;
    return uint64_t(uint32_t(H.X[R])) | uint64_t(H.X[R + 1]) << 32;
  }
  static void write(Hart &H, int64_t Rd, Bits V) {
    if (Rd == 0)
      return;
    H.writeX(Rd, V);           // writeX keeps RV32 values sign-extended
    H.writeX(Rd + 1, V >> 32); // from bit 31.
  }
  static constexpr Bits SignMask = 0x8000000000000000ull;
  static constexpr bool InX = true;
};

} // namespace snipgen::model::fp

#endif
