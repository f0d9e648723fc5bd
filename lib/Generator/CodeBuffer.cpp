#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/RoundTripCache.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/MCEnvironment.h"

using namespace llvm;

namespace snipgen {

static bool sameInstruction(const MCInst &A, const MCInst &B) {
  if (A.getOpcode() != B.getOpcode() || A.getNumOperands() != B.getNumOperands())
    return false;
  for (unsigned I = 0, E = A.getNumOperands(); I != E; ++I) {
    const MCOperand &X = A.getOperand(I), &Y = B.getOperand(I);
    if (X.isReg() != Y.isReg() || X.isImm() != Y.isImm() ||
        (X.isReg() && X.getReg() != Y.getReg()) ||
        (X.isImm() && X.getImm() != Y.getImm()))
      return false;
  }
  return true;
}

void CodeBuffer::emit(const MCInst &Inst) {
  Scratch.clear();
  bool NoFixups = Env.encode(Inst, Scratch);
  ArrayRef<uint8_t> Bytes(reinterpret_cast<const uint8_t *>(Scratch.data()),
                          Scratch.size());
  if (!NoFixups || !Checks || !Checks->knownToRoundTrip(Inst, Bytes)) {
    unsigned Size = NoFixups ? Env.decode(Bytes, 0, Decoded) : 0;
    bool Same = Size == Scratch.size() && sameInstruction(Inst, Decoded);
    if (Same && Checks)
      Checks->learnFrom(Bytes, Decoded);
    if (!Same && FirstFailure.empty()) {
      FirstFailure = "instruction '" + Env.print(Inst) + "' does not round-trip";
      if (Size)
        FirstFailure +=
            ": its encoding decodes as '" + Env.print(Decoded) + "'";
      else
        FirstFailure += NoFixups ? ": its encoding does not decode"
                                 : ": it needs a relocation";
    }
  }
  // Two or four bytes: appended one by one, not through a general range
  // insert (a memmove call for every instruction).
  std::vector<uint8_t> &Code = Block->Code;
  for (uint8_t B : Bytes)
    Code.push_back(B);
  ++Block->NumInstrs;
  ++Emitted;
}

Error CodeBuffer::takeError() {
  if (FirstFailure.empty())
    return Error::success();
  std::string Msg = std::move(FirstFailure);
  FirstFailure.clear();
  return makeInternalError(Msg);
}

} // namespace snipgen
