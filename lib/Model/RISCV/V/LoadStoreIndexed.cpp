//===- LoadStoreIndexed.cpp - RVV indexed loads/stores ---------------------===//
//
// vl{u,o}xei<eew>.v / vs{u,o}xei<eew>.v and the segment forms
// vl{u,o}xseg<nf>ei<eew>.v: the opcode's EEW is the index width, the data
// elements are SEW wide. Field F of segment I is at base + zext(vs2[I]) +
// F * SEW/8 (an index wider than XLEN is truncated by the address mask).
// The model performs unordered accesses in element order too, so ordered
// and unordered forms behave the same. Operands: vd (vs3), rs1, vs2, mask.
//===----------------------------------------------------------------------===//
#include "LoadStore.h"

#include <string>
#include <utility>

namespace snipgen::model::vec::ls {
namespace {

template <typename IdxT, unsigned NF>
StepStatus handleLoad(Hart &H, const Decoded &D) {
  unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[2]);
  bool M = masked(D);
  if (!checkIndexed(H, sizeof(IdxT) * 8, NF, Vd, Vs2, M, /*IsLoad=*/true))
    return illegal(H, D);
  uint64_t Base = H.X[D.Ops[1]];
  return withSew(H.V.Sew, [&]<typename T>() {
    const VectorState &V = H.V;
    Fields G{Vd, NF, VectorState::groupRegs(V.LmulLog2),
             V.groupElements(V.Sew, V.LmulLog2)};
    return loadWalk<T, false>(H, D, G, M, [&V, Base, Vs2](uint64_t I,
                                                          unsigned F) {
      return Base + uint64_t(V.get<IdxT>(Vs2, I)) + F * sizeof(T);
    });
  });
}

template <typename IdxT, unsigned NF>
StepStatus handleStore(Hart &H, const Decoded &D) {
  unsigned Vs3 = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[2]);
  bool M = masked(D);
  if (!checkIndexed(H, sizeof(IdxT) * 8, NF, Vs3, Vs2, M, /*IsLoad=*/false))
    return illegal(H, D);
  uint64_t Base = H.X[D.Ops[1]];
  return withSew(H.V.Sew, [&]<typename T>() {
    const VectorState &V = H.V;
    Fields G{Vs3, NF, VectorState::groupRegs(V.LmulLog2), 0};
    return storeWalk<T>(H, D, G, M, [&V, Base, Vs2](uint64_t I, unsigned F) {
      return Base + uint64_t(V.get<IdxT>(Vs2, I)) + F * sizeof(T);
    });
  });
}

template <typename IdxT, unsigned NF> void addOne(SemanticTable &Tb) {
  std::string E = std::to_string(sizeof(IdxT) * 8);
  std::string Seg = NF == 1 ? "" : "SEG" + std::to_string(NF);
  for (const char *Order : {"U", "O"}) {
    Tb.add(internName(std::string("VL") + Order + "X" + Seg + "EI" + E + "_V"),
           handleLoad<IdxT, NF>);
    Tb.add(internName(std::string("VS") + Order + "X" + Seg + "EI" + E + "_V"),
           handleStore<IdxT, NF>);
  }
}

template <typename IdxT> void addAllFields(SemanticTable &Tb) {
  [&]<unsigned... N>(std::integer_sequence<unsigned, N...>) {
    (addOne<IdxT, N + 1>(Tb), ...);
  }(std::make_integer_sequence<unsigned, 8>{});
}

} // namespace

void registerIndexedSemantics(SemanticTable &T) {
  addAllFields<uint8_t>(T);
  addAllFields<uint16_t>(T);
  addAllFields<uint32_t>(T);
  addAllFields<uint64_t>(T);
}

} // namespace snipgen::model::vec::ls
