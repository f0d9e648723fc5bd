//===- Zvbb.cpp - RVV Zvbb (and its Zvkb subset) and Zvbc -----------------===//
//
// Zvbb: vandn (.vv .vx), vbrev, vbrev8, vrev8, vclz, vctz, vcpop.v, vrol
// (.vv .vx), vror (.vv .vx .vi), vwsll (.vv .vx .vi). Zvbc: vclmul and
// vclmulh (.vv .vx), legal only at SEW 64.
// Operands: vd, vs2, vs1|rs1|imm, vm (unary: vd, vs2, vm). Scalar operands
// are x[rs1] truncated to SEW; rotate amounts use the low log2(SEW) bits,
// vwsll amounts the low log2(2*SEW) bits.
//===----------------------------------------------------------------------===//
#include "FloatHelpers.h"
#include "VectorSemantics.h"

#include <bit>
#include <type_traits>

namespace snipgen::model {
namespace {

using namespace vec;

template <unsigned W> using UInt = typename UIntOf<W>::T;

template <class Fn> StepStatus byIntSew(Hart &H, const Decoded &D, Fn &&F) {
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

enum class Src { Vector, Scalar, Imm };

template <typename T> T clmul(T A, T B) {
  T R = 0;
  for (unsigned I = 0; I < sizeof(T) * 8; ++I)
    if ((B >> I) & 1)
      R ^= T(A << I);
  return R;
}
template <typename T> T clmulh(T A, T B) {
  constexpr unsigned N = sizeof(T) * 8;
  T R = 0;
  for (unsigned I = 1; I < N; ++I)
    if ((B >> I) & 1)
      R ^= T(A >> (N - I));
  return R;
}
template <typename T> T brev8(T A) {
  T R = 0;
  for (unsigned Byte = 0; Byte < sizeof(T); ++Byte) {
    uint8_t B = uint8_t(A >> (8 * Byte));
    B = uint8_t((B * 0x0202020202ull & 0x010884422010ull) % 1023);
    R |= T(T(B) << (8 * Byte));
  }
  return R;
}
template <typename T> T rev8(T A) {
  T R = 0;
  for (unsigned Byte = 0; Byte < sizeof(T); ++Byte)
    R |= T(T(uint8_t(A >> (8 * Byte))) << (8 * (sizeof(T) - 1 - Byte)));
  return R;
}
template <typename T> T brev(T A) {
  return rev8(brev8(A));
}

enum class BOp { Andn, Rol, Ror, Clmul, Clmulh };

// vd[i] = vs2[i] op x, x = vs1[i] | x[rs1] | imm.
template <BOp Op, Src S> StepStatus binary(Hart &H, const Decoded &D) {
  return byIntSew(H, D, [&](auto SewC) {
    constexpr unsigned W = decltype(SewC)::value;
    using T = UInt<W>;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    int64_t Rs = D.Ops[2];
    bool Masked = isMasked(D);
    int L = H.V.LmulLog2;
    bool ClmulOp = Op == BOp::Clmul || Op == BOp::Clmulh;
    if (!configOk(H) || (ClmulOp && W != 64) || !groupOk(Vd, L) ||
        !groupOk(Vs2, L) ||
        (S == Src::Vector && !groupOk(unsigned(Rs), L)) ||
        !maskOk(Masked, Vd) || !srcOk(Masked, Vs2) ||
        (S == Src::Vector && !srcOk(Masked, unsigned(Rs))))
      return illegal(H, D);
    T X = S == Src::Scalar ? T(H.X[Rs]) : T(uint64_t(Rs));
    VectorState &V = H.V;
    forEachElement<T>(H, Vd, Masked, V.groupElements(W, L), [&](uint64_t I) {
      T A = V.get<T>(Vs2, I);
      T B = S == Src::Vector ? V.get<T>(unsigned(Rs), I) : X;
      T R;
      if constexpr (Op == BOp::Andn)
        R = T(A & ~B);
      else if constexpr (Op == BOp::Rol)
        R = std::rotl(A, int(B & (W - 1)));
      else if constexpr (Op == BOp::Ror)
        R = std::rotr(A, int(B & (W - 1)));
      else if constexpr (Op == BOp::Clmul)
        R = clmul(A, B);
      else
        R = clmulh(A, B);
      V.set<T>(Vd, I, R);
    });
    noteVWrite(H, Vd, VectorState::groupRegs(L));
    return H.next(D);
  });
}

enum class UOp { Brev, Brev8, Rev8, Clz, Ctz, Cpop };

template <UOp Op> StepStatus unary(Hart &H, const Decoded &D) {
  return byIntSew(H, D, [&](auto SewC) {
    constexpr unsigned W = decltype(SewC)::value;
    using T = UInt<W>;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    bool Masked = isMasked(D);
    int L = H.V.LmulLog2;
    if (!configOk(H) || !groupOk(Vd, L) || !groupOk(Vs2, L) ||
        !maskOk(Masked, Vd) || !srcOk(Masked, Vs2))
      return illegal(H, D);
    VectorState &V = H.V;
    forEachElement<T>(H, Vd, Masked, V.groupElements(W, L), [&](uint64_t I) {
      T A = V.get<T>(Vs2, I), R;
      if constexpr (Op == UOp::Brev)
        R = brev(A);
      else if constexpr (Op == UOp::Brev8)
        R = brev8(A);
      else if constexpr (Op == UOp::Rev8)
        R = rev8(A);
      else if constexpr (Op == UOp::Clz)
        R = T(std::countl_zero(A));
      else if constexpr (Op == UOp::Ctz)
        R = T(std::countr_zero(A));
      else
        R = T(std::popcount(A));
      V.set<T>(Vd, I, R);
    });
    noteVWrite(H, Vd, VectorState::groupRegs(L));
    return H.next(D);
  });
}

// vwsll: vd (2*SEW) = zext(vs2[i]) << (x mod 2*SEW).
template <Src S> StepStatus wideShift(Hart &H, const Decoded &D) {
  return byIntSew(H, D, [&](auto SewC) {
    constexpr unsigned W = decltype(SewC)::value;
    if constexpr (W == 64) {
      return illegal(H, D);
    } else {
      using T = UInt<W>;
      using WT = UInt<2 * W>;
      unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
      int64_t Rs = D.Ops[2];
      bool Masked = isMasked(D);
      int L = H.V.LmulLog2;
      if (!configOk(H) || 2 * W > H.V.ELen || L > 2 || !groupOk(Vd, L + 1) ||
          !groupOk(Vs2, L) || !wideDestOk(Vd, L, Vs2) || !maskOk(Masked, Vd) ||
          !srcOk(Masked, Vs2) ||
          (S == Src::Vector &&
           (!groupOk(unsigned(Rs), L) || !wideDestOk(Vd, L, unsigned(Rs)) ||
            !srcOk(Masked, unsigned(Rs)))))
        return illegal(H, D);
      T X = S == Src::Scalar ? T(H.X[Rs]) : T(uint64_t(Rs));
      VectorState &V = H.V;
      forEachElement<WT>(
          H, Vd, Masked, V.groupElements(2 * W, L + 1), [&](uint64_t I) {
            T Amount = S == Src::Vector ? V.get<T>(unsigned(Rs), I) : X;
            WT A = V.get<T>(Vs2, I);
            V.set<WT>(Vd, I, WT(A << (Amount & (2 * W - 1))));
          });
      noteVWrite(H, Vd, VectorState::groupRegs(L + 1));
      return H.next(D);
    }
  });
}

} // namespace

void registerVectorBitCryptoSemantics(SemanticTable &T) {
  // Zvbb (vandn, vbrev8, vrev8, vrol, vror are also Zvkb).
  T.add("VANDN_VV", binary<BOp::Andn, Src::Vector>);
  T.add("VANDN_VX", binary<BOp::Andn, Src::Scalar>);
  T.add("VROL_VV", binary<BOp::Rol, Src::Vector>);
  T.add("VROL_VX", binary<BOp::Rol, Src::Scalar>);
  T.add("VROR_VV", binary<BOp::Ror, Src::Vector>);
  T.add("VROR_VX", binary<BOp::Ror, Src::Scalar>);
  T.add("VROR_VI", binary<BOp::Ror, Src::Imm>);
  T.add("VBREV_V", unary<UOp::Brev>);
  T.add("VBREV8_V", unary<UOp::Brev8>);
  T.add("VREV8_V", unary<UOp::Rev8>);
  T.add("VCLZ_V", unary<UOp::Clz>);
  T.add("VCTZ_V", unary<UOp::Ctz>);
  T.add("VCPOP_V", unary<UOp::Cpop>);
  T.add("VWSLL_VV", wideShift<Src::Vector>);
  T.add("VWSLL_VX", wideShift<Src::Scalar>);
  T.add("VWSLL_VI", wideShift<Src::Imm>);
  // Zvbc.
  T.add("VCLMUL_VV", binary<BOp::Clmul, Src::Vector>);
  T.add("VCLMUL_VX", binary<BOp::Clmul, Src::Scalar>);
  T.add("VCLMULH_VV", binary<BOp::Clmulh, Src::Vector>);
  T.add("VCLMULH_VX", binary<BOp::Clmulh, Src::Scalar>);
}

} // namespace snipgen::model
