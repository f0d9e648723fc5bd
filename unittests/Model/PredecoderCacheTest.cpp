//===- PredecoderCacheTest.cpp - Decode templates to disk and back --------===//
//
// Templates read back from the on-disk cache (PredecoderCache.h) must decode
// as LLVM does, and a file that does not fit - another key, a damaged byte,
// a cut file, a template LLVM disagrees with - must give no templates at
// all, so that the model learns them again.
//===----------------------------------------------------------------------===//
#include "Decoder.h"
#include "PredecoderCache.h"
#include "gtest/gtest.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/Support/xxhash.h"
#include <cstring>
#include <random>

using namespace snipgen::model;

namespace {

std::unique_ptr<Decoder> makeDecoder(const char *Isa) {
  auto D = Decoder::create(Isa, 0);
  EXPECT_TRUE(bool(D)) << llvm::toString(D.takeError());
  return D ? std::move(*D) : nullptr;
}

Decoder::Result decode(const Decoder &D, uint32_t E, unsigned Size,
                       Decoded &Out, bool WithLLVM) {
  uint8_t B[4] = {uint8_t(E), uint8_t(E >> 8), uint8_t(E >> 16),
                  uint8_t(E >> 24)};
  llvm::ArrayRef<uint8_t> Bytes(B, Size);
  return WithLLVM ? D.decodeWithLLVM(Bytes, 0, Out) : D.decode(Bytes, 0, Out);
}

bool load(Decoder &To, const Decoder &Ref, llvm::StringRef Data,
          llvm::StringRef Key, Predecoder &P) {
  return PredecoderCache::deserialize(
      Data, Key, Ref.instrInfo().getNumOpcodes(),
      [&](unsigned Op) { return To.handlerFor(Op); },
      [&](uint32_t E, unsigned S, Decoded &D) {
        return decode(Ref, E, S, D, true) != Decoder::Result::Invalid &&
               D.NumOps <= MaxOperands && D.Size == S;
      },
      P);
}

// The encodings a test decodes: every 16-bit one and random 32-bit ones.
std::vector<std::pair<uint32_t, unsigned>> encodings() {
  std::vector<std::pair<uint32_t, unsigned>> All;
  for (uint32_t E = 0; E < 0x10000; ++E)
    if ((E & 3) != 3)
      All.push_back({E, 2});
  std::mt19937_64 Rng(7);
  for (unsigned I = 0; I < 200000; ++I)
    All.push_back({uint32_t(Rng()) | 3, 4});
  return All;
}

TEST(PredecoderCache, TemplatesReadBackDecodeAsLLVM) {
  auto A = makeDecoder("rv64gc_zba_zbb");
  ASSERT_TRUE(A);
  A->setLearnAfter(1);
  auto All = encodings();
  Decoded Out;
  for (auto [E, S] : All)
    decode(*A, E, S, Out, false);
  size_t Learned = A->predecoder().templates();
  ASSERT_GT(Learned, 50u);
  std::string Key = PredecoderCache::key(64, "+test", 1234);
  std::string Data = PredecoderCache::serialize(A->predecoder(), Key);

  auto B = makeDecoder("rv64gc_zba_zbb");
  ASSERT_TRUE(B);
  Predecoder P;
  ASSERT_TRUE(load(*B, *B, Data, Key, P));
  EXPECT_EQ(P.templates(), Learned);
  EXPECT_EQ(P.rejected(), A->predecoder().rejected());
  // The same file again, from the loaded templates.
  EXPECT_EQ(PredecoderCache::serialize(P, Key), Data);

  // Every encoding: a template's answer is LLVM's.
  uint64_t Hits = 0, Failures = 0;
  for (auto [E, S] : All) {
    Decoded Want, Got;
    Decoder::Result R = decode(*B, E, S, Want, true);
    if (P.lookup(E, S, Got) != Predecoder::Lookup::Hit)
      continue;
    ++Hits;
    bool Same = R != Decoder::Result::Invalid && Want.Opcode == Got.Opcode &&
                Want.NumOps == Got.NumOps && Want.Fn == Got.Fn;
    for (unsigned I = 0; Same && I < Want.NumOps; ++I)
      Same = Want.Ops[I] == Got.Ops[I];
    if (!Same && ++Failures <= 10)
      ADD_FAILURE() << "encoding 0x" << std::hex << E;
  }
  EXPECT_GT(Hits, All.size() / 4);
  EXPECT_EQ(Failures, 0u);
}

// A file with one template (ADDI) under Key.
std::string oneTemplate(llvm::StringRef Key) {
  auto L = Decoder::create("rv64gc", 0);
  EXPECT_TRUE(bool(L));
  (*L)->setLearnAfter(1);
  Decoded Out;
  decode(**L, 0x00500093, 4, Out, false); // addi x1, x0, 5
  EXPECT_EQ((*L)->predecoder().templates(), 1u);
  EXPECT_EQ((*L)->predecoder().rejected(), 0u);
  return PredecoderCache::serialize((*L)->predecoder(), Key);
}

TEST(PredecoderCache, FilesThatDoNotFitGiveNoTemplates) {
  auto D = makeDecoder("rv64gc");
  ASSERT_TRUE(D);
  std::string Key = PredecoderCache::key(64, "+c", 99);
  std::string Good = oneTemplate(Key);
  {
    Predecoder P;
    EXPECT_TRUE(load(*D, *D, Good, Key, P));
    EXPECT_EQ(P.templates(), 1u);
  }
  auto Rejects = [&](llvm::StringRef Data, llvm::StringRef K) {
    Predecoder P;
    bool OK = load(*D, *D, Data, K, P);
    return !OK && P.templates() == 0;
  };
  // Another key: another subtarget, LLVM or binary.
  EXPECT_TRUE(Rejects(Good, PredecoderCache::key(64, "+c,+m", 99)));
  // Any damaged byte (the checksum), a cut file, nothing.
  for (size_t I = 0; I < Good.size(); I += 7) {
    std::string Bad = Good;
    Bad[I] ^= 0x10;
    EXPECT_TRUE(Rejects(Bad, Key)) << "byte " << I;
  }
  EXPECT_TRUE(Rejects(llvm::StringRef(Good).drop_back(3), Key));
  EXPECT_TRUE(Rejects("", Key));
  // Valid checksums, wrong contents: the template's first operand base moved
  // (LLVM decodes its pattern otherwise), an opcode past LLVM's, too many
  // operands.
  size_t T = 4 + Key.size() + 4; // the first template
  auto At = [&](size_t Off, void (*Edit)(char *)) {
    std::string S = Good.substr(0, Good.size() - 8);
    Edit(&S[Off]);
    uint64_t Sum = llvm::xxh3_64bits(llvm::StringRef(S));
    S.append(reinterpret_cast<const char *>(&Sum), 8);
    return S;
  };
  // Layout of a template: Mask, Match, Opcode (u32), Size, NumOps, Reject,
  // runs (u8), Base[6] (i64), runs.
  EXPECT_TRUE(Rejects(At(T + 16, [](char *P) { P[0] += 3; }), Key));
  EXPECT_TRUE(Rejects(At(T + 8, [](char *P) {
                        uint32_t Op = 0xfffffff0;
                        std::memcpy(P, &Op, 4);
                      }),
                      Key));
  EXPECT_TRUE(Rejects(At(T + 13, [](char *P) { P[0] = 9; }), Key));
}

TEST(PredecoderCache, LoadsOnlyIntoAnEmptyPredecoder) {
  auto D = makeDecoder("rv64gc");
  ASSERT_TRUE(D);
  std::string Key = PredecoderCache::key(64, "+c", 99);
  std::string Good = oneTemplate(Key);
  Predecoder P;
  ASSERT_TRUE(load(*D, *D, Good, Key, P));
  EXPECT_FALSE(load(*D, *D, Good, Key, P));
  EXPECT_EQ(P.templates(), 1u);
}

} // namespace
