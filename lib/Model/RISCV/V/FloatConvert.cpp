//===- FloatConvert.cpp - RVV FP conversions ------------------------------===//
//
// Single-width  vfcvt.{xu,x}.f.v, vfcvt.rtz.{xu,x}.f.v, vfcvt.f.{xu,x}.v
// Widening      vfwcvt.{xu,x}.f.v (+rtz), vfwcvt.f.{xu,x}.v, vfwcvt.f.f.v,
//               vfwcvtbf16.f.f.v (Zvfbfmin)
// Narrowing     vfncvt.{xu,x}.f.w (+rtz), vfncvt.f.{xu,x}.w, vfncvt.f.f.w,
//               vfncvt.rod.f.f.w, vfncvtbf16.f.f.w (Zvfbfmin)
// Operands: vd, vs2, vm. SEW is the narrower width for widening and
// narrowing forms; each side must be a width the ISA has (an FP width for
// FP sides - vfwcvt.f.f.v / vfncvt.f.f.w need only Zvfhmin at SEW 16 - and
// at most ELEN for integer sides). Conversions to 8/16-bit integers
// saturate like the scalar ones: out of range raises invalid alone.
// Every form checks frm, as QEMU and Spike do, even the rtz/rod ones.
//===----------------------------------------------------------------------===//
#include "FloatHelpers.h"
#include "VectorSemantics.h"

#include <type_traits>

namespace snipgen::model::vec {
namespace {

template <unsigned W> using UInt = typename UIntOf<W>::T;
template <unsigned W> using SInt = std::make_signed_t<UInt<W>>;

template <class Fn>
StepStatus byAnySew(Hart &H, const Decoded &D, Fn &&F) {
  switch (H.V.Sew) {
  case 8:
    return F(std::integral_constant<unsigned, 8>{});
  case 16:
    return F(std::integral_constant<unsigned, 16>{});
  case 32:
    return F(std::integral_constant<unsigned, 32>{});
  case 64:
    return F(std::integral_constant<unsigned, 64>{});
  default:
    return illegal(H, D);
  }
}

enum class Kind {
  FToU,    // float -> unsigned
  FToS,    // float -> signed
  UToF,    // unsigned -> float
  SToF,    // signed -> float
  FToF,    // float -> float (vfwcvt.f.f / vfncvt.f.f)
  FToFOdd, // vfncvt.rod.f.f.w
};

constexpr bool fromFloat(Kind K) { return K != Kind::UToF && K != Kind::SToF; }
constexpr bool toFloat(Kind K) { return K != Kind::FToU && K != Kind::FToS; }

/// Whether the source (SrcW bits) and destination (DstW bits) widths of a
/// conversion exist in the ISA.
template <Kind K>
bool widthsOk(const Hart &H, unsigned SrcW, unsigned DstW) {
  bool Min = K == Kind::FToF; // Zvfhmin suffices for vfwcvt/vfncvt.f.f.
  bool SrcOk = fromFloat(K) ? fpWidthOk(H, SrcW, Min) : intWidthOk(H, SrcW);
  bool DstOk = toFloat(K) ? fpWidthOk(H, DstW, Min) : intWidthOk(H, DstW);
  return SrcOk && DstOk;
}

// --- Single-width -------------------------------------------------------------

template <Kind K, bool Rtz> StepStatus convert(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    bool Masked = isMasked(D);
    int L = H.V.LmulLog2;
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) || !groupOk(Vd, L) ||
        !groupOk(Vs2, L) || !maskOk(Masked, Vd) || !srcOk(Masked, Vs2))
      return illegal(H, D);
    if (Rtz)
      Env.Rounding = RoundingMode::TowardZero;
    VectorState &V = H.V;
    forEachElement<B>(H, Vd, Masked, V.groupElements(F::W, L), [&](uint64_t I) {
      B A = V.get<B>(Vs2, I), R;
      if constexpr (K == Kind::FToU)
        R = B(F::toUInt(A, Env));
      else if constexpr (K == Kind::FToS)
        R = B(F::toSInt(A, Env));
      else if constexpr (K == Kind::UToF)
        R = F::fromUInt(A, Env);
      else
        R = F::fromSInt(typename F::SInt(A), Env);
      V.set<B>(Vd, I, R);
    });
    return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L));
  });
}

// --- Widening: SEW -> 2*SEW -------------------------------------------------------

template <Kind K, bool Rtz> StepStatus widen(Hart &H, const Decoded &D) {
  return byAnySew(H, D, [&](auto SewC) {
    constexpr unsigned W = decltype(SewC)::value;
    // Legal (W, kind) pairs: FP sources are 16/32, integer sources 8/16/32.
    constexpr bool Exists = W <= 32 && (W >= 16 || !fromFloat(K));
    if constexpr (!Exists) {
      return illegal(H, D);
    } else {
      using SB = UInt<W>;
      using DB = UInt<2 * W>;
      FPEnv Env;
      unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
      bool Masked = isMasked(D);
      int L = H.V.LmulLog2;
      if (!fpPrologue(H, Env) || !widthsOk<K>(H, W, 2 * W) || L > 2 ||
          !groupOk(Vd, L + 1) || !groupOk(Vs2, L) || !wideDestOk(Vd, L, Vs2) ||
          !maskOk(Masked, Vd) || !srcOk(Masked, Vs2))
        return illegal(H, D);
      if (Rtz)
        Env.Rounding = RoundingMode::TowardZero;
      VectorState &V = H.V;
      forEachElement<DB>(
          H, Vd, Masked, V.groupElements(2 * W, L + 1), [&](uint64_t I) {
            SB A = V.get<SB>(Vs2, I);
            DB R;
            if constexpr (K == Kind::FToU)
              R = DB(FT<W>::toUIntWide(A, Env));
            else if constexpr (K == Kind::FToS)
              R = DB(FT<W>::toSIntWide(A, Env));
            else if constexpr (K == Kind::UToF)
              R = FT<2 * W>::fromUIntHalf(A, Env);
            else if constexpr (K == Kind::SToF)
              R = FT<2 * W>::fromSIntHalf(SInt<W>(A), Env);
            else
              R = FT<W>::widen(A, Env);
            V.set<DB>(Vd, I, R);
          });
      return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L + 1));
    }
  });
}

// --- Narrowing: 2*SEW -> SEW ------------------------------------------------------

template <Kind K, bool Rtz> StepStatus narrow(Hart &H, const Decoded &D) {
  return byAnySew(H, D, [&](auto SewC) {
    constexpr unsigned W = decltype(SewC)::value;
    // FP destinations are 16/32, integer destinations 8/16/32.
    constexpr bool Exists = W <= 32 && (W >= 16 || !toFloat(K));
    if constexpr (!Exists) {
      return illegal(H, D);
    } else {
      using SB = UInt<2 * W>;
      using DB = UInt<W>;
      FPEnv Env;
      unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
      bool Masked = isMasked(D);
      int L = H.V.LmulLog2;
      if (!fpPrologue(H, Env) || !widthsOk<K>(H, 2 * W, W) || L > 2 ||
          (K == Kind::FToFOdd && !fpWidthOk(H, W)) || !groupOk(Vd, L) ||
          !groupOk(Vs2, L + 1) || !narrowDestOk(Vd, L, Vs2) ||
          !maskOk(Masked, Vd) || !srcOk(Masked, Vs2))
        return illegal(H, D);
      if (Rtz)
        Env.Rounding = RoundingMode::TowardZero;
      VectorState &V = H.V;
      forEachElement<DB>(
          H, Vd, Masked, V.groupElements(W, L), [&](uint64_t I) {
            SB A = V.get<SB>(Vs2, I);
            DB R;
            if constexpr (K == Kind::FToU)
              R = DB(FT<2 * W>::toUIntHalf(A, Env));
            else if constexpr (K == Kind::FToS)
              R = DB(FT<2 * W>::toSIntHalf(A, Env));
            else if constexpr (K == Kind::UToF)
              R = FT<W>::fromUIntWide(A, Env);
            else if constexpr (K == Kind::SToF)
              R = FT<W>::fromSIntWide(SInt<2 * W>(A), Env);
            else if constexpr (K == Kind::FToF)
              R = FT<W>::narrow(A, Env);
            else
              R = FT<W>::narrowOdd(A, Env);
            V.set<DB>(Vd, I, R);
          });
      return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L));
    }
  });
}

// --- Zvfbfmin: BF16 <-> FP32, SEW 16 only -----------------------------------------

template <bool Widen> StepStatus convertBF16(Hart &H, const Decoded &D) {
  FPEnv Env;
  unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
  bool Masked = isMasked(D);
  int L = H.V.LmulLog2;
  if (!fpPrologue(H, Env) || H.V.Sew != 16 || L > 2 || !maskOk(Masked, Vd) || !srcOk(Masked, Vs2))
    return illegal(H, D);
  VectorState &V = H.V;
  if constexpr (Widen) {
    if (!groupOk(Vd, L + 1) || !groupOk(Vs2, L) || !wideDestOk(Vd, L, Vs2))
      return illegal(H, D);
    forEachElement<uint32_t>(
        H, Vd, Masked, V.groupElements(32, L + 1), [&](uint64_t I) {
          V.set<uint32_t>(Vd, I, bf16ToF32(V.get<uint16_t>(Vs2, I), Env));
        });
    return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L + 1));
  } else {
    if (!groupOk(Vd, L) || !groupOk(Vs2, L + 1) || !narrowDestOk(Vd, L, Vs2))
      return illegal(H, D);
    forEachElement<uint16_t>(
        H, Vd, Masked, V.groupElements(16, L), [&](uint64_t I) {
          V.set<uint16_t>(Vd, I, f32ToBF16(V.get<uint32_t>(Vs2, I), Env));
        });
    return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L));
  }
}

} // namespace

void registerVectorFloatConvert(SemanticTable &T) {
  T.add("VFCVT_XU_F_V", convert<Kind::FToU, false>);
  T.add("VFCVT_X_F_V", convert<Kind::FToS, false>);
  T.add("VFCVT_RTZ_XU_F_V", convert<Kind::FToU, true>);
  T.add("VFCVT_RTZ_X_F_V", convert<Kind::FToS, true>);
  T.add("VFCVT_F_XU_V", convert<Kind::UToF, false>);
  T.add("VFCVT_F_X_V", convert<Kind::SToF, false>);

  T.add("VFWCVT_XU_F_V", widen<Kind::FToU, false>);
  T.add("VFWCVT_X_F_V", widen<Kind::FToS, false>);
  T.add("VFWCVT_RTZ_XU_F_V", widen<Kind::FToU, true>);
  T.add("VFWCVT_RTZ_X_F_V", widen<Kind::FToS, true>);
  T.add("VFWCVT_F_XU_V", widen<Kind::UToF, false>);
  T.add("VFWCVT_F_X_V", widen<Kind::SToF, false>);
  T.add("VFWCVT_F_F_V", widen<Kind::FToF, false>);

  T.add("VFNCVT_XU_F_W", narrow<Kind::FToU, false>);
  T.add("VFNCVT_X_F_W", narrow<Kind::FToS, false>);
  T.add("VFNCVT_RTZ_XU_F_W", narrow<Kind::FToU, true>);
  T.add("VFNCVT_RTZ_X_F_W", narrow<Kind::FToS, true>);
  T.add("VFNCVT_F_XU_W", narrow<Kind::UToF, false>);
  T.add("VFNCVT_F_X_W", narrow<Kind::SToF, false>);
  T.add("VFNCVT_F_F_W", narrow<Kind::FToF, false>);
  T.add("VFNCVT_ROD_F_F_W", narrow<Kind::FToFOdd, false>);

  T.add("VFWCVTBF16_F_F_V", convertBF16<true>);
  T.add("VFNCVTBF16_F_F_W", convertBF16<false>);
}

} // namespace snipgen::model::vec
