//===- IntegerWiden.cpp - RVV: widening add/sub, extension, narrow shifts -===//
//
// vwaddu/vwadd/vwsubu/vwsub (.vv .vx .wv .wx), vzext/vsext (.vf2 .vf4
// .vf8), vnsrl/vnsra (.wv .wx .wi): spec 11.2, 11.3, 11.7. The register
// rules (2*SEW <= ELEN, EMUL <= 8, overlap only in the highest part of a
// wider destination or the lowest part of a wider source) are in
// IntHelpers.h.
//===----------------------------------------------------------------------===//
#include "IntHelpers.h"

namespace snipgen::model {
namespace vec {
namespace {

struct WAdd {
  template <typename WT> static WT f(WT A, WT B) { return WT(A + B); }
};
struct WSub {
  template <typename WT> static WT f(WT A, WT B) { return WT(A - B); }
};

/// vzext.vfF / vsext.vfF: vd[i] (SEW) = extend(vs2[i] (SEW/F)).
template <unsigned F, bool Signed> struct Extend {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    constexpr unsigned SrcBits = Bits<T> / F;
    if constexpr (SrcBits < 8) {
      return illegal(H, D);
    } else {
      using ST = typename UIntOf<SrcBits>::T;
      VectorState &V = H.V;
      constexpr int K = F == 2 ? 1 : F == 4 ? 2 : 3;
      unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
      int L = V.LmulLog2;
      if (!groupOk(Vd, L) || !groupOk(Vs2, L - K) ||
          !overlapOk(Vd, L, Vs2, L - K) || !maskOk(D, Vd) ||
          !sourcesOk(D, {{Vs2, L - K, SrcBits}}))
        return illegal(H, D);
      forEachElement<T>(H, Vd, masked(D), V.groupElements(Bits<T>, L),
                        [&](uint64_t I) {
                          ST X = V.get<ST>(Vs2, I);
                          T R = Signed ? T(std::make_signed_t<T>(S<ST>(X))) : T(X);
                          V.set<T>(Vd, I, R);
                        });
      return finish(H, D);
    }
  }
};

struct Nsrl {
  template <typename T> static T f(Fx &, W<T> A, T B) {
    return T(A >> (B & (2 * Bits<T> - 1)));
  }
};
struct Nsra {
  template <typename T> static T f(Fx &, W<T> A, T B) {
    return T(std::make_signed_t<W<T>>(A) >> (B & (2 * Bits<T> - 1)));
  }
};

} // namespace
} // namespace vec

using namespace vec;

void registerVectorIntWidenSemantics(SemanticTable &T) {
  T.add("VWADDU_VV", bySew<Widen<WAdd, Src::V, false, false, false>>);
  T.add("VWADDU_VX", bySew<Widen<WAdd, Src::X, false, false, false>>);
  T.add("VWADDU_WV", bySew<Widen<WAdd, Src::V, true, false, false>>);
  T.add("VWADDU_WX", bySew<Widen<WAdd, Src::X, true, false, false>>);
  T.add("VWADD_VV", bySew<Widen<WAdd, Src::V, false, true, true>>);
  T.add("VWADD_VX", bySew<Widen<WAdd, Src::X, false, true, true>>);
  T.add("VWADD_WV", bySew<Widen<WAdd, Src::V, true, true, true>>);
  T.add("VWADD_WX", bySew<Widen<WAdd, Src::X, true, true, true>>);
  T.add("VWSUBU_VV", bySew<Widen<WSub, Src::V, false, false, false>>);
  T.add("VWSUBU_VX", bySew<Widen<WSub, Src::X, false, false, false>>);
  T.add("VWSUBU_WV", bySew<Widen<WSub, Src::V, true, false, false>>);
  T.add("VWSUBU_WX", bySew<Widen<WSub, Src::X, true, false, false>>);
  T.add("VWSUB_VV", bySew<Widen<WSub, Src::V, false, true, true>>);
  T.add("VWSUB_VX", bySew<Widen<WSub, Src::X, false, true, true>>);
  T.add("VWSUB_WV", bySew<Widen<WSub, Src::V, true, true, true>>);
  T.add("VWSUB_WX", bySew<Widen<WSub, Src::X, true, true, true>>);
  T.add("VZEXT_VF2", bySew<Extend<2, false>>);
  T.add("VZEXT_VF4", bySew<Extend<4, false>>);
  T.add("VZEXT_VF8", bySew<Extend<8, false>>);
  T.add("VSEXT_VF2", bySew<Extend<2, true>>);
  T.add("VSEXT_VF4", bySew<Extend<4, true>>);
  T.add("VSEXT_VF8", bySew<Extend<8, true>>);
  T.add("VNSRL_WV", bySew<Narrow<Nsrl, Src::V>>);
  T.add("VNSRL_WX", bySew<Narrow<Nsrl, Src::X>>);
  T.add("VNSRL_WI", bySew<Narrow<Nsrl, Src::UI>>);
  T.add("VNSRA_WV", bySew<Narrow<Nsra, Src::V>>);
  T.add("VNSRA_WX", bySew<Narrow<Nsra, Src::X>>);
  T.add("VNSRA_WI", bySew<Narrow<Nsra, Src::UI>>);
}

} // namespace snipgen::model
