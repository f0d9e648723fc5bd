//===- BlockTranslator.h - A planned block to LLVM IR -----------*- C++ -*-===//
//
// Translates one BlockPlan into a function
//
//   i64 @name(ptr noalias %hart, i64 %budget)
//
// that performs the block's instructions on the Hart's X registers and
// returns (retired << 1) | left-early. Compiled code mirrors the interpreter's
// handlers expression by expression (same 64-bit arithmetic, same RV32
// sign-extension on every register write, x0 never written), so both tiers
// give bit-identical results.
//
// Registers live in SSA values while the block runs: each is loaded at
// entry and stored back at every exit if written. Exits:
// * the end of the block: returns the instruction count; if the block ends in
//   a branch or jump, the next pc is stored to Hart::PC;
// * a side exit before instruction k (load/store outside the fast-path
//   window, misaligned indirect jump target): returns k with the effects of
//   instructions 0..k-1 stored and bit 0 set, so the interpreter continues
//   at k.
// A self-loop (BlockPlan::SelfLoop) runs further iterations itself while
// the branch back is taken and the budget (instructions the caller still
// allows; at least one iteration) has room for one more; the counts then
// include the finished iterations (continue at retired % length).
// Compiled code calls only the interpreter's handlers of Shape::Call
// instructions (soft-float arithmetic, see OpcodeRules.cpp) and never
// writes executable memory (stores go
// through the store window, which excludes executable regions).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_JIT_BLOCKTRANSLATOR_H
#define SNIPGEN_LIB_MODEL_JIT_BLOCKTRANSLATOR_H

#include "JIT/OpcodeRules.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace snipgen::model::jit {

/// The signature of a compiled block.
using BlockEntry = uint64_t (*)(Hart *H, uint64_t Budget);

/// Builds a module holding one function called Name. Plan must not be empty.
/// With Verify, fails if the IR verifier rejects the result (a translator
/// bug); never fails without it.
llvm::Expected<std::unique_ptr<llvm::Module>> translateBlock(const BlockPlan &Plan,
                                             const OpcodeRules &Rules,
                                             const TargetInfo &T,
                                             llvm::LLVMContext &Ctx,
                                             llvm::StringRef Name,
                                             bool Verify);

} // namespace snipgen::model::jit

#endif
