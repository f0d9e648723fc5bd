//===- MemoryDump.cpp - The used addresses as a reusable scheme -----------===//
#include "snipgen/Generator/MemoryDump.h"
#include "snipgen/Generator/Program.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <numeric>
#include <set>

using namespace llvm;

namespace snipgen {

template <typename Fn> static void forEachRecord(const Program &P, Fn Visit) {
  for (const Function &F : P.Functions)
    for (const BasicBlock &B : F.Blocks)
      for (const MemoryAccessRecord &R : B.MemoryAccesses)
        Visit(R);
}

bool hasMemoryAccesses(const Program &P) {
  bool Any = false;
  forEachRecord(P, [&](const MemoryAccessRecord &) { Any = true; });
  return Any;
}

static std::string hex(uint64_t V) { return "0x" + utohexstr(V); }

std::string dumpAccessAddresses(const Program &P) {
  std::vector<const MemoryAccessRecord *> Plain;
  // One burst address set per group: from the lowest address, a stride that
  // divides every distance, up to the end of the highest access.
  struct BurstSet {
    uint64_t Lo = ~uint64_t(0), End = 0, Stride = 0, MaxSize = 0;
    std::vector<uint64_t> Addrs;
  };
  std::vector<BurstSet> Bursts;
  uint32_t LastGroup = 0;
  forEachRecord(P, [&](const MemoryAccessRecord &R) {
    if (!R.BurstGroup) {
      Plain.push_back(&R);
      return;
    }
    if (Bursts.empty() || R.BurstGroup != LastGroup)
      Bursts.emplace_back();
    LastGroup = R.BurstGroup;
    BurstSet &S = Bursts.back();
    S.Lo = std::min(S.Lo, R.Address);
    S.End = std::max(S.End, R.Address + R.Size);
    S.MaxSize = std::max<uint64_t>(S.MaxSize, R.Size);
    S.Addrs.push_back(R.Address);
  });
  std::string Text;
  raw_string_ostream OS(Text);
  OS << "access-addresses:\n  - ordered: true\n";
  if (!Plain.empty()) {
    OS << "    plain:\n";
    for (const MemoryAccessRecord *R : Plain) {
      if (!R->Vector) {
        OS << "      - addr: " << hex(R->Address) << "\n";
        continue;
      }
      // A vector access: each element span (unit-stride: the whole access).
      for (uint64_t E : R->Elements)
        OS << "      - addr: " << hex(E) << "\n";
    }
  }
  if (!Bursts.empty()) {
    OS << "    burst:\n";
    for (BurstSet &S : Bursts) {
      for (uint64_t A : S.Addrs)
        S.Stride = std::gcd(S.Stride, A - S.Lo);
      OS << "      - addr: " << hex(S.Lo) << "\n"
         << "        size: " << (S.End - S.Lo) << "\n"
         << "        stride: " << S.Stride << "\n"
         << "        access-size: " << S.MaxSize << "\n";
    }
  }
  return Text;
}

std::string dumpRestrictedAddresses(const Program &P) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << "restricted-addresses:\n  - plain:\n";
  std::set<std::pair<uint64_t, unsigned>> Seen;
  auto One = [&](uint64_t Addr, unsigned Size) {
    if (!Seen.insert({Addr, Size}).second)
      return;
    OS << "      - addr: " << hex(Addr) << "\n"
       << "        access-size: " << Size << "\n";
  };
  forEachRecord(P, [&](const MemoryAccessRecord &R) {
    if (!R.Vector)
      return One(R.Address, R.Size);
    for (uint64_t E : R.Elements)
      One(E, R.Size);
  });
  return Text;
}

} // namespace snipgen
