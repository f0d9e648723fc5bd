//===- MemoryCheck.cpp - Proving every access on the model ----------------===//
#include "snipgen/Generator/MemoryCheck.h"
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

static std::string hex(uint64_t V) { return "0x" + utohexstr(V); }

MemoryAccessCheck::MemoryAccessCheck(const Program &P, MemorySchemeSet &Schemes)
    : P(P), Schemes(Schemes) {}

Error MemoryAccessCheck::prepare(const ElfImage &Image) {
  // Block addresses: the layout's when it computed them, otherwise blocks
  // follow each other from the function's symbol.
  for (const Function &F : P.Functions) {
    uint64_t Addr = F.Address;
    if (!Addr) {
      auto It = Image.Symbols.find(F.Name);
      if (It == Image.Symbols.end()) {
        bool HasAccesses = false;
        for (const BasicBlock &B : F.Blocks)
          HasAccesses |= !B.MemoryAccesses.empty();
        if (!HasAccesses)
          continue;
        return makeInternalError("memory check: no symbol for function '" +
                                 F.Name + "' in the linked image");
      }
      Addr = It->second;
    }
    for (const BasicBlock &B : F.Blocks) {
      uint64_t Start = B.Address ? B.Address : Addr;
      for (const MemoryAccessRecord &R : B.MemoryAccesses)
        ByPC[Start + B.bodyOffset() + R.Offset] = &R;
      Addr = Start + B.size();
    }
  }
  return Error::success();
}

void MemoryAccessCheck::onMemAccess(uint64_t Addr, uint32_t Size,
                                    uint64_t Value, bool IsWrite) {
  Pending.push_back({Addr, Size, IsWrite, Value});
}

std::string MemoryAccessCheck::problem(const MemoryAccessRecord &R,
                                       const Seen &S) const {
  if (R.Vector) {
    // One field of one element: inside one planned element span, which the
    // scheme allows as a whole.
    auto It = std::upper_bound(R.Elements.begin(), R.Elements.end(), S.Addr);
    if (It == R.Elements.begin() || S.Addr + S.Size > *std::prev(It) + R.Size)
      return "generation planned no vector element of " + utostr(R.Size) +
             " bytes that holds it (" + utostr(R.Elements.size()) +
             " element spans from " + hex(R.Address) + ")";
    uint64_t E = *std::prev(It);
    if (E % R.Align)
      return "the element at " + hex(E) + " is not aligned to " +
             utostr(R.Align);
    const MemoryScheme &Scheme = Schemes.scheme(R.Scheme);
    if (!Scheme.allows(E, R.Size, false))
      return "the " + Scheme.name() + " recorded for it does not allow the " +
             utostr(R.Size) + "-byte element at " + hex(E);
  } else if (R.Block) {
    // Pieces of one cache block: each inside the planned block.
    if (S.Addr < R.Address || S.Addr + S.Size > R.Address + R.Size)
      return "generation planned the cache block of " + utostr(R.Size) +
             " bytes at " + hex(R.Address);
  } else if (S.Addr != R.Address || S.Size != R.Size)
    return "generation planned " + utostr(R.Size) + " bytes at " +
           hex(R.Address);
  if (!R.Vector) {
    if ((R.Block ? R.Address : S.Addr) % R.Align)
      return "the address is not aligned to " + utostr(R.Align);
    const MemoryScheme &Scheme = Schemes.scheme(R.Scheme);
    bool Allowed = Scheme.allows(S.Addr, S.Size, false) ||
                   (R.BurstGroup && Scheme.allows(S.Addr, S.Size, true));
    if (!Allowed)
      return "the " + Scheme.name() + " recorded for it does not allow it";
  }
  if (Schemes.restricted().overlaps(S.Addr, S.Addr + S.Size))
    return "it touches restricted addresses";
  if (!Schemes.rwSections().contains(S.Addr, S.Addr + S.Size))
    return "it is not inside one RW section";
  return "";
}

void MemoryAccessCheck::onRetire(uint64_t PC, uint32_t, uint32_t,
                                 uint64_t NextPC) {
  if (Pending.empty())
    return;
  auto It = ByPC.find(PC);
  RecordedSeen |= It != ByPC.end();
  for (const Seen &S : Pending) {
    std::string Why;
    if (It == ByPC.end() && !RecordedSeen && S.IsWrite && IsInitStore &&
        IsInitStore(S.Addr, S.Size, S.Value))
      continue;
    if (It != ByPC.end()) {
      ++Checked;
      Why = problem(*It->second, S);
    } else if (Schemes.restricted().overlaps(S.Addr, S.Addr + S.Size)) {
      Why = "it touches restricted addresses";
    } else if (Schemes.allowed().overlaps(S.Addr, S.Addr + S.Size)) {
      // Only the recorded accesses use the schemes' memory (the control-flow
      // code keeps to the stack and utility sections): a miss here means a
      // record or its address went wrong.
      Why = "generation recorded no memory access for this instruction";
    }
    if (Why.empty())
      continue;
    if (!Violations++) {
      First = "memory access check: the instruction at " + hex(PC) + " " +
              (S.IsWrite ? "wrote" : "read") + " " + utostr(S.Size) +
              " bytes at " + hex(S.Addr) + ", but " + Why;
      // Stop right after the offending instruction.
      if (Model)
        Model->api().set_stop_pc(Model->get(), NextPC, 1);
    }
  }
  Pending.clear();
}

Error MemoryAccessCheck::verdict() {
  if (!Violations)
    return Error::success();
  return makeError(First + (Violations > 1 ? " (" + utostr(Violations) +
                                                 " violations)"
                                           : std::string()));
}

} // namespace snipgen
