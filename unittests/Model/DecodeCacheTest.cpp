//===- DecodeCacheTest.cpp - The bounded, recycled decode cache ------------===//
//
// A machine keeps at most MachineConfig::DecodeCachePages decode pages and
// recycles the least recently entered one. Code that spans more pages than
// that, loops over them, calls across them and rewrites an evicted page must
// run exactly as with a cache that holds everything, interpreted and with
// every block compiled.
//===----------------------------------------------------------------------===//
#include "JITTestUtil.h"

using namespace snipgen;
using namespace snipgen::test::jit;

namespace {

// Five pages of straight-line code in a loop run 7 times, with a call from
// the first page to a function on the last one and back.
std::string pagesProgram() {
  std::string S = "  li t0, 7\n  li a0, 0\n  li a1, 1\nloop:\n  call far\n";
  for (unsigned I = 0; I < 6 * 1024; ++I)
    S += I % 3 == 0   ? "  addi a0, a0, 3\n"
         : I % 3 == 1 ? "  xor a1, a1, a0\n"
                      : "  c.add a0, a1\n";
  S += "  addi t0, t0, -1\n  beqz t0, out\n  j loop\nout:\n  j done\nfar:\n"
       "  slli a2, a1, 3\n  add a3, a3, a2\n  ret\ndone:\n  nop\n";
  return S;
}

/// Asm assembled for rv64gc into a machine of configuration C, loaded at
/// Base with the pc there and the stop pc after its end.
std::unique_ptr<model::Machine> loadedMachine(const std::string &Asm,
                                              model::MachineConfig C,
                                              uint64_t Base,
                                              size_t *Size = nullptr) {
  auto Bytes = test::assemble(Asm, "rv64gc");
  if (!Bytes) {
    ADD_FAILURE() << llvm::toString(Bytes.takeError());
    return nullptr;
  }
  C.Isa = "rv64gc";
  auto M = model::Machine::create(C);
  if (!M) {
    ADD_FAILURE() << llvm::toString(M.takeError());
    return nullptr;
  }
  if (Size)
    *Size = Bytes->size();
  (*M)->writeMemory(Base, Bytes->data(), Bytes->size());
  (*M)->H.PC = Base;
  (*M)->setStopPC(Base + Bytes->size(), true);
  return std::move(*M);
}

std::unique_ptr<model::Machine> machine(const std::string &Asm,
                                        unsigned Pages, bool JIT) {
  model::MachineConfig C;
  C.JIT.Enabled = JIT;
  C.JIT.Threshold = 0;
  C.DecodeCachePages = Pages;
  C.Regions = {{CodeBase, CodeSize, model::RightRead | model::RightExec, "code"},
               {DataBase, DataSize, model::RightRead | model::RightWrite, "data"},
               {RwxBase, RwxSize,
                model::RightRead | model::RightWrite | model::RightExec, "rwx"}};
  size_t Size = 0;
  auto M = loadedMachine(Asm, C, CodeBase, &Size);
  EXPECT_GT(Size, 4 * model::CodePageBytes);
  return M;
}

TEST(DecodeCacheTest, EvictionDoesNotChangeExecution) {
  std::string Asm = pagesProgram();
  auto Ref = machine(Asm, 4096, /*JIT=*/false);
  ASSERT_TRUE(Ref);
  EXPECT_EQ(Ref->run(1ull << 30, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_GT(Ref->H.InstRet, 7u * 6 * 1024);
  for (unsigned Pages : {2u, 3u, 5u})
    for (bool JIT : {false, true}) {
      auto M = machine(Asm, Pages, JIT);
      ASSERT_TRUE(M);
      EXPECT_EQ(M->run(1ull << 30, nullptr), SNIPGEN_STEP_STOP_PC);
      EXPECT_EQ(differences(*Ref, *M), "")
          << Pages << " pages, JIT " << (JIT ? "on" : "off");
    }
}

TEST(DecodeCacheTest, RewrittenEvictedPageRunsNewCode) {
  // Run code on the rwx region's first page, run enough pages elsewhere to
  // evict it, rewrite it, run it again.
  for (bool JIT : {false, true}) {
    auto First = test::assemble("  addi a0, a0, 1\n  ebreak\n", "rv64gc");
    auto Second = test::assemble("  addi a0, a0, 100\n  ebreak\n", "rv64gc");
    ASSERT_TRUE(First && Second);
    auto M = machine(pagesProgram(), 2, JIT);
    ASSERT_TRUE(M);
    M->writeMemory(RwxBase, First->data(), First->size());
    M->H.PC = RwxBase;
    EXPECT_EQ(M->run(100, nullptr), SNIPGEN_STEP_EBREAK);
    EXPECT_EQ(M->H.X[10], 1u);
    M->H.PC = CodeBase;
    EXPECT_EQ(M->run(1ull << 30, nullptr), SNIPGEN_STEP_STOP_PC);
    M->writeMemory(RwxBase, Second->data(), Second->size());
    uint64_t Before = M->H.X[10];
    M->H.PC = RwxBase;
    EXPECT_EQ(M->run(100, nullptr), SNIPGEN_STEP_EBREAK);
    EXPECT_EQ(M->H.X[10], Before + 100);
  }
}

// Straight-line code is entered once per page: it recycles the few pages
// on probation instead of cycling through the whole cache (whose slots have
// left the host caches by the time they come round).
TEST(DecodeCacheTest, StraightLineRecyclesFewPages) {
  std::string S;
  for (unsigned I = 0; I < 12 * 1024; ++I) // 12 pages
    S += I % 2 ? "  addi a0, a0, 3\n" : "  xor a1, a1, a0\n";
  S += "  nop\n";
  auto M = machine(S, 64, /*JIT=*/false);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->run(1ull << 30, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(M->H.InstRet, 12u * 1024 + 1);
  EXPECT_LE(M->decodePages(), 5u);
  EXPECT_EQ(M->decodes(), 12u * 1024 + 1);
}

// Code that comes back is kept: a loop over ten pages (more than the
// probation FIFO holds) is decoded in its first two iterations, not in every
// one.
TEST(DecodeCacheTest, LoopsOverManyPagesStayDecoded) {
  std::string S = "  li t0, 6\nloop:\n";
  for (unsigned I = 0; I < 10 * 1024; ++I)
    S += I % 2 ? "  addi a0, a0, 3\n" : "  xor a1, a1, a0\n";
  S += "  addi t0, t0, -1\n  beqz t0, out\n  j loop\nout:\n  nop\n";
  for (bool JIT : {false, true}) {
    auto M = machine(S, 64, JIT);
    ASSERT_TRUE(M);
    EXPECT_EQ(M->run(1ull << 30, nullptr), SNIPGEN_STEP_STOP_PC);
    EXPECT_EQ(M->H.InstRet, 1u + 6 * (10 * 1024 + 3));
    EXPECT_LE(M->decodes(), 2u * (10 * 1024 + 3) + 2) << "JIT " << JIT;
    EXPECT_GE(M->decodePages(), 10u);
  }
}

} // namespace

namespace {

// A machine with JIT off over the rwx region holding Asm, stopping at its end.
std::unique_ptr<model::Machine> rwxMachine(const std::string &Asm) {
  model::MachineConfig C;
  C.JIT.Enabled = false;
  C.Regions = {{RwxBase, RwxSize,
                model::RightRead | model::RightWrite | model::RightExec,
                "rwx"}};
  return loadedMachine(Asm, C, RwxBase);
}

// A miss decodes the straight-line code after it in one go (Machine::
// decodeAhead), but not past a jump or an instruction that traps: the data
// after them is never decoded, and an illegal encoding there raises nothing.
TEST(DecodeCacheTest, DecodeAheadStopsAtJumpsAndTraps) {
  auto M = rwxMachine("  j over\n  .word 0xffffffff\n  .word 0\n"
                      "over:\n  addi a0, a0, 1\n  addi a0, a0, 2\n  ebreak\n"
                      "  .word 0xffffffff\n  .word 0\n");
  ASSERT_TRUE(M);
  EXPECT_EQ(M->run(100, nullptr), SNIPGEN_STEP_EBREAK);
  EXPECT_EQ(M->H.X[10], 3u);
  // j; then addi, addi and ebreak in one go.
  EXPECT_EQ(M->decodes(), 4u);

  // LLVM flags no JALR as a branch; it ends the run too.
  M = rwxMachine("  li t0, 0x80010\n  jr t0\n  .word 0xffffffff\n"
                 "  addi a0, a0, 1\n  ebreak\n  .word 0xffffffff\n");
  ASSERT_TRUE(M);
  EXPECT_EQ(M->run(100, nullptr), SNIPGEN_STEP_EBREAK);
  EXPECT_EQ(M->H.X[10], 1u);
  EXPECT_EQ(M->decodes(), 5u); // lui, addiw and jr; addi and ebreak.
}

// Slots decoded ahead are ordinary decoded slots: a store that rewrites one
// before the pc reaches it is seen.
TEST(DecodeCacheTest, StoreAheadOfThePcIsSeen) {
  auto M = rwxMachine("  auipc t0, 0\n"
                      "  li t1, 0x00200513\n" // "li a0, 2" (lui + addiw)
                      "  sw t1, 20(t0)\n"
                      "  addi a1, a1, 5\n"
                      "  li a0, 1\n" // At 20: patched before it runs.
                      "  addi a1, a1, 5\n");
  ASSERT_TRUE(M);
  EXPECT_EQ(M->run(100, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(M->H.X[10], 2u);
  EXPECT_EQ(M->H.X[11], 10u);
}

} // namespace
