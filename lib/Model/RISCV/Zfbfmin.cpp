//===- Zfbfmin.cpp - Zfbfmin: BF16 conversions ------------------------------===//
//
// FCVT.BF16.S and FCVT.S.BF16. A bfloat16 lives in an F register NaN-boxed
// like a half (upper 48 bits all ones); an improperly boxed register reads
// as the bfloat16 canonical NaN 0x7fc0. FLH, FSH, FMV.X.H and FMV.H.X,
// which Zfbfmin also provides, move raw bits and use Zfh.cpp's handlers.
//===----------------------------------------------------------------------===//
#include "FPHelpers.h"

namespace snipgen::model {

using namespace fp;
using namespace softfloat;

namespace {
struct BF16View {
  using Bits = uint16_t;
  static Bits read(const Hart &H, int64_t R) {
    return (H.F[R] >> 16) == 0xffffffffffffull ? uint16_t(H.F[R])
                                               : BF16CanonicalNaN;
  }
  static void write(Hart &H, int64_t Rd, Bits V) {
    H.writeF(Rd, Hart::boxHalf(V));
  }
  static constexpr Bits SignMask = 0x8000;
  static constexpr bool InX = false;
};
} // namespace

void registerZfbfminSemantics(SemanticTable &T) {
  T.add("FCVT_BF16_S", convertFloat<BF16View, SingleView, f32ToBF16>);
  T.add("FCVT_S_BF16", convertFloat<SingleView, BF16View, bf16ToF32>);
}

} // namespace snipgen::model
