//===- Float.cpp - RVV floating point: registration of the FP class files -===//
//
// Vector FP is split by role: FloatArith.cpp (single-width arithmetic, FMA,
// sqrt/estimates/classify, compares), FloatMisc.cpp (merge, scalar moves,
// slide1), FloatWidening.cpp (widening arithmetic and FMA, Zvfbfwma),
// FloatConvert.cpp (every vfcvt/vfwcvt/vfncvt form, Zvfbfmin) and
// FloatReduction.cpp. Shared pieces are in FloatHelpers.h.
//===----------------------------------------------------------------------===//
#include "FloatHelpers.h"
#include "VectorSemantics.h"

namespace snipgen::model {

void registerVectorFloatSemantics(SemanticTable &T) {
  vec::registerVectorFloatArith(T);
  vec::registerVectorFloatMisc(T);
  vec::registerVectorFloatWidening(T);
  vec::registerVectorFloatConvert(T);
  vec::registerVectorFloatReduction(T);
}

} // namespace snipgen::model
