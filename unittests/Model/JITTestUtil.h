//===- JITTestUtil.h - Two tiers side by side for JIT tests ------*- C++ -*-===//
//
// The JIT tests drive Machine directly (not the C interface) to choose the
// tier per machine: one machine interprets only, the other compiles every
// block on its first arrival (threshold 0), and both must end in the same
// architectural state.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_UNITTESTS_MODEL_JITTESTUTIL_H
#define SNIPGEN_UNITTESTS_MODEL_JITTESTUTIL_H

#include "JIT/JITEngine.h"
#include "Machine.h"
#include "TestAssembler.h"
#include "gtest/gtest.h"
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace snipgen::test::jit {

/// Memory map: code (r-x), data (rw-), and a rwx region for code that
/// rewrites itself.
inline constexpr uint64_t CodeBase = 0x10000, CodeSize = 0x10000,
                          DataBase = 0x40000, DataSize = 0x1000,
                          RwxBase = 0x80000, RwxSize = 0x2000;

struct TierOptions {
  bool JIT = false;
  unsigned Threshold = 0;
  bool AllowMisaligned = true;
  model::JITCompiler Compiler = model::JITCompiler::Auto;
};

/// Assembles Asm, loads it at Base (CodeBase or RwxBase) and sets the pc
/// there and the stop pc after its last instruction.
inline std::unique_ptr<model::Machine>
makeMachine(llvm::StringRef Asm, llvm::StringRef Isa, const TierOptions &O,
            uint64_t Base = CodeBase) {
  auto Bytes = assemble(Asm, Isa);
  if (!Bytes) {
    ADD_FAILURE() << llvm::toString(Bytes.takeError()) << "\n" << Asm.str();
    return nullptr;
  }
  model::MachineConfig C;
  C.Isa = Isa.str();
  C.AllowMisaligned = O.AllowMisaligned;
  C.JIT.Enabled = O.JIT;
  C.JIT.Threshold = O.Threshold;
  C.JIT.VerifyIR = true;
  C.JIT.Compiler = O.Compiler;
  C.Regions = {{CodeBase, CodeSize, model::RightRead | model::RightExec, "code"},
               {DataBase, DataSize, model::RightRead | model::RightWrite, "data"},
               {RwxBase, RwxSize,
                model::RightRead | model::RightWrite | model::RightExec, "rwx"}};
  auto M = model::Machine::create(C);
  if (!M) {
    ADD_FAILURE() << llvm::toString(M.takeError());
    return nullptr;
  }
  (*M)->writeMemory(Base, Bytes->data(), Bytes->size());
  (*M)->H.PC = Base;
  (*M)->setStopPC(Base + Bytes->size(), true);
  return std::move(*M);
}

/// Differences between two machines' architectural state and stop reports
/// (empty if none), one line each.
inline std::string differences(model::Machine &A, model::Machine &B) {
  std::ostringstream OS;
  auto Check = [&](const char *What, uint64_t VA, uint64_t VB) {
    if (VA != VB)
      OS << What << ": interpreter 0x" << std::hex << VA << ", jit 0x" << VB
         << std::dec << "\n";
  };
  for (unsigned I = 0; I < 32; ++I) {
    std::string Name = "x";
    Name += std::to_string(I);
    Check(Name.c_str(), A.H.X[I], B.H.X[I]);
  }
  for (unsigned I = 0; I < 32; ++I) {
    std::string Name = "f";
    Name += std::to_string(I);
    Check(Name.c_str(), A.H.F[I], B.H.F[I]);
  }
  Check("fflags", A.H.Fflags, B.H.Fflags);
  Check("frm", A.H.Frm, B.H.Frm);
  Check("mstatus", A.H.Mstatus, B.H.Mstatus);
  Check("pc", A.H.PC, B.H.PC);
  Check("instret", A.H.InstRet, B.H.InstRet);
  Check("mscratch", A.H.Mscratch, B.H.Mscratch);
  Check("mepc", A.H.Mepc, B.H.Mepc);
  Check("mcause", A.H.Mcause, B.H.Mcause);
  Check("mtval", A.H.Mtval, B.H.Mtval);
  const auto &SA = A.stopInfo(), &SB = B.stopInfo();
  Check("stop result", SA.result, SB.result);
  Check("stop pc", SA.pc, SB.pc);
  Check("stop cause", SA.cause, SB.cause);
  Check("stop tval", SA.tval, SB.tval);
  Check("stop addr", SA.addr, SB.addr);
  Check("exit code", SA.exit_code, SB.exit_code);
  for (auto [Base, Size] : {std::pair{DataBase, DataSize}, {RwxBase, RwxSize}}) {
    std::vector<uint8_t> MA(Size), MB(Size);
    A.readMemory(Base, MA.data(), Size);
    B.readMemory(Base, MB.data(), Size);
    for (uint64_t I = 0; I < Size; ++I)
      if (MA[I] != MB[I]) {
        OS << "memory at 0x" << std::hex << Base + I << ": interpreter 0x"
           << unsigned(MA[I]) << ", jit 0x" << unsigned(MB[I]) << std::dec
           << "\n";
        break;
      }
  }
  return OS.str();
}

} // namespace snipgen::test::jit

#endif
