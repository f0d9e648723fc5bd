//===- MemoryCheckTest.cpp - The model check of memory accesses -----------===//
//
// Feeds the check the events a model run would produce and looks at its
// verdict: a correct access passes; a different address, a byte outside the
// recorded scheme, a misaligned access and a restricted byte each fail with
// a report naming the instruction's address.
//===----------------------------------------------------------------------===//
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/MemoryCheck.h"
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Warnings.h"
#include "gtest/gtest.h"

using namespace snipgen;

namespace {

struct CheckFixture {
  Layout L;
  std::unique_ptr<MemorySchemeSet> Schemes;
  Program P;
  ElfImage Image;
  CheckFixture() {
    L.SM = std::make_shared<llvm::SourceMgr>();
    SectionDesc Code, Data;
    Code.Name = "1", Code.VMA = 0x10000, Code.Size = 0x1000;
    Code.Access.R = Code.Access.X = true;
    Data.Name = "2", Data.VMA = 0x80000000, Data.Size = 0x10000;
    Data.Access.R = Data.Access.W = true;
    L.Sections = {Code, Data};
    AccessRangeDesc R;
    R.Start = 0x80000000, R.Size = 0x1000, R.Stride = 16, R.LastOffset = 3;
    L.Memory.TopLevel.Ranges = {R};
    L.Memory.Restricted = {{0x80008000, 16, {}}};
    WarningEngine W;
    Schemes = llvm::cantFail(MemorySchemeSet::build(L, MemoryPolicy(), W));
    P.Functions.emplace_back();
    P.Functions[0].Name = "f";
    P.Functions[0].Blocks.emplace_back();
    BasicBlock &B = P.Functions[0].Blocks[0];
    B.Code.resize(16);
    MemoryAccessRecord Rec;
    Rec.Offset = 4, Rec.Address = 0x80000012, Rec.Scheme = 0, Rec.Size = 2,
    Rec.Align = 2;
    B.MemoryAccesses.push_back(Rec);
    Image.Symbols["f"] = 0x10000;
  }
  std::string run(uint64_t PC, uint64_t Addr, uint32_t Size) {
    MemoryAccessCheck C(P, *Schemes);
    llvm::cantFail(C.prepare(Image));
    C.onMemAccess(Addr, Size, 0, false);
    C.onRetire(PC, 0, 4, PC + 4);
    llvm::Error E = C.verdict();
    return E ? llvm::toString(std::move(E)) : "";
  }
};

TEST(MemoryCheckTest, CorrectAccessPasses) {
  CheckFixture F;
  EXPECT_EQ(F.run(0x10004, 0x80000012, 2), "");
  // Instructions generation did not record may access other memory (a
  // stack, say), but not the schemes' memory.
  EXPECT_EQ(F.run(0x10008, 0x80020000, 8), "");
  EXPECT_NE(F.run(0x10008, 0x80004000, 8).find("recorded no memory access"),
            std::string::npos);
}

TEST(MemoryCheckTest, ViolationsAreReported) {
  CheckFixture F;
  std::string Moved = F.run(0x10004, 0x80000022, 2);
  EXPECT_NE(Moved.find("the instruction at 0x10004 read 2 bytes at "
                       "0x80000022, but generation planned 2 bytes at "
                       "0x80000012"),
            std::string::npos)
      << Moved;

  // A plan outside its scheme (offset 4 of a stride-16 block).
  F.P.Functions[0].Blocks[0].MemoryAccesses[0].Address = 0x80000014;
  std::string Outside = F.run(0x10004, 0x80000014, 2);
  EXPECT_NE(Outside.find("does not allow it"), std::string::npos) << Outside;

  F.P.Functions[0].Blocks[0].MemoryAccesses[0].Address = 0x80000013;
  std::string Misaligned = F.run(0x10004, 0x80000013, 2);
  EXPECT_NE(Misaligned.find("not aligned to 2"), std::string::npos)
      << Misaligned;

  std::string Restricted = F.run(0x10008, 0x8000800c, 8);
  EXPECT_NE(Restricted.find("touches restricted addresses"), std::string::npos)
      << Restricted;
}

} // namespace
