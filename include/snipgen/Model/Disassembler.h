//===- Disassembler.h - Print RISC-V instructions for traces ----*- C++ -*-===//
//
// Turns raw instruction bits into text with LLVM's printer (aliases on, ABI
// register names, mnemonic padded to 8 columns like Spike). Independent of
// the model that produced the bits, so traces of plugin models print the same.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_MODEL_DISASSEMBLER_H
#define SNIPGEN_MODEL_DISASSEMBLER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <string>

namespace snipgen {

class InstructionPrinter {
public:
  /// ISA string as accepted by the model ("rv64gc_zba", ELF attribute form).
  static llvm::Expected<std::unique_ptr<InstructionPrinter>>
  create(llvm::StringRef Isa);
  ~InstructionPrinter();
  /// Text of the Size-byte instruction Encoding at PC ("unknown" if it does
  /// not decode).
  std::string print(uint32_t Encoding, unsigned Size, uint64_t PC) const;

private:
  InstructionPrinter();
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace snipgen

#endif
