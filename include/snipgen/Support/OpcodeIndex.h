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
#include <cstring>
#include <utility>
#include <vector>

namespace snipgen {

class OpcodeIndex {
public:
  explicit OpcodeIndex(const llvm::MCInstrInfo &MII) : MII(MII) {
    unsigned N = MII.getNumOpcodes();
    const char *Prev = "";
    unsigned RunStart = 0;
    for (unsigned Op = 0; Op <= N; ++Op) {
      const char *Name = Op < N ? nameOf(Op) : "";
      if (Op == N || (Op > RunStart && !(std::strcmp(Prev, Name) < 0))) {
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

  /// The opcode named Name among [Lo, Hi) if those are sorted by name, or
  /// ~0u (also if they are not sorted and Name is missed): a few name reads
  /// instead of the index's pass over every name, for callers that know a
  /// sorted range and check the answer (X86Encoder).
  static unsigned findSorted(const llvm::MCInstrInfo &MII, unsigned Lo,
                             unsigned Hi, llvm::StringRef Name) {
    while (Lo < Hi) {
      unsigned Mid = Lo + (Hi - Lo) / 2;
      int C = compareWith(MII.getName(Mid).data(), Name);
      if (C == 0)
        return Mid;
      if (C < 0)
        Lo = Mid + 1;
      else
        Hi = Mid;
    }
    return ~0u;
  }

  /// The opcode named Name, or ~0u.
  unsigned find(llvm::StringRef Name) const {
    for (auto [Lo, Hi] : Sorted)
      if (unsigned Op = findSorted(MII, Lo, Hi, Name); Op != ~0u)
        return Op;
    for (unsigned Op : Rest)
      if (compareWith(nameOf(Op), Name) == 0)
        return Op;
    return ~0u;
  }

private:
  // LLVM's names are NUL-terminated; reading them as StringRefs would measure
  // each one (tens of thousands of strlen calls per start: the constructor
  // reads every name, a lookup about fifteen).
  const char *nameOf(unsigned Op) const { return MII.getName(Op).data(); }
  /// StringRef::compare's order between a NUL-terminated name and Name.
  static int compareWith(const char *Table, llvm::StringRef Name) {
    for (size_t I = 0, E = Name.size(); I != E; ++I) {
      unsigned char A = Table[I], B = Name[I];
      if (A != B) // A == 0: the table's name is a prefix of Name.
        return A < B ? -1 : 1;
    }
    return Table[Name.size()] == 0 ? 0 : 1;
  }

  const llvm::MCInstrInfo &MII;
  std::vector<std::pair<unsigned, unsigned>> Sorted; // [first, last) runs.
  std::vector<unsigned> Rest;
};

} // namespace snipgen

#endif
