//===- IntervalsToVerify.cpp - -dump-intervals-to-verify ------------------===//
//
// One closed [first, last] interval per generated function (per block with
// code-layout, whose blocks lie apart): the address of its first
// instruction and of its last one, in hex, as snippy writes them:
//   intervals-to-verify:
//     - [ 0x1000, 0x10fc ]
//===----------------------------------------------------------------------===//
#include "snipgen/Generator/Program.h"
#include "snipgen/Generator/SelfCheck.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInst.h"

using namespace llvm;

namespace snipgen {

// Address of the last instruction of [Bytes] placed at Addr (the decoder
// walks it from the start: compressed and full-size instructions mix).
static void walk(const MCEnvironment &Env, ArrayRef<uint8_t> Bytes,
                 uint64_t &Addr, uint64_t &Last) {
  MCInst I;
  uint64_t Off = 0;
  while (Off < Bytes.size()) {
    unsigned S = Env.decode(Bytes.slice(Off), Addr + Off, I);
    if (!S)
      S = 2;
    Last = Addr + Off;
    Off += S;
  }
  Addr += Bytes.size();
}

std::string intervalsToVerifyYAML(const MCEnvironment &Env, const Program &P,
                                  uint64_t CodeVMA) {
  std::string Out = "intervals-to-verify:\n";
  for (const Function &F : P.Functions) {
    if (F.IsExternal)
      continue;
    uint64_t Addr = F.Address, Last = F.Address;
    for (const BasicBlock &B : F.Blocks) {
      // code-layout: every block at its own address, one interval each.
      uint64_t First = B.Address;
      if (P.Scattered)
        Addr = Last = B.Address;
      for (const LoopEntry &E : B.LoopEntries) {
        walk(Env, E.Init.Bytes, Addr, Last);
        walk(Env, E.PaddingCode.Bytes, Addr, Last);
      }
      walk(Env, B.Code, Addr, Last);
      walk(Env, B.Term.Pre.Bytes, Addr, Last);
      // An external call (auipc + jalr, relocated at link time).
      for (uint64_t R = 0; R < B.Term.RelocatedSize; R += 4) {
        Last = Addr;
        Addr += 4;
      }
      walk(Env, B.Term.Resolved.Bytes, Addr, Last);
      walk(Env, B.Term.Post.Bytes, Addr, Last);
      if (P.Scattered && Addr != First)
        Out += "  - [ 0x" + utohexstr(First, true) + ", 0x" +
               utohexstr(Last, true) + " ]\n";
    }
    if (P.Scattered)
      continue;
    if (Addr == F.Address)
      continue;
    Out += "  - [ 0x" + utohexstr(F.Address, true) +
           ", 0x" + utohexstr(Last, true) + " ]\n";
  }
  return Out;
}

} // namespace snipgen
