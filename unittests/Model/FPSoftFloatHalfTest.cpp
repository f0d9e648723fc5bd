//===- FPSoftFloatHalfTest.cpp - binary16 vs the host ---------------------===//
//
// The host has no binary16 arithmetic, but it has exact tools to build one:
// each operation runs in binary64 rounded to odd, is narrowed to binary32
// rounded to odd (both keep >= 13 bits, so no double rounding can occur), and
// the F16C unit (vcvtps2ph, which rounds per MXCSR and raises IEEE flags with
// tininess after rounding) does the final rounding.
//===----------------------------------------------------------------------===//
#include "FPTestUtil.h"

using namespace fptest;

namespace {

constexpr unsigned CasesPerMode = 25000;

/// binary16 reference for an operation computed in binary64 by Op.
template <typename OpT>
uint16_t referenceHalf(RoundingMode RM, uint8_t &Flags, OpT Op) {
  uint8_t WideFlags, NarrowFlags, FinalFlags;
  double Wide = roundToOdd<double>(WideFlags, Op);
  if (Wide == 0) {
    // An exact zero's sign depends on the mode (x - x is -0 only in RDN), so
    // take it from the operation run in the target mode (RMM acts as RNE).
    uint8_t Ignored;
    Wide = runOnHost<double>(RM == RoundingMode::NearestMaxMagnitude
                                 ? FE_TONEAREST
                                 : hostRounding(RM),
                             Ignored, Op);
  }
  volatile double HW = Wide;
  float Narrow = roundToOdd<float>(NarrowFlags, [&] { return float(HW); });
  uint16_t Result;
  if (RM == RoundingMode::NearestMaxMagnitude) {
    Result = roundTiesAway<F16Desc>(
        Narrow, FinalFlags,
        [](float X) {
          uint8_t Ignored;
          return hostFloatToHalf(X, FE_TOWARDZERO, Ignored);
        },
        [](uint16_t H) { return float(halfToDouble(H)); });
  } else {
    Result = hostFloatToHalf(Narrow, hostRounding(RM), FinalFlags);
  }
  Flags = ((WideFlags | NarrowFlags) & (flags::Invalid | flags::DivByZero)) |
          FinalFlags |
          ((WideFlags | NarrowFlags) & flags::Inexact);
  return Result;
}

enum class Op { Add, Sub, Mul, Div, Sqrt, MulAdd, MulSub, NegMulSub, NegMulAdd };

const char *opName(Op O) {
  static const char *Names[] = {"add",    "sub",    "mul",       "div",
                                "sqrt",   "muladd", "mulsub",    "negmulsub",
                                "negmuladd"};
  return Names[int(O)];
}

void checkHalf(Op O, uint64_t Seed) {
  RandomEngine R(Seed);
  MismatchLog Log(opName(O));
  const RoundingMode AllModes[] = {
      RoundingMode::NearestEven, RoundingMode::TowardZero, RoundingMode::Down,
      RoundingMode::Up, RoundingMode::NearestMaxMagnitude};
  for (RoundingMode RM : AllModes) {
    for (unsigned I = 0; I < CasesPerMode; ++I) {
      uint16_t A = F16Desc::operand(R);
      uint16_t B = F16Desc::partner(R, A);
      uint16_t C = R.chance(0.5) ? F16Desc::partner(R, B)
                                 : F16Desc::operand(R);
      volatile double HA = halfToDouble(A), HB = halfToDouble(B),
                      HC = halfToDouble(C);
      uint8_t RefFlags;
      uint16_t Expected = referenceHalf(RM, RefFlags, [&]() -> double {
        switch (O) {
        case Op::Add:
          return HA + HB;
        case Op::Sub:
          return HA - HB;
        case Op::Mul:
          return HA * HB;
        case Op::Div:
          return HA / HB;
        case Op::Sqrt:
          return std::sqrt(HA);
        case Op::MulAdd:
          return std::fma(HA, HB, HC);
        case Op::MulSub:
          return std::fma(HA, HB, -HC);
        case Op::NegMulSub:
          return std::fma(-HA, HB, HC);
        case Op::NegMulAdd:
        default:
          return std::fma(-HA, HB, -HC);
        }
      });
      bool IsFma = O >= Op::MulAdd;
      bool InfTimesZero = ((A & 0x7fff) == 0x7c00 && (B & 0x7fff) == 0) ||
                          ((A & 0x7fff) == 0 && (B & 0x7fff) == 0x7c00);
      if (IsFma && InfTimesZero && F16Desc::isNaN(C))
        RefFlags |= flags::Invalid; // RISC-V only; see FPSoftFloatArithTest
      FPEnv Env{RM, 0};
      uint16_t Ours;
      switch (O) {
      case Op::Add:
        Ours = f16Add(A, B, Env);
        break;
      case Op::Sub:
        Ours = f16Sub(A, B, Env);
        break;
      case Op::Mul:
        Ours = f16Mul(A, B, Env);
        break;
      case Op::Div:
        Ours = f16Div(A, B, Env);
        break;
      case Op::Sqrt:
        Ours = f16Sqrt(A, Env);
        break;
      case Op::MulAdd:
        Ours = f16MulAdd(A, B, C, Env, MulAddKind::Add);
        break;
      case Op::MulSub:
        Ours = f16MulAdd(A, B, C, Env, MulAddKind::Sub);
        break;
      case Op::NegMulSub:
        Ours = f16MulAdd(A, B, C, Env, MulAddKind::NegProduct);
        break;
      default:
        Ours = f16MulAdd(A, B, C, Env, MulAddKind::NegBoth);
        break;
      }
      bool Same = F16Desc::isNaN(Expected) ? Ours == F16CanonicalNaN
                                           : Ours == Expected;
      Log.check(Same && Env.Flags == RefFlags,
                std::string(modeName(RM)) + " a=" + hex(A) + " b=" + hex(B) +
                    " c=" + hex(C) + " ours=" + hex(Ours) + " " +
                    flagString(Env.Flags) + " ref=" + hex(Expected) + " " +
                    flagString(RefFlags));
    }
  }
}

TEST(FPSoftFloatHalf, Add) { checkHalf(Op::Add, 201); }
TEST(FPSoftFloatHalf, Sub) { checkHalf(Op::Sub, 202); }
TEST(FPSoftFloatHalf, Mul) { checkHalf(Op::Mul, 203); }
TEST(FPSoftFloatHalf, Div) { checkHalf(Op::Div, 204); }
TEST(FPSoftFloatHalf, Sqrt) { checkHalf(Op::Sqrt, 205); }
TEST(FPSoftFloatHalf, MulAdd) { checkHalf(Op::MulAdd, 206); }
TEST(FPSoftFloatHalf, MulSub) { checkHalf(Op::MulSub, 207); }
TEST(FPSoftFloatHalf, NegMulSub) { checkHalf(Op::NegMulSub, 208); }
TEST(FPSoftFloatHalf, NegMulAdd) { checkHalf(Op::NegMulAdd, 209); }

/// Every binary16 input, widened: exact, NaNs canonical, sNaN signals.
TEST(FPSoftFloatHalf, WidenAllInputs) {
  MismatchLog Log("f16 widen");
  for (uint32_t H = 0; H < 0x10000; ++H) {
    double Exact = halfToDouble(uint16_t(H));
    bool NaN = F16Desc::isNaN(uint16_t(H));
    uint8_t Expected = F16Desc::isSignalingNaN(uint16_t(H)) ? flags::Invalid : 0;
    FPEnv E32{RoundingMode::NearestEven, 0}, E64{RoundingMode::Up, 0};
    uint32_t S = f16ToF32(uint16_t(H), E32);
    uint64_t D = f16ToF64(uint16_t(H), E64);
    bool Ok = NaN ? (S == F32CanonicalNaN && D == F64CanonicalNaN)
                  : (std::bit_cast<float>(S) == float(Exact) &&
                     std::bit_cast<double>(D) == Exact &&
                     std::signbit(std::bit_cast<float>(S)) == std::signbit(Exact) &&
                     std::signbit(std::bit_cast<double>(D)) == std::signbit(Exact));
    Log.check(Ok && E32.Flags == Expected && E64.Flags == Expected,
              hex(H) + " -> " + hex(S) + " / " + hex(D));
  }
}

/// binary32 and binary64 to binary16, and integers to binary16.
TEST(FPSoftFloatHalf, Narrow) {
  RandomEngine R(210);
  MismatchLog Log("to f16");
  const RoundingMode AllModes[] = {
      RoundingMode::NearestEven, RoundingMode::TowardZero, RoundingMode::Down,
      RoundingMode::Up, RoundingMode::NearestMaxMagnitude};
  for (RoundingMode RM : AllModes) {
    for (unsigned I = 0; I < CasesPerMode; ++I) {
      uint32_t S = F32Desc::operand(R);
      if (R.chance(0.7)) // mostly around the binary16 range
        S = F32Desc::make(R.chance(0.5), 127 - 28 + R.below(48), R.next());
      uint64_t D = F64Desc::operand(R);
      if (R.chance(0.7))
        D = F64Desc::make(R.chance(0.5), 1023 - 28 + R.below(48), R.next());
      int64_t N = int64_t(R.next() >> R.below(64));
      if (R.chance(0.5))
        N = -N;
      volatile float HS = std::bit_cast<float>(S);
      volatile double HD = std::bit_cast<double>(D);
      volatile int64_t HN = N;
      struct Case {
        const char *Name;
        uint64_t Input;
        uint16_t Expected;
        uint8_t Flags;
        uint16_t Ours;
        uint8_t OurFlags;
      } Cases[3];
      Cases[0].Expected = referenceHalf(RM, Cases[0].Flags,
                                        [&] { return double(HS); });
      Cases[1].Expected = referenceHalf(RM, Cases[1].Flags,
                                        [&] { return double(HD); });
      Cases[2].Expected = referenceHalf(RM, Cases[2].Flags,
                                        [&] { return double(HN); });
      FPEnv E0{RM, 0}, E1{RM, 0}, E2{RM, 0};
      Cases[0] = {"f32ToF16", S, Cases[0].Expected, Cases[0].Flags,
                  f32ToF16(S, E0), E0.Flags};
      Cases[1] = {"f64ToF16", D, Cases[1].Expected, Cases[1].Flags,
                  f64ToF16(D, E1), E1.Flags};
      Cases[2] = {"i64ToF16", uint64_t(N), Cases[2].Expected, Cases[2].Flags,
                  i64ToF16(N, E2), E2.Flags};
      for (const Case &C : Cases) {
        bool Same = F16Desc::isNaN(C.Expected) ? C.Ours == F16CanonicalNaN
                                               : C.Ours == C.Expected;
        Log.check(Same && C.OurFlags == C.Flags,
                  std::string(C.Name) + " " + modeName(RM) + " " +
                      hex(C.Input) + " ours=" + hex(C.Ours) + " " +
                      flagString(C.OurFlags) + " ref=" + hex(C.Expected) +
                      " " + flagString(C.Flags));
      }
    }
  }
}

/// binary16 -> integers over every input and mode: the value is exact in a
/// double, so the integer result follows from the double's.
TEST(FPSoftFloatHalf, ToIntAllInputs) {
  MismatchLog Log("f16 to int");
  for (unsigned M = 0; M <= 4; ++M) {
    RoundingMode RM = RoundingMode(M);
    for (uint32_t H = 0; H < 0x10000; ++H) {
      uint64_t D = std::bit_cast<uint64_t>(halfToDouble(uint16_t(H)));
      if (F16Desc::isNaN(uint16_t(H)))
        D = F64CanonicalNaN;
      FPEnv EH{RM, 0}, ED{RM, 0};
      bool Ok = f16ToI32(uint16_t(H), EH) == f64ToI32(D, ED) &&
                f16ToU32(uint16_t(H), EH) == f64ToU32(D, ED) &&
                f16ToI64(uint16_t(H), EH) == f64ToI64(D, ED) &&
                f16ToU64(uint16_t(H), EH) == f64ToU64(D, ED);
      Log.check(Ok && EH.Flags == ED.Flags,
                std::string(modeName(RM)) + " " + hex(H));
    }
  }
}

} // namespace
