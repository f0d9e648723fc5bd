//===- Zicond.cpp - Zicond conditional zero -------------------------------===//
//
// czero.eqz rd, rs1, rs2: rd = rs2 == 0 ? 0 : rs1
// czero.nez rd, rs1, rs2: rd = rs2 != 0 ? 0 : rs1
//===----------------------------------------------------------------------===//
#include "Semantics.h"

namespace snipgen::model {
namespace {

StepStatus execCZERO_EQZ(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], H.X[D.Ops[2]] == 0 ? 0 : H.X[D.Ops[1]]);
  return H.next(D);
}
StepStatus execCZERO_NEZ(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], H.X[D.Ops[2]] != 0 ? 0 : H.X[D.Ops[1]]);
  return H.next(D);
}

} // namespace

void registerCondOpsSemantics(SemanticTable &T) {
  T.add("CZERO_EQZ", execCZERO_EQZ);
  T.add("CZERO_NEZ", execCZERO_NEZ);
}

} // namespace snipgen::model
