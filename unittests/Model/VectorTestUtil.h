//===- VectorTestUtil.h - Helpers for the RVV unit tests -------*- C++ -*-===//
#ifndef SNIPGEN_UNITTESTS_MODEL_VECTORTESTUTIL_H
#define SNIPGEN_UNITTESTS_MODEL_VECTORTESTUTIL_H

#include "ModelTestUtil.h"

#include <cstring>
#include <vector>

namespace snipgen::test {

/// A TestMachine with a vector unit (same memory map), optionally writing
/// all ones into agnostic elements.
inline std::unique_ptr<TestMachine>
vectorMachine(llvm::StringRef Asm, llvm::StringRef Isa = "rv64gcv",
              bool AgnosticOnes = false) {
  auto Bytes = assemble(Asm, Isa);
  if (!Bytes) {
    ADD_FAILURE() << llvm::toString(Bytes.takeError());
    return nullptr;
  }
  ModelConfig C;
  C.Isa = Isa.str();
  C.VectorAgnosticOnes = AgnosticOnes;
  C.Regions = {{CodeBase, RegionSize, SNIPGEN_MEM_R | SNIPGEN_MEM_X, "code"},
               {DataBase, RegionSize, SNIPGEN_MEM_R | SNIPGEN_MEM_W, "data"},
               {RoBase, RegionSize, SNIPGEN_MEM_R, "rodata"}};
  auto H = ModelHandle::create(*getBuiltinModelAPI(), C);
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

inline unsigned vlenb(TestMachine &T) {
  return T.M->api().get_vlenb(T.M->get());
}

/// The bytes of vector register R.
inline std::vector<uint8_t> vreg(TestMachine &T, unsigned R) {
  std::vector<uint8_t> B(vlenb(T));
  EXPECT_EQ(T.M->api().get_v(T.M->get(), R, B.data(), B.size()), 0);
  return B;
}

/// Element I of width sizeof(E) of the group starting at register R.
template <typename E> E velem(TestMachine &T, unsigned R, unsigned I) {
  unsigned VB = vlenb(T);
  unsigned Reg = R + I * sizeof(E) / VB, Off = I * sizeof(E) % VB;
  std::vector<uint8_t> B = vreg(T, Reg);
  E V;
  std::memcpy(&V, B.data() + Off, sizeof(E));
  return V;
}

/// Fills register R with byte Fill.
inline void fillVReg(TestMachine &T, unsigned R, uint8_t Fill) {
  std::vector<uint8_t> B(vlenb(T), Fill);
  EXPECT_EQ(T.M->api().set_v(T.M->get(), R, B.data(), B.size()), 0);
}

/// Writes Count consecutive 32-bit words Start, Start+1, ... at Addr.
inline void fillWords(TestMachine &T, uint64_t Addr, unsigned Count,
                      uint32_t Start) {
  for (unsigned I = 0; I < Count; ++I) {
    uint32_t W = Start + I;
    EXPECT_EQ(T.M->api().write_mem(T.M->get(), Addr + 4 * I, &W, 4), 0);
  }
}

inline uint32_t load32(TestMachine &T, uint64_t Addr) {
  uint32_t W = 0;
  EXPECT_EQ(T.M->api().read_mem(T.M->get(), Addr, &W, 4), 0);
  return W;
}

} // namespace snipgen::test

#endif
