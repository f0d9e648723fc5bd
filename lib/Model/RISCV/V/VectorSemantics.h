//===- VectorSemantics.h - RVV instruction classes, one file each -*- C++ -*-===//
//
// registerVectorSemantics (Register.cpp) calls one function per class file.
// A new vector instruction goes into the file of its class; a new class
// gets a file and a line here and in Register.cpp.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_V_VECTORSEMANTICS_H
#define SNIPGEN_LIB_MODEL_RISCV_V_VECTORSEMANTICS_H

#include "Semantics.h"

namespace snipgen::model {

void registerVectorConfigSemantics(SemanticTable &T);      // Config.cpp: vset*
void registerVectorMemorySemantics(SemanticTable &T);      // LoadStore*.cpp
void registerVectorIntegerSemantics(SemanticTable &T);     // Integer*.cpp
void registerVectorFixedPointSemantics(SemanticTable &T);  // FixedPoint.cpp
void registerVectorMaskSemantics(SemanticTable &T);        // Mask.cpp
void registerVectorPermuteSemantics(SemanticTable &T);     // Permute.cpp
void registerVectorReductionSemantics(SemanticTable &T);   // Reduction.cpp
void registerVectorFloatSemantics(SemanticTable &T);       // Float*.cpp
void registerVectorBitCryptoSemantics(SemanticTable &T);   // Zvbb.cpp: Zvbb
                                                           // Zvbc

} // namespace snipgen::model

#endif
