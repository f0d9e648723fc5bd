//===- ModelTestUtil.h - Run small programs on the built-in model -*- C++ -*-===//
#ifndef SNIPGEN_UNITTESTS_MODEL_MODELTESTUTIL_H
#define SNIPGEN_UNITTESTS_MODEL_MODELTESTUTIL_H

#include "TestAssembler.h"
#include "snipgen/Model/Model.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>

namespace snipgen::test {

/// Memory map of the test machine: code at CodeBase (r-x), data at DataBase
/// (rw-), a read-only page at RoBase.
inline constexpr uint64_t CodeBase = 0x1000, DataBase = 0x10000,
                          RoBase = 0x20000, RegionSize = 0x1000;

struct TestMachine {
  std::unique_ptr<ModelHandle> M;
  uint64_t CodeEnd = 0;

  /// Assembles Asm, loads it at CodeBase and stops at its end.
  static std::unique_ptr<TestMachine>
  create(llvm::StringRef Asm, llvm::StringRef Isa = "rv64gc",
         bool AllowMisaligned = true,
         const snipgen_model_api *API = nullptr) {
    auto Bytes = assemble(Asm, Isa);
    if (!Bytes) {
      ADD_FAILURE() << llvm::toString(Bytes.takeError());
      return nullptr;
    }
    ModelConfig C;
    C.Isa = Isa.str();
    C.AllowMisaligned = AllowMisaligned;
    C.Regions = {{CodeBase, RegionSize, SNIPGEN_MEM_R | SNIPGEN_MEM_X, "code"},
                 {DataBase, RegionSize, SNIPGEN_MEM_R | SNIPGEN_MEM_W, "data"},
                 {RoBase, RegionSize, SNIPGEN_MEM_R, "rodata"}};
    auto H = ModelHandle::create(API ? *API : *getBuiltinModelAPI(), C);
    if (!H) {
      ADD_FAILURE() << llvm::toString(H.takeError());
      return nullptr;
    }
    auto T = std::make_unique<TestMachine>();
    T->M = std::move(*H);
    T->M->api().write_mem(T->M->get(), CodeBase, Bytes->data(), Bytes->size());
    T->CodeEnd = CodeBase + Bytes->size();
    T->M->setPC(CodeBase);
    T->M->api().set_stop_pc(T->M->get(), T->CodeEnd, 1);
    return T;
  }
  int run(uint64_t MaxSteps = 100000) {
    return M->api().run(M->get(), MaxSteps, nullptr);
  }
  uint64_t x(unsigned I) const { return M->x(I); }
  void setX(unsigned I, uint64_t V) { M->setX(I, V); }
  uint64_t csr(uint32_t Num) const {
    uint64_t V = 0;
    EXPECT_EQ(M->api().get_csr(M->get(), Num, &V), 0) << "csr " << Num;
    return V;
  }
  uint64_t load64(uint64_t Addr) const {
    uint64_t V = 0;
    EXPECT_EQ(M->api().read_mem(M->get(), Addr, &V, 8), 0);
    return V;
  }
  void store64(uint64_t Addr, uint64_t V) {
    EXPECT_EQ(M->api().write_mem(M->get(), Addr, &V, 8), 0);
  }
  std::string message() const {
    auto I = M->stopInfo();
    return I.message ? I.message : "";
  }
};

/// Runs Asm to its end and expects a clean stop.
#define RUN_TO_END(T)                                                          \
  do {                                                                         \
    ASSERT_TRUE(T);                                                            \
    int R_ = (T)->run();                                                       \
    ASSERT_EQ(R_, SNIPGEN_STEP_STOP_PC) << (T)->message();                     \
  } while (0)

// ABI register numbers used by the tests.
enum Reg { zero = 0, ra = 1, sp = 2, t0 = 5, t1 = 6, t2 = 7, s0 = 8, s1 = 9,
           a0 = 10, a1 = 11, a2 = 12, a3 = 13, a4 = 14, a5 = 15 };

} // namespace snipgen::test

#endif
