//===- Disassembler.cpp - Print RISC-V instructions for traces ------------===//
#include "snipgen/Model/Disassembler.h"

#include "RISCV/Decoder.h"

namespace snipgen {

struct InstructionPrinter::Impl {
  std::unique_ptr<model::Decoder> Dec;
};

InstructionPrinter::InstructionPrinter() : P(std::make_unique<Impl>()) {}
InstructionPrinter::~InstructionPrinter() = default;

llvm::Expected<std::unique_ptr<InstructionPrinter>>
InstructionPrinter::create(llvm::StringRef Isa) {
  auto Dec = model::Decoder::create(Isa, 0);
  if (!Dec)
    return Dec.takeError();
  std::unique_ptr<InstructionPrinter> IP(new InstructionPrinter());
  IP->P->Dec = std::move(*Dec);
  return IP;
}

std::string InstructionPrinter::print(uint32_t Encoding, unsigned Size,
                                      uint64_t PC) const {
  uint8_t Bytes[4] = {uint8_t(Encoding), uint8_t(Encoding >> 8),
                      uint8_t(Encoding >> 16), uint8_t(Encoding >> 24)};
  return P->Dec->print(llvm::ArrayRef<uint8_t>(Bytes, Size == 2 ? 2 : 4), PC);
}

} // namespace snipgen
