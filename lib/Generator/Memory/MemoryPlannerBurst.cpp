//===- MemoryPlannerBurst.cpp - Base registers shared by a burst group ----===//
//
// When a burst group starts, every member's address is chosen at once.
// Members join an existing "cluster" (a pinned base register) when the
// scheme has an address within that base's offset reach; otherwise they
// open a new cluster whose base is set up right away, before the group. The
// group's instructions then run back to back with no address code between
// them, which is what burst mode is for.
//===----------------------------------------------------------------------===//
#include "MemoryPlannerImpl.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Target/ISACatalogue.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace snipgen {

// More clusters would leave too few registers for the members themselves.
static constexpr unsigned MaxClusters = 6;
// The base setup before a group stays within what one primary instruction
// may cost (the generator reserves 9 instructions per primary when it fills
// a code section); members beyond it set up their own base.
static constexpr unsigned MaxSetupInstructions = 8;

void MemoryPlanner::endGroup() {
  for (const GroupMember &M : Group)
    if (M.Planned)
      Pinned[M.BaseReg] = 0;
  Group.clear();
  CurrentMember = -1;
}


void MemoryPlanner::planGroup(CodeBuffer &Out) {
  constexpr uint64_t MaxU64 = std::numeric_limits<uint64_t>::max();
  GroupId = uint32_t(++GroupCount);
  Group.assign(Announced.size(), GroupMember());
  struct Cluster {
    unsigned Reg;
    uint64_t Value;
  };
  std::vector<Cluster> Clusters;
  unsigned SetupLeft = MaxSetupInstructions;

  for (size_t I = 0; I < Announced.size(); ++I) {
    const OpcodeDesc *Op = Announced[I];
    const MemoryOpcodeInfo *Info =
        Op->isMemoryAccess() ? info(Op->Opcode) : nullptr;
    if (!Info)
      continue;
    const ImmediateDomain *D = Info->OffsetDomain;
    AccessRequest R = request(*Info, IsBurstOpcode[Op->Opcode]);
    if (R.Burst && !Schemes.admits(R))
      R.Burst = false; // no burst address set fits: use the plain schemes
    GroupMember M;
    // An address oracle gives each member's address once, here.
    std::optional<std::pair<unsigned, uint64_t>> Fixed;
    if (Oracle)
      Fixed = chooseAddress(R, Info->Op->Opcode);

    // Join a cluster: an address within its base's offset reach.
    int64_t DLo = Info->Offsets.Lo, DHi = Info->Offsets.Hi;
    for (const Cluster &C : Clusters) {
      if (M.Planned)
        break;
      if (!is_contained(Info->BaseCandidates, C.Reg))
        continue;
      AccessRequest W = R;
      W.WindowLo = DLo < 0 && C.Value < uint64_t(-DLo) ? 0 : C.Value + DLo;
      W.WindowHi = DHi > 0 && C.Value > MaxU64 - uint64_t(DHi)
                       ? MaxU64
                       : C.Value + uint64_t(DHi);
      if (Fixed) {
        int64_t Off = signedDistance(Fixed->second, C.Value);
        if (Fixed->second >= W.WindowLo && Fixed->second <= W.WindowHi &&
            Info->Offsets.contains(Off))
          M = {true, Fixed->first, Fixed->second, C.Reg, C.Value, Off,
               Schemes.scheme(Fixed->first).alignment(R)};
        continue;
      }
      std::optional<unsigned> Id = Schemes.pick(W, AddrRNG);
      if (!Id)
        continue;
      // An address in the window may still be at an offset the instruction
      // cannot encode (compressed offsets step by the access size).
      for (int Try = 0; Try < 3; ++Try) {
        std::optional<uint64_t> Addr = Schemes.scheme(*Id).choose(W, AddrRNG);
        if (!Addr)
          break;
        int64_t Off = signedDistance(*Addr, C.Value);
        if (!Info->Offsets.contains(Off))
          continue;
        M = {true, *Id, *Addr, C.Reg, C.Value, Off,
             Schemes.scheme(*Id).alignment(W)};
        break;
      }
    }

    if (!M.Planned && Fixed) // kept if no cluster opens for it below
      Group[I] = {false, Fixed->first, Fixed->second, 0, 0, 0,
                  Schemes.scheme(Fixed->first).alignment(R), true};

    // Open a cluster: a new base, set up now, before the group.
    if (!M.Planned && Clusters.size() < MaxClusters) {
      auto [Id, Addr] = Fixed ? *Fixed : chooseAddress(R, Info->Op->Opcode);
      std::vector<unsigned> Free;
      for (unsigned Reg : Info->BaseCandidates)
        if (!isPinned(Reg))
          Free.push_back(Reg);
      if (Free.empty())
        continue; // placed on its own when its turn comes
      unsigned Preferred = Free[AddrRNG.below(Free.size())];
      int64_t PreferredOffset = D ? D->draw(AddrRNG) : 0;
      BaseChoice C = cheapestBase(*Info, Addr, Preferred, PreferredOffset);
      if (C.K == BaseChoice::None || C.Cost > SetupLeft)
        continue;
      SetupLeft -= C.Cost;
      emitBase(C, Out);
      Pinned[C.Reg] = 1;
      Clusters.push_back({C.Reg, C.Value});
      M = {true, Id, Addr, C.Reg, C.Value, C.Offset,
           Schemes.scheme(Id).alignment(R)};
    }
    if (M.Planned || !Fixed)
      Group[I] = M;
  }
}

} // namespace snipgen
