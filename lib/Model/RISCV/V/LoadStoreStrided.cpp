//===- LoadStoreStrided.cpp - RVV strided loads/stores ---------------------===//
//
// vlse<eew>.v / vsse<eew>.v and the segment forms vlsseg<nf>e<eew>.v /
// vssseg<nf>e<eew>.v: field F of segment I at base + I * x[rs2] + F * EEW/8,
// the stride signed (XLEN bits; zero and negative strides are ordinary).
// Every active element is accessed, also with stride 0. Operands: vd (vs3),
// rs1, rs2, mask.
//===----------------------------------------------------------------------===//
#include "LoadStore.h"

#include <string>
#include <utility>

namespace snipgen::model::vec::ls {
namespace {

template <typename T, unsigned NF>
StepStatus handleLoad(Hart &H, const Decoded &D) {
  unsigned Vd = unsigned(D.Ops[0]);
  bool M = masked(D);
  int Emul = checkDataGroup(H, sizeof(T) * 8, NF, Vd, M, /*IsLoad=*/true);
  if (Emul == 99)
    return illegal(H, D);
  uint64_t Base = H.X[D.Ops[1]], Stride = H.X[D.Ops[2]];
  Fields G{Vd, NF, VectorState::groupRegs(Emul),
           H.V.groupElements(sizeof(T) * 8, Emul)};
  return loadWalk<T, false>(H, D, G, M, [=](uint64_t I, unsigned F) {
    return Base + I * Stride + F * sizeof(T);
  });
}

template <typename T, unsigned NF>
StepStatus handleStore(Hart &H, const Decoded &D) {
  unsigned Vs3 = unsigned(D.Ops[0]);
  bool M = masked(D);
  int Emul = checkDataGroup(H, sizeof(T) * 8, NF, Vs3, M, /*IsLoad=*/false);
  if (Emul == 99)
    return illegal(H, D);
  uint64_t Base = H.X[D.Ops[1]], Stride = H.X[D.Ops[2]];
  Fields G{Vs3, NF, VectorState::groupRegs(Emul), 0};
  return storeWalk<T>(H, D, G, M, [=](uint64_t I, unsigned F) {
    return Base + I * Stride + F * sizeof(T);
  });
}

template <typename T, unsigned NF> void addOne(SemanticTable &Tb) {
  std::string E = std::to_string(sizeof(T) * 8);
  std::string Seg = NF == 1 ? "" : "SEG" + std::to_string(NF);
  Tb.add(internName("VLS" + Seg + "E" + E + "_V"), handleLoad<T, NF>);
  Tb.add(internName("VSS" + Seg + "E" + E + "_V"), handleStore<T, NF>);
}

template <typename T> void addAllFields(SemanticTable &Tb) {
  [&]<unsigned... N>(std::integer_sequence<unsigned, N...>) {
    (addOne<T, N + 1>(Tb), ...);
  }(std::make_integer_sequence<unsigned, 8>{});
}

} // namespace

void registerStridedSemantics(SemanticTable &T) {
  addAllFields<uint8_t>(T);
  addAllFields<uint16_t>(T);
  addAllFields<uint32_t>(T);
  addAllFields<uint64_t>(T);
}

} // namespace snipgen::model::vec::ls
