//===- ZacasTest.cpp - Zacas compare-and-swap and Zabha byte/half AMOs -----===//
#include "ModelTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

constexpr const char *Isa64 = "rv64gc_zacas_zabha";
constexpr const char *Isa32 = "rv32gc_zacas_zabha";

TEST(Zacas, AmocasWSucceedsAndFails) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li t0, -5
    sw t0, 0(s0)
    li a0, 0xfffffffb        # low 32 bits equal the memory word
    li a1, 7
    amocas.w a0, a1, (s0)    # success: memory 7, a0 = sext(-5)
    lw a2, 0(s0)
    li a3, 8
    li a4, 9
    amocas.w.aqrl a3, a4, (s0) # failure: memory stays 7, a3 = 7
    lw a5, 0(s0)
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), uint64_t(-5));
  EXPECT_EQ(T->x(a2), 7u);
  EXPECT_EQ(T->x(a3), 7u);
  EXPECT_EQ(T->x(a5), 7u);
}

TEST(Zacas, AmocasDOnRV64) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li t0, 0x123456789abcdef0
    sd t0, 8(s0)
    addi s1, s0, 8
    mv a0, t0
    li a1, -1
    amocas.d.aq a0, a1, (s1)
    ld a2, 8(s0)
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x123456789abcdef0u);
  EXPECT_EQ(T->x(a2), ~0ull);
}

TEST(Zacas, AmocasQUsesEvenPairsLowHalfInEvenRegister) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li t0, 0x1111
    li t1, 0x2222
    sd t0, 0(s0)
    sd t1, 8(s0)
    li a0, 0x1111            # compare pair a0:a1
    li a1, 0x2222
    li a2, 0x3333            # swap pair a2:a3
    li a3, 0x4444
    amocas.q a0, a2, (s0)
    ld a4, 0(s0)
    ld a5, 8(s0)
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x1111u);
  EXPECT_EQ(T->x(a1), 0x2222u);
  EXPECT_EQ(T->x(a4), 0x3333u);
  EXPECT_EQ(T->x(a5), 0x4444u);
}

TEST(Zacas, AmocasQFailsWhenOnlyTheHighHalfDiffers) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li t0, 5
    li t1, 6
    sd t0, 0(s0)
    sd t1, 8(s0)
    li a0, 5
    li a1, 7
    li a2, 1
    li a3, 2
    amocas.q a0, a2, (s0)
    ld a4, 0(s0)
    ld a5, 8(s0)
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 5u);
  EXPECT_EQ(T->x(a1), 6u);
  EXPECT_EQ(T->x(a4), 5u);
  EXPECT_EQ(T->x(a5), 6u);
}

TEST(Zacas, X0PairReadsZeroAndIsNotWritten) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li ra, 77                # x1 must survive rd = x0
    li t0, 9
    sd zero, 0(s0)
    sd zero, 8(s0)
    amocas.q zero, a2, (s0)  # compare 0:0 (x0 pair) -> success
    ld a4, 0(s0)
    li a2, 9
    amocas.q a0, zero, (s0)  # swap pair x0 stores zeros when equal
  )", Isa64);
  ASSERT_TRUE(T);
  T->setX(a2, 0x55);
  T->setX(a3, 0x66);
  T->setX(a0, 0x55);
  T->setX(a1, 0x66);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(ra), 77u);
  EXPECT_EQ(T->x(a4), 0x55u);
  EXPECT_EQ(T->load64(0x10000), 0u);
  EXPECT_EQ(T->load64(0x10008), 0u);
  EXPECT_EQ(T->x(a0), 0x55u);
  EXPECT_EQ(T->x(a1), 0x66u);
}

TEST(Zacas, AmocasDOnRV32UsesPairsAndSignExtends) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li t0, 0x80000001
    li t1, 0x7fffffff
    sw t0, 0(s0)
    sw t1, 4(s0)
    mv a0, t0
    mv a1, t1
    li a2, 0x11
    li a3, 0x22
    amocas.d a0, a2, (s0)
    lw a4, 0(s0)
    lw a5, 4(s0)
  )", Isa32);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x80000001u);
  EXPECT_EQ(T->x(a1), 0x7fffffffu);
  EXPECT_EQ(T->x(a4), 0x11u);
  EXPECT_EQ(T->x(a5), 0x22u);
}

TEST(Zacas, MisalignedAmocasQIsAddressMisaligned) {
  auto T = TestMachine::create(R"(
    li s0, 0x10008
    amocas.q a0, a2, (s0)
  )", Isa64);
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 6u);
  EXPECT_EQ(T->M->stopInfo().tval, 0x10008u);
}

TEST(Zacas, FailingCompareStillNeedsWriteRight) {
  auto T = TestMachine::create(R"(
    li s0, 0x20000
    li a0, 1                 # memory holds 0: the compare would fail
    amocas.w a0, a1, (s0)
  )", Isa64);
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 7u);
  EXPECT_EQ(T->x(a0), 1u) << "a faulting AMOCAS must not write rd";
}

TEST(Zacas, AmocasQCrossingRegionEndIsAccessFault) {
  auto T = TestMachine::create(R"(
    li s0, 0x10ff0
    amocas.q a0, a2, (s0)    # fits: last 16 bytes of the data page
    li s0, 0x11000
    amocas.q a0, a2, (s0)    # outside every region
  )", Isa64);
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 7u);
  EXPECT_EQ(T->M->stopInfo().tval, 0x11000u);
}

TEST(Zacas, SuccessfulCasCancelsReservationFailingOneDoesNot) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    lr.d t0, (s0)
    li a0, 1                 # memory 0: compare fails, no write
    amocas.d a0, a1, (s0)
    sc.d a2, t0, (s0)        # reservation kept: succeeds (0)
    lr.d t0, (s0)
    li a0, 0
    li a1, 3
    amocas.d a0, a1, (s0)    # succeeds: a store to the reserved bytes
    sc.d a3, t0, (s0)        # fails (1)
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a2), 0u);
  EXPECT_EQ(T->x(a3), 1u);
}

struct ZabhaCase {
  const char *Op;
  uint64_t Mem, Src, Result; // Result: new memory value (Size bytes).
  unsigned Size;
};

class ZabhaAmo : public ::testing::TestWithParam<ZabhaCase> {};

TEST_P(ZabhaAmo, ComputesAndSignExtendsOldValue) {
  const ZabhaCase &C = GetParam();
  std::string Asm = std::string("li s0, 0x10001\n") +
                    (C.Size == 2 ? "addi s0, s0, 1\n" : "") + C.Op +
                    " a0, a1, (s0)\n";
  auto T = TestMachine::create(Asm, Isa64);
  ASSERT_TRUE(T);
  T->store64(0x10000, 0xa5a5a5a5a5a5a5a5ull);
  uint64_t Off = C.Size == 2 ? 2 : 1;
  uint64_t Mask = C.Size == 2 ? 0xffff : 0xff;
  uint64_t W = 0xa5a5a5a5a5a5a5a5ull & ~(Mask << (8 * Off));
  T->store64(0x10000, W | (C.Mem << (8 * Off)));
  T->setX(a1, C.Src);
  RUN_TO_END(T);
  uint64_t Sext = C.Size == 2 ? uint64_t(int64_t(int16_t(C.Mem)))
                              : uint64_t(int64_t(int8_t(C.Mem)));
  EXPECT_EQ(T->x(a0), Sext);
  EXPECT_EQ(T->load64(0x10000), W | (C.Result << (8 * Off)))
      << "neighbouring bytes must not change";
}

INSTANTIATE_TEST_SUITE_P(
    All, ZabhaAmo,
    ::testing::Values(
        ZabhaCase{"amoswap.b", 0x80, 0x1234, 0x34, 1},
        ZabhaCase{"amoadd.b", 0xff, 0x02, 0x01, 1},
        ZabhaCase{"amoxor.b.aq", 0x0f, 0xff, 0xf0, 1},
        ZabhaCase{"amoand.b.rl", 0x3c, 0x0f, 0x0c, 1},
        ZabhaCase{"amoor.b.aqrl", 0x30, 0x03, 0x33, 1},
        ZabhaCase{"amomin.b", 0x80, 0x7f, 0x80, 1},   // -128 < 127
        ZabhaCase{"amomax.b", 0x80, 0x7f, 0x7f, 1},
        ZabhaCase{"amominu.b", 0x80, 0x7f, 0x7f, 1},  // 128 > 127
        ZabhaCase{"amomaxu.b", 0x80, 0x17f, 0x80, 1}, // only 8 bits of rs2
        ZabhaCase{"amoswap.h", 0x8000, 0x12345, 0x2345, 2},
        ZabhaCase{"amoadd.h", 0xffff, 0x0003, 0x0002, 2},
        ZabhaCase{"amomin.h", 0x0001, 0xffff, 0xffff, 2}, // -1 < 1
        ZabhaCase{"amomaxu.h.aqrl", 0x0001, 0xffff, 0xffff, 2},
        ZabhaCase{"amominu.h", 0x8000, 0x7fff, 0x7fff, 2},
        ZabhaCase{"amomax.h", 0x8000, 0x10000, 0x0000, 2}));

TEST(Zabha, AmocasBAndH) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li t0, 0x80ff
    sh t0, 0(s0)
    li a0, -1                # low byte 0xff equals memory byte 0
    li a1, 0x12
    amocas.b a0, a1, (s0)    # success
    lbu a2, 0(s0)
    li a3, 0x1280
    li a4, 0x5555
    amocas.h.aq a3, a4, (s0) # memory 0x8012: fails
    lhu a5, 0(s0)
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), ~0ull);
  EXPECT_EQ(T->x(a2), 0x12u);
  EXPECT_EQ(T->x(a3), uint64_t(int64_t(int16_t(0x8012))));
  EXPECT_EQ(T->x(a5), 0x8012u);
}

TEST(Zabha, MisalignedHalfwordAmoIsAddressMisaligned) {
  auto T = TestMachine::create(R"(
    li s0, 0x10001
    amoadd.h a0, a1, (s0)
  )", Isa64);
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 6u);
}

TEST(Zabha, ByteAmoOnRV32) {
  auto T = TestMachine::create(R"(
    li s0, 0x10003
    li t0, 0x7f
    sb t0, 0(s0)
    li a1, 1
    amoadd.b a0, a1, (s0)
    lb a2, 0(s0)
  )", Isa32);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x7fu);
  EXPECT_EQ(T->x(a2), 0xffffff80u) << "RV32 registers read as 32 bits";
}

} // namespace
