//===- OpcodeIndex.h - LLVM opcode numbers by name, without a hash map -*- C++ -*-===//
//
// Resolving the semantic tables' opcode names (a few thousand) through a
// StringMap of all of LLVM's RISC-V opcode names (tens of thousands) cost
// milliseconds of every model start (and of every snipgen start, in
// MCEnvironment::findOpcode). TableGen emits opcodes in long runs
// sorted by name (pseudos and real instructions each sorted); the index
// finds those runs in one pass and binary-searches them, and looks through
// the short unsorted rest (the generic opcodes) one by one. Nothing depends
// on the order being so: a name is always found if it exists.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_SUPPORT_OPCODEINDEX_H
#define SNIPGEN_SUPPORT_OPCODEINDEX_H

#include "llvm/ADT/StringRef.h"
#include "llvm/MC/MCInstrInfo.h"
#include <utility>
#include <vector>

namespace snipgen {

class OpcodeIndex {
public:
  explicit OpcodeIndex(const llvm::MCInstrInfo &MII) : MII(MII) {
    unsigned N = MII.getNumOpcodes();
    llvm::StringRef Prev;
    unsigned RunStart = 0;
    for (unsigned Op = 0; Op <= N; ++Op) {
      llvm::StringRef Name = Op < N ? MII.getName(Op) : llvm::StringRef();
      if (Op == N || (Op > RunStart && !(Prev < Name))) {
        if (Op - RunStart >= 64)
          Sorted.push_back({RunStart, Op});
        else
          for (unsigned K = RunStart; K < Op; ++K)
            Rest.push_back(K);
        RunStart = Op;
      }
      Prev = Name;
    }
  }

  /// The opcode named Name, or ~0u.
  unsigned find(llvm::StringRef Name) const {
    for (auto [Lo, Hi] : Sorted) {
      while (Lo < Hi) {
        unsigned Mid = Lo + (Hi - Lo) / 2;
        int C = MII.getName(Mid).compare(Name);
        if (C == 0)
          return Mid;
        if (C < 0)
          Lo = Mid + 1;
        else
          Hi = Mid;
      }
    }
    for (unsigned Op : Rest)
      if (MII.getName(Op) == Name)
        return Op;
    return ~0u;
  }

private:
  const llvm::MCInstrInfo &MII;
  std::vector<std::pair<unsigned, unsigned>> Sorted; // [first, last) runs.
  std::vector<unsigned> Rest;
};

} // namespace snipgen

#endif
