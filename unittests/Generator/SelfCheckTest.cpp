//===- SelfCheckTest.cpp - The etalon recorder ----------------------------===//
#include "snipgen/Generator/SelfCheck.h"
#include "gtest/gtest.h"

using namespace snipgen;

namespace {

// Two checks: pair 0 gets 0x1122 (8-byte store + zero upper half), pair 1
// an FP value; the image has REAL zero and the values as ETALONs.
TEST(SelfCheckRecorder, ImageHoldsEtalonsInOrder) {
  SelfCheckRecorder R(0x1000, 0x100);
  R.onMemAccess(0x1000, 8, 0x1122, true);
  R.onMemAccess(0x1008, 8, 0, true);
  R.onMemAccess(0x500, 8, 7, false); // elsewhere: ignored
  R.onMemAccess(0x1020, 8, 0x3ff0000000000000ull, true);
  R.onMemAccess(0x1028, 8, 0, true);
  ASSERT_FALSE(bool(R.verdict()));
  EXPECT_EQ(R.pairs(), 2u);
  std::vector<uint8_t> Img = R.etalonImage();
  ASSERT_EQ(Img.size(), 64u);
  for (unsigned I = 0; I < 16; ++I) {
    EXPECT_EQ(Img[I], 0);      // REAL-1
    EXPECT_EQ(Img[32 + I], 0); // REAL-2
  }
  EXPECT_EQ(Img[16], 0x22);
  EXPECT_EQ(Img[17], 0x11);
  EXPECT_EQ(Img[48 + 7], 0x3f);
  EXPECT_EQ(Img[48 + 6], 0xf0);
}

TEST(SelfCheckRecorder, OutOfOrderPairIsAnInternalError) {
  SelfCheckRecorder R(0x1000, 0x100);
  R.onMemAccess(0x1000, 8, 1, true);
  R.onMemAccess(0x1040, 8, 2, true); // pair 2 while pair 1 is next
  llvm::Error E = R.verdict();
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("pair 2 while pair 1"),
            std::string::npos);
}

TEST(SelfCheckRecorder, EtalonSlotStoreIsAnError) {
  SelfCheckRecorder R(0x1000, 0x100);
  R.onMemAccess(0x1010, 8, 1, true);
  llvm::Error E = R.verdict();
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("writes an ETALON slot"),
            std::string::npos);
}

// Checks past a full section are counted: the error gives the exact size.
TEST(SelfCheckRecorder, TooSmallSaysHowMuchIsNeeded) {
  SelfCheckRecorder R(0x1000, 0x40); // two pairs
  for (uint64_t K = 0; K < 5; ++K) {
    R.onMemAccess(0x1000 + 32 * K, 8, K, true);
    R.onMemAccess(0x1008 + 32 * K, 8, 0, true);
  }
  llvm::Error E = R.verdict();
  ASSERT_TRUE(bool(E));
  std::string M = llvm::toString(std::move(E));
  EXPECT_NE(M.find("executes 5 checks, which need 160 bytes"),
            std::string::npos)
      << M;
}

// -enable-selfcheck-rvv with VLEN 256: 32-byte values, 64-byte pairs; a
// vector register stored byte by byte (vs1r.v) is one REAL, and the image
// puts all 32 bytes in the ETALON slot.
TEST(SelfCheckRecorder, WideValuesForVectorRegisters) {
  SelfCheckRecorder R(0x1000, 0x100, 32);
  for (unsigned B = 0; B < 32; ++B)
    R.onMemAccess(0x1000 + B, 1, B + 1, true);
  R.onMemAccess(0x1040, 8, 0x55, true); // a scalar check, zero-padded
  for (unsigned Off = 8; Off < 32; Off += 8)
    R.onMemAccess(0x1040 + Off, 8, 0, true);
  ASSERT_FALSE(bool(R.verdict()));
  EXPECT_EQ(R.pairs(), 2u);
  std::vector<uint8_t> Img = R.etalonImage();
  ASSERT_EQ(Img.size(), 128u);
  for (unsigned B = 0; B < 32; ++B) {
    EXPECT_EQ(Img[B], 0);
    EXPECT_EQ(Img[32 + B], B + 1);
  }
  EXPECT_EQ(Img[96], 0x55);
  // A store into bytes 32..63 of a pair is an ETALON-slot store.
  SelfCheckRecorder Bad(0x1000, 0x100, 32);
  Bad.onMemAccess(0x1020, 1, 0, true);
  llvm::Error E = Bad.verdict();
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("writes an ETALON slot"),
            std::string::npos);
}

} // namespace
