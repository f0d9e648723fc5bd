//===- Zimop.cpp - Zimop and Zcmop: may-be-operations ---------------------===//
//
// Zimop: MOP.R.n rd, rs1 (n = 0..31) and MOP.RR.n rd, rs1, rs2 (n = 0..7)
// "are defined to simply write zero to x[rd]" unless a later extension
// redefines them; none is modelled, so they all write zero.
// Zcmop: C.MOP.n (n = 1, 3, ..., 15), in the reserved space of c.lui xn, 0.
// Unlike the Zimop MOPs they "are defined to not write any register" (their
// encoding only allows a future extension to READ x[n]), so they retire with
// no effect at all.
//===----------------------------------------------------------------------===//
#include "Semantics.h"

namespace snipgen::model {
namespace {

StepStatus execWriteZero(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], 0);
  return H.next(D);
}

StepStatus execNothing(Hart &H, const Decoded &D) { return H.next(D); }

#define N4(P, A, B, C, D) P #A, P #B, P #C, P #D
const char *const MopRNames[32] = {
    N4("MOP_R_", 0, 1, 2, 3),     N4("MOP_R_", 4, 5, 6, 7),
    N4("MOP_R_", 8, 9, 10, 11),   N4("MOP_R_", 12, 13, 14, 15),
    N4("MOP_R_", 16, 17, 18, 19), N4("MOP_R_", 20, 21, 22, 23),
    N4("MOP_R_", 24, 25, 26, 27), N4("MOP_R_", 28, 29, 30, 31)};
const char *const MopRRNames[8] = {N4("MOP_RR_", 0, 1, 2, 3),
                                   N4("MOP_RR_", 4, 5, 6, 7)};
const char *const CMopNames[8] = {N4("C_MOP_", 1, 3, 5, 7),
                                  N4("C_MOP_", 9, 11, 13, 15)};
#undef N4

} // namespace

void registerMayBeOpSemantics(SemanticTable &T) {
  for (const char *Name : MopRNames)
    T.add(Name, execWriteZero);
  for (const char *Name : MopRRNames)
    T.add(Name, execWriteZero);
  for (const char *Name : CMopNames)
    T.add(Name, execNothing);
}

} // namespace snipgen::model
