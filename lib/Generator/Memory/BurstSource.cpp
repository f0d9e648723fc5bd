//===- BurstSource.cpp - Primary opcodes in burst groups ------------------===//
#include "snipgen/Generator/BurstSource.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Target/ISACatalogue.h"

namespace snipgen {

BurstSource::BurstSource(const OpcodeHistogram &H,
                         const std::vector<std::vector<unsigned>> &Groupings,
                         uint64_t MinSize, uint64_t MaxSize,
                         unsigned NumOpcodes, MemoryPlanner &Planner)
    : H(H), MinSize(MinSize), MaxSize(MaxSize), Planner(Planner),
      GroupsOf(NumOpcodes), PendingGroups(Groupings.size()) {
  for (unsigned G = 0; G < Groupings.size(); ++G)
    for (unsigned Opcode : Groupings[G])
      GroupsOf[Opcode].push_back(G);
}

const OpcodeDesc &BurstSource::next(RandomEngine &RNG) {
  while (Queue.empty()) {
    const OpcodeDesc &Op = H.choose(RNG);
    const std::vector<unsigned> &Gs = GroupsOf[Op.Opcode];
    if (Gs.empty()) {
      Queue.push_back({&Op, nullptr, 0});
      break;
    }
    Pending &P = PendingGroups[Gs.size() == 1 ? Gs[0] : Gs[RNG.below(Gs.size())]];
    if (P.Ops.empty())
      P.Target = RNG.inRangeU(MinSize, MaxSize);
    P.Ops.push_back(&Op);
    if (P.Ops.size() < P.Target)
      continue;
    auto Group = std::make_shared<const Members>(std::move(P.Ops));
    P.Ops.clear();
    for (unsigned I = 0; I < Group->size(); ++I)
      Queue.push_back({(*Group)[I], Group, I});
  }
  Item It = Queue.front();
  Queue.pop_front();
  if (It.Group)
    Planner.announceBurstMember(*It.Group, It.Index);
  return *It.Op;
}

} // namespace snipgen
