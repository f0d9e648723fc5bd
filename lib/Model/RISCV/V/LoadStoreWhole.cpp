//===- LoadStoreWhole.cpp - RVV whole-register and mask loads/stores ------===//
//
// vl<nf>re<eew>.v / vs<nf>r.v (nf 1, 2, 4, 8): NF whole registers from vd,
// which must be a multiple of NF, as evl = NF * VLEN / EEW elements; no
// masking, no tail, and vtype/vl are ignored (they work with vill set).
// vlm.v / vsm.v: the mask register as evl = ceil(vl / 8) bytes; they need a
// valid vtype; the tail of a vlm.v destination is always agnostic.
// Both start at vstart (in elements of their EEW).
//===----------------------------------------------------------------------===//
#include "LoadStore.h"

#include <string>

namespace snipgen::model::vec::ls {
namespace {

template <typename T, unsigned NF>
StepStatus handleWholeLoad(Hart &H, const Decoded &D) {
  unsigned Vd = unsigned(D.Ops[0]);
  VectorState &V = H.V;
  if (!vsEnabled(H) || Vd % NF != 0 || sizeof(T) * 8 > V.ELen)
    return illegal(H, D);
  uint64_t Base = H.X[D.Ops[1]];
  uint64_t Evl = uint64_t(NF) * V.VLenB / sizeof(T);
  markDirty(H);
  for (uint64_t I = V.VStart; I < Evl; ++I) {
    T Value;
    if (!H.load<T>(Base + I * sizeof(T), Value)) {
      V.VStart = I;
      noteVRegWrites(H, Vd, NF);
      return StepStatus::Raised;
    }
    V.set<T>(Vd, I, Value);
  }
  V.VStart = 0;
  noteVRegWrites(H, Vd, NF);
  return H.next(D);
}

template <unsigned NF>
StepStatus handleWholeStore(Hart &H, const Decoded &D) {
  unsigned Vs3 = unsigned(D.Ops[0]);
  VectorState &V = H.V;
  if (!vsEnabled(H) || Vs3 % NF != 0)
    return illegal(H, D);
  Fields G{Vs3, 1, NF, 0};
  uint64_t Base = H.X[D.Ops[1]];
  // evl = NF * VLENB bytes: walk them as an unmasked store with vl = evl.
  uint64_t SavedVL = V.VL;
  V.VL = uint64_t(NF) * V.VLenB;
  StepStatus S = storeWalk<uint8_t>(
      H, D, G, /*Masked=*/false,
      [Base](uint64_t I, unsigned) { return Base + I; });
  V.VL = SavedVL;
  return S;
}

StepStatus handleVLM(Hart &H, const Decoded &D) {
  unsigned Vd = unsigned(D.Ops[0]);
  if (!configOk(H))
    return illegal(H, D);
  VectorState &V = H.V;
  uint64_t Base = H.X[D.Ops[1]];
  uint64_t Evl = (V.VL + 7) / 8;
  markDirty(H);
  if (V.VStart >= Evl) {
    V.VStart = 0;
    return H.next(D);
  }
  for (uint64_t I = V.VStart; I < Evl; ++I) {
    uint8_t Value;
    if (!H.load<uint8_t>(Base + I, Value)) {
      V.VStart = I;
      noteVRegWrites(H, Vd, 1);
      return StepStatus::Raised;
    }
    V.set<uint8_t>(Vd, I, Value);
  }
  if (V.AgnosticOnes)
    for (uint64_t I = Evl; I < V.VLenB; ++I)
      V.set<uint8_t>(Vd, I, 0xff);
  V.VStart = 0;
  noteVRegWrites(H, Vd, 1);
  return H.next(D);
}

StepStatus handleVSM(Hart &H, const Decoded &D) {
  if (!configOk(H))
    return illegal(H, D);
  VectorState &V = H.V;
  uint64_t Base = H.X[D.Ops[1]];
  Fields G{unsigned(D.Ops[0]), 1, 1, 0};
  uint64_t SavedVL = V.VL;
  V.VL = (V.VL + 7) / 8;
  StepStatus S = storeWalk<uint8_t>(
      H, D, G, /*Masked=*/false,
      [Base](uint64_t I, unsigned) { return Base + I; });
  V.VL = SavedVL;
  return S;
}

template <typename T> void addWholeLoads(SemanticTable &Tb) {
  std::string E = std::to_string(sizeof(T) * 8);
  Tb.add(internName("VL1RE" + E + "_V"), handleWholeLoad<T, 1>);
  Tb.add(internName("VL2RE" + E + "_V"), handleWholeLoad<T, 2>);
  Tb.add(internName("VL4RE" + E + "_V"), handleWholeLoad<T, 4>);
  Tb.add(internName("VL8RE" + E + "_V"), handleWholeLoad<T, 8>);
}

} // namespace

void registerWholeAndMaskSemantics(SemanticTable &T) {
  addWholeLoads<uint8_t>(T);
  addWholeLoads<uint16_t>(T);
  addWholeLoads<uint32_t>(T);
  addWholeLoads<uint64_t>(T);
  T.add("VS1R_V", handleWholeStore<1>);
  T.add("VS2R_V", handleWholeStore<2>);
  T.add("VS4R_V", handleWholeStore<4>);
  T.add("VS8R_V", handleWholeStore<8>);
  T.add("VLM_V", handleVLM);
  T.add("VSM_V", handleVSM);
}

} // namespace snipgen::model::vec::ls
