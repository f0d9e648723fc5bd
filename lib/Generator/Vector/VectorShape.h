//===- VectorShape.h - Operand shapes of RVV opcodes (private) --*- C++ -*-===//
//
// See VectorShapes.cpp.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_VECTOR_VECTORSHAPE_H
#define SNIPGEN_LIB_GENERATOR_VECTOR_VECTORSHAPE_H

#include "snipgen/Generator/VectorUnit.h"
#include <vector>

namespace snipgen {

struct VectorUnit::Shape {
  enum Kind : uint8_t { Scalar, Imm, Group, Single, Whole, OptMask, V0, Tied };
  struct Operand {
    Kind K = Imm;
    int Delta = 0;        // Group: log2(EEW / SEW)
    bool Index16 = false; // Group: EEW 16 (vrgatherei16 index)
    unsigned Regs = 1;    // Whole: registers in the group
    bool Written = false;
    std::vector<unsigned> Cands; // Scalar/Whole: registers; Group/Single: V indices
  };
  std::vector<Operand> Ops;
  bool VSet = false;
  bool Memory = false;
};

} // namespace snipgen

#endif
