//===- PredecoderTest.cpp - The predecoder agrees with LLVM ----------------===//
//
// LLVM's disassembler is the reference: the model's decoder (templates
// learned from LLVM, Predecoder.h) must give the same opcode, operands, size
// and result for every 16-bit encoding and for millions of 32-bit ones - at
// random, and near valid encodings (a few bits changed), where templates
// and special cases meet. Learning is on from the first decode, so every
// answer after the first of an opcode comes from a template if it can.
//===----------------------------------------------------------------------===//
#include "Decoder.h"
#include "gtest/gtest.h"
#include "llvm/Support/Format.h"
#include <algorithm>
#include <numeric>
#include <random>
#include <sstream>

using namespace snipgen::model;

namespace {

std::string show(Decoder::Result R, const Decoded &D, const Decoder &Dec) {
  std::ostringstream OS;
  if (R == Decoder::Result::Invalid)
    return "invalid";
  OS << (R == Decoder::Result::Ok ? "ok " : "no-semantics ")
     << Dec.opcodeName(D.Opcode).str() << " size " << unsigned(D.Size);
  if (D.NumOps <= MaxOperands)
    for (unsigned I = 0; I < D.NumOps; ++I)
      OS << " " << D.Ops[I];
  return OS.str();
}

struct Checker {
  Decoder &Dec;
  uint64_t Compared = 0, Failures = 0;

  // Both decoders on E (Size bytes); true if it decodes.
  bool check(uint32_t E, unsigned Size) {
    uint8_t B[4] = {uint8_t(E), uint8_t(E >> 8), uint8_t(E >> 16),
                    uint8_t(E >> 24)};
    llvm::ArrayRef<uint8_t> Bytes(B, Size);
    Decoded Want, Got;
    Decoder::Result RW = Dec.decodeWithLLVM(Bytes, 0, Want);
    Decoder::Result RG = Dec.decode(Bytes, 0, Got);
    ++Compared;
    bool Same = RW == RG;
    if (Same && RW != Decoder::Result::Invalid) {
      Same = Want.Opcode == Got.Opcode && Want.Size == Got.Size &&
             Want.Fn == Got.Fn && Want.Encoding == Got.Encoding;
      if (Same && RW == Decoder::Result::Ok) {
        Same = Want.NumOps == Got.NumOps;
        for (unsigned I = 0; Same && I < MaxOperands; ++I)
          Same = Want.Ops[I] == Got.Ops[I];
      }
    }
    if (!Same && ++Failures <= 20)
      ADD_FAILURE() << "encoding 0x" << std::hex << E << std::dec << ": llvm "
                    << show(RW, Want, Dec) << ", predecoder "
                    << show(RG, Got, Dec);
    return RW != Decoder::Result::Invalid;
  }
};

void compareAll(const char *Isa, unsigned Random32, unsigned Near32) {
  SCOPED_TRACE(Isa);
  auto DecOr = Decoder::create(Isa, 0);
  ASSERT_TRUE(bool(DecOr)) << llvm::toString(DecOr.takeError());
  Decoder &Dec = **DecOr;
  Dec.setLearnAfter(1);
  Checker C{Dec};
  std::mt19937_64 Rng(20261203);

  // Every 16-bit encoding, in random order, twice (the second pass answers
  // from templates learned on the first).
  std::vector<uint32_t> All16;
  for (uint32_t E = 0; E < 0x10000; ++E)
    if ((E & 3) != 3)
      All16.push_back(E);
  std::shuffle(All16.begin(), All16.end(), Rng);
  for (int Pass = 0; Pass < 2; ++Pass)
    for (uint32_t E : All16)
      C.check(E, 2);

  // 32-bit: random encodings, then neighbours of the valid ones.
  std::vector<uint32_t> Valid;
  for (unsigned I = 0; I < Random32; ++I) {
    uint32_t E = uint32_t(Rng()) | 3;
    if (C.check(E, 4))
      Valid.push_back(E);
  }
  ASSERT_FALSE(Valid.empty());
  for (unsigned I = 0; I < Near32; ++I) {
    uint32_t E = Valid[Rng() % Valid.size()];
    for (unsigned Flips = 1 + Rng() % 6; Flips; --Flips)
      E ^= 1u << (2 + Rng() % 30);
    if (C.check(E, 4) && Valid.size() < 200000)
      Valid.push_back(E);
  }
  EXPECT_EQ(C.Failures, 0u) << "of " << C.Compared << " encodings";
  // The predecoder must actually be in use.
  EXPECT_GT(Dec.predecoder().templates(), 50u);
  ::testing::Test::RecordProperty("templates", int(Dec.predecoder().templates()));
}

// The sweep of OpcodeCoverageTest: every combination of the fields that
// select a 32-bit instruction, with rd and rs1 in {x0, x5}.
void sweep(const char *Isa) {
  SCOPED_TRACE(Isa);
  auto DecOr = Decoder::create(Isa, 0);
  ASSERT_TRUE(bool(DecOr)) << llvm::toString(DecOr.takeError());
  Decoder &Dec = **DecOr;
  Dec.setLearnAfter(1);
  Checker C{Dec};
  const uint32_t Regs[] = {0, 5};
  for (uint32_t Hi = 0; Hi < 4096; ++Hi)
    for (uint32_t F3 = 0; F3 < 8; ++F3)
      for (uint32_t Op = 0; Op < 32; ++Op)
        for (uint32_t Rd : Regs)
          for (uint32_t Rs1 : Regs)
            C.check(Hi << 20 | Rs1 << 15 | F3 << 12 | Rd << 7 | Op << 2 | 3, 4);
  EXPECT_EQ(C.Failures, 0u) << "of " << C.Compared << " encodings";
}

TEST(PredecoderTest, FieldSweepRV64) { sweep("rv64gc_zba_zbb_zbc_zbs_zicond"); }

TEST(PredecoderTest, FieldSweepRV32) {
  sweep("rv32gc_zba_zbb_zbc_zbs_zicond_zfa_zfh_zcb_zimop_zcmop_zicbom_zicbop");
}

TEST(PredecoderTest, AgreesWithLLVMRV64GC) {
  compareAll("rv64gc_zba_zbb_zbs_zicond_zfh_zcb_zicbop", 400000, 800000);
}

TEST(PredecoderTest, AgreesWithLLVMRV32) {
  compareAll("rv32imafd_zca_zcmp_zcb_zbkb_zbkx_zknd_zkne_zknh_zfa", 300000, 600000);
}

TEST(PredecoderTest, AgreesWithLLVMVector) {
  compareAll("rv64gcv_zvbb_zvfh", 300000, 600000);
}

// The predecoder gives the same results the second time round, and LLVM is
// not asked again for encodings a template covers: the templates cover the
// straight-line snippets the generator writes (one per opcode in use).
TEST(PredecoderTest, TemplatesCoverOpcodes) {
  auto DecOr = Decoder::create("rv64gc", 0);
  ASSERT_TRUE(bool(DecOr));
  Decoder &Dec = **DecOr;
  std::mt19937_64 Rng(7);
  // ADDI x?, x?, imm at random: after learning, one template covers all.
  for (int I = 0; I < 2000; ++I) {
    uint32_t E = uint32_t(Rng()) & 0xfff00000u;
    E |= 0x13 | (uint32_t(Rng() % 32) << 7) | (uint32_t(Rng() % 32) << 15);
    uint8_t B[4] = {uint8_t(E), uint8_t(E >> 8), uint8_t(E >> 16),
                    uint8_t(E >> 24)};
    Decoded Got;
    ASSERT_EQ(Dec.decode(llvm::ArrayRef<uint8_t>(B, 4), 0, Got),
              Decoder::Result::Ok);
    EXPECT_EQ(Dec.opcodeName(Got.Opcode), "ADDI");
  }
  EXPECT_LE(Dec.predecoder().templates(), 2u);
  EXPECT_EQ(Dec.predecoder().rejected(), 0u);
}

} // namespace
