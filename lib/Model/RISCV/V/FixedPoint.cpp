//===- FixedPoint.cpp - RVV: saturating and averaging arithmetic ----------===//
//
// vsaddu/vsadd/vssubu/vssub, vaaddu/vaadd/vasubu/vasub, vsmul, vssrl/vssra
// and vnclipu/vnclip (spec 12). Rounding follows vxrm (roundBit in
// IntHelpers.h: rnu, rne, rdn, rod); any saturated active element sets
// vxsat. Intermediate results are computed exactly in 128 bits.
//===----------------------------------------------------------------------===//
#include "IntHelpers.h"
#include "VectorSemantics.h"
#include <limits>

namespace snipgen::model {
namespace vec {
namespace {

using i128 = __int128;
using u128 = unsigned __int128;

template <typename T> constexpr S<T> smax() { return std::numeric_limits<S<T>>::max(); }
template <typename T> constexpr S<T> smin() { return std::numeric_limits<S<T>>::min(); }

/// Clamps a signed value to SEW bits, noting saturation.
template <typename T> inline T clampS(Fx &C, i128 V) {
  if (V > i128(smax<T>())) {
    C.Sat = true;
    return T(smax<T>());
  }
  if (V < i128(smin<T>())) {
    C.Sat = true;
    return T(smin<T>());
  }
  return T(V);
}
/// Clamps an unsigned value to SEW bits, noting saturation.
template <typename T> inline T clampU(Fx &C, u128 V) {
  if (V > u128(T(~T(0)))) {
    C.Sat = true;
    return T(~T(0));
  }
  return T(V);
}

struct Saddu : OpBase {
  template <typename T> static T f(Fx &C, T A, T B) { return clampU<T>(C, u128(A) + B); }
};
struct Sadd : OpBase {
  template <typename T> static T f(Fx &C, T A, T B) {
    return clampS<T>(C, i128(S<T>(A)) + S<T>(B));
  }
};
struct Ssubu : OpBase {
  template <typename T> static T f(Fx &C, T A, T B) {
    if (A < B) {
      C.Sat = true;
      return 0;
    }
    return T(A - B);
  }
};
struct Ssub : OpBase {
  template <typename T> static T f(Fx &C, T A, T B) {
    return clampS<T>(C, i128(S<T>(A)) - S<T>(B));
  }
};
struct Aaddu : OpBase {
  template <typename T> static T f(Fx &C, T A, T B) {
    return T(roundShiftU<u128>(u128(A) + B, 1, C.Rm));
  }
};
struct Aadd : OpBase {
  template <typename T> static T f(Fx &C, T A, T B) {
    return T(roundShiftS<i128>(i128(S<T>(A)) + S<T>(B), 1, C.Rm));
  }
};
struct Asubu : OpBase {
  // The SEW+1-bit difference; its low bits are right modulo 2^128.
  template <typename T> static T f(Fx &C, T A, T B) {
    return T(roundShiftU<u128>(u128(A) - u128(B), 1, C.Rm));
  }
};
struct Asub : OpBase {
  template <typename T> static T f(Fx &C, T A, T B) {
    return T(roundShiftS<i128>(i128(S<T>(A)) - S<T>(B), 1, C.Rm));
  }
};
/// (vs2 * op1) >> (SEW - 1), rounded; only min * min saturates. Not in
/// Zve64* at SEW 64.
struct Smul {
  template <typename T> static bool allowed(const Hart &H) {
    return sizeof(T) < 8 || fullV(H);
  }
  template <typename T> static T f(Fx &C, T A, T B) {
    i128 P = i128(S<T>(A)) * i128(S<T>(B));
    return clampS<T>(C, roundShiftS<i128>(P, Bits<T> - 1, C.Rm));
  }
};
struct Ssrl : OpBase {
  template <typename T> static T f(Fx &C, T A, T B) {
    return roundShiftU<T>(A, B & (Bits<T> - 1), C.Rm);
  }
};
struct Ssra : OpBase {
  template <typename T> static T f(Fx &C, T A, T B) {
    return T(roundShiftS<i128>(S<T>(A), B & (Bits<T> - 1), C.Rm));
  }
};
// Narrowing clips: the 2*SEW source shifted right (rounded) by the low
// log2(2*SEW) bits of the shift operand, then saturated to SEW.
struct Nclipu {
  template <typename T> static T f(Fx &C, W<T> A, T B) {
    return clampU<T>(C, roundShiftU<u128>(A, B & (2 * Bits<T> - 1), C.Rm));
  }
};
struct Nclip {
  template <typename T> static T f(Fx &C, W<T> A, T B) {
    i128 V = std::make_signed_t<W<T>>(A);
    return clampS<T>(C, roundShiftS<i128>(V, B & (2 * Bits<T> - 1), C.Rm));
  }
};

} // namespace
} // namespace vec

using namespace vec;

void registerVectorFixedPointSemantics(SemanticTable &T) {
#define VV(NAME, OP) T.add(#NAME "_VV", bySew<Binary<OP, Src::V>>);
#define VX(NAME, OP) T.add(#NAME "_VX", bySew<Binary<OP, Src::X>>);
#define VI(NAME, OP) T.add(#NAME "_VI", bySew<Binary<OP, Src::I>>);
#define VIU(NAME, OP) T.add(#NAME "_VI", bySew<Binary<OP, Src::UI>>);
  VV(VSADDU, Saddu) VX(VSADDU, Saddu) VI(VSADDU, Saddu)
  VV(VSADD, Sadd) VX(VSADD, Sadd) VI(VSADD, Sadd)
  VV(VSSUBU, Ssubu) VX(VSSUBU, Ssubu)
  VV(VSSUB, Ssub) VX(VSSUB, Ssub)
  VV(VAADDU, Aaddu) VX(VAADDU, Aaddu)
  VV(VAADD, Aadd) VX(VAADD, Aadd)
  VV(VASUBU, Asubu) VX(VASUBU, Asubu)
  VV(VASUB, Asub) VX(VASUB, Asub)
  VV(VSMUL, Smul) VX(VSMUL, Smul)
  VV(VSSRL, Ssrl) VX(VSSRL, Ssrl) VIU(VSSRL, Ssrl)
  VV(VSSRA, Ssra) VX(VSSRA, Ssra) VIU(VSSRA, Ssra)
#undef VV
#undef VX
#undef VI
#undef VIU
  T.add("VNCLIPU_WV", bySew<Narrow<Nclipu, Src::V>>);
  T.add("VNCLIPU_WX", bySew<Narrow<Nclipu, Src::X>>);
  T.add("VNCLIPU_WI", bySew<Narrow<Nclipu, Src::UI>>);
  T.add("VNCLIP_WV", bySew<Narrow<Nclip, Src::V>>);
  T.add("VNCLIP_WX", bySew<Narrow<Nclip, Src::X>>);
  T.add("VNCLIP_WI", bySew<Narrow<Nclip, Src::UI>>);
}

} // namespace snipgen::model
