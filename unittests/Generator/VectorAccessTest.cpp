//===- VectorAccessTest.cpp - Vector accesses in memory schemes -----------===//
//
// The opcode shapes from LLVM names; the element planning for 10,000 random
// (configuration, opcode shape, layout) draws: every element the
// instruction can touch lies in the chosen scheme, in the allowed memory,
// aligned on one element, and the base/stride/offsets reproduce the element
// addresses exactly as the hardware computes them; the model check of
// vector records (element spans) accepts exactly the planned elements; and
// the operands of emitted instructions follow the register-group rules.
//===----------------------------------------------------------------------===//
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/Generator.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/MemoryCheck.h"
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Generator/VectorAccess.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrInfo.h"
#include "gtest/gtest.h"
#include <set>

using namespace snipgen;

namespace {

TEST(VectorAccessTest, ShapesFromNames) {
  using K = VectorAccessKind;
  struct Row {
    const char *Name;
    K Kind;
    bool Load;
    unsigned EEW, NF;
    bool FF, Ordered;
  } Rows[] = {
      {"VLE8_V", K::UnitStride, true, 8, 1, false, false},
      {"VSE64_V", K::UnitStride, false, 64, 1, false, false},
      {"VLE32FF_V", K::UnitStride, true, 32, 1, true, false},
      {"VLSEG3E16_V", K::UnitStride, true, 16, 3, false, false},
      {"VLSEG8E8FF_V", K::UnitStride, true, 8, 8, true, false},
      {"VSSEG2E32_V", K::UnitStride, false, 32, 2, false, false},
      {"VLSE16_V", K::Strided, true, 16, 1, false, false},
      {"VSSE8_V", K::Strided, false, 8, 1, false, false},
      {"VLSSEG4E64_V", K::Strided, true, 64, 4, false, false},
      {"VSSSEG7E16_V", K::Strided, false, 16, 7, false, false},
      {"VLUXEI8_V", K::Indexed, true, 8, 1, false, false},
      {"VLOXEI64_V", K::Indexed, true, 64, 1, false, true},
      {"VSUXSEG2EI32_V", K::Indexed, false, 32, 2, false, false},
      {"VSOXSEG5EI16_V", K::Indexed, false, 16, 5, false, true},
      {"VL1RE8_V", K::WholeRegister, true, 8, 1, false, false},
      {"VL8RE64_V", K::WholeRegister, true, 64, 8, false, false},
      {"VS4R_V", K::WholeRegister, false, 8, 4, false, false},
      {"VLM_V", K::Mask, true, 8, 1, false, false},
      {"VSM_V", K::Mask, false, 8, 1, false, false},
  };
  for (const Row &R : Rows) {
    std::optional<VectorAccessShape> S = VectorAccessShape::fromName(R.Name);
    ASSERT_TRUE(S) << R.Name;
    EXPECT_EQ(S->Kind, R.Kind) << R.Name;
    EXPECT_EQ(S->IsLoad, R.Load) << R.Name;
    EXPECT_EQ(S->EEW, R.EEW) << R.Name;
    EXPECT_EQ(S->NF, R.NF) << R.Name;
    EXPECT_EQ(S->FaultOnlyFirst, R.FF) << R.Name;
    EXPECT_EQ(S->Ordered, R.Ordered) << R.Name;
  }
  for (const char *Bad : {"VADD_VV", "VSETVLI", "VL3RE8_V", "VLSEG9E8_V",
                          "VSE8FF_V", "VLE128_V", "VSLIDE1DOWN_VX", "VSEXT_VF2",
                          "VLSEG2E8", "LW", "VS3R_V"})
    EXPECT_FALSE(VectorAccessShape::fromName(Bad)) << Bad;
}

Layout layoutWith(MemoryConfig M) {
  Layout L;
  L.SM = std::make_shared<llvm::SourceMgr>();
  SectionDesc Code, Data;
  Code.Name = "1", Code.VMA = 0x10000, Code.Size = 0x10000;
  Code.Access.R = Code.Access.X = true;
  Data.Name = "2", Data.VMA = 0x80000000, Data.Size = 0x100000;
  Data.Access.R = Data.Access.W = true;
  L.Sections = {Code, Data};
  L.Memory = std::move(M);
  return L;
}

// Layouts whose schemes make a misplaced element visible: a range with
// stride 8 and one-byte windows, a range that only holds 8-byte accesses,
// an eviction, plain addresses, and restricted holes in the middle.
std::vector<MemoryConfig> configs() {
  std::vector<MemoryConfig> Out;
  {
    MemoryConfig M; // stride 8: element starts at 8k, big accesses allowed
    AccessRangeDesc A;
    A.Start = 0x80001000, A.Size = 0x2000, A.Stride = 8;
    M.TopLevel.Ranges = {A};
    M.Restricted = {{0x80001800, 64, {}}};
    Out.push_back(M);
  }
  {
    MemoryConfig M; // only accesses of at most 8 bytes, at 16k + 0..7
    AccessRangeDesc A;
    A.Start = 0x80010000, A.Size = 0x4000, A.Stride = 16, A.LastOffset = 7,
    A.MaxPastLastOffset = 1, A.AccessSize = 8;
    AccessRangeDesc B;
    B.Start = 0x80020000, B.Size = 0x40, B.Weight = 0.5;
    M.TopLevel.Ranges = {A, B};
    M.Restricted = {{0x80010100, 0x100, {}}};
    Out.push_back(M);
  }
  {
    MemoryConfig M; // eviction: fixed | bits 6..11
    AccessEvictionDesc E;
    E.Mask = 0xfc0, E.Fixed = 0x80040000;
    M.TopLevel.Evictions = {E};
    Out.push_back(M);
  }
  {
    MemoryConfig M; // a few plain addresses, unordered
    AccessAddressesDesc A;
    A.Ordered = false;
    for (uint64_t Addr : {0x80050000ull, 0x80050040ull, 0x80050100ull,
                          0x80058000ull})
      A.Plain.push_back({Addr, 256, {}});
    M.TopLevel.Addresses = {A};
    Out.push_back(M);
  }
  return Out;
}

struct Draw {
  VectorAccessShape S;
  VectorConfig C;
  unsigned VLen;
};

// A legal (configuration, shape) pair.
Draw randomDraw(RandomEngine &RNG) {
  for (;;) {
    Draw D;
    D.VLen = RNG.chance(0.5) ? 128 : 256;
    D.C.SEW = 8u << RNG.below(4);
    D.C.LMULLog2 = int(RNG.below(7)) - 3;
    // SEW <= LMUL * ELEN (ELEN 64).
    if (D.C.LMULLog2 < 0 && D.C.SEW > (64u >> -D.C.LMULLog2))
      continue;
    uint64_t VLMax = D.C.vlmax(D.VLen);
    D.C.VL = RNG.chance(0.1) ? 0 : RNG.inRangeU(1, VLMax);
    D.S.Kind = VectorAccessKind(RNG.below(5));
    D.S.IsLoad = RNG.chance(0.5);
    D.S.EEW = 8u << RNG.below(4);
    D.S.NF = unsigned(RNG.inRangeU(1, 8));
    using K = VectorAccessKind;
    if (D.S.Kind == K::WholeRegister)
      D.S.NF = 1u << RNG.below(4);
    if (D.S.Kind == K::Mask)
      D.S.NF = 1, D.S.EEW = 8;
    D.S.FaultOnlyFirst = D.S.Kind == K::UnitStride && D.S.IsLoad &&
                         RNG.chance(0.3);
    auto Regs = [](int L) { return L <= 0 ? 1u : 1u << L; };
    if (D.S.Kind == K::UnitStride || D.S.Kind == K::Strided) {
      int E = D.C.emulLog2(D.S.EEW);
      if (E < -3 || E > 3 || D.S.NF * Regs(E) > 8)
        continue;
    }
    if (D.S.Kind == K::Indexed) {
      int E = D.C.emulLog2(D.S.EEW);
      if (E < -3 || E > 3 || D.S.NF * Regs(D.C.LMULLog2) > 8)
        continue;
    }
    return D;
  }
}

TEST(VectorAccessTest, EveryElementInTheScheme) {
  std::vector<MemoryConfig> Cfgs = configs();
  std::vector<std::unique_ptr<MemorySchemeSet>> Sets;
  std::vector<Layout> Layouts;
  for (const MemoryConfig &M : Cfgs)
    Layouts.push_back(layoutWith(M));
  for (const Layout &L : Layouts) {
    WarningEngine W;
    Sets.push_back(llvm::cantFail(MemorySchemeSet::build(L, MemoryPolicy(), W)));
  }
  RandomEngine RNG(11);
  unsigned Planned = 0, Refused = 0, Strided = 0, NonZeroStride = 0,
           Indexed = 0, DistinctOffsets = 0, Progressions = 0;
  for (unsigned N = 0; N < 10000; ++N) {
    unsigned SetIdx = RNG.below(Sets.size());
    MemorySchemeSet &Set = *Sets[SetIdx];
    VectorElementPlanner EP(Set, 64);
    Draw D = randomDraw(RNG);
    const VectorAccessShape &S = D.S;
    std::string What = "draw " + std::to_string(N) + " layout " +
                       std::to_string(SetIdx) + " kind " +
                       std::to_string(int(S.Kind)) + " eew " +
                       std::to_string(S.EEW) + " nf " + std::to_string(S.NF) +
                       " sew " + std::to_string(D.C.SEW) + " lmul " +
                       std::to_string(D.C.LMULLog2) + " vl " +
                       std::to_string(D.C.VL);
    bool Admits = EP.admits(S, D.C, D.VLen);
    std::optional<VectorAccessPlan> P = EP.plan(S, D.C, D.VLen, RNG);
    ASSERT_EQ(Admits, bool(P)) << What;
    if (!P) {
      ++Refused;
      continue;
    }
    ++Planned;
    unsigned DataBytes = S.dataEEW(D.C) / 8;
    unsigned Bytes = VectorElementPlanner::accessBytes(S, D.C, D.VLen);
    EXPECT_EQ(P->ElementBytes, Bytes) << What;
    if (S.Kind != VectorAccessKind::Mask)
      EXPECT_EQ(P->Align % DataBytes, 0u) << What;
    uint64_t VL = std::max<uint64_t>(D.C.VL, 1);
    // The element addresses as the hardware computes them.
    std::vector<uint64_t> Hw;
    switch (S.Kind) {
    case VectorAccessKind::UnitStride:
      EXPECT_EQ(Bytes, VL * S.EEW / 8 * S.NF) << What;
      [[fallthrough]];
    case VectorAccessKind::WholeRegister:
    case VectorAccessKind::Mask:
      Hw = {P->Base};
      break;
    case VectorAccessKind::Strided:
      ++Strided;
      NonZeroStride += P->Stride != 0;
      for (uint64_t I = 0; I < VL; ++I)
        Hw.push_back(P->Base + I * P->Stride);
      break;
    case VectorAccessKind::Indexed: {
      ++Indexed;
      ASSERT_EQ(P->Offsets.size(), VL) << What;
      EXPECT_EQ(P->IndexProgression,
                D.C.VL > VectorElementPlanner::MaxIndexSlides)
          << What;
      Progressions += P->IndexProgression;
      uint64_t Limit = S.EEW >= 31 ? 1ull << 30 : 1ull << S.EEW;
      std::set<uint64_t> Distinct;
      for (uint64_t I = 0; I < VL; ++I) {
        EXPECT_LT(P->Offsets[I], Limit) << What;
        if (P->IndexProgression)
          EXPECT_EQ(P->Offsets[I], P->Offsets[0] + I * P->IndexStep) << What;
        Hw.push_back(P->Base + P->Offsets[I]);
        Distinct.insert(P->Offsets[I]);
      }
      DistinctOffsets += Distinct.size() > 1;
      break;
    }
    }
    ASSERT_EQ(Hw, P->Elements) << What;
    MemoryScheme &Scheme = Set.scheme(P->Scheme);
    for (uint64_t A : Hw) {
      EXPECT_TRUE(Scheme.allows(A, Bytes, false)) << What << " at " << A;
      EXPECT_EQ(A % P->Align, 0u) << What;
      EXPECT_TRUE(Set.allowed().contains(A, A + Bytes)) << What;
      EXPECT_FALSE(Set.restricted().overlaps(A, A + Bytes)) << What;
      EXPECT_TRUE(EP.elementOk(P->Scheme, A, Bytes, P->Align)) << What;
    }
  }
  // The draws cover both outcomes and the planner is not degenerate.
  EXPECT_GT(Planned, 5000u);
  EXPECT_GT(Refused, 100u);
  EXPECT_GT(NonZeroStride * 2, Strided);
  EXPECT_GT(DistinctOffsets * 2, Indexed);
  EXPECT_GT(Progressions, 50u);
}

// A scheme that only holds 8-byte accesses: a 16-byte unit-stride access
// has no scheme, the strided and indexed forms of the same opcode do.
TEST(VectorAccessTest, ShapeDecidesTheSchemes) {
  MemoryConfig M = configs()[1];
  M.TopLevel.Ranges.resize(1);
  Layout L = layoutWith(M);
  WarningEngine W;
  auto Set = llvm::cantFail(MemorySchemeSet::build(L, MemoryPolicy(), W));
  VectorElementPlanner EP(*Set, 64);
  VectorConfig C; // SEW 64, LMUL 1, VL 2
  VectorAccessShape Unit = *VectorAccessShape::fromName("VLE64_V");
  VectorAccessShape Strided = *VectorAccessShape::fromName("VLSE64_V");
  VectorAccessShape Indexed = *VectorAccessShape::fromName("VLUXEI16_V");
  VectorAccessShape Whole = *VectorAccessShape::fromName("VL1RE64_V");
  EXPECT_FALSE(EP.admits(Unit, C, 128));
  EXPECT_TRUE(EP.admits(Strided, C, 128));
  EXPECT_TRUE(EP.admits(Indexed, C, 128));
  EXPECT_FALSE(EP.admits(Whole, C, 128));
  C.VL = 1;
  EXPECT_TRUE(EP.admits(Unit, C, 128));
}

// Segment fault-only-first loads stay inside one 4 KiB page.
TEST(VectorAccessTest, SegmentFaultOnlyFirstAvoidsPageCrossing) {
  MemoryConfig M;
  AccessRangeDesc A;
  A.Start = 0x80000f00, A.Size = 0x2000, A.Stride = 8;
  M.TopLevel.Ranges = {A};
  Layout L = layoutWith(M);
  WarningEngine W;
  auto Set = llvm::cantFail(MemorySchemeSet::build(L, MemoryPolicy(), W));
  VectorElementPlanner EP(*Set, 64);
  VectorConfig C;
  C.SEW = 8, C.VL = 16;
  VectorAccessShape S = *VectorAccessShape::fromName("VLSEG8E8FF_V");
  RandomEngine RNG(3);
  for (int I = 0; I < 2000; ++I) {
    std::optional<VectorAccessPlan> P = EP.plan(S, C, 128, RNG);
    ASSERT_TRUE(P);
    EXPECT_LE((P->Base & 4095) + 128, 4096u) << P->Base;
  }
}

// The model check of a vector record: each reported piece inside one
// planned element span passes; a piece between elements fails.
TEST(VectorAccessTest, ModelCheckCoversElements) {
  Layout L = layoutWith(configs()[0]);
  WarningEngine W;
  auto Set = llvm::cantFail(MemorySchemeSet::build(L, MemoryPolicy(), W));
  Program P;
  P.Functions.emplace_back();
  P.Functions[0].Name = "f";
  P.Functions[0].Blocks.emplace_back();
  BasicBlock &B = P.Functions[0].Blocks[0];
  B.Code.resize(16);
  MemoryAccessRecord Rec;
  Rec.Offset = 4, Rec.Address = 0x80001000, Rec.Scheme = 0, Rec.Size = 4,
  Rec.Align = 2, Rec.Vector = true;
  Rec.Elements = {0x80001000, 0x80001040, 0x80001100};
  B.MemoryAccesses.push_back(Rec);
  ElfImage Image;
  Image.Symbols["f"] = 0x10000;
  auto Run = [&](std::vector<std::pair<uint64_t, uint32_t>> Pieces) {
    MemoryAccessCheck C(P, *Set);
    llvm::cantFail(C.prepare(Image));
    for (auto [A, S] : Pieces)
      C.onMemAccess(A, S, 0, true);
    C.onRetire(0x10004, 0, 4, 0x10008);
    llvm::Error E = C.verdict();
    return E ? llvm::toString(std::move(E)) : "";
  };
  // Two 2-byte fields of each element (a segment with EEW 16, NF 2).
  EXPECT_EQ(Run({{0x80001000, 2}, {0x80001002, 2}, {0x80001040, 2},
                 {0x80001042, 2}, {0x80001100, 2}, {0x80001102, 2}}),
            "");
  // Masked: only some elements.
  EXPECT_EQ(Run({{0x80001040, 2}}), "");
  std::string Between = Run({{0x80001000, 2}, {0x80001008, 2}});
  EXPECT_NE(Between.find("wrote 2 bytes at 0x80001008, but generation "
                         "planned no vector element of 4 bytes"),
            std::string::npos)
      << Between;
  std::string Across = Run({{0x80001042, 4}});
  EXPECT_NE(Across.find("planned no vector element"), std::string::npos)
      << Across;
  // An element the scheme does not allow (0x80001004 is not a start).
  B.MemoryAccesses[0].Elements = {0x80001004};
  std::string Outside = Run({{0x80001004, 2}});
  EXPECT_NE(Outside.find("does not allow the 4-byte element at 0x80001004"),
            std::string::npos)
      << Outside;
}

} // namespace

//===----------------------------------------------------------------------===//
// Operands of emitted instructions
//===----------------------------------------------------------------------===//

namespace {

// For random legal configurations and every vector memory opcode legal
// under them (masked or not): the data group is aligned to its EMUL and
// inside v0..v31 with its NF fields, v0.t groups avoid v0, the index group
// is aligned and apart from the data, and the record's elements match the
// planned shape.
TEST(VectorAccessTest, EmittedOperandsFollowTheRules) {
  registerBuiltinTargets();
  SubtargetSelection Sel;
  Sel.TheTriple = llvm::Triple("riscv64-unknown-elf");
  Sel.CPU = "generic-rv64";
  Sel.Features = "+m,+v";
  Sel.ABI = "lp64";
  Sel.ISAString = "rv64i2p1_m2p0_v1p0";
  auto Env = llvm::cantFail(MCEnvironment::create(Sel));
  const GenTarget *Target = GenTarget::lookup(Sel.TheTriple);
  auto Cat = llvm::cantFail(ISACatalogue::build(*Env, *Target));
  Layout L = layoutWith(configs()[0]);
  WarningEngine W;
  auto Schemes = llvm::cantFail(MemorySchemeSet::build(L, MemoryPolicy(), W));
  GeneratorConfig GC;
  RegisterPolicy Regs(*Env, *Target, GC);
  MemoryPlanner Mem(*Env, *Target, *Schemes, MemoryPlannerOptions());
  RandomEngine RNG(5);
  Mem.attach(Regs, RNG);
  unsigned VLen = VectorAccessPlanner::subtargetVLen(*Env);
  ASSERT_EQ(VLen, 128u);
  VectorAccessPlanner VA(*Env, *Target, Mem, Regs, RNG, VLen);
  std::vector<const OpcodeDesc *> Ops;
  for (const OpcodeDesc &Op : Cat->available())
    if (VectorAccessPlanner::isVectorMemory(*Env, Op)) {
      llvm::cantFail(VA.prepare(Op, *L.SM, llvm::SMLoc()));
      Ops.push_back(&Op);
    }
  EXPECT_EQ(Ops.size(), 310u);
  unsigned V0 = Env->findRegister("V0");
  auto VNum = [&](unsigned Reg) {
    llvm::StringRef N = Env->registerName(Reg);
    unsigned V = 99;
    N.consume_front("V");
    N.consumeInteger(10, V);
    return V;
  };
  BasicBlock B;
  CodeBuffer Out(*Env, B);
  unsigned Emitted = 0, Masked = 0, Legal = 0, Illegal = 0;
  for (unsigned N = 0; N < 300; ++N) {
    Draw D = randomDraw(RNG);
    VectorConfig C = D.C;
    C.VL = std::min<uint64_t>(C.VL, C.vlmax(VLen));
    for (const OpcodeDesc *Op : Ops) {
      if (!VA.legalUnder(*Op, C)) {
        ++Illegal;
        EXPECT_FALSE(VA.whyNotUnder(*Op, C).empty());
        continue;
      }
      ++Legal;
      if (!RNG.chance(0.05))
        continue;
      VectorAccessShape S = *VectorAccessShape::fromName(Op->Name);
      bool M = RNG.chance(0.5);
      size_t Records = B.MemoryAccesses.size();
      VA.emit(*Op, C, M, Out);
      ++Emitted;
      ASSERT_EQ(B.MemoryAccesses.size(), Records + 1);
      const MemoryAccessRecord &Rec = B.MemoryAccesses.back();
      EXPECT_TRUE(Rec.Vector);
      llvm::MCInst I;
      ASSERT_GT(Env->decode(llvm::ArrayRef<uint8_t>(B.Code).slice(Rec.Offset),
                            Rec.Offset, I),
                0u);
      ASSERT_EQ(I.getOpcode(), Op->Opcode) << Op->Name.str();
      std::string What = Op->Name.str() + " sew " + std::to_string(C.SEW) +
                         " lmul " + std::to_string(C.LMULLog2);
      unsigned Data = VNum(I.getOperand(0).getReg().id());
      auto Regs = [](int L) { return L <= 0 ? 1u : 1u << L; };
      unsigned G = S.Kind == VectorAccessKind::WholeRegister ? S.NF
                   : S.Kind == VectorAccessKind::Indexed
                       ? Regs(C.LMULLog2)
                   : S.Kind == VectorAccessKind::Mask ? 1
                                                      : Regs(C.emulLog2(S.EEW));
      unsigned Fields = S.Kind == VectorAccessKind::WholeRegister ? 1 : S.NF;
      EXPECT_EQ(Data % G, 0u) << What;
      EXPECT_LE(Data + G * Fields, 32u) << What;
      bool HasMask = S.hasMaskOperand() &&
                     I.getOperand(I.getNumOperands() - 1).getReg().id() == V0;
      Masked += HasMask;
      if (HasMask)
        EXPECT_NE(Data, 0u) << What;
      if (!S.hasMaskOperand() || !M)
        EXPECT_FALSE(HasMask) << What;
      if (S.Kind == VectorAccessKind::Indexed) {
        unsigned Idx = VNum(I.getOperand(2).getReg().id());
        unsigned IG = Regs(C.emulLog2(S.EEW));
        EXPECT_EQ(Idx % IG, 0u) << What;
        EXPECT_TRUE(Idx + IG <= Data || Data + G * Fields <= Idx) << What;
        if (HasMask)
          EXPECT_NE(Idx, 0u) << What;
      }
      if (S.Kind == VectorAccessKind::Strided ||
          S.Kind == VectorAccessKind::Indexed)
        EXPECT_EQ(Rec.Size, S.dataEEW(C) / 8 * S.NF) << What;
    }
  }
  EXPECT_GT(Emitted, 1000u);
  EXPECT_GT(Masked, 300u);
  EXPECT_GT(Illegal, 1000u);
  EXPECT_GT(Legal, 10000u);
}

} // namespace
