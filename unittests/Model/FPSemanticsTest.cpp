//===- FPSemanticsTest.cpp - F/D/Zfh instructions on the built-in model ---===//
//
// One encoded instruction at a time through the model's C interface: the
// register views (NaN-boxing), the rm operand and frm, fflags accrual,
// mstatus.FS, and the corner cases the soft-float tests cannot see (what is
// read and written where, sign extension into X registers, traps).
//===----------------------------------------------------------------------===//
#include "Decoder.h"
#include "snipgen/Model/Model.h"
#include "snipgen/Model/SoftFloat.h"
#include "gtest/gtest.h"
#include <bit>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

using namespace snipgen;

namespace {

constexpr uint64_t CodeBase = 0x1000;
constexpr uint64_t DataBase = 0x8000;
constexpr uint32_t CsrFflags = 0x001, CsrFrm = 0x002, CsrMstatus = 0x300;
constexpr uint64_t MstatusFS = 3ull << 13;

// Encoders for the few formats used here (checked against llvm-mc).
enum Fmt : uint32_t { S = 0, D = 1, H = 2 };
enum Rm : uint32_t { RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4, DYN = 7 };

uint32_t opFp(uint32_t Funct5, Fmt F, uint32_t Rs2, uint32_t Rs1, uint32_t Rm,
              uint32_t Rd) {
  return Funct5 << 27 | uint32_t(F) << 25 | Rs2 << 20 | Rs1 << 15 | Rm << 12 |
         Rd << 7 | 0x53;
}
uint32_t fadd(Fmt F, uint32_t Rd, uint32_t Rs1, uint32_t Rs2, uint32_t Rm) {
  return opFp(0x00, F, Rs2, Rs1, Rm, Rd);
}
uint32_t fdiv(Fmt F, uint32_t Rd, uint32_t Rs1, uint32_t Rs2, uint32_t Rm) {
  return opFp(0x03, F, Rs2, Rs1, Rm, Rd);
}
uint32_t fsgnj(Fmt F, uint32_t Rd, uint32_t Rs1, uint32_t Rs2, uint32_t Kind) {
  return opFp(0x04, F, Rs2, Rs1, Kind, Rd);
}
uint32_t fminmax(Fmt F, uint32_t Rd, uint32_t Rs1, uint32_t Rs2, bool Max) {
  return opFp(0x05, F, Rs2, Rs1, Max, Rd);
}
/// FCVT between formats: destination F, source SrcF.
uint32_t fcvtFF(Fmt F, Fmt SrcF, uint32_t Rd, uint32_t Rs1, uint32_t Rm) {
  return opFp(0x08, F, SrcF, Rs1, Rm, Rd);
}
/// Compare: Funct3 2 = FEQ, 1 = FLT, 0 = FLE.
uint32_t fcmp(Fmt F, uint32_t Funct3, uint32_t Rd, uint32_t Rs1, uint32_t Rs2) {
  return opFp(0x14, F, Rs2, Rs1, Funct3, Rd);
}
/// FCVT to integer: Kind 0 W, 1 WU, 2 L, 3 LU.
uint32_t fcvtToInt(Fmt F, uint32_t Kind, uint32_t Rd, uint32_t Rs1,
                   uint32_t Rm) {
  return opFp(0x18, F, Kind, Rs1, Rm, Rd);
}
uint32_t fcvtFromInt(Fmt F, uint32_t Kind, uint32_t Rd, uint32_t Rs1,
                     uint32_t Rm) {
  return opFp(0x1a, F, Kind, Rs1, Rm, Rd);
}
uint32_t fmvToInt(Fmt F, uint32_t Rd, uint32_t Rs1) {
  return opFp(0x1c, F, 0, Rs1, 0, Rd);
}
uint32_t fclass(Fmt F, uint32_t Rd, uint32_t Rs1) {
  return opFp(0x1c, F, 0, Rs1, 1, Rd);
}
uint32_t fmvFromInt(Fmt F, uint32_t Rd, uint32_t Rs1) {
  return opFp(0x1e, F, 0, Rs1, 0, Rd);
}
uint32_t fmadd(Fmt F, uint32_t Rd, uint32_t Rs1, uint32_t Rs2, uint32_t Rs3,
               uint32_t Rm, uint32_t Opcode = 0x43) {
  return Rs3 << 27 | uint32_t(F) << 25 | Rs2 << 20 | Rs1 << 15 | Rm << 12 |
         Rd << 7 | Opcode;
}
/// FLH/FLW/FLD (Width 1/2/3) and FSH/FSW/FSD.
uint32_t fload(uint32_t Width, uint32_t Rd, uint32_t Rs1, int32_t Imm) {
  return uint32_t(Imm & 0xfff) << 20 | Rs1 << 15 | Width << 12 | Rd << 7 | 0x07;
}
uint32_t fstore(uint32_t Width, uint32_t Rs2, uint32_t Rs1, int32_t Imm) {
  uint32_t U = uint32_t(Imm & 0xfff);
  return (U >> 5) << 25 | Rs2 << 20 | Rs1 << 15 | Width << 12 | (U & 31) << 7 |
         0x27;
}

constexpr uint64_t boxS(uint32_t V) { return 0xffffffff00000000ull | V; }
constexpr uint64_t boxH(uint16_t V) { return 0xffffffffffff0000ull | V; }
uint32_t f32(float V) { return std::bit_cast<uint32_t>(V); }
uint64_t f64(double V) { return std::bit_cast<uint64_t>(V); }

constexpr uint64_t NX = softfloat::flags::Inexact;
constexpr uint64_t UF = softfloat::flags::Underflow;
constexpr uint64_t OF = softfloat::flags::Overflow;
constexpr uint64_t DZ = softfloat::flags::DivByZero;
constexpr uint64_t NV = softfloat::flags::Invalid;

class FPSemantics : public ::testing::Test {
protected:
  void start(const char *Isa) {
    ModelConfig Config;
    Config.Isa = Isa;
    Config.Regions = {{CodeBase, 0x1000, SNIPGEN_MEM_R | SNIPGEN_MEM_X, "code"},
                      {DataBase, 0x1000, SNIPGEN_MEM_R | SNIPGEN_MEM_W, "data"}};
    auto M = ModelHandle::create(*getBuiltinModelAPI(), Config);
    ASSERT_TRUE(bool(M)) << llvm::toString(M.takeError());
    Model = std::move(*M);
  }
  void SetUp() override { start("rv64gc_zfh"); }

  /// Executes one instruction word (16-bit forms in the low half) at
  /// CodeBase; returns the step result.
  int exec(uint32_t Encoding, unsigned Size = 4) {
    Model->api().write_mem(Model->get(), CodeBase, &Encoding, Size);
    Model->setPC(CodeBase);
    return Model->api().step(Model->get());
  }
  void expectRetired(uint32_t Encoding, unsigned Size = 4) {
    EXPECT_EQ(exec(Encoding, Size), SNIPGEN_STEP_OK)
        << "encoding " << std::hex << Encoding << ": "
        << (Model->stopInfo().message ? Model->stopInfo().message : "");
    EXPECT_EQ(Model->pc(), CodeBase + Size);
  }
  void expectIllegal(uint32_t Encoding) {
    EXPECT_EQ(exec(Encoding), SNIPGEN_STEP_UNHANDLED_TRAP);
    snipgen_model_stop_info Info = Model->stopInfo();
    EXPECT_EQ(Info.cause, 2u) << "illegal instruction";
    EXPECT_EQ(Info.tval, Encoding);
  }
  uint64_t csr(uint32_t Num) {
    uint64_t V = 0;
    EXPECT_EQ(Model->api().get_csr(Model->get(), Num, &V), 0);
    return V;
  }
  void setCsr(uint32_t Num, uint64_t V) {
    EXPECT_EQ(Model->api().set_csr(Model->get(), Num, V), 0);
  }
  uint64_t fflags() { return csr(CsrFflags); }
  void clearFflags() { setCsr(CsrFflags, 0); }

  std::unique_ptr<ModelHandle> Model;
};

TEST_F(FPSemantics, SingleResultsAreNaNBoxed) {
  Model->setF(2, boxS(f32(1.5f)));
  Model->setF(3, boxS(f32(2.25f)));
  expectRetired(fadd(S, 1, 2, 3, RNE));
  EXPECT_EQ(Model->f(1), boxS(f32(3.75f)));
  EXPECT_EQ(fflags(), 0u);
}

TEST_F(FPSemantics, ImproperlyBoxedSingleReadsAsCanonicalNaN) {
  Model->setF(2, 0x000000003f800000); // 1.0f without the upper ones
  Model->setF(3, boxS(f32(1.0f)));
  expectRetired(fadd(S, 1, 2, 3, RNE));
  EXPECT_EQ(Model->f(1), boxS(0x7fc00000));
  EXPECT_EQ(fflags(), 0u) << "the canonical NaN is quiet";
  // Sign injection sees the canonical NaN too (and keeps the sign of rs2).
  Model->setF(4, boxS(f32(-2.0f)));
  expectRetired(fsgnj(S, 5, 2, 4, 0));
  EXPECT_EQ(Model->f(5), boxS(0xffc00000));
  // Doubles use all 64 bits: the same register is a valid double.
  Model->setF(6, f64(1.0));
  expectRetired(fadd(D, 7, 2, 6, RNE));
  EXPECT_EQ(Model->f(7), f64(std::bit_cast<double>(0x000000003f800000ull) + 1.0));
}

TEST_F(FPSemantics, HalfBoxingAndMoves) {
  Model->setF(2, boxH(0x3c00)); // 1.0
  Model->setF(3, boxH(0x4000)); // 2.0
  expectRetired(fadd(H, 1, 2, 3, RNE));
  EXPECT_EQ(Model->f(1), boxH(0x4200));
  Model->setF(2, 0xffffffff00003c00); // boxed as a single, not as a half
  expectRetired(fadd(H, 1, 2, 3, RNE));
  EXPECT_EQ(Model->f(1), boxH(0x7e00));
  // FMV.X.H sign-extends the raw low 16 bits, boxed or not.
  Model->setF(4, 0x000000000000c001);
  expectRetired(fmvToInt(H, 5, 4));
  EXPECT_EQ(Model->x(5), 0xffffffffffffc001ull);
  Model->setX(6, 0x123456789abcdef0);
  expectRetired(fmvFromInt(H, 7, 6));
  EXPECT_EQ(Model->f(7), boxH(0xdef0));
  // Zfhmin conversions.
  Model->setF(8, boxS(f32(65520.0f))); // rounds to +inf in RNE
  expectRetired(fcvtFF(H, S, 9, 8, RNE));
  EXPECT_EQ(Model->f(9), boxH(0x7c00));
  EXPECT_EQ(fflags(), OF | NX);
  clearFflags();
  expectRetired(fcvtFF(H, S, 9, 8, RTZ));
  EXPECT_EQ(Model->f(9), boxH(0x7bff));
  expectRetired(fcvtFF(D, H, 10, 3, RNE));
  EXPECT_EQ(Model->f(10), f64(2.0));
}

TEST_F(FPSemantics, DynamicRoundingReadsFrm) {
  // 1 + 2^-24 is halfway between 1 and 1 + 2^-23.
  Model->setF(2, boxS(f32(1.0f)));
  Model->setF(3, boxS(f32(0x1p-24f)));
  setCsr(CsrFrm, RUP);
  expectRetired(fadd(S, 1, 2, 3, DYN));
  EXPECT_EQ(Model->f(1), boxS(f32(1.0f + 0x1p-23f)));
  setCsr(CsrFrm, RDN);
  expectRetired(fadd(S, 1, 2, 3, DYN));
  EXPECT_EQ(Model->f(1), boxS(f32(1.0f)));
  setCsr(CsrFrm, RMM);
  expectRetired(fadd(S, 1, 2, 3, DYN));
  EXPECT_EQ(Model->f(1), boxS(f32(1.0f + 0x1p-23f)));
  // A static rm overrides frm.
  expectRetired(fadd(S, 1, 2, 3, RNE));
  EXPECT_EQ(Model->f(1), boxS(f32(1.0f)));
}

TEST_F(FPSemantics, ReservedRoundingModesAreIllegal) {
  Model->setF(1, boxS(f32(7.0f)));
  Model->setF(2, boxS(f32(1.0f)));
  Model->setF(3, boxS(f32(3.0f)));
  for (uint32_t Rm : {5u, 6u}) {
    expectIllegal(fadd(S, 1, 2, 3, Rm));
    expectIllegal(fdiv(D, 1, 2, 3, Rm));
    expectIllegal(fmadd(H, 1, 2, 3, 3, Rm));
    // Even conversions that cannot round check their rm field.
    expectIllegal(fcvtFromInt(D, 0, 1, 5, Rm));
    expectIllegal(fcvtFF(D, S, 1, 2, Rm));
  }
  for (uint64_t Frm : {5u, 6u, 7u}) {
    setCsr(CsrFrm, Frm);
    expectIllegal(fadd(S, 1, 2, 3, DYN));
    expectIllegal(fcvtToInt(S, 0, 5, 2, DYN));
  }
  // Nothing was written by the trapping instructions.
  EXPECT_EQ(Model->f(1), boxS(f32(7.0f)));
  EXPECT_EQ(fflags(), 0u);
  // Instructions without an rm field do not care about frm.
  expectRetired(fminmax(S, 4, 2, 3, false));
  EXPECT_EQ(Model->f(4), boxS(f32(1.0f)));
}

TEST_F(FPSemantics, FlagsAccrue) {
  Model->setF(2, boxS(f32(1.0f)));
  Model->setF(3, boxS(f32(3.0f)));
  Model->setF(4, boxS(0));
  expectRetired(fdiv(S, 1, 2, 3, RNE)); // 1/3: inexact
  EXPECT_EQ(fflags(), NX);
  expectRetired(fdiv(S, 1, 2, 4, RNE)); // 1/0: divide by zero
  EXPECT_EQ(fflags(), NX | DZ);
  expectRetired(fadd(S, 1, 2, 2, RNE)); // exact: nothing new, nothing lost
  EXPECT_EQ(fflags(), NX | DZ);
  EXPECT_EQ(csr(0x003) & 0x1f, NX | DZ) << "fcsr shows the same flags";
  // Underflow: tiny and inexact.
  Model->setF(5, boxS(0x00800001)); // smallest normal + ulp
  Model->setF(6, boxS(f32(0.5f)));
  expectRetired(opFp(0x02, S, 6, 5, RNE, 7)); // fmul
  EXPECT_EQ(Model->f(7), boxS(0x00400000)); // tie to even, subnormal
  EXPECT_EQ(fflags(), NX | DZ | UF);
}

TEST_F(FPSemantics, ConversionsSaturate) {
  struct Case {
    Fmt F;
    uint64_t Reg;
    uint32_t Kind;
    uint32_t Rm;
    uint64_t Expected;
    uint64_t Flags;
  } Cases[] = {
      {S, boxS(0x7fc00000), 0, RNE, 0x7fffffff, NV},          // NaN -> max
      {S, boxS(0xff800000), 0, RNE, 0xffffffff80000000, NV},  // -inf -> min
      {S, boxS(f32(-1.0f)), 1, RNE, 0, NV},                   // WU of -1
      {S, boxS(f32(-0.4f)), 1, RNE, 0, NX},                   // rounds to -0
      {S, boxS(f32(3e9f)), 1, RNE, 0xffffffffb2d05e00, 0},    // WU sign-extends
      {S, boxS(f32(3e9f)), 0, RNE, 0x7fffffff, NV},
      {S, boxS(f32(2.5f)), 0, RNE, 2, NX},
      {S, boxS(f32(2.5f)), 0, RMM, 3, NX},
      {S, boxS(f32(-2.5f)), 0, RDN, uint64_t(-3), NX},
      {D, f64(0x1p63), 2, RNE, 0x7fffffffffffffff, NV},
      {D, f64(-0x1p63), 2, RNE, 0x8000000000000000, 0},
      {D, f64(0x1p64), 3, RNE, ~0ull, NV},
      {D, f64(-1.5), 3, RUP, 0, NX},                           // -1.5 -> -1?: RUP gives -1
      {D, 0x7ff4000000000000, 3, RNE, ~0ull, NV},              // sNaN -> max
      {H, boxH(0x7c00), 1, RNE, 0xffffffffffffffff, 0},        // see below
  };
  // (-1.5 rounded up is -1: not representable unsigned -> invalid, 0.)
  Cases[12].Flags = NV;
  // +inf to WU saturates to 2^32-1, sign-extended, with NV.
  Cases[14].Flags = NV;
  for (const Case &C : Cases) {
    clearFflags();
    Model->setF(1, C.Reg);
    expectRetired(fcvtToInt(C.F, C.Kind, 5, 1, C.Rm));
    EXPECT_EQ(Model->x(5), C.Expected) << std::hex << C.Reg << " kind " << C.Kind;
    EXPECT_EQ(fflags(), C.Flags) << std::hex << C.Reg << " kind " << C.Kind;
  }
  // Integer sources: W takes the low 32 bits as signed, WU as unsigned.
  Model->setX(6, 0xfffffffffffffffe);
  expectRetired(fcvtFromInt(D, 0, 2, 6, RNE));
  EXPECT_EQ(Model->f(2), f64(-2.0));
  expectRetired(fcvtFromInt(D, 1, 2, 6, RNE));
  EXPECT_EQ(Model->f(2), f64(4294967294.0));
  expectRetired(fcvtFromInt(S, 3, 2, 6, RTZ)); // LU: 2^64 - 2 -> float
  EXPECT_EQ(Model->f(2), boxS(0x5f7fffff));
}

TEST_F(FPSemantics, MinMaxAndCompares) {
  const uint64_t PosZero = boxS(0), NegZero = boxS(0x80000000);
  const uint64_t SNaN = boxS(0x7f800001), QNaN = boxS(0x7fc00000);
  const uint64_t One = boxS(f32(1.0f));
  struct Case {
    uint64_t A, B;
    bool Max;
    uint64_t Expected, Flags;
  } Cases[] = {
      {PosZero, NegZero, false, NegZero, 0}, {NegZero, PosZero, false, NegZero, 0},
      {PosZero, NegZero, true, PosZero, 0},  {NegZero, PosZero, true, PosZero, 0},
      {SNaN, One, false, One, NV},           {One, SNaN, true, One, NV},
      {QNaN, One, false, One, 0},            {QNaN, QNaN, true, QNaN, 0},
      {SNaN, SNaN, false, QNaN, NV},
  };
  for (const Case &C : Cases) {
    clearFflags();
    Model->setF(1, C.A);
    Model->setF(2, C.B);
    expectRetired(fminmax(S, 3, 1, 2, C.Max));
    EXPECT_EQ(Model->f(3), C.Expected) << std::hex << C.A << " " << C.B;
    EXPECT_EQ(fflags(), C.Flags) << std::hex << C.A << " " << C.B;
  }
  // FEQ is quiet: invalid only for a signaling NaN. FLT/FLE signal on any NaN.
  struct CmpCase {
    uint32_t Funct3;
    uint64_t A, B, Expected, Flags;
  } Cmps[] = {
      {2, QNaN, One, 0, 0},     {2, SNaN, One, 0, NV},    {1, QNaN, One, 0, NV},
      {0, One, QNaN, 0, NV},    {2, NegZero, PosZero, 1, 0},
      {1, NegZero, PosZero, 0, 0}, {0, NegZero, PosZero, 1, 0},
  };
  for (const CmpCase &C : Cmps) {
    clearFflags();
    Model->setF(1, C.A);
    Model->setF(2, C.B);
    Model->setX(5, 77);
    expectRetired(fcmp(S, C.Funct3, 5, 1, 2));
    EXPECT_EQ(Model->x(5), C.Expected) << C.Funct3 << std::hex << " " << C.A;
    EXPECT_EQ(fflags(), C.Flags) << C.Funct3 << std::hex << " " << C.A;
  }
}

TEST_F(FPSemantics, ClassifyAndMoves) {
  Model->setF(1, f64(-0.0));
  expectRetired(fclass(D, 5, 1));
  EXPECT_EQ(Model->x(5), 1u << 3);
  Model->setF(1, 0x000000007f800001); // not boxed: the canonical (quiet) NaN
  expectRetired(fclass(S, 5, 1));
  EXPECT_EQ(Model->x(5), 1u << 9);
  // FMV.X.W moves the raw low 32 bits, sign-extended, without unboxing.
  Model->setF(2, 0x0000000080000001);
  expectRetired(fmvToInt(S, 6, 2));
  EXPECT_EQ(Model->x(6), 0xffffffff80000001ull);
  Model->setX(7, 0xdeadbeef12345678);
  expectRetired(fmvFromInt(S, 3, 7));
  EXPECT_EQ(Model->f(3), boxS(0x12345678));
  expectRetired(fmvFromInt(D, 3, 7));
  EXPECT_EQ(Model->f(3), 0xdeadbeef12345678ull);
  expectRetired(fmvToInt(D, 8, 3));
  EXPECT_EQ(Model->x(8), 0xdeadbeef12345678ull);
}

TEST_F(FPSemantics, FusedMultiplyAddRoundsOnce) {
  // (1 + 2^-12)^2 - (1 + 2^-11) = 2^-24 exactly; separately rounded it is 0.
  Model->setF(1, boxS(f32(1.0f + 0x1p-12f)));
  Model->setF(2, boxS(f32(1.0f + 0x1p-11f)));
  expectRetired(fmadd(S, 3, 1, 1, 2, RNE, 0x47)); // fmsub
  EXPECT_EQ(Model->f(3), boxS(f32(0x1p-24f)));
  EXPECT_EQ(fflags(), 0u);
  expectRetired(fmadd(S, 3, 1, 1, 2, RNE, 0x4b)); // fnmsub: -(a*b) + c
  EXPECT_EQ(Model->f(3), boxS(f32(-0x1p-24f)));
  // inf * 0 + qNaN is invalid on RISC-V.
  Model->setF(4, f64(INFINITY));
  Model->setF(5, f64(0.0));
  Model->setF(6, 0x7ff8000000000000);
  expectRetired(fmadd(D, 7, 4, 5, 6, RNE));
  EXPECT_EQ(Model->f(7), 0x7ff8000000000000ull);
  EXPECT_EQ(fflags(), NV);
  // x - x is -0 only when rounding down.
  clearFflags();
  Model->setF(8, f64(1.0));
  Model->setF(9, f64(-1.0));
  expectRetired(fmadd(D, 7, 8, 8, 9, RDN));
  EXPECT_EQ(Model->f(7), f64(-0.0));
  expectRetired(fmadd(D, 7, 8, 8, 9, RNE));
  EXPECT_EQ(Model->f(7), f64(0.0));
}

TEST_F(FPSemantics, LoadsAndStores) {
  Model->setX(10, DataBase);
  uint64_t Word = 0x1122334455667788;
  Model->api().write_mem(Model->get(), DataBase + 8, &Word, 8);
  expectRetired(fload(2, 1, 10, 8)); // flw: boxes
  EXPECT_EQ(Model->f(1), boxS(0x55667788));
  expectRetired(fload(3, 2, 10, 8)); // fld
  EXPECT_EQ(Model->f(2), Word);
  expectRetired(fload(1, 3, 10, 14)); // flh: boxes
  EXPECT_EQ(Model->f(3), boxH(0x1122));
  // Stores write the raw low bits, boxed or not.
  Model->setF(4, 0x00000000cafef00d);
  expectRetired(fstore(2, 4, 10, 16)); // fsw
  expectRetired(fstore(1, 4, 10, 20)); // fsh
  expectRetired(fstore(3, 2, 10, -8 + 32)); // fsd
  uint32_t W = 0;
  uint16_t Hf = 0;
  uint64_t Dw = 0;
  Model->api().read_mem(Model->get(), DataBase + 16, &W, 4);
  Model->api().read_mem(Model->get(), DataBase + 20, &Hf, 2);
  Model->api().read_mem(Model->get(), DataBase + 24, &Dw, 8);
  EXPECT_EQ(W, 0xcafef00du);
  EXPECT_EQ(Hf, 0xf00du);
  EXPECT_EQ(Dw, Word);
  // c.fld fs1, 8(a0) and c.fsdsp fs1, 40(sp).
  expectRetired(0x2504, 2);
  EXPECT_EQ(Model->f(9), Word);
  Model->setX(2, DataBase);
  expectRetired(0xb426, 2); // c.fsdsp fs1, 40(sp)
  Model->api().read_mem(Model->get(), DataBase + 40, &Dw, 8);
  EXPECT_EQ(Dw, Word);
}

TEST_F(FPSemantics, FSOffIsIllegalAndWritesMarkDirty) {
  uint64_t Mstatus = csr(CsrMstatus);
  EXPECT_EQ(Mstatus & MstatusFS, 1ull << 13) << "FS starts Initial";
  Model->setF(2, boxS(f32(1.0f)));
  expectRetired(fadd(S, 1, 2, 2, RNE));
  EXPECT_EQ(csr(CsrMstatus) & MstatusFS, MstatusFS) << "FS Dirty";
  setCsr(CsrMstatus, Mstatus & ~MstatusFS);
  expectIllegal(fadd(S, 1, 2, 2, RNE));
  expectIllegal(fmvToInt(S, 5, 2));
  expectIllegal(fload(2, 1, 0, 0));
}

class FPSemanticsRV32 : public FPSemantics {
  void SetUp() override { start("rv32gc"); }
};

TEST_F(FPSemanticsRV32, CompressedSingleLoadsAndWordResults) {
  Model->setX(10, DataBase);
  uint32_t Value = f32(-3.5f);
  Model->api().write_mem(Model->get(), DataBase + 4, &Value, 4);
  expectRetired(0x6144, 2); // c.flw fs1, 4(a0)
  EXPECT_EQ(Model->f(9), boxS(Value));
  Model->setX(2, DataBase);
  expectRetired(0xe426, 2); // c.fswsp fs1, 8(sp)
  uint32_t Stored = 0;
  Model->api().read_mem(Model->get(), DataBase + 8, &Stored, 4);
  EXPECT_EQ(Stored, Value);
  // FCVT.WU.S on RV32: the XLEN-bit register holds the 32-bit result.
  Model->setF(1, boxS(f32(3e9f)));
  expectRetired(fcvtToInt(S, 1, 5, 1, RNE));
  EXPECT_EQ(Model->x(5), 0xb2d05e00u);
  // FMV.X.W on RV32 reads the low 32 bits.
  expectRetired(fmvToInt(S, 6, 9));
  EXPECT_EQ(Model->x(6), uint64_t(Value));
}

/// The model's catalogue test covers rv64gc/rv32gc; this one sweeps the FP
/// major opcodes (and all 16-bit encodings) of ISAs with Zfh and Zfhmin and
/// requires a handler for every opcode the decoder can produce. Counts as of
/// LLVM 22: rv64gc_zfh 100, rv32gc_zfh 90 (C.FLW/C.FSW forms, no L/LU or
/// FMV.X.D/FMV.D.X), rv64gc_zfhmin 74.
void expectFPCatalogueCovered(const char *Isa, size_t AtLeast) {
  auto D = model::Decoder::create(Isa, 0);
  ASSERT_TRUE(bool(D)) << llvm::toString(D.takeError());
  std::map<unsigned, uint32_t> Found; // opcode -> one encoding
  model::Decoded Out;
  auto Try = [&](uint32_t Enc, unsigned Size) {
    uint8_t B[4] = {uint8_t(Enc), uint8_t(Enc >> 8), uint8_t(Enc >> 16),
                    uint8_t(Enc >> 24)};
    if ((*D)->decode(llvm::ArrayRef<uint8_t>(B, Size), 0, Out) !=
        model::Decoder::Result::Invalid)
      Found.emplace(Out.Opcode, Enc);
  };
  for (uint32_t E = 0; E < 0x10000; ++E)
    if ((E & 3) != 3)
      Try(E, 2);
  // LOAD-FP, STORE-FP, MADD, MSUB, NMSUB, NMADD, OP-FP.
  for (uint32_t Major : {0x07u, 0x27u, 0x43u, 0x47u, 0x4bu, 0x4fu, 0x53u})
    for (uint32_t Hi = 0; Hi < 4096; ++Hi)
      for (uint32_t F3 = 0; F3 < 8; ++F3)
        for (uint32_t Rd : {0u, 5u})
          for (uint32_t Rs1 : {0u, 5u})
            Try(Hi << 20 | Rs1 << 15 | F3 << 12 | Rd << 7 | Major, 4);
  size_t FPCount = 0;
  std::string Missing;
  for (const auto &Entry : Found) {
    unsigned Opcode = Entry.first;
    llvm::StringRef Name = (*D)->opcodeName(Opcode);
    if (!Name.starts_with("F") && !Name.starts_with("C_F"))
      continue;
    ++FPCount;
    if (!(*D)->handlerFor(Opcode)) {
      Missing += ' ';
      Missing.append(Name.data(), Name.size());
    }
  }
  EXPECT_TRUE(Missing.empty()) << Isa << " lacks semantics for:" << Missing;
  EXPECT_GE(FPCount, AtLeast) << Isa << ": the sweep found too few opcodes";
  std::printf("%s: %zu FP opcodes, all with semantics\n", Isa, FPCount);
}

TEST(FPCatalogue, RV64WithZfh) { expectFPCatalogueCovered("rv64gc_zfh", 100); }
TEST(FPCatalogue, RV32WithZfh) { expectFPCatalogueCovered("rv32gc_zfh", 90); }
TEST(FPCatalogue, RV64WithZfhmin) {
  expectFPCatalogueCovered("rv64gc_zfhmin", 74);
}

} // namespace
