//===- Reduction.cpp - RVV: integer reductions ----------------------------===//
//
// vredsum/vredand/vredor/vredxor/vredminu/vredmin/vredmaxu/vredmax and the
// widening vwredsumu/vwredsum (spec 14.1, 14.2): vd[0] = vs1[0] op active
// vs2[0..vl). vd and vs1 are single registers (element 0; vd may be v0 when
// masked, the result is a scalar); vs2 is an LMUL group. vstart != 0 is
// illegal; with vl = 0 vd is not written; elements 1.. of vd are tail. The
// FP reductions are in Float*.cpp.
//===----------------------------------------------------------------------===//
#include "IntHelpers.h"
#include "VectorSemantics.h"

namespace snipgen::model {
namespace vec {
namespace {

#define RED_OP(NAME, EXPR)                                                     \
  struct NAME {                                                                \
    template <typename T> static T f(T A, T B) { return T(EXPR); }             \
  };
RED_OP(Sum, A + B)
RED_OP(And, A &B)
RED_OP(Or, A | B)
RED_OP(Xor, A ^ B)
RED_OP(Minu, A < B ? A : B)
RED_OP(Min, S<T>(A) < S<T>(B) ? A : B)
RED_OP(Maxu, A > B ? A : B)
RED_OP(Max, S<T>(A) > S<T>(B) ? A : B)
#undef RED_OP

/// Element type of vs2 is T; of vd/vs1 is T (single-width) or W<T>
/// (widening: vs2 elements extended as Signed says, then summed).
template <typename Op, bool Widening, bool Signed> struct Reduce {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    if constexpr (Widening && sizeof(T) == 8) {
      return illegal(H, D);
    } else {
      using AT = std::conditional_t<Widening, W<T>, T>;
      VectorState &V = H.V;
      unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
               Vs1 = unsigned(D.Ops[2]);
      int L = V.LmulLog2;
      // v0 may be a data source while masking (reserved by spec 5.2;
      // QEMU 10 executes it, as the model does).
      if (V.VStart != 0 || !groupOk(Vs2, L) ||
          (Widening && 2 * V.Sew > V.ELen))
        return illegal(H, D);
      if (V.VL != 0) {
        bool M = masked(D);
        AT Acc = V.get<AT>(Vs1, 0);
        for (uint64_t I = 0; I < V.VL; ++I)
          if (V.active(M, I)) {
            T X = V.get<T>(Vs2, I);
            if constexpr (Widening)
              Acc = Op::f(Acc, ext<Signed>(X));
            else
              Acc = Op::f(Acc, X);
          }
        V.set<AT>(Vd, 0, Acc);
        fillTail<AT>(V, Vd, 1, V.groupElements(8 * sizeof(AT), 0));
        noteVRegWrites(H, Vd, 1);
      }
      V.VStart = 0;
      return finish(H, D);
    }
  }
};

} // namespace
} // namespace vec

using namespace vec;

void registerVectorReductionSemantics(SemanticTable &T) {
  T.add("VREDSUM_VS", bySew<Reduce<Sum, false, false>>);
  T.add("VREDAND_VS", bySew<Reduce<And, false, false>>);
  T.add("VREDOR_VS", bySew<Reduce<Or, false, false>>);
  T.add("VREDXOR_VS", bySew<Reduce<Xor, false, false>>);
  T.add("VREDMINU_VS", bySew<Reduce<Minu, false, false>>);
  T.add("VREDMIN_VS", bySew<Reduce<Min, false, false>>);
  T.add("VREDMAXU_VS", bySew<Reduce<Maxu, false, false>>);
  T.add("VREDMAX_VS", bySew<Reduce<Max, false, false>>);
  T.add("VWREDSUMU_VS", bySew<Reduce<Sum, true, false>>);
  T.add("VWREDSUM_VS", bySew<Reduce<Sum, true, true>>);
}

} // namespace snipgen::model
