//===- ZfaTest.cpp - Zfa on the built-in model ----------------------------===//
//
// The FLI tables against the spec's values (computed by the host), and what
// only the model can show: rm legality, FCVTMOD's fixed RTZ, quiet compares
// vs signaling ones, NaN-boxing of results, the RV32 moves. The value-level
// cases of every instruction live in test/model/conformance/zfa-rv*.S.
//===----------------------------------------------------------------------===//
#include "ModelTestUtil.h"
#include "ZfaTables.h"
#include "snipgen/Model/SoftFloat.h"
#include <bit>
#include <cmath>

using namespace snipgen;
using namespace snipgen::test;

namespace {

constexpr uint32_t Fflags = 0x001, Mstatus = 0x300;

// The spec's table, column "Value" (entries 1, 30, 31 are special).
const double FliValues[32] = {
    -1.0,   0 /*min*/, 0x1p-16, 0x1p-15, 0x1p-8, 0x1p-7, 0.0625, 0.125,
    0.25,   0.3125,    0.375,   0.4375,  0.5,    0.625,  0.75,   0.875,
    1.0,    1.25,      1.5,     1.75,    2.0,    2.5,    3.0,    4.0,
    8.0,    16.0,      128.0,   256.0,   0x1p15, 0x1p16, 0 /*inf*/, 0 /*nan*/};

TEST(ZfaTables, MatchTheSpecValues) {
  for (unsigned I = 0; I < 32; ++I) {
    if (I == 1 || I >= 30)
      continue;
    EXPECT_EQ(model::zfa::FliSingle[I], std::bit_cast<uint32_t>(float(FliValues[I])))
        << I;
    EXPECT_EQ(model::zfa::FliDouble[I], std::bit_cast<uint64_t>(FliValues[I])) << I;
    // Half: the host has no binary16, so go through the (tested) soft-float
    // conversion; entries 2, 3 are exact subnormals, 29 overflows to +inf.
    softfloat::FPEnv Env;
    uint16_t H = softfloat::f64ToF16(std::bit_cast<uint64_t>(FliValues[I]), Env);
    EXPECT_EQ(model::zfa::FliHalf[I], H) << I;
  }
  EXPECT_EQ(model::zfa::FliSingle[1], 0x00800000u);
  EXPECT_EQ(model::zfa::FliDouble[1], 0x0010000000000000ull);
  EXPECT_EQ(model::zfa::FliHalf[1], 0x0400);
  EXPECT_EQ(model::zfa::FliHalf[2], 0x0100);
  EXPECT_EQ(model::zfa::FliHalf[3], 0x0200);
  EXPECT_EQ(model::zfa::FliHalf[29], 0x7c00);
  EXPECT_EQ(model::zfa::FliSingle[30], 0x7f800000u);
  EXPECT_EQ(model::zfa::FliSingle[31], 0x7fc00000u);
  EXPECT_EQ(model::zfa::FliDouble[31], 0x7ff8000000000000ull);
  EXPECT_EQ(model::zfa::FliHalf[31], 0x7e00);
}

TEST(Zfa, FliBoxesAndRaisesNothing) {
  auto T = TestMachine::create("fli.s ft0, 0.3125\n"
                               "fli.h ft1, min\n"
                               "fli.d ft2, nan\n"
                               "fli.h ft3, 65536.0\n",
                               "rv64gc_zfa_zfh");
  RUN_TO_END(T);
  EXPECT_EQ(T->M->f(0), 0xffffffff3ea00000ull);
  EXPECT_EQ(T->M->f(1), 0xffffffffffff0400ull);
  EXPECT_EQ(T->M->f(2), 0x7ff8000000000000ull);
  EXPECT_EQ(T->M->f(3), 0xffffffffffff7c00ull);
  EXPECT_EQ(T->csr(Fflags), 0u);
}

TEST(Zfa, MinimumPropagatesNaNWhereMinDoesNot) {
  auto T = TestMachine::create("fli.s ft0, 1.0\n"
                               "fli.s ft1, nan\n"
                               "fmin.s ft2, ft0, ft1\n"
                               "fminm.s ft3, ft0, ft1\n"
                               "fmaxm.d ft4, ft5, ft5\n", // +0, +0
                               "rv64gc_zfa");
  RUN_TO_END(T);
  EXPECT_EQ(T->M->f(2), 0xffffffff3f800000ull);
  EXPECT_EQ(T->M->f(3), 0xffffffff7fc00000ull);
  EXPECT_EQ(T->M->f(4), 0u);
  EXPECT_EQ(T->csr(Fflags), 0u); // quiet NaN: no invalid
}

TEST(Zfa, QuietComparesSignalOnlyOnSignalingNaN) {
  auto T = TestMachine::create("fli.d ft0, nan\n"
                               "fli.d ft1, 1.0\n"
                               "fltq.d a0, ft0, ft1\n"
                               "fleq.d a1, ft1, ft1\n"
                               "csrr a2, fflags\n"
                               "flt.d a3, ft0, ft1\n"
                               "csrr a4, fflags\n"
                               "csrw fflags, zero\n"
                               "li t0, 0x7ff0000000000001\n" // signaling
                               "fmv.d.x ft2, t0\n"
                               "fleq.d a5, ft2, ft1\n",
                               "rv64gc_zfa");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->x(a1), 1u);
  EXPECT_EQ(T->x(a2), 0u);
  EXPECT_EQ(T->x(a4), uint64_t(softfloat::flags::Invalid));
  EXPECT_EQ(T->x(a5), 0u);
  EXPECT_EQ(T->csr(Fflags), uint64_t(softfloat::flags::Invalid));
}

TEST(Zfa, FroundRaisesNoInexactFroundnxDoes) {
  auto T = TestMachine::create("li t0, 0x4004000000000000\n" // 2.5
                               "fmv.d.x ft0, t0\n"
                               "fround.d ft1, ft0, rmm\n"
                               "csrr a0, fflags\n"
                               "froundnx.d ft2, ft0\n" // dyn = rne
                               "csrr a1, fflags\n",
                               "rv64gc_zfa");
  RUN_TO_END(T);
  EXPECT_EQ(T->M->f(1), std::bit_cast<uint64_t>(3.0));
  EXPECT_EQ(T->M->f(2), std::bit_cast<uint64_t>(2.0));
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->x(a1), uint64_t(softfloat::flags::Inexact));
}

TEST(Zfa, FroundWithReservedDynamicModeIsIllegal) {
  auto T = TestMachine::create("csrwi frm, 5\n"
                               "fround.s ft1, ft0\n",
                               "rv64gc_zfa");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 2u);
}

TEST(Zfa, FcvtmodAcceptsOnlyRtz) {
  // fcvtmod.w.d a0, ft1, rtz is 0xc2809553; rm lives in bits 14:12.
  for (uint32_t Rm : {0u, 2u, 7u}) {
    uint32_t Enc = (0xc2809553u & ~(7u << 12)) | Rm << 12;
    auto T = TestMachine::create(".word " + std::to_string(Enc) + "\n",
                                 "rv64gc_zfa");
    ASSERT_TRUE(T);
    EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP) << Rm;
    EXPECT_EQ(T->M->stopInfo().cause, 2u) << Rm;
  }
  auto T = TestMachine::create("li t0, 0x41f0000000000005\n" // 2^32 + 5/2^20
                               "fmv.d.x ft1, t0\n"
                               "fcvtmod.w.d a0, ft1, rtz\n",
                               "rv64gc_zfa");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0u); // low 32 bits of trunc(2^32 + tiny)
  EXPECT_EQ(T->csr(Fflags), uint64_t(softfloat::flags::Invalid));
}

TEST(Zfa, Rv32MovesBetweenPairsAndDoubles) {
  auto T = TestMachine::create("li a0, 0x89abcdef\n"
                               "li a1, 0xfedcba98\n"
                               "fmvp.d.x ft0, a0, a1\n"
                               "fmvh.x.d a2, ft0\n",
                               "rv32gc_zfa");
  RUN_TO_END(T);
  EXPECT_EQ(T->M->f(0), 0xfedcba9889abcdefull);
  EXPECT_EQ(T->x(a2), 0xfedcba98u);
}

TEST(Zfa, NeedsFsLikeEveryFInstruction) {
  auto T = TestMachine::create("li t0, 0x6000\n"
                               "csrc mstatus, t0\n"
                               "fli.s ft0, 1.0\n",
                               "rv64gc_zfa");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 2u);
}

} // namespace
