//===- MemorySchemeTest.cpp - Memory schemes against the manual -----------===//
//
// The manual's "Address examples" table (chapter "Memory Strides") row by
// row, then the properties every scheme must have: choose() only returns
// what allows() accepts, inside the allowed memory, with the alignment the
// scheme requires; admits() and choose() agree.
//===----------------------------------------------------------------------===//
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/MemoryScheme.h"
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace snipgen;

namespace {

// One row of the table: start, end, stride, first, last, max-past-last
// (nullopt for "-"), and the listed byte sets as [start, exclusive end).
struct TableRow {
  uint64_t Start, End, Stride, First, Last;
  std::optional<uint64_t> MaxPastLast;
  std::vector<std::pair<uint64_t, uint64_t>> Listed;
  bool Complete; // the row lists every set (no "...")
};

// Closed intervals [a, b] of the table are written here as [a, b + 1).
const TableRow AddressExamples[] = {
    {0, 1024, 8, 0, 0, {}, {{0, 1024}, {8, 1024}, {16, 1024}, {24, 1024}, {32, 1024}}, false},
    {0, 1024, 8, 1, 1, {}, {{1, 1024}, {9, 1024}, {17, 1024}, {25, 1024}, {33, 1024}}, false},
    {0, 1024, 8, 1, 2, {}, {{1, 1024}, {2, 1024}, {9, 1024}, {10, 1024}, {17, 1024}, {18, 1024}}, false},
    {0, 1024, 4, 0, 2, {}, {{0, 1024}, {1, 1024}, {2, 1024}, {4, 1024}, {5, 1024}, {6, 1024}}, false},
    {0, 1024, 8, 0, 0, 2, {{0, 2}, {8, 10}, {16, 18}}, false},
    {0, 1024, 8, 0, 1, 2, {{0, 3}, {1, 3}, {8, 11}, {9, 11}}, false},
    {0, 1024, 4, 0, 1, 3, {{0, 4}, {1, 4}, {4, 8}, {5, 8}}, false},
    {0, 1024, 4, 0, 0, 10, {{0, 10}, {4, 14}, {8, 18}}, false},
    {0, 1024, 4, 1, 2, 5, {{1, 7}, {2, 7}, {5, 11}, {6, 11}}, false},
    {0, 1024, 1000, 7, 8, {}, {{7, 1024}, {8, 1024}, {1007, 1024}, {1008, 1024}}, true},
    {0, 1024, 1000, 7, 8, 100, {{7, 108}, {8, 108}, {1007, 1024}, {1008, 1024}}, true},
};

RangeGeometry geometry(const TableRow &R) {
  RangeGeometry G;
  G.Start = R.Start;
  G.Size = R.End - R.Start;
  G.Stride = R.Stride;
  G.First = R.First;
  G.Last = R.Last;
  G.MaxPastLastOffset = R.MaxPastLast;
  return G;
}

// Every (start address, reachable end) the geometry allows, in order.
std::vector<std::pair<uint64_t, uint64_t>> enumerate(const RangeGeometry &G) {
  std::vector<std::pair<uint64_t, uint64_t>> Out;
  for (uint64_t A = G.Start; A < G.end(); ++A)
    if (std::optional<uint64_t> E = G.reachEnd(A))
      Out.push_back({A, *E});
  return Out;
}

TEST(MemorySchemeTest, AddressExamplesTable) {
  for (size_t Row = 0; Row < std::size(AddressExamples); ++Row) {
    const TableRow &R = AddressExamples[Row];
    auto Sets = enumerate(geometry(R));
    ASSERT_GE(Sets.size(), R.Listed.size()) << "row " << Row + 1;
    if (R.Complete)
      EXPECT_EQ(Sets.size(), R.Listed.size()) << "row " << Row + 1;
    for (size_t I = 0; I < R.Listed.size(); ++I)
      EXPECT_EQ(Sets[I], R.Listed[I]) << "row " << Row + 1 << " set " << I;
  }
}

// The reachable byte sets decide which access sizes fit: every byte of an
// access lies in the set of its start address, and every such access is
// allowed.
TEST(MemorySchemeTest, AccessSizesFollowTheTable) {
  for (const TableRow &R : AddressExamples) {
    RangeGeometry G = geometry(R);
    for (uint64_t Size : {1, 2, 4, 8, 16})
      for (auto [A, End] : enumerate(G))
        EXPECT_EQ(G.allowsAccess(A, Size), A + Size <= End);
  }
  // Row 5: accesses start at 8k and may touch two bytes.
  RangeGeometry G = geometry(AddressExamples[4]);
  std::vector<AddressSet::Interval> All = {{0, 1024}};
  EXPECT_TRUE(G.pick(All, 2, 1, 0, ~0ull, nullptr));
  EXPECT_FALSE(G.pick(All, 4, 1, 0, ~0ull, nullptr));
}

TEST(MemorySchemeTest, PickStaysInsideTheGeometry) {
  RandomEngine RNG(42);
  std::vector<AddressSet::Interval> All = {{0, 1024}};
  for (const TableRow &R : AddressExamples) {
    RangeGeometry G = geometry(R);
    for (uint64_t Size : {1, 2, 4, 8})
      for (unsigned Align : {1u, 2u, 4u, 8u}) {
        if (Align > Size)
          continue;
        bool Exists = G.pick(All, Size, Align, 0, ~0ull, nullptr).has_value();
        for (int I = 0; I < 200; ++I) {
          std::optional<uint64_t> A = G.pick(All, Size, Align, 0, ~0ull, &RNG);
          ASSERT_EQ(A.has_value(), Exists);
          if (!A)
            break;
          EXPECT_TRUE(G.allowsAccess(*A, Size)) << *A;
          EXPECT_EQ(*A % Align, 0u);
        }
      }
  }
}

TEST(MemorySchemeTest, AddressSetOperations) {
  AddressSet S;
  S.add(0x100, 0x200);
  S.add(0x300, 0x400);
  S.add(0x200, 0x250); // merges with the first
  EXPECT_TRUE(S.contains(0x100, 0x250));
  EXPECT_FALSE(S.contains(0x240, 0x260));
  S.subtract(0x120, 0x130);
  EXPECT_FALSE(S.overlaps(0x120, 0x130));
  EXPECT_TRUE(S.contains(0x100, 0x120));
  EXPECT_TRUE(S.overlaps(0x12f, 0x131));
  auto Clip = S.clip(0x110, 0x310);
  ASSERT_EQ(Clip.size(), 3u);
  EXPECT_EQ(Clip[0].Lo, 0x110u);
  EXPECT_EQ(Clip[2].Hi, 0x310u);
}

// A layout with one RW section at 0x80000000 and the given memory config.
Layout layoutWith(MemoryConfig M, uint64_t Size = 0x400000) {
  Layout L;
  L.SM = std::make_shared<llvm::SourceMgr>();
  SectionDesc Code, Data;
  Code.Name = "1";
  Code.VMA = 0x10000;
  Code.Size = 0x10000;
  Code.Access.R = Code.Access.X = true;
  Data.Name = "2";
  Data.VMA = 0x80000000;
  Data.Size = Size;
  Data.Access.R = Data.Access.W = true;
  L.Sections = {Code, Data};
  L.Memory = std::move(M);
  return L;
}

std::unique_ptr<MemorySchemeSet> build(const Layout &L, bool NoMisaligned,
                                       unsigned *Warnings = nullptr) {
  WarningEngine W;
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  W.setStream(OS);
  MemoryPolicy P;
  P.DisableMisaligned = NoMisaligned;
  auto S = llvm::cantFail(MemorySchemeSet::build(L, P, W));
  if (Warnings)
    *Warnings = W.count(Warning::MemoryAccess);
  return S;
}

// Draws many addresses for several access shapes and checks each one.
void checkChoices(MemorySchemeSet &Set, bool Burst) {
  RandomEngine RNG(7);
  for (unsigned Size : {1u, 2u, 4u, 8u})
    for (unsigned IsaAlign : {1u, Size}) {
      AccessRequest R;
      R.Size = Size;
      R.IsaAlign = IsaAlign;
      R.Burst = Burst;
      if (!Set.admits(R))
        continue;
      for (int I = 0; I < 300; ++I) {
        std::optional<unsigned> Id = Set.pick(R, RNG);
        ASSERT_TRUE(Id);
        std::optional<uint64_t> A = Set.scheme(*Id).choose(R, RNG);
        ASSERT_TRUE(A) << Set.scheme(*Id).name();
        EXPECT_TRUE(Set.scheme(*Id).allows(*A, Size, Burst))
            << Set.scheme(*Id).name() << " " << *A;
        EXPECT_EQ(*A % Set.scheme(*Id).alignment(R), 0u);
        EXPECT_TRUE(Set.allowed().contains(*A, *A + Size));
      }
    }
}

TEST(MemorySchemeTest, ManualMemoryYaml) {
  MemoryConfig M;
  AccessRangeDesc A;
  A.Start = 0x80002000, A.Size = 0x1000, A.Stride = 16, A.FirstOffset = 1,
  A.LastOffset = 2, A.MaxPastLastOffset = 2, A.AccessSize = 4;
  AccessRangeDesc B;
  B.Start = 0x80008000, B.Size = 0x1000, B.Stride = 8, B.FirstOffset = 1,
  B.LastOffset = 2, B.MaxPastLastOffset = 4, B.Weight = 2;
  M.TopLevel.Ranges = {A, B};
  Layout L = layoutWith(M);
  auto Set = build(L, false);
  checkChoices(*Set, false);
  // 8-byte accesses: B reaches 2 + 4 bytes past offset 1 at most: none.
  AccessRequest R;
  R.Size = 8;
  EXPECT_FALSE(Set->admits(R));
  R.Size = 4;
  EXPECT_TRUE(Set->admits(R));
  // Aligned 4-byte accesses: offsets 1..2 are never 4-aligned.
  auto Aligned = build(L, true);
  EXPECT_FALSE(Aligned->admits(R));
  R.Size = 2;
  EXPECT_TRUE(Aligned->admits(R)); // offset 2
}

TEST(MemorySchemeTest, ManualEvictionYaml) {
  MemoryConfig M;
  M.TopLevel.Evictions = {{0x003c0000, 0x80000c81, 2, {}},
                          {0x04000000, 0x000000ff, 3, {}}};
  unsigned Warnings = 0;
  Layout L = layoutWith(M);
  auto Set = build(L, false, &Warnings);
  // The second eviction lies outside the RW section.
  EXPECT_EQ(Warnings, 1u);
  checkChoices(*Set, false);
  AccessRequest R;
  R.Size = 4;
  EXPECT_TRUE(Set->admits(R));
  R.IsaAlign = 4; // atomics: fixed bit 0 makes them impossible
  EXPECT_FALSE(Set->admits(R));
  EXPECT_NE(Set->explainRejections(R).find("fixed bits"), std::string::npos);
}

TEST(MemorySchemeTest, AddressesOrderedAndBurst) {
  MemoryConfig M;
  AccessAddressesDesc A;
  A.Ordered = true;
  A.Plain = {{0x80002001, 8, {}}, {0x80000000, 16, {}}, {0x80000010, 16, {}}};
  A.Burst = {{0x80001000, 0x40, 8, 8, {}}};
  M.TopLevel.Addresses = {A};
  Layout L = layoutWith(M);
  auto Set = build(L, false);
  RandomEngine RNG(1);
  AccessRequest R;
  R.Size = 4;
  // In order, cycling.
  std::vector<uint64_t> Got;
  for (int I = 0; I < 4; ++I)
    Got.push_back(*Set->scheme(0).choose(R, RNG));
  EXPECT_EQ(Got, (std::vector<uint64_t>{0x80002001, 0x80000000, 0x80000010,
                                        0x80002001}));
  // Aligned accesses skip the misaligned address, still in order.
  R.IsaAlign = 4;
  EXPECT_EQ(*Set->scheme(0).choose(R, RNG), 0x80000000u);
  // Burst members use the burst set only: 8-byte steps inside 0x40 bytes.
  R.Burst = true;
  R.Size = 8;
  R.IsaAlign = 1;
  for (int I = 0; I < 50; ++I) {
    uint64_t X = *Set->scheme(0).choose(R, RNG);
    EXPECT_EQ((X - 0x80001000) % 8, 0u);
    EXPECT_LE(X + 8, 0x80001040u);
  }
  R.Size = 16; // access-size 8
  EXPECT_FALSE(Set->admits(R));
}

TEST(MemorySchemeTest, RestrictedAddressesAreNeverChosen) {
  MemoryConfig M;
  M.Restricted = {{0x80000000, 0x200000, {}}, {0x80300000, 16, {}}};
  Layout L = layoutWith(M);
  auto Set = build(L, false);
  EXPECT_TRUE(Set->usesDefaultScheme());
  checkChoices(*Set, false);
  RandomEngine RNG(3);
  AccessRequest R;
  R.Size = 8;
  for (int I = 0; I < 1000; ++I) {
    uint64_t A = *Set->scheme(0).choose(R, RNG);
    EXPECT_GE(A, 0x80200000u);
    EXPECT_FALSE(Set->restricted().overlaps(A, A + 8));
    EXPECT_EQ(A % 8, 0u); // the default scheme is aligned
  }
}

TEST(MemorySchemeTest, GroupsMultiplyWeights) {
  MemoryConfig M;
  AccessRangeDesc A;
  A.Start = 0x80002000, A.Size = 0x1000, A.Stride = 16, A.LastOffset = 2,
  A.Weight = 3;
  AccessGroupDesc G;
  G.Weight = 10;
  G.Schemes.Ranges = {A};
  M.Groups = {G};
  M.TopLevel.Ranges = {A};
  Layout L = layoutWith(M);
  auto Set = build(L, false);
  ASSERT_EQ(Set->size(), 2u);
  EXPECT_EQ(Set->scheme(0).weight(), 3.0);
  EXPECT_EQ(Set->scheme(1).weight(), 30.0);
}

TEST(MemorySchemeTest, MisalignedAccessKeyOverridesTheOption) {
  MemoryConfig M;
  AccessRangeDesc A;
  A.Start = 0x80070000, A.Size = 0x40, A.Stride = 64, A.LastOffset = 63,
  A.MisalignedAccess = true;
  AccessRangeDesc B = A;
  B.Start = 0x80080000;
  B.MisalignedAccess.reset();
  M.TopLevel.Ranges = {A, B};
  Layout L = layoutWith(M);
  auto Set = build(L, /*NoMisaligned=*/true);
  AccessRequest R;
  R.Size = 4;
  EXPECT_EQ(Set->scheme(0).alignment(R), 1u);
  EXPECT_EQ(Set->scheme(1).alignment(R), 4u);
  R.IsaAlign = 4; // atomics stay aligned everywhere
  EXPECT_EQ(Set->scheme(0).alignment(R), 4u);
}

TEST(MemorySchemeTest, RV32RejectsFarSections) {
  MemoryConfig M;
  Layout L = layoutWith(M);
  L.Sections[1].VMA = 0x200000000;
  WarningEngine W;
  MemoryPolicy P;
  P.XLen = 32;
  auto S = MemorySchemeSet::build(L, P, W);
  ASSERT_FALSE(S);
  std::string Msg = llvm::toString(S.takeError());
  EXPECT_NE(Msg.find("section '2'"), std::string::npos) << Msg;
  EXPECT_NE(Msg.find("beyond the 32-bit address space"), std::string::npos);
}

// -strict-memory-schemes: a range reaching past the RW sections is an error
// (whatever the warning options), and only a warning without it.
TEST(MemorySchemeTest, StrictSchemesMakeOutsideRangesAnError) {
  MemoryConfig M;
  AccessRangeDesc A;
  A.Start = 0x80000800;
  A.Size = 0x2000; // past the 0x1000-byte data section
  A.Stride = 4;
  M.TopLevel.Ranges.push_back(A);
  Layout L = layoutWith(M, 0x1000);
  unsigned Warned = 0;
  EXPECT_TRUE(build(L, false, &Warned));
  EXPECT_EQ(Warned, 1u);
  WarningEngine W;
  llvm::cantFail(W.configure({"memory-access"}, {}, {}));
  MemoryPolicy P;
  P.StrictSchemes = true;
  auto S = MemorySchemeSet::build(L, P, W);
  ASSERT_FALSE(S);
  std::string Msg = llvm::toString(S.takeError());
  EXPECT_NE(Msg.find("Possibly wrong memory scheme"), std::string::npos) << Msg;
  EXPECT_NE(Msg.find("-strict-memory-schemes"), std::string::npos) << Msg;
}

} // namespace
