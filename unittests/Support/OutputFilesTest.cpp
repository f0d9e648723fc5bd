#include "snipgen/Support/OutputFiles.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

namespace {
struct TempDir {
  SmallString<128> Path;
  TempDir() { sys::fs::createUniqueDirectory("snipgen-out", Path); }
  ~TempDir() { sys::fs::remove_directories(Path); }
  std::string file(StringRef Name) const {
    SmallString<128> P(Path);
    sys::path::append(P, Name);
    return std::string(P);
  }
  unsigned count() const {
    std::error_code EC;
    unsigned N = 0;
    for (sys::fs::directory_iterator I(Path, EC), E; I != E && !EC; I.increment(EC))
      ++N;
    return N;
  }
};
} // namespace

TEST(OutputFilesTest, NothingWrittenBeforeCommit) {
  TempDir D;
  {
    OutputFiles Out;
    Out.add(D.file("a.elf"), "abc");
    EXPECT_EQ(D.count(), 0u);
  } // destroyed without commit: nothing left behind
  EXPECT_EQ(D.count(), 0u);
}

TEST(OutputFilesTest, CommitWritesAll) {
  TempDir D;
  OutputFiles Out;
  Out.add(D.file("a.elf"), "abc");
  Out.add(D.file("a.elf.ld"), "script");
  ASSERT_FALSE(bool(Out.commit()));
  auto Buf = MemoryBuffer::getFile(D.file("a.elf.ld"));
  ASSERT_TRUE(bool(Buf));
  EXPECT_EQ((*Buf)->getBuffer(), "script");
  EXPECT_EQ(D.count(), 2u);
}

TEST(OutputFilesTest, ReservedTemporaryIsRemovedOnDiscard) {
  TempDir D;
  {
    OutputFiles Out;
    auto T = Out.reserveTemporary(D.file("x.elf"));
    ASSERT_TRUE(bool(T));
    EXPECT_EQ(D.count(), 1u);
  }
  EXPECT_EQ(D.count(), 0u);
}
