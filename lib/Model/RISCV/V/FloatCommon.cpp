//===- FloatCommon.cpp - Out-of-line helpers of the RVV FP classes --------===//
//
// ISA feature tests, integer saturation for the 8/16-bit conversions,
// round-to-odd, BF16 conversions and the vfrec7/vfrsqrt7 estimate tables.
// Everything is integer arithmetic on bit patterns (soft-float's Pack.h
// rounds BF16), never the host FPU.
//===----------------------------------------------------------------------===//
#include "FloatHelpers.h"
#include "Decoder.h"
#include "Machine.h"
#include "Pack.h"

#include "llvm/MC/MCSubtargetInfo.h"

namespace snipgen::model::vec {

namespace {
/// Feature numbers of the RISC-V MC target, looked up once by name.
struct FeatureIndex {
  unsigned Index[5] = {~0u, ~0u, ~0u, ~0u, ~0u};
  explicit FeatureIndex(const llvm::MCSubtargetInfo &STI) {
    static const char *const Names[5] = {"zvfh", "zvfhmin", "zve64d",
                                         "zvfbfmin", "zvfbfwma"};
    for (const llvm::SubtargetFeatureKV &KV : STI.getAllProcessorFeatures())
      for (unsigned I = 0; I < 5; ++I)
        if (llvm::StringRef(KV.Key) == Names[I])
          Index[I] = KV.Value;
  }
};
} // namespace

bool hasVFeature(const Hart &H, VFeature F) {
  if (!H.Owner)
    return false;
  const llvm::MCSubtargetInfo &STI = H.Owner->decoder().subtarget();
  static const FeatureIndex Indices(STI);
  unsigned I = Indices.Index[unsigned(F)];
  return I != ~0u && STI.getFeatureBits()[I];
}

int64_t narrowSigned(int64_t V, unsigned Bits, const FPEnv &Local,
                     FPEnv &Env) {
  int64_t Max = (int64_t(1) << (Bits - 1)) - 1, Min = -Max - 1;
  if (V > Max || V < Min) {
    Env.Flags |= softfloat::flags::Invalid;
    return V > Max ? Max : Min;
  }
  Env.Flags |= Local.Flags;
  return V;
}

uint64_t narrowUnsigned(uint64_t V, unsigned Bits, const FPEnv &Local,
                        FPEnv &Env) {
  uint64_t Max = (uint64_t(1) << Bits) - 1;
  if (V > Max) {
    Env.Flags |= softfloat::flags::Invalid;
    return Max;
  }
  Env.Flags |= Local.Flags;
  return V;
}

// Round to odd = truncate, then set the last bit if anything was lost.
// Truncation overflows to the largest finite value (odd already) and judges
// tininess exactly as round-to-odd does (it never rounds up).
uint16_t f32ToF16Odd(uint32_t A, FPEnv &Env) {
  FPEnv L{RoundingMode::TowardZero, 0};
  uint16_t R = softfloat::f32ToF16(A, L);
  if (L.Flags & softfloat::flags::Inexact)
    R |= 1;
  Env.Flags |= L.Flags;
  return R;
}
uint32_t f64ToF32Odd(uint64_t A, FPEnv &Env) {
  FPEnv L{RoundingMode::TowardZero, 0};
  uint32_t R = softfloat::f64ToF32(A, L);
  if (L.Flags & softfloat::flags::Inexact)
    R |= 1;
  Env.Flags |= L.Flags;
  return R;
}

namespace {
constexpr uint8_t Rec7Table[128] = {
    127, 125, 123, 121, 119, 117, 116, 114, 112, 110, 109, 107, 105, 104, 102,
    100, 99,  97,  96,  94,  93,  91,  90,  88,  87,  85,  84,  83,  81,  80,
    79,  77,  76,  75,  74,  72,  71,  70,  69,  68,  66,  65,  64,  63,  62,
    61,  60,  59,  58,  57,  56,  55,  54,  53,  52,  51,  50,  49,  48,  47,
    46,  45,  44,  43,  42,  41,  40,  40,  39,  38,  37,  36,  35,  35,  34,
    33,  32,  31,  31,  30,  29,  28,  28,  27,  26,  25,  25,  24,  23,  23,
    22,  21,  21,  20,  19,  19,  18,  17,  17,  16,  15,  15,  14,  14,  13,
    12,  12,  11,  11,  10,  9,   9,   8,   8,   7,   7,   6,   5,   5,   4,
    4,   3,   3,   2,   2,   1,   1,   0};
constexpr uint8_t Rsqrt7Table[128] = {
    52,  51,  50,  48,  47,  46,  44,  43,  42,  41,  40,  39,  38,  36,  35,
    34,  33,  32,  31,  30,  30,  29,  28,  27,  26,  25,  24,  23,  23,  22,
    21,  20,  19,  19,  18,  17,  16,  16,  15,  14,  14,  13,  12,  12,  11,
    10,  10,  9,   9,   8,   7,   7,   6,   6,   5,   4,   4,   3,   3,   2,
    2,   1,   1,   0,   127, 125, 123, 121, 119, 118, 116, 114, 113, 111, 109,
    108, 106, 105, 103, 102, 100, 99,  97,  96,  95,  93,  92,  91,  90,  88,
    87,  86,  85,  84,  83,  82,  80,  79,  78,  77,  76,  75,  74,  73,  72,
    71,  70,  70,  69,  68,  67,  66,  65,  64,  63,  63,  62,  61,  60,  59,
    59,  58,  57,  56,  56,  55,  54,  53};

struct Fields {
  uint64_t Sign, Exp, Frac, ExpMax, FracMask;
};
Fields split(uint64_t A, unsigned ExpBits, unsigned FracBits) {
  Fields F;
  F.FracMask = (uint64_t(1) << FracBits) - 1;
  F.ExpMax = (uint64_t(1) << ExpBits) - 1;
  F.Sign = (A >> (ExpBits + FracBits)) & 1;
  F.Exp = (A >> FracBits) & F.ExpMax;
  F.Frac = A & F.FracMask;
  return F;
}
uint64_t join(uint64_t Sign, uint64_t Exp, uint64_t Frac, unsigned ExpBits,
              unsigned FracBits) {
  return (Sign << (ExpBits + FracBits)) |
         ((Exp & ((uint64_t(1) << ExpBits) - 1)) << FracBits) |
         (Frac & ((uint64_t(1) << FracBits) - 1));
}
uint64_t canonicalNaN(unsigned ExpBits, unsigned FracBits) {
  return join(0, ~0ull, uint64_t(1) << (FracBits - 1), ExpBits, FracBits);
}
} // namespace

uint64_t recip7(uint64_t A, unsigned ExpBits, unsigned FracBits, FPEnv &Env) {
  Fields F = split(A, ExpBits, FracBits);
  if (F.Exp == F.ExpMax) {
    if (F.Frac == 0) // 1/+-inf = +-0
      return join(F.Sign, 0, 0, ExpBits, FracBits);
    if (!(F.Frac >> (FracBits - 1)))
      Env.Flags |= softfloat::flags::Invalid;
    return canonicalNaN(ExpBits, FracBits);
  }
  if (F.Exp == 0 && F.Frac == 0) {
    Env.Flags |= softfloat::flags::DivByZero;
    return join(F.Sign, F.ExpMax, 0, ExpBits, FracBits);
  }
  // Exponents are unsigned with wrap-around, as in the spec's recip.c.
  uint64_t Exp = F.Exp, Frac = F.Frac;
  if (Exp == 0) { // Subnormal: normalise.
    while (!((Frac >> (FracBits - 1)) & 1)) {
      --Exp;
      Frac <<= 1;
    }
    Frac = (Frac << 1) & F.FracMask;
    if (Exp != 0 && Exp != ~0ull) {
      Env.Flags |= softfloat::flags::Inexact | softfloat::flags::Overflow;
      RoundingMode RM = Env.Rounding;
      bool ToMax = RM == RoundingMode::TowardZero ||
                   (RM == RoundingMode::Down && !F.Sign) ||
                   (RM == RoundingMode::Up && F.Sign);
      return ToMax ? join(F.Sign, F.ExpMax - 1, F.FracMask, ExpBits, FracBits)
                   : join(F.Sign, F.ExpMax, 0, ExpBits, FracBits);
    }
  }
  uint64_t OutFrac = uint64_t(Rec7Table[Frac >> (FracBits - 7)])
                     << (FracBits - 7);
  uint64_t OutExp = 2 * ((uint64_t(1) << (ExpBits - 1)) - 1) + ~Exp;
  if (OutExp == 0 || OutExp == ~0ull) {
    // Subnormal result; no underflow (the estimate loses nothing more).
    OutFrac = (OutFrac >> 1) | (uint64_t(1) << (FracBits - 1));
    if (OutExp == ~0ull) {
      OutFrac >>= 1;
      OutExp = 0;
    }
  }
  return join(F.Sign, OutExp, OutFrac, ExpBits, FracBits);
}

uint64_t rsqrt7(uint64_t A, unsigned ExpBits, unsigned FracBits, FPEnv &Env) {
  Fields F = split(A, ExpBits, FracBits);
  bool IsNaN = F.Exp == F.ExpMax && F.Frac != 0;
  bool Signaling = IsNaN && !(F.Frac >> (FracBits - 1));
  bool IsZero = F.Exp == 0 && F.Frac == 0;
  if (Signaling || (F.Sign && !IsZero && !IsNaN)) {
    Env.Flags |= softfloat::flags::Invalid; // sNaN, or negative non-zero
    return canonicalNaN(ExpBits, FracBits);
  }
  if (IsNaN)
    return canonicalNaN(ExpBits, FracBits);
  if (IsZero) {
    Env.Flags |= softfloat::flags::DivByZero;
    return join(F.Sign, F.ExpMax, 0, ExpBits, FracBits);
  }
  if (F.Exp == F.ExpMax) // +inf
    return 0;
  uint64_t Exp = F.Exp, Frac = F.Frac;
  if (Exp == 0) {
    while (!((Frac >> (FracBits - 1)) & 1)) {
      --Exp;
      Frac <<= 1;
    }
    Frac = (Frac << 1) & F.FracMask;
  }
  unsigned Idx = unsigned(((Exp & 1) << 6) | (Frac >> (FracBits - 6)));
  uint64_t OutFrac = uint64_t(Rsqrt7Table[Idx]) << (FracBits - 7);
  uint64_t OutExp = (3 * ((uint64_t(1) << (ExpBits - 1)) - 1) + ~Exp) / 2;
  return join(F.Sign, OutExp, OutFrac, ExpBits, FracBits);
}

} // namespace snipgen::model::vec
