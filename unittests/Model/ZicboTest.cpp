//===- ZicboTest.cpp - Zicbom, Zicboz, Zicbop -------------------------------===//
#include "ModelTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

constexpr const char *Isa = "rv64gc_zicbom_zicboz_zicbop";

TEST(Zicboz, ZeroesTheWholeAlignedBlockOnly) {
  auto T = TestMachine::create(R"(
    li s0, 0x10047           # inside the block [0x10040, 0x10080)
    cbo.zero (s0)
  )", Isa);
  ASSERT_TRUE(T);
  for (uint64_t A = 0x10000; A < 0x100c0; A += 8)
    T->store64(A, 0x0101010101010101ull * (A & 0xff));
  RUN_TO_END(T);
  for (uint64_t A = 0x10000; A < 0x100c0; A += 8) {
    bool In = A >= 0x10040 && A < 0x10080;
    EXPECT_EQ(T->load64(A), In ? 0 : 0x0101010101010101ull * (A & 0xff))
        << std::hex << A;
  }
}

TEST(Zicboz, ReadOnlyBlockIsStoreFaultWithRs1InTval) {
  auto T = TestMachine::create(R"(
    li s0, 0x20013
    cbo.zero (s0)
  )", Isa);
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 7u);
  EXPECT_EQ(T->M->stopInfo().tval, 0x20013u);
}

TEST(Zicboz, CancelsReservation) {
  auto T = TestMachine::create(R"(
    li s0, 0x10010
    lr.w t0, (s0)
    addi s1, s0, -16
    cbo.zero (s1)
    sc.w a0, t0, (s0)
  )", Isa);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 1u);
}

TEST(Zicbom, ManagementOpsNeedLoadOrStoreRight) {
  // Data (rw) and read-only blocks are fine; code (r-x) too (readable).
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    cbo.clean (s0)
    cbo.flush (s0)
    cbo.inval (s0)
    li s0, 0x20fff
    cbo.inval (s0)
    li s0, 0x1000
    cbo.flush (s0)
  )", Isa);
  ASSERT_TRUE(T);
  T->store64(0x10000, 42);
  RUN_TO_END(T);
  EXPECT_EQ(T->load64(0x10000), 42u) << "no architectural effect";
}

TEST(Zicbom, UnmappedBlockIsStoreAccessFault) {
  auto T = TestMachine::create(R"(
    li s0, 0x40008
    cbo.clean (s0)
  )", Isa);
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 7u);
  EXPECT_EQ(T->M->stopInfo().tval, 0x40008u);
}

TEST(Zicbop, PrefetchesAreHintsEvenForUnmappedAddresses) {
  auto T = TestMachine::create(R"(
    li s0, 0x40000
    prefetch.i 0(s0)
    prefetch.r 64(s0)
    prefetch.w -32(s0)
  )", Isa);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(s0), 0x40000u);
}

} // namespace

namespace {

// The block size comes from ModelConfig (the C interface's
// cache_block_size): 128 bytes zero twice as much.
TEST(Zicboz, BlockSizeIsAModelSetting) {
  auto Bytes = assemble("li s0, 0x10090\ncbo.zero (s0)\n", Isa);
  ASSERT_TRUE(bool(Bytes)) << llvm::toString(Bytes.takeError());
  ModelConfig C;
  C.Isa = Isa;
  C.CacheBlockBytes = 128;
  C.Regions = {{CodeBase, RegionSize, SNIPGEN_MEM_R | SNIPGEN_MEM_X, "code"},
               {DataBase, RegionSize, SNIPGEN_MEM_R | SNIPGEN_MEM_W, "data"}};
  auto M = ModelHandle::create(*getBuiltinModelAPI(), C);
  ASSERT_TRUE(bool(M)) << llvm::toString(M.takeError());
  const snipgen_model_api &A = (*M)->api();
  A.write_mem((*M)->get(), CodeBase, Bytes->data(), Bytes->size());
  for (uint64_t Addr = DataBase; Addr < DataBase + 0x180; Addr += 8) {
    uint64_t V = ~0ull;
    A.write_mem((*M)->get(), Addr, &V, 8);
  }
  (*M)->setPC(CodeBase);
  A.set_stop_pc((*M)->get(), CodeBase + Bytes->size(), 1);
  ASSERT_EQ(A.run((*M)->get(), 100, nullptr), SNIPGEN_STEP_STOP_PC);
  for (uint64_t Addr = DataBase; Addr < DataBase + 0x180; Addr += 8) {
    uint64_t V = 0;
    A.read_mem((*M)->get(), Addr, &V, 8);
    bool In = Addr >= DataBase + 0x80 && Addr < DataBase + 0x100;
    EXPECT_EQ(V, In ? 0 : ~0ull) << std::hex << Addr;
  }
}

TEST(Zicboz, BadBlockSizeIsRefused) {
  ModelConfig C;
  C.Isa = Isa;
  C.CacheBlockBytes = 96;
  auto M = ModelHandle::create(*getBuiltinModelAPI(), C);
  ASSERT_FALSE(bool(M));
  EXPECT_NE(llvm::toString(M.takeError()).find("cache block size 96"),
            std::string::npos);
}

} // namespace
