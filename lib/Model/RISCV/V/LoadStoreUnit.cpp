//===- LoadStoreUnit.cpp - RVV unit-stride loads/stores --------------------===//
//
// vle<eew>.v / vse<eew>.v, their segment forms vlseg<nf>e<eew>.v /
// vsseg<nf>e<eew>.v (field F of segment I at base + (I * NF + F) * EEW/8),
// and the fault-only-first loads vle<eew>ff.v / vlseg<nf>e<eew>ff.v.
// Operands: vd (vs3), rs1, mask.
//===----------------------------------------------------------------------===//
#include "LoadStore.h"

#include <string>
#include <utility>

namespace snipgen::model::vec::ls {
namespace {

template <typename T, unsigned NF, bool FF>
StepStatus handleLoad(Hart &H, const Decoded &D) {
  unsigned Vd = unsigned(D.Ops[0]);
  bool M = masked(D);
  int Emul = checkDataGroup(H, sizeof(T) * 8, NF, Vd, M, /*IsLoad=*/true);
  if (Emul == 99)
    return illegal(H, D);
  uint64_t Base = H.X[D.Ops[1]];
  Fields G{Vd, NF, VectorState::groupRegs(Emul),
           H.V.groupElements(sizeof(T) * 8, Emul)};
  return loadWalk<T, FF>(H, D, G, M, [Base](uint64_t I, unsigned F) {
    return Base + (I * NF + F) * sizeof(T);
  });
}

template <typename T, unsigned NF>
StepStatus handleStore(Hart &H, const Decoded &D) {
  unsigned Vs3 = unsigned(D.Ops[0]);
  bool M = masked(D);
  int Emul = checkDataGroup(H, sizeof(T) * 8, NF, Vs3, M, /*IsLoad=*/false);
  if (Emul == 99)
    return illegal(H, D);
  uint64_t Base = H.X[D.Ops[1]];
  Fields G{Vs3, NF, VectorState::groupRegs(Emul), 0};
  return storeWalk<T>(H, D, G, M, [Base](uint64_t I, unsigned F) {
    return Base + (I * NF + F) * sizeof(T);
  });
}

template <typename T, unsigned NF> void addOne(SemanticTable &Tb) {
  std::string E = std::to_string(sizeof(T) * 8);
  std::string Seg = NF == 1 ? "" : "SEG" + std::to_string(NF);
  Tb.add(internName("VL" + Seg + "E" + E + "_V"), handleLoad<T, NF, false>);
  Tb.add(internName("VL" + Seg + "E" + E + "FF_V"), handleLoad<T, NF, true>);
  Tb.add(internName("VS" + Seg + "E" + E + "_V"), handleStore<T, NF>);
}

template <typename T> void addAllFields(SemanticTable &Tb) {
  [&]<unsigned... N>(std::integer_sequence<unsigned, N...>) {
    (addOne<T, N + 1>(Tb), ...);
  }(std::make_integer_sequence<unsigned, 8>{});
}

} // namespace

void registerUnitStrideSemantics(SemanticTable &T) {
  addAllFields<uint8_t>(T);
  addAllFields<uint16_t>(T);
  addAllFields<uint32_t>(T);
  addAllFields<uint64_t>(T);
}

} // namespace snipgen::model::vec::ls
