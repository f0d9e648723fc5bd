//===- MemoryPlannerImpl.h - Private parts of the memory planner -*- C++ -*-===//
#ifndef SNIPGEN_LIB_GENERATOR_MEMORYPLANNERIMPL_H
#define SNIPGEN_LIB_GENERATOR_MEMORYPLANNERIMPL_H

#include "snipgen/Generator/MemoryPlanner.h"

namespace snipgen {

/// How a base register gets its value (cheapest first).
struct MemoryPlanner::BaseChoice {
  enum Kind {
    None,
    Reuse,           // a base candidate already in offset reach: no code
    AddImm,          // Reg = Src + Imm (one ADDI)
    Materialize,     // Reg = Value as a constant
    AddMaterialized, // Reg = constant Imm, then Reg = Reg + Src
  } K = None;
  unsigned Reg = 0;   // the base register
  unsigned Src = 0;   // AddImm, AddMaterialized: the known register
  int64_t Imm = 0;    // AddImm: immediate; AddMaterialized: the constant
  uint64_t Value = 0; // the base value
  int64_t Offset = 0; // the instruction's offset
  unsigned Cost = 0;  // instructions emitted
};

/// The plan of one burst group member, made when the group starts.
struct MemoryPlanner::GroupMember {
  bool Planned = false; // a memory access with its base set up
  unsigned Scheme = 0;
  uint64_t Address = 0;
  unsigned BaseReg = 0;
  uint64_t BaseValue = 0;
  int64_t Offset = 0;
  unsigned Align = 1;
  bool FromOracle = false; // not Planned, but the address is chosen
};

} // namespace snipgen

#endif
