//===- ZfaTables.h - The FLI.H/S/D constant tables -------------*- C++ -*-===//
//
// The Zfa spec's table "Immediate values loaded by the FLI.S instruction",
// kept as sign / unbiased exponent / two leading fraction bits, and encoded
// for each format at compile time. Entry 1 is each format's minimum positive
// normal, 30 is +infinity and 31 the canonical NaN. For half precision,
// entries 2 and 3 (2^-16, 2^-15) become subnormals and entry 29 (2^16)
// becomes +infinity, as the spec says.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_ZFATABLES_H
#define SNIPGEN_LIB_MODEL_RISCV_ZFATABLES_H

#include <array>
#include <cstdint>

namespace snipgen::model::zfa {

struct FliEntry {
  enum Kind : uint8_t { Value, MinNormal, Infinity, NaN } K;
  bool Negative;
  int Exp;       // unbiased exponent of the value 1.m * 2^Exp
  unsigned Frac; // the two leading fraction bits
};

inline constexpr FliEntry FliSpec[32] = {
    {FliEntry::Value, true, 0, 0},    // -1.0
    {FliEntry::MinNormal, false, 0, 0},
    {FliEntry::Value, false, -16, 0}, // 2^-16
    {FliEntry::Value, false, -15, 0}, // 2^-15
    {FliEntry::Value, false, -8, 0},  // 2^-8
    {FliEntry::Value, false, -7, 0},  // 2^-7
    {FliEntry::Value, false, -4, 0},  // 0.0625
    {FliEntry::Value, false, -3, 0},  // 0.125
    {FliEntry::Value, false, -2, 0},  // 0.25
    {FliEntry::Value, false, -2, 1},  // 0.3125
    {FliEntry::Value, false, -2, 2},  // 0.375
    {FliEntry::Value, false, -2, 3},  // 0.4375
    {FliEntry::Value, false, -1, 0},  // 0.5
    {FliEntry::Value, false, -1, 1},  // 0.625
    {FliEntry::Value, false, -1, 2},  // 0.75
    {FliEntry::Value, false, -1, 3},  // 0.875
    {FliEntry::Value, false, 0, 0},   // 1.0
    {FliEntry::Value, false, 0, 1},   // 1.25
    {FliEntry::Value, false, 0, 2},   // 1.5
    {FliEntry::Value, false, 0, 3},   // 1.75
    {FliEntry::Value, false, 1, 0},   // 2.0
    {FliEntry::Value, false, 1, 1},   // 2.5
    {FliEntry::Value, false, 1, 2},   // 3
    {FliEntry::Value, false, 2, 0},   // 4
    {FliEntry::Value, false, 3, 0},   // 8
    {FliEntry::Value, false, 4, 0},   // 16
    {FliEntry::Value, false, 7, 0},   // 128
    {FliEntry::Value, false, 8, 0},   // 256
    {FliEntry::Value, false, 15, 0},  // 2^15
    {FliEntry::Value, false, 16, 0},  // 2^16
    {FliEntry::Infinity, false, 0, 0},
    {FliEntry::NaN, false, 0, 0},
};

template <typename Bits, unsigned ExpBits, unsigned FracBits>
constexpr std::array<Bits, 32> makeFliTable() {
  constexpr int Bias = (1 << (ExpBits - 1)) - 1;
  constexpr uint64_t MaxExp = (1u << ExpBits) - 1;
  std::array<Bits, 32> T{};
  for (unsigned I = 0; I < 32; ++I) {
    const FliEntry &E = FliSpec[I];
    uint64_t Sign = uint64_t(E.Negative) << (ExpBits + FracBits);
    uint64_t Top = uint64_t(E.Frac) << (FracBits - 2);
    uint64_t V = 0;
    int Biased = E.Exp + Bias;
    if (E.K == FliEntry::MinNormal)
      V = uint64_t(1) << FracBits;
    else if (E.K == FliEntry::Infinity || (E.K == FliEntry::Value &&
                                           Biased >= int(MaxExp)))
      V = MaxExp << FracBits;
    else if (E.K == FliEntry::NaN)
      V = MaxExp << FracBits | uint64_t(1) << (FracBits - 1);
    else if (Biased >= 1)
      V = uint64_t(Biased) << FracBits | Top;
    else // Subnormal: the table's subnormal entries are exact.
      V = ((uint64_t(1) << FracBits) | Top) >> (1 - Biased);
    T[I] = Bits(Sign | V);
  }
  return T;
}

inline constexpr auto FliHalf = makeFliTable<uint16_t, 5, 10>();
inline constexpr auto FliSingle = makeFliTable<uint32_t, 8, 23>();
inline constexpr auto FliDouble = makeFliTable<uint64_t, 11, 52>();

static_assert(FliSingle[16] == 0x3f800000 && FliSingle[0] == 0xbf800000);
static_assert(FliHalf[2] == 0x0100 && FliHalf[29] == 0x7c00);
static_assert(FliDouble[1] == 0x0010000000000000ull);

} // namespace snipgen::model::zfa

#endif
