//===- QemuLogTest.cpp - Reading QEMU 10's -d cpu,fpu,vpu dumps -----------===//
#include "QemuLog.h"
#include "TestLog.h"

#include "gtest/gtest.h"

using namespace snipgen::qemucheck;
using namespace snipgen::qemucheck::test;

namespace {

TEST(QemuLogTest, ReadsScalarAndVectorState) {
  Dump A;
  A.PC = 0x10000;
  A.X[2] = 0x7ffc0000;
  A.F[31] = 0xffffffff3f800000;
  A.Fcsr = 0x41;
  A.VL = 4;
  A.VType = 0xd0;
  A.Vxrm = 2;
  A.Vxsat = 1;
  A.VStart = 3;
  for (unsigned J = 0; J < 16; ++J)
    A.V[5 * 16 + J] = uint8_t(J + 1);
  Dump B = A;
  B.PC = 0x10004;
  LogFile Log({A, B});
  auto R = QemuLogReader::open(Log.Path);
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_EQ((*R)->countDumps(), 2u);
  CpuState S;
  auto More = (*R)->next(S);
  ASSERT_TRUE(bool(More)) << llvm::toString(More.takeError());
  ASSERT_TRUE(*More);
  EXPECT_EQ(S.PC, 0x10000u);
  EXPECT_EQ(S.X[2], 0x7ffc0000u);
  EXPECT_EQ(S.F[31], 0xffffffff3f800000u);
  EXPECT_TRUE(S.HasFcsr);
  EXPECT_EQ(S.Fcsr, 0x41u);
  ASSERT_TRUE(S.HasV);
  EXPECT_EQ(S.VLenB, 16u);
  EXPECT_EQ(S.VL, 4u);
  EXPECT_EQ(S.VType, 0xd0u);
  EXPECT_EQ(S.Vxrm, 2u);
  EXPECT_EQ(S.Vxsat, 1u);
  EXPECT_EQ(S.VStart, 3u);
  // The log prints the most significant byte first; byte 0 is element 0.
  EXPECT_EQ(S.v(5)[0], 1u);
  EXPECT_EQ(S.v(5)[15], 16u);
  EXPECT_EQ(S.v(4)[0], 0u);
  More = (*R)->next(S);
  ASSERT_TRUE(bool(More) && *More);
  EXPECT_EQ(S.PC, 0x10004u);
  More = (*R)->next(S);
  ASSERT_TRUE(bool(More));
  EXPECT_FALSE(*More);
}

TEST(QemuLogTest, VectorStateIsOptional) {
  Dump A;
  A.WithV = false;
  LogFile Log({A});
  auto R = QemuLogReader::open(Log.Path);
  ASSERT_TRUE(bool(R));
  CpuState S;
  auto More = (*R)->next(S);
  ASSERT_TRUE(bool(More) && *More);
  EXPECT_FALSE(S.HasV);
  EXPECT_TRUE(S.HasF);
}

TEST(QemuLogTest, VLen1024) {
  Dump A;
  A.VLenB = 128;
  A.V.assign(32 * 128, 0);
  A.V[31 * 128 + 127] = 0xab;
  LogFile Log({A});
  auto R = QemuLogReader::open(Log.Path);
  ASSERT_TRUE(bool(R));
  CpuState S;
  auto More = (*R)->next(S);
  ASSERT_TRUE(bool(More)) << llvm::toString(More.takeError());
  EXPECT_EQ(S.VLenB, 128u);
  EXPECT_EQ(S.v(31)[127], 0xabu);
}

std::string firstError(const std::string &Text) {
  int FD = -1;
  llvm::SmallString<128> Path;
  llvm::sys::fs::createTemporaryFile("qemucheck-test", "log", FD, Path);
  {
    llvm::raw_fd_ostream OS(FD, true);
    OS << Text;
  }
  auto R = QemuLogReader::open(Path);
  std::string Msg;
  if (R) {
    CpuState S;
    auto More = (*R)->next(S);
    Msg = More ? "no error" : llvm::toString(More.takeError());
  }
  llvm::sys::fs::remove(Path);
  return Msg;
}

TEST(QemuLogTest, IncompleteVectorDumpsAreErrors) {
  Dump A;
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  printDump(OS, A);
  // Drop v7.
  std::string NoV7 = Text;
  size_t At = NoV7.find(" v7 ");
  NoV7.erase(At, NoV7.find('\n', At) + 1 - At);
  EXPECT_NE(firstError(NoV7).find("lacks v7"), std::string::npos)
      << firstError(NoV7);
  // Drop vtype.
  std::string NoVtype = Text;
  At = NoVtype.find(" vtype ");
  NoVtype.erase(At, NoVtype.find('\n', At) + 1 - At);
  EXPECT_NE(firstError(NoVtype).find("lacks vtype"), std::string::npos)
      << firstError(NoVtype);
  // A register of another width than vlenb says.
  std::string Short = Text;
  At = Short.find(" v3 ");
  Short.replace(Short.find('0', At + 4), 2, "");
  EXPECT_NE(firstError(Short).find("vector register v3 has 15 bytes, but "
                                   "VLENB is 16"),
            std::string::npos)
      << firstError(Short);
  std::string NotHex = Text;
  At = NotHex.find(" v9 ");
  NotHex[NotHex.find('0', At + 4)] = 'g';
  EXPECT_NE(firstError(NotHex).find("not hexadecimal"), std::string::npos);
}

} // namespace
