//===- FPSoftFloatRMMTest.cpp - Ties-away rounding (RMM) ------------------===//
//
// No host instruction rounds ties away from zero, so the reference runs each
// operation in a wider host format rounded to odd (binary64 for binary32,
// x87 extended for binary64: at least Precision + 2 bits, so the odd result
// rounds exactly like the true value) and rounds that with roundTiesAway.
// Exact zeros take their sign from the operation run in RNE, as RMM would.
//===----------------------------------------------------------------------===//
#include "FPTestUtil.h"

using namespace fptest;

namespace {

constexpr unsigned Cases = 25000;

enum class Op { Add, Sub, Mul, Div, Sqrt, MulAdd };
const char *opName(Op O) {
  static const char *Names[] = {"add", "sub", "mul", "div", "sqrt", "muladd"};
  return Names[int(O)];
}

template <typename WideT, typename NarrowT, typename OpT>
WideT wideReference(uint8_t &Flags, OpT Run) {
  WideT Wide = roundToOdd<WideT>(Flags, Run);
  if (Wide == 0) {
    uint8_t Ignored;
    Wide = runOnHost<WideT>(FE_TONEAREST, Ignored, Run);
  }
  return Wide;
}

template <class Desc, typename NarrowT, typename WideT>
void checkRMM(Op O, uint64_t Seed) {
  using Bits = typename Desc::Bits;
  RandomEngine R(Seed);
  MismatchLog Log(opName(O));
  for (unsigned I = 0; I < Cases; ++I) {
    Bits A = Desc::operand(R), B = Desc::partner(R, A);
    Bits C = R.chance(0.5) ? Desc::partner(R, B) : Desc::operand(R);
    volatile WideT HA = WideT(std::bit_cast<NarrowT>(A)),
                   HB = WideT(std::bit_cast<NarrowT>(B)),
                   HC = WideT(std::bit_cast<NarrowT>(C));
    // Widening quiets signaling NaNs on the host, so take invalid from the
    // operands directly.
    bool AnySignaling = Desc::isSignalingNaN(A) ||
                        (O != Op::Sqrt && Desc::isSignalingNaN(B)) ||
                        (O == Op::MulAdd && Desc::isSignalingNaN(C));
    uint8_t WideFlags;
    WideT Wide = wideReference<WideT, NarrowT>(WideFlags, [&]() -> WideT {
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
      default:
        return std::fma(HA, HB, HC);
      }
    });
    uint8_t RoundFlags;
    Bits Expected = roundTiesAway<Desc>(
        Wide, RoundFlags,
        [](WideT X) {
          volatile WideT HX = X;
          uint8_t Ignored;
          return std::bit_cast<Bits>(runOnHost<NarrowT>(
              FE_TOWARDZERO, Ignored, [&] { return NarrowT(HX); }));
        },
        [](Bits X) { return WideT(std::bit_cast<NarrowT>(X)); });
    uint8_t ExpectedFlags = (WideFlags & (flags::Invalid | flags::DivByZero)) |
                            RoundFlags | (WideFlags & flags::Inexact);
    if (AnySignaling)
      ExpectedFlags |= flags::Invalid;
    auto Magnitude = [](Bits X) { return Bits(X & ~Desc::SignMask); };
    Bits Inf = Desc::make(false, Desc::MaxExp, 0);
    if (O == Op::MulAdd && Desc::isNaN(C) &&
        ((Magnitude(A) == Inf && Magnitude(B) == 0) ||
         (Magnitude(A) == 0 && Magnitude(B) == Inf)))
      ExpectedFlags |= flags::Invalid; // RISC-V only; see FPSoftFloatArithTest

    FPEnv Env{RoundingMode::NearestMaxMagnitude, 0};
    Bits Ours;
    if constexpr (sizeof(Bits) == 4) {
      Ours = O == Op::Add    ? f32Add(A, B, Env)
             : O == Op::Sub  ? f32Sub(A, B, Env)
             : O == Op::Mul  ? f32Mul(A, B, Env)
             : O == Op::Div  ? f32Div(A, B, Env)
             : O == Op::Sqrt ? f32Sqrt(A, Env)
                             : f32MulAdd(A, B, C, Env);
    } else {
      Ours = O == Op::Add    ? f64Add(A, B, Env)
             : O == Op::Sub  ? f64Sub(A, B, Env)
             : O == Op::Mul  ? f64Mul(A, B, Env)
             : O == Op::Div  ? f64Div(A, B, Env)
             : O == Op::Sqrt ? f64Sqrt(A, Env)
                             : f64MulAdd(A, B, C, Env);
    }
    bool Same = Desc::isNaN(Expected) ? Ours == Desc::CanonicalNaN
                                      : Ours == Expected;
    Log.check(Same && Env.Flags == ExpectedFlags,
              "a=" + hex(A) + " b=" + hex(B) + " c=" + hex(C) + " ours=" +
                  hex(Ours) + " " + flagString(Env.Flags) + " ref=" +
                  hex(Expected) + " " + flagString(ExpectedFlags));
  }
}

TEST(FPSoftFloatRMM, F32) {
  uint64_t Seed = 301;
  for (Op O : {Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Sqrt, Op::MulAdd})
    checkRMM<F32Desc, float, double>(O, Seed++);
}

TEST(FPSoftFloatRMM, F64) {
  uint64_t Seed = 311;
  for (Op O : {Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Sqrt, Op::MulAdd})
    checkRMM<F64Desc, double, long double>(O, Seed++);
}

} // namespace
