//===- LockstepVectorTest.cpp - Vector state in the per-instruction check -===//
//
// A fake model (a C function table over a plain struct) stands in for a
// model with a vector unit, so the comparison of v0..v31 and the vector CSRs
// and its report are tested independently of the built-in model's RVV.
//===----------------------------------------------------------------------===//
#include "Lockstep.h"
#include "Report.h"
#include "TestLog.h"

#include "snipgen/Model/Model.h"

#include "gtest/gtest.h"

#include <cstring>
#include <map>

using namespace snipgen;
using namespace snipgen::qemucheck;
using namespace snipgen::qemucheck::test;

namespace {

struct FakeModel {
  uint64_t PC = 0;
  uint64_t X[32] = {};
  uint64_t F[32] = {};
  std::map<uint32_t, uint64_t> Csr;
  unsigned VLenB = 16;
  uint8_t V[32][128] = {};
};

snipgen_model *asModel(FakeModel *M) {
  return reinterpret_cast<snipgen_model *>(M);
}
FakeModel &fake(snipgen_model *M) { return *reinterpret_cast<FakeModel *>(M); }

FakeModel *Next = nullptr; // What create() hands out.

const snipgen_model_api &fakeAPI() {
  static snipgen_model_api API = [] {
    snipgen_model_api A = {};
    A.version = SNIPGEN_MODEL_API_VERSION;
    A.struct_size = sizeof(A);
    A.name = "fake";
    A.create = [](const snipgen_model_config *, char *, size_t) {
      return asModel(Next);
    };
    A.destroy = [](snipgen_model *) {};
    A.get_pc = [](snipgen_model *M) { return fake(M).PC; };
    A.set_pc = [](snipgen_model *M, uint64_t V) { fake(M).PC = V; };
    A.get_x = [](snipgen_model *M, uint32_t I) { return fake(M).X[I]; };
    A.set_x = [](snipgen_model *M, uint32_t I, uint64_t V) {
      fake(M).X[I] = V;
    };
    A.get_f = [](snipgen_model *M, uint32_t I) { return fake(M).F[I]; };
    A.set_f = [](snipgen_model *M, uint32_t I, uint64_t V) {
      fake(M).F[I] = V;
    };
    A.get_csr = [](snipgen_model *M, uint32_t N, uint64_t *V) {
      auto It = fake(M).Csr.find(N);
      if (It == fake(M).Csr.end())
        return -1;
      *V = It->second;
      return 0;
    };
    A.set_csr = [](snipgen_model *M, uint32_t N, uint64_t V) {
      fake(M).Csr[N] = V;
      return 0;
    };
    A.get_vlenb = [](snipgen_model *M) { return uint32_t(fake(M).VLenB); };
    A.get_v = [](snipgen_model *M, uint32_t R, void *D, size_t N) {
      if (N != fake(M).VLenB)
        return -1;
      std::memcpy(D, fake(M).V[R], N);
      return 0;
    };
    A.set_v = [](snipgen_model *M, uint32_t R, const void *D, size_t N) {
      if (N != fake(M).VLenB)
        return -1;
      std::memcpy(fake(M).V[R], D, N);
      return 0;
    };
    A.read_mem = [](snipgen_model *, uint64_t, void *, size_t) { return -1; };
    return A;
  }();
  return API;
}

class LockstepVectorTest : public ::testing::Test {
protected:
  FakeModel Model;
  std::unique_ptr<ModelHandle> Handle;
  CompareSettings Settings;

  void SetUp() override {
    Next = &Model;
    Model.Csr = {{csrnum::Fcsr, 0},  {csrnum::VL, 0},
                 {csrnum::VType, uint64_t(1) << 63},
                 {csrnum::VStart, 0}, {csrnum::Vxrm, 0},
                 {csrnum::Vxsat, 0}};
    auto H = ModelHandle::create(fakeAPI(), ModelConfig());
    ASSERT_TRUE(bool(H));
    Handle = std::move(*H);
    Settings.CompareV = true;
  }

  /// Starts a checker on the log and reads its first dump.
  std::unique_ptr<LockstepChecker> start(QemuLogReader &R, CpuState &First) {
    auto More = R.next(First);
    EXPECT_TRUE(bool(More) && *More);
    QemuOutcome Outcome{QemuOutcome::Signalled, 0, "SIGTRAP", ""};
    auto C = std::make_unique<LockstepChecker>(R, First, Settings, Outcome);
    Model.PC = First.PC;
    C->onRunStart(*Handle);
    return C;
  }
};

// vsetvli t0, zero, e32, m1, ta, ma; vid.v v1 (as QEMU logs them).
std::vector<Dump> vsetvliVid() {
  Dump A;
  A.PC = 0x10000;
  for (unsigned J = 0; J < 16; ++J)
    A.V[2 * 16 + J] = uint8_t(0xa0 + J); // Initial contents are copied.
  Dump B = A;
  B.PC = 0x10004;
  B.X[5] = 4;
  B.VL = 4;
  B.VType = 0xd0;
  Dump C = B;
  C.PC = 0x10008;
  for (unsigned E = 0; E < 4; ++E)
    C.V[1 * 16 + E * 4] = uint8_t(E);
  return {A, B, C};
}

void modelVsetvli(FakeModel &M) {
  M.PC = 0x10004;
  M.X[5] = 4;
  M.Csr[csrnum::VL] = 4;
  M.Csr[csrnum::VType] = 0xd0;
}

TEST_F(LockstepVectorTest, AgreementCopiesTheInitialVectorState) {
  LogFile Log(vsetvliVid());
  auto R = QemuLogReader::open(Log.Path);
  ASSERT_TRUE(bool(R));
  CpuState First;
  auto Checker = start(**R, First);
  EXPECT_EQ(Model.V[2][15], 0xaf); // Copied from QEMU's first dump.
  modelVsetvli(Model);
  Checker->onRetire(0x10000, 0x0d0072d7, 4, 0x10004);
  Model.PC = 0x10008;
  for (unsigned E = 0; E < 4; ++E)
    Model.V[1][E * 4] = uint8_t(E);
  Checker->onRetire(0x10004, 0x5208a0d7, 4, 0x10008);
  EXPECT_FALSE(Checker->divergence().has_value());
  EXPECT_EQ(Checker->agreed(), 2u);
}

TEST_F(LockstepVectorTest, VectorRegisterDivergenceNamesTheRegister) {
  LogFile Log(vsetvliVid());
  auto R = QemuLogReader::open(Log.Path);
  ASSERT_TRUE(bool(R));
  CpuState First;
  auto Checker = start(**R, First);
  modelVsetvli(Model);
  Checker->onRetire(0x10000, 0x0d0072d7, 4, 0x10004);
  Model.PC = 0x10008;
  for (unsigned E = 0; E < 4; ++E)
    Model.V[1][E * 4] = uint8_t(E);
  Model.V[1][8] = 7; // Element 2 is wrong.
  Checker->onRetire(0x10004, 0x5208a0d7, 4, 0x10008);
  ASSERT_TRUE(Checker->divergence().has_value());
  const Divergence &D = *Checker->divergence();
  EXPECT_EQ(D.What, Divergence::Registers);
  ASSERT_EQ(D.Diffs.size(), 1u);
  EXPECT_EQ(D.Diffs[0].File, 'v');
  EXPECT_EQ(D.Diffs[0].Index, 1u);

  std::string Text;
  llvm::raw_string_ostream OS(Text);
  ReportContext Ctx{Settings, nullptr, "qemu-riscv64", "", "", "rv64gcv"};
  printDivergence(OS, D, Ctx);
  EXPECT_NE(Text.find("after instruction #2 (1 agreed before it)"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("  v1 (VLEN 128)\n"
                      "    qemu-riscv64  0x00000003000000020000000100000000\n"
                      "    model         0x00000003000000070000000100000000\n"
                      "    elements that differ (SEW 32, qemu vs model): [2] "
                      "0x00000002 vs 0x00000007\n"),
            std::string::npos)
      << Text;
  // The preceding vsetvli shows what it changed.
  EXPECT_NE(Text.find("t0=0x0000000000000004, vl=0x4, vtype=0xd0"),
            std::string::npos)
      << Text;
}

TEST_F(LockstepVectorTest, VectorCsrDivergence) {
  LogFile Log(vsetvliVid());
  auto R = QemuLogReader::open(Log.Path);
  ASSERT_TRUE(bool(R));
  CpuState First;
  auto Checker = start(**R, First);
  modelVsetvli(Model);
  Model.Csr[csrnum::VL] = 8;
  Model.Csr[csrnum::Vxsat] = 1;
  Checker->onRetire(0x10000, 0x0d0072d7, 4, 0x10004);
  ASSERT_TRUE(Checker->divergence().has_value());
  const Divergence &D = *Checker->divergence();
  ASSERT_EQ(D.Diffs.size(), 2u);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  ReportContext Ctx{Settings, nullptr, "qemu-riscv64", "", "", "rv64gcv"};
  printDivergence(OS, D, Ctx);
  EXPECT_NE(Text.find("  vl            0x04                                    "
                      "0x08\n"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("  vxsat         0x00                                    "
                      "0x01\n"),
            std::string::npos)
      << Text;
}

TEST_F(LockstepVectorTest, VillIsBitXlenMinusOneOnRV32) {
  std::vector<Dump> Dumps = vsetvliVid();
  for (Dump &D : Dumps)
    if (D.VType >> 63)
      D.VType = 0x80000000u;
  LogFile Log(Dumps);
  auto R = QemuLogReader::open(Log.Path);
  ASSERT_TRUE(bool(R));
  Settings.XLen = 32;
  Model.Csr[csrnum::VType] = 0x80000000u;
  CpuState First;
  auto Checker = start(**R, First);
  modelVsetvli(Model);
  Checker->onRetire(0x10000, 0x0d0072d7, 4, 0x10004);
  EXPECT_FALSE(Checker->divergence().has_value());
}

TEST_F(LockstepVectorTest, NotComparedWithoutCompareV) {
  LogFile Log(vsetvliVid());
  auto R = QemuLogReader::open(Log.Path);
  ASSERT_TRUE(bool(R));
  Settings.CompareV = false;
  CpuState First;
  auto Checker = start(**R, First);
  modelVsetvli(Model);
  Model.Csr[csrnum::VL] = 99;
  Checker->onRetire(0x10000, 0x0d0072d7, 4, 0x10004);
  EXPECT_FALSE(Checker->divergence().has_value());
}

} // namespace
