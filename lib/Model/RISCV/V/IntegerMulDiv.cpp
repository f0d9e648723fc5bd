//===- IntegerMulDiv.cpp - RVV: multiply, divide, multiply-add ------------===//
//
// vmul/vmulh/vmulhu/vmulhsu, vdivu/vdiv/vremu/vrem, vwmul*, vmacc/vnmsac/
// vmadd/vnmsub and vwmacc* (spec 11.10-11.14). Division by zero and signed
// overflow give the scalar M results (quotient all ones / dividend for
// remainder; min / -1 = min with remainder 0). vmulh* at SEW 64 exist only
// in the full V extension, not in Zve64* (spec 18.2).
//===----------------------------------------------------------------------===//
#include "IntHelpers.h"

namespace snipgen::model {
namespace vec {
namespace {

using i128 = __int128;
using u128 = unsigned __int128;

/// Low half of the product, for any SEW.
template <typename T> inline T mulLo(T A, T B) {
  return T(uint64_t(A) * uint64_t(B));
}

struct HighOnlyInV : OpBase {
  template <typename T> static bool allowed(const Hart &H) {
    return sizeof(T) < 8 || fullV(H);
  }
};

struct Mul : OpBase {
  template <typename T> static T f(Fx &, T A, T B) { return mulLo(A, B); }
};
struct Mulh : HighOnlyInV {
  template <typename T> static T f(Fx &, T A, T B) {
    return T((i128(S<T>(A)) * i128(S<T>(B))) >> Bits<T>);
  }
};
struct Mulhu : HighOnlyInV {
  template <typename T> static T f(Fx &, T A, T B) {
    return T((u128(A) * u128(B)) >> Bits<T>);
  }
};
/// vs2 signed times vs1/rs1 unsigned.
struct Mulhsu : HighOnlyInV {
  template <typename T> static T f(Fx &, T A, T B) {
    return T((i128(S<T>(A)) * i128(u128(B))) >> Bits<T>);
  }
};
struct Divu : OpBase {
  template <typename T> static T f(Fx &, T A, T B) {
    return B == 0 ? T(~T(0)) : T(A / B);
  }
};
struct Remu : OpBase {
  template <typename T> static T f(Fx &, T A, T B) {
    return B == 0 ? A : T(A % B);
  }
};
struct Div : OpBase {
  template <typename T> static T f(Fx &, T A, T B) {
    if (B == 0)
      return T(~T(0));
    if (S<T>(B) == -1)
      return T(T(0) - A); // min / -1 wraps to min.
    return T(S<T>(A) / S<T>(B));
  }
};
struct Rem : OpBase {
  template <typename T> static T f(Fx &, T A, T B) {
    if (B == 0)
      return A;
    if (S<T>(B) == -1)
      return 0;
    return T(S<T>(A) % S<T>(B));
  }
};

/// Single-width multiply-add, Ops = {vd, vd, vs1|rs1, vs2, vm}; Op::f gets
/// (vd[i], op1, vs2[i]).
template <typename Op, Src From> struct MulAdd {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs1 = unsigned(D.Ops[2]),
             Vs2 = unsigned(D.Ops[3]);
    int L = V.LmulLog2;
    if (!groupOk(Vd, L) || !groupOk(Vs2, L) ||
        (From == Src::V && !groupOk(Vs1, L)) || !maskOk(D, Vd) ||
        !sourcesOk(D, From == Src::V, {Vs2, L, Bits<T>}, {Vs1, L, Bits<T>}))
      return illegal(H, D);
    T Scalar = scalarOf<T, From>(H, D, 2);
    forEachElement<T>(H, Vd, masked(D), V.groupElements(Bits<T>, L),
                      [&](uint64_t I) {
                        T B = From == Src::V ? V.get<T>(Vs1, I) : Scalar;
                        V.set<T>(Vd, I, Op::f(V.get<T>(Vd, I), B, V.get<T>(Vs2, I)));
                      });
    return finish(H, D);
  }
};
struct Macc {
  template <typename T> static T f(T Acc, T A, T B) { return T(Acc + mulLo(A, B)); }
};
struct Nmsac {
  template <typename T> static T f(T Acc, T A, T B) { return T(Acc - mulLo(A, B)); }
};
struct Madd {
  template <typename T> static T f(T Acc, T A, T B) { return T(mulLo(A, Acc) + B); }
};
struct Nmsub {
  template <typename T> static T f(T Acc, T A, T B) { return T(B - mulLo(A, Acc)); }
};

/// The product of the extended operands, modulo 2^(2*SEW): exact, since
/// the true product of two SEW-bit values fits in 2*SEW bits.
struct WMul {
  template <typename WT> static WT f(WT A, WT B) {
    if constexpr (sizeof(WT) == 16)
      return WT(A * B);
    else
      return WT(uint64_t(A) * uint64_t(B));
  }
};

/// vwmacc*: vd[i] (2*SEW) += ext(vs1[i] | rs1) * ext(vs2[i]).
/// Ops = {vd, vd, vs1|rs1, vs2, vm}.
template <Src From, bool Signed1, bool Signed2> struct WMacc {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    if constexpr (sizeof(T) == 8) {
      return illegal(H, D);
    } else {
      VectorState &V = H.V;
      using WT = W<T>;
      unsigned Vd = unsigned(D.Ops[0]), Vs1 = unsigned(D.Ops[2]),
               Vs2 = unsigned(D.Ops[3]);
      int L = V.LmulLog2;
      if (!widenOk(H, D, Vd) || !narrowSrcOk(H, Vd, Vs2) ||
          (From == Src::V && !narrowSrcOk(H, Vd, Vs1)) ||
          // vd is read too (EEW 2*SEW): the narrow sources may not
          // overlap it at all (spec 5.2, one EEW per source register).
          !(From == Src::V
                ? sourcesOk(D, {{Vd, L + 1, 2 * Bits<T>}, {Vs2, L, Bits<T>},
                                {Vs1, L, Bits<T>}})
                : sourcesOk(D, {{Vd, L + 1, 2 * Bits<T>}, {Vs2, L, Bits<T>}})))
        return illegal(H, D);
      T Scalar = scalarOf<T, From>(H, D, 2);
      forEachElement<WT>(H, Vd, masked(D), V.groupElements(2 * Bits<T>, L + 1),
                         [&](uint64_t I) {
                           WT A = ext<Signed1>(From == Src::V ? V.get<T>(Vs1, I) : Scalar);
                           WT B = ext<Signed2>(V.get<T>(Vs2, I));
                           V.set<WT>(Vd, I, WT(V.get<WT>(Vd, I) + WMul::f(A, B)));
                         });
      return finish(H, D);
    }
  }
};

} // namespace
} // namespace vec

using namespace vec;

void registerVectorIntMulDivSemantics(SemanticTable &T) {
#define VVX(NAME, OP)                                                          \
  T.add(#NAME "_VV", bySew<Binary<OP, Src::V>>);                               \
  T.add(#NAME "_VX", bySew<Binary<OP, Src::X>>);
  VVX(VMUL, Mul) VVX(VMULH, Mulh) VVX(VMULHU, Mulhu) VVX(VMULHSU, Mulhsu)
  VVX(VDIVU, Divu) VVX(VDIV, Div) VVX(VREMU, Remu) VVX(VREM, Rem)
#undef VVX
#define MA(NAME, OP)                                                           \
  T.add(#NAME "_VV", bySew<MulAdd<OP, Src::V>>);                               \
  T.add(#NAME "_VX", bySew<MulAdd<OP, Src::X>>);
  MA(VMACC, Macc) MA(VNMSAC, Nmsac) MA(VMADD, Madd) MA(VNMSUB, Nmsub)
#undef MA
  // vwmul*: vs2 and vs1/rs1 extended (vwmulsu: vs2 signed, vs1 unsigned).
  T.add("VWMUL_VV", bySew<Widen<WMul, Src::V, false, true, true>>);
  T.add("VWMUL_VX", bySew<Widen<WMul, Src::X, false, true, true>>);
  T.add("VWMULU_VV", bySew<Widen<WMul, Src::V, false, false, false>>);
  T.add("VWMULU_VX", bySew<Widen<WMul, Src::X, false, false, false>>);
  T.add("VWMULSU_VV", bySew<Widen<WMul, Src::V, false, true, false>>);
  T.add("VWMULSU_VX", bySew<Widen<WMul, Src::X, false, true, false>>);
  T.add("VWMACCU_VV", bySew<WMacc<Src::V, false, false>>);
  T.add("VWMACCU_VX", bySew<WMacc<Src::X, false, false>>);
  T.add("VWMACC_VV", bySew<WMacc<Src::V, true, true>>);
  T.add("VWMACC_VX", bySew<WMacc<Src::X, true, true>>);
  // vwmaccsu: signed vs1/rs1 times unsigned vs2; vwmaccus: the reverse.
  T.add("VWMACCSU_VV", bySew<WMacc<Src::V, true, false>>);
  T.add("VWMACCSU_VX", bySew<WMacc<Src::X, true, false>>);
  T.add("VWMACCUS_VX", bySew<WMacc<Src::X, false, true>>);
}

} // namespace snipgen::model
