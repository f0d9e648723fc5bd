//===- FPControlPseudos.h - ReadFFLAGS, WriteFRMImm, ... --------*- C++ -*-===//
//
// Private to lib/Generator. The manual's "Support for Floating-Point Control
// and Status Registers" pseudo-instructions are histogram names, not LLVM
// opcodes; each is one Zicsr instruction on fflags (0x001), frm (0x002) or
// fcsr (0x003) with some operands fixed:
//
//   ReadX        CSRRS  rd, X, x0        (rd: any GPR but x0)
//   WriteXImm    CSRRWI x0, X, uimm      (uimm: imm-hist applies)
//   SwapXImm     CSRRWI rd, X, uimm
//   WriteX       CSRRW  x0, X, rs1       (rs1: operands-reinitialization)
//
// Their descriptions are the catalogue's CSR opcode description with the
// fixed operands narrowed to one legal value, so the instruction builder,
// imm-hist and operand initialisation treat them like any opcode. Writes of
// frm keep it a valid rounding mode (0-4): the immediate forms' domain is
// 0..4, and the register forms get their source register set to a valid
// value first unless operand initialisation sets it (fpControlSourceRule).
// These are RISC-V instructions; the table moves behind GenTarget when a
// second target needs it.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_FPCONTROLPSEUDOS_H
#define SNIPGEN_LIB_GENERATOR_FPCONTROLPSEUDOS_H

#include "snipgen/Target/ISACatalogue.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <memory>

namespace snipgen {

llvm::ArrayRef<llvm::StringLiteral> fpControlPseudoNames();

/// Null when Name is not a pseudo-instruction or the subtarget lacks the
/// CSR instructions or the F extension (Why says which).
std::unique_ptr<OpcodeDesc> buildFPControlPseudo(llvm::StringRef Name,
                                                 const ISACatalogue &Cat,
                                                 std::string *Why = nullptr);

} // namespace snipgen

#endif
