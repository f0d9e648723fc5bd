//===- AtomicTest.cpp - LR/SC reservations and every AMO ------------------===//
#include "ModelTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

TEST(Atomic, LrScSucceedsWithReservation) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li t0, 41
    sd t0, 0(s0)
    lr.d a0, (s0)
    addi a0, a0, 1
    sc.d a1, a0, (s0)      # success: a1 = 0
    ld a2, 0(s0)
    sc.d a3, a0, (s0)      # reservation consumed: a3 = 1
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 42u);
  EXPECT_EQ(T->x(a1), 0u);
  EXPECT_EQ(T->x(a2), 42u);
  EXPECT_EQ(T->x(a3), 1u);
}

TEST(Atomic, ScFailsAfterInterveningStoreAndKeepsMemory) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    lr.w a0, (s0)
    sw zero, 2(s0)         # overlaps the reserved word
    li t0, 5
    sc.w a1, t0, (s0)      # fails
    lw a2, 0(s0)
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a1), 1u);
  EXPECT_EQ(T->x(a2), 0u);
}

TEST(Atomic, StoreElsewhereKeepsReservation) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    lr.w a0, (s0)
    sw zero, 8(s0)         # another word
    li t0, 5
    sc.w a1, t0, (s0)      # succeeds
    lw a2, 0(s0)
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a1), 0u);
  EXPECT_EQ(T->x(a2), 5u);
}

TEST(Atomic, ScToOtherAddressOrSizeFails) {
  auto U = TestMachine::create(R"(
    li s0, 0x10000
    addi s1, s0, 8
    lr.d a0, (s0)
    sc.d a1, a0, (s1)      # other address: fails
    lr.d a0, (s0)
    sc.w a2, a0, (s0)      # other size: fails
  )");
  RUN_TO_END(U);
  EXPECT_EQ(U->x(a1), 1u);
  EXPECT_EQ(U->x(a2), 1u);
}

TEST(Atomic, TrapClearsReservation) {
  auto T = TestMachine::create(R"(
    jal t0, start          # t0 <- address of the handler
  handler:
    csrr t1, mepc
    addi t1, t1, 4
    csrw mepc, t1
    mret
  start:
    csrw mtvec, t0
    li s0, 0x10000
    lr.w a0, (s0)
    ecall
    sc.w a1, a0, (s0)      # fails: the trap dropped the reservation
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a1), 1u);
}

TEST(Atomic, MisalignedAmoTrapsEvenWhenMisalignedAccessIsAllowed) {
  auto T = TestMachine::create(R"(
    li s0, 0x10002
    amoadd.w a0, a0, (s0)
  )", "rv64gc", /*AllowMisaligned=*/true);
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  auto I = T->M->stopInfo();
  EXPECT_EQ(I.cause, 6u); // store/AMO address misaligned
  EXPECT_EQ(I.addr, 0x10002u);
}

TEST(Atomic, AmoOnReadOnlyMemoryIsAStoreFault) {
  auto T = TestMachine::create(R"(
    li s0, 0x20000
    amoor.d a0, a0, (s0)
  )");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 7u);
  EXPECT_EQ(T->x(a0), 0u) << "a faulting AMO must not write rd";
}

struct AmoCase {
  const char *Op;
  uint64_t Old, Src, New;
};

void checkAmo(const AmoCase &C, bool Word) {
  std::string Asm = std::string("li s0, 0x10000\n") + C.Op + (Word ? ".w" : ".d") +
                    ".aqrl a0, a1, (s0)\n";
  auto T = TestMachine::create(Asm);
  ASSERT_TRUE(T);
  T->store64(DataBase, C.Old);
  T->setX(a1, C.Src);
  RUN_TO_END(T);
  uint64_t Mem = T->load64(DataBase);
  if (Word) {
    EXPECT_EQ(T->x(a0), uint64_t(int64_t(int32_t(C.Old)))) << C.Op << ".w";
    EXPECT_EQ(Mem, (C.Old & ~0xffffffffull) | (C.New & 0xffffffffull))
        << C.Op << ".w";
  } else {
    EXPECT_EQ(T->x(a0), C.Old) << C.Op << ".d";
    EXPECT_EQ(Mem, C.New) << C.Op << ".d";
  }
}

TEST(Atomic, EveryAmoDoubleword) {
  const AmoCase Cases[] = {
      {"amoswap", 5, 9, 9},
      {"amoadd", 5, uint64_t(-9), uint64_t(-4)},
      {"amoxor", 0xf0, 0xff, 0x0f},
      {"amoand", 0xf0, 0x3c, 0x30},
      {"amoor", 0xf0, 0x0f, 0xff},
      {"amomin", uint64_t(-1), 1, uint64_t(-1)},
      {"amomax", uint64_t(-1), 1, 1},
      {"amominu", uint64_t(-1), 1, 1},
      {"amomaxu", uint64_t(-1), 1, uint64_t(-1)},
  };
  for (const AmoCase &C : Cases)
    checkAmo(C, false);
}

TEST(Atomic, EveryAmoWordComparesLowWords) {
  // Upper memory word 0xaaaaaaaa must survive; comparisons use 32 bits.
  const uint64_t Hi = 0xaaaaaaaa00000000ull;
  const AmoCase Cases[] = {
      {"amoswap", Hi | 5, 9, 9},
      {"amoadd", Hi | 0xffffffff, 2, 1},
      {"amoxor", Hi | 0xf0, 0xff, 0x0f},
      {"amoand", Hi | 0xf0, 0x3c, 0x30},
      {"amoor", Hi | 0xf0, 0x0f, 0xff},
      {"amomin", Hi | 0x80000000, 1, 0x80000000},
      {"amomax", Hi | 0x80000000, 1, 1},
      {"amominu", Hi | 0x80000000, 1, 1},
      {"amomaxu", Hi | 0x80000000, 0x100000001ull, 0x80000000},
  };
  for (const AmoCase &C : Cases)
    checkAmo(C, true);
}

TEST(Atomic, AmoVariantsAqRl) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li a1, 1
    amoadd.d a0, a1, (s0)
    amoadd.d.aq a0, a1, (s0)
    amoadd.d.rl a0, a1, (s0)
    amoadd.d.aqrl a0, a1, (s0)
    lr.d.aq a2, (s0)
    sc.d.rl a3, a1, (s0)
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 3u);
  EXPECT_EQ(T->x(a2), 4u);
  EXPECT_EQ(T->x(a3), 0u);
  EXPECT_EQ(T->load64(DataBase), 1u);
}

TEST(Atomic, RV32Amos) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li a1, -1
    amomaxu.w a0, a1, (s0)
    lw a2, 0(s0)
    lr.w a3, (s0)
    sc.w a4, zero, (s0)
    lw a5, 0(s0)
  )", "rv32gc");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->x(a2), 0xffffffffu);
  EXPECT_EQ(T->x(a3), 0xffffffffu);
  EXPECT_EQ(T->x(a4), 0u);
  EXPECT_EQ(T->x(a5), 0u);
}

} // namespace
