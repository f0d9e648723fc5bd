//===- FPUOverwriteTest.cpp - NaN recognition per precision view ----------===//
#include "snipgen/Generator/FPUOverwrite.h"
#include "gtest/gtest.h"

using namespace snipgen;

namespace {

TEST(NaNBitsTest, Precisions) {
  EXPECT_TRUE(isNaNBits(0x7e00, 16));
  EXPECT_FALSE(isNaNBits(0x7c00, 16)); // infinity
  EXPECT_TRUE(isNaNBits(0x7fc00000, 32));
  EXPECT_TRUE(isNaNBits(0xff800001, 32)); // signalling, negative
  EXPECT_FALSE(isNaNBits(0xff800000, 32));
  EXPECT_TRUE(isNaNBits(0x7ff8000000000000, 64));
  EXPECT_FALSE(isNaNBits(0x7ff0000000000000, 64));
  EXPECT_FALSE(isNaNBits(0x3ff0000000000000, 64));
}

TEST(NaNBitsTest, NaNBoxing) {
  // A boxed single is a single, and as a double a NaN.
  EXPECT_FALSE(readsAsNaN(0xffffffff3f800000, 64, 32));
  EXPECT_TRUE(readsAsNaN(0xffffffff3f800000, 64, 64));
  // A double read as a single is not boxed: the canonical NaN.
  EXPECT_TRUE(readsAsNaN(0x3ff0000000000000, 64, 32));
  // A boxed half.
  EXPECT_FALSE(readsAsNaN(0xffffffffffff3c00, 64, 16));
  EXPECT_TRUE(readsAsNaN(0x00000000ffff3c00, 64, 16));
  // FLEN 32: singles are the whole register.
  EXPECT_FALSE(readsAsNaN(0x3f800000, 32, 32));
  EXPECT_TRUE(readsAsNaN(0x3f800000, 32, 64)); // no such view
}

} // namespace
