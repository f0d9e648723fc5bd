//===- BurstSource.h - Primary opcodes in burst groups ----------*- C++ -*-===//
//
// Burst mode (the layout's `burst` key): opcodes of the same grouping are
// issued as runs of min-size..max-size instructions. Every opcode is still
// drawn from the histogram, so the histogram's proportions hold: an opcode
// that belongs to a grouping waits in that grouping's pending group until
// the group is full, and the full group is then handed out as one run;
// other opcodes are handed out as drawn. (The last groups may stay partly
// filled when generation stops.) The memory planner is told which group
// member each instruction is, so it can set up the group's base registers
// before the group.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_BURSTSOURCE_H
#define SNIPGEN_GENERATOR_BURSTSOURCE_H

#include "snipgen/Generator/PrimarySource.h"
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

namespace snipgen {

class MemoryPlanner;
class OpcodeHistogram;
struct OpcodeDesc;

class BurstSource final : public PrimarySource {
public:
  /// Groupings lists, per kind of group, the opcodes (LLVM numbers) that
  /// form it; an opcode in several groupings joins one of them at random.
  BurstSource(const OpcodeHistogram &H,
              const std::vector<std::vector<unsigned>> &Groupings,
              uint64_t MinSize, uint64_t MaxSize, unsigned NumOpcodes,
              MemoryPlanner &Planner);
  const OpcodeDesc &next(RandomEngine &RNG) override;

private:
  using Members = std::vector<const OpcodeDesc *>;
  struct Item {
    const OpcodeDesc *Op;
    std::shared_ptr<const Members> Group; // null: not in a group
    unsigned Index;
  };
  struct Pending {
    Members Ops;
    uint64_t Target = 0;
  };
  const OpcodeHistogram &H;
  uint64_t MinSize, MaxSize;
  MemoryPlanner &Planner;
  std::vector<std::vector<unsigned>> GroupsOf; // by opcode
  std::vector<Pending> PendingGroups;
  std::deque<Item> Queue;
};

} // namespace snipgen

#endif
