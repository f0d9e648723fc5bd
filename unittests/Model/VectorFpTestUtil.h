//===- VectorFpTestUtil.h - A Machine with its vector state set directly -*- C++ -*-===//
//
// The vector FP / Zvbb tests drive Machine (not the C interface) so they can
// set vtype, vl, vstart and register contents directly and read them back,
// independent of vsetvli and vector loads.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_UNITTESTS_MODEL_VECTORFPTESTUTIL_H
#define SNIPGEN_UNITTESTS_MODEL_VECTORFPTESTUTIL_H

#include "Machine.h"
#include "TestAssembler.h"
#include "gtest/gtest.h"
#include <cstdio>
#include <memory>
#include <string>

namespace snipgen::test::vtest {

inline constexpr uint64_t CodeBase = 0x10000, CodeSize = 0x1000;

/// One instruction whose register overlap LLVM's assembler refuses: Asm is
/// assembled as written (with a legal vd) and vd (bits 11:7) is replaced.
inline std::string withVd(llvm::StringRef Asm, llvm::StringRef Isa,
                          unsigned Vd) {
  auto Bytes = assemble(Asm, Isa);
  if (!Bytes || Bytes->size() != 4) {
    if (!Bytes)
      llvm::consumeError(Bytes.takeError());
    ADD_FAILURE() << "cannot assemble " << Asm.str();
    return "";
  }
  uint32_t Enc = uint32_t((*Bytes)[0]) | uint32_t((*Bytes)[1]) << 8 |
                 uint32_t((*Bytes)[2]) << 16 | uint32_t((*Bytes)[3]) << 24;
  Enc = (Enc & ~(31u << 7)) | (Vd << 7);
  char Buf[32];
  snprintf(Buf, sizeof(Buf), ".4byte 0x%08x", Enc);
  return Buf;
}

struct VMachine {
  std::unique_ptr<model::Machine> M;
  model::Hart &h() { return M->H; }
  model::VectorState &v() { return M->H.V; }

  /// Assembles Asm for Isa; VLEN 128, VS and FS on (Initial), frm 0.
  static std::unique_ptr<VMachine> create(llvm::StringRef Asm,
                                          llvm::StringRef Isa) {
    auto Bytes = assemble(Asm, Isa);
    if (!Bytes) {
      ADD_FAILURE() << llvm::toString(Bytes.takeError()) << "\n" << Asm.str();
      return nullptr;
    }
    model::MachineConfig C;
    C.Isa = Isa.str();
    C.JIT.Enabled = false;
    C.Regions = {{CodeBase, CodeSize, model::RightRead | model::RightExec,
                  "code"}};
    auto M = model::Machine::create(C);
    if (!M) {
      ADD_FAILURE() << llvm::toString(M.takeError());
      return nullptr;
    }
    (*M)->writeMemory(CodeBase, Bytes->data(), Bytes->size());
    (*M)->H.PC = CodeBase;
    (*M)->setStopPC(CodeBase + Bytes->size(), true);
    auto VM = std::make_unique<VMachine>();
    VM->M = std::move(*M);
    model::Hart &H = VM->M->H;
    H.V.VLenB = 16;
    H.Mstatus |= (1ull << 9) | (1ull << 13); // VS, FS Initial.
    H.Fflags = 0;
    return VM;
  }
  /// vtype from SEW (8..64), LMUL as log2 (-3..3), vta/vma; vl; vstart.
  void config(unsigned Sew, int LmulLog2, uint64_t VL, bool Ta = false,
              bool Ma = false, uint64_t VStart = 0) {
    unsigned SewCode = Sew == 8 ? 0 : Sew == 16 ? 1 : Sew == 32 ? 2 : 3;
    uint64_t VType = (uint64_t(Ma) << 7) | (uint64_t(Ta) << 6) |
                     (SewCode << 3) | (unsigned(LmulLog2) & 7);
    ASSERT_TRUE(v().setVType(VType, h().XLen));
    v().VL = VL;
    v().VStart = VStart;
  }
  /// Runs to the stop pc in the interpreter; the snipgen_step_result.
  int run() { return M->run(1000, nullptr, /*AllowJIT=*/false); }
  /// Runs and expects the program to end at its last instruction.
  void runOk() {
    int R = run();
    ASSERT_EQ(R, SNIPGEN_STEP_STOP_PC) << M->stopInfo().message;
  }
  /// Runs and expects an illegal-instruction stop at the first instruction.
  void runIllegal() {
    int R = run();
    ASSERT_EQ(R, SNIPGEN_STEP_UNHANDLED_TRAP);
    EXPECT_EQ(M->stopInfo().cause, 2u);
  }
  template <typename T> void fill(unsigned Reg, std::initializer_list<T> Vals) {
    uint64_t I = 0;
    for (T V : Vals)
      v().set<T>(Reg, I++, V);
  }
  template <typename T> T get(unsigned Reg, uint64_t I) {
    return v().get<T>(Reg, I);
  }
};

} // namespace snipgen::test::vtest

#endif
