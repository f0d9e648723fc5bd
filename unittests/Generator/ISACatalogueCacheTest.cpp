//===- ISACatalogueCacheTest.cpp - The on-disk catalogue cache -------------===//
//
// A catalogue read back from the cache equals the probed one in every field
// (serialize() writes them all), and damaged or foreign files are ignored.
//===----------------------------------------------------------------------===//
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

namespace {

std::unique_ptr<MCEnvironment> env(const char *Features) {
  registerBuiltinTargets();
  SubtargetSelection Sel;
  Sel.TheTriple = Triple("riscv64-unknown-elf");
  Sel.CPU = "generic-rv64";
  Sel.Features = Features;
  Sel.ABI = "lp64d";
  return cantFail(MCEnvironment::create(Sel));
}

void writeFile(StringRef Path, StringRef Data) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  ASSERT_FALSE(EC);
  OS << Data;
}

TEST(ISACatalogueCacheTest, RoundTripIsExact) {
  for (const char *Features :
       {"+m,+a,+f,+d,+c", "+m,+a,+f,+d,+c,+v,+zvfh,+zba,+zbb,+zbs,+zfh"}) {
    SCOPED_TRACE(Features);
    auto Env = env(Features);
    const GenTarget *Target = GenTarget::lookup(Env->triple());
    auto Probed = cantFail(ISACatalogue::probe(*Env, *Target));
    ASSERT_GT(Probed->available().size(), 100u);
    std::string Key = ISACatalogue::cacheKey(*Env, *Target);
    SmallString<128> Path;
    ASSERT_FALSE(sys::fs::createTemporaryFile("isa-cache", "bin", Path));
    std::string Bytes = Probed->serialize(Key);
    writeFile(Path, Bytes);
    auto Loaded = ISACatalogue::loadCached(*Env, Key, Path);
    ASSERT_TRUE(Loaded);
    EXPECT_EQ(Loaded->serialize(Key), Bytes);
    ASSERT_EQ(Loaded->available().size(), Probed->available().size());
    for (const OpcodeDesc &D : Probed->available()) {
      ASSERT_TRUE(Loaded->lookup(D.Name));
      EXPECT_EQ(Loaded->lookup(D.Opcode), Loaded->lookup(D.Name));
    }
    // Unavailable names survive too.
    unsigned Unavailable = 0;
    for (unsigned Op = 0; Op < Env->instrInfo().getNumOpcodes(); ++Op) {
      StringRef Name = Env->instrInfo().getName(Op);
      EXPECT_EQ(Loaded->isKnownButUnavailable(Name),
                Probed->isKnownButUnavailable(Name))
          << Name.str();
      Unavailable += Probed->isKnownButUnavailable(Name);
    }
    EXPECT_GT(Unavailable, 100u);

    // Another key (another subtarget, binary or LLVM), a truncated file, a
    // changed byte: not used.
    EXPECT_FALSE(ISACatalogue::loadCached(*Env, Key + "x", Path));
    writeFile(Path, StringRef(Bytes).drop_back(100));
    EXPECT_FALSE(ISACatalogue::loadCached(*Env, Key, Path));
    for (size_t At : {Key.size() + 40, Bytes.size() / 2, Bytes.size() - 20}) {
      std::string Bad = Bytes;
      Bad[At] ^= 0x10;
      writeFile(Path, Bad);
      EXPECT_FALSE(ISACatalogue::loadCached(*Env, Key, Path)) << At;
    }
    sys::fs::remove(Path);
  }
}

TEST(ISACatalogueCacheTest, KeyNamesSubtargetAndBinaries) {
  auto A = env("+m,+c"), B = env("+m");
  const GenTarget *Target = GenTarget::lookup(A->triple());
  std::string KA = ISACatalogue::cacheKey(*A, *Target);
  EXPECT_NE(KA, ISACatalogue::cacheKey(*B, *Target));
  EXPECT_NE(KA.find("features +m,+c"), std::string::npos);
  EXPECT_NE(KA.find("\nexe /"), std::string::npos);
  EXPECT_NE(KA.find("\nlibllvm /"), std::string::npos);
  EXPECT_NE(ISACatalogue::cachePath(KA), ISACatalogue::cachePath(KA + "x"));
}

} // namespace
