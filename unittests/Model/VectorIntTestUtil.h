//===- VectorIntTestUtil.h - Run RVV integer snippets on Machine -*- C++ -*-===//
//
// The vector tests drive Machine directly: they set the vector state (vtype,
// vl, vstart, vxrm, registers) on the hart, run a few instructions, and read
// the registers back. The state is set directly, so these tests do not
// depend on vset{i}vl{i}.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_UNITTESTS_MODEL_VECTORINTTESTUTIL_H
#define SNIPGEN_UNITTESTS_MODEL_VECTORINTTESTUTIL_H

#include "Machine.h"
#include "TestAssembler.h"
#include "gtest/gtest.h"
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace snipgen::test::vec {

inline constexpr uint64_t CodeBase = 0x10000, DataBase = 0x40000;

struct VMachine {
  std::unique_ptr<model::Machine> M;
  uint64_t End = 0;

  /// Assembles Asm (ISA "rv64gcv" unless given) with VLEN = VLenBits.
  static std::unique_ptr<VMachine> create(llvm::StringRef Asm,
                                          llvm::StringRef Isa = "rv64gcv",
                                          unsigned VLenBits = 128) {
    auto Bytes = assemble(Asm, Isa);
    if (!Bytes) {
      ADD_FAILURE() << llvm::toString(Bytes.takeError()) << "\n" << Asm.str();
      return nullptr;
    }
    model::MachineConfig C;
    C.Isa = Isa.str();
    C.JIT.Enabled = false;
    C.Regions = {{CodeBase, 0x1000, model::RightRead | model::RightExec, "code"},
                 {DataBase, 0x1000, model::RightRead | model::RightWrite, "data"}};
    auto M = model::Machine::create(C);
    if (!M) {
      ADD_FAILURE() << llvm::toString(M.takeError());
      return nullptr;
    }
    auto T = std::make_unique<VMachine>();
    T->M = std::move(*M);
    T->M->writeMemory(CodeBase, Bytes->data(), Bytes->size());
    T->M->H.PC = CodeBase;
    T->End = CodeBase + Bytes->size();
    T->M->setStopPC(T->End, true);
    auto &V = T->M->H.V;
    if (V.VLenB == 0 || V.VLenB != VLenBits / 8)
      V.VLenB = VLenBits / 8;
    T->M->H.Mstatus |= 1ull << 9; // VS = Initial.
    T->config(8, 0, V.VLenB);
    return T;
  }

  model::VectorState &v() { return M->H.V; }
  model::Hart &h() { return M->H; }

  /// Sets vtype (SEW, LMUL as log2, ta, ma) and vl, and clears vstart.
  void config(unsigned Sew, int LmulLog2, uint64_t VL, bool Ta = false,
              bool Ma = false) {
    unsigned VSew = Sew == 8 ? 0 : Sew == 16 ? 1 : Sew == 32 ? 2 : 3;
    uint64_t VType = (unsigned(LmulLog2) & 7) | VSew << 3 | unsigned(Ta) << 6 |
                     unsigned(Ma) << 7;
    ASSERT_TRUE(v().setVType(VType, h().XLen)) << "bad vtype " << VType;
    v().VL = VL;
    v().VStart = 0;
  }

  /// Runs to the end; returns the snipgen_step_result.
  int run() { return M->run(1000, nullptr, false); }
  /// mcause of the stop (2: illegal instruction).
  uint32_t cause() const { return M->stopInfo().cause; }

  template <typename T> void set(unsigned Reg, std::initializer_list<T> Elems) {
    uint64_t I = 0;
    for (T E : Elems)
      v().set<T>(Reg, I++, E);
  }
  /// Fills the whole group of N registers at Reg with Byte.
  void fill(unsigned Reg, unsigned N, uint8_t Byte) {
    std::memset(v().reg(Reg), Byte, size_t(N) * v().VLenB);
  }
  template <typename T> T get(unsigned Reg, uint64_t I) { return v().get<T>(Reg, I); }
  template <typename T> std::vector<T> elems(unsigned Reg, unsigned N) {
    std::vector<T> R;
    for (unsigned I = 0; I < N; ++I)
      R.push_back(v().get<T>(Reg, I));
    return R;
  }
  /// Sets mask register Reg to the bits of Bits (bit i = element i).
  void setMask(unsigned Reg, uint64_t Bits) {
    std::memset(v().reg(Reg), 0, v().VLenB);
    std::memcpy(v().reg(Reg), &Bits, 8);
  }
  uint64_t mask(unsigned Reg) {
    uint64_t Bits;
    std::memcpy(&Bits, v().reg(Reg), 8);
    return Bits;
  }
};

#define RUN_OK(T)                                                              \
  do {                                                                         \
    ASSERT_TRUE(T);                                                            \
    int R_ = (T)->run();                                                       \
    ASSERT_EQ(R_, SNIPGEN_STEP_STOP_PC) << (T)->M->stopInfo().message;         \
  } while (0)
#define RUN_ILLEGAL(T)                                                         \
  do {                                                                         \
    ASSERT_TRUE(T);                                                            \
    int R_ = (T)->run();                                                       \
    ASSERT_NE(R_, SNIPGEN_STEP_STOP_PC);                                       \
    EXPECT_EQ((T)->cause(), 2u);                                               \
  } while (0)

/// ".4byte" of an OP-V instruction from its fields, for encodings the
/// assembler refuses (illegal overlaps) but the hardware must trap on or,
/// where the assembler is stricter than the spec, execute.
/// Funct3: 0 OPIVV, 2 OPMVV, 3 OPIVI, 4 OPIVX, 6 OPMVX.
inline std::string opv(unsigned Funct6, unsigned Funct3, unsigned Vd,
                       unsigned Vs2, unsigned Vs1, bool Vm = true) {
  uint32_t E = Funct6 << 26 | unsigned(Vm) << 25 | Vs2 << 20 | Vs1 << 15 |
               Funct3 << 12 | Vd << 7 | 0x57;
  return ".4byte " + std::to_string(E);
}

template <typename T> std::vector<T> V(std::initializer_list<T> L) { return L; }

} // namespace snipgen::test::vec

#endif
