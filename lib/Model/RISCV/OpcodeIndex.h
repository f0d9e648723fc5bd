//===- OpcodeIndex.h - LLVM opcode numbers by name (Support) ----*- C++ -*-===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_OPCODEINDEX_H
#define SNIPGEN_LIB_MODEL_RISCV_OPCODEINDEX_H

#include "snipgen/Support/OpcodeIndex.h"

namespace snipgen::model {
using snipgen::OpcodeIndex;
} // namespace snipgen::model

#endif
