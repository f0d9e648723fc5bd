//===- VectorLoadStoreTest.cpp - RVV loads and stores ---------------------===//
#include "VectorTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

constexpr uint32_t Vstart = 0x008, Vl = 0xC20;

/// Machine with words 0x100, 0x101, ... at DataBase, a0 = DataBase.
std::unique_ptr<TestMachine> withData(llvm::StringRef Asm,
                                      bool AgnosticOnes = false,
                                      llvm::StringRef Isa = "rv64gcv") {
  auto T = vectorMachine(Asm, Isa, AgnosticOnes);
  if (T) {
    fillWords(*T, DataBase, 256, 0x100);
    T->setX(a0, DataBase);
  }
  return T;
}

TEST(VectorLoadStore, UnitStrideLoadAndStore) {
  auto T = withData(R"(
    vsetivli zero, 3, e32, m1, tu, mu
    vle32.v v8, (a0)
    addi a1, a0, 0x200
    vse32.v v8, (a1)
  )");
  ASSERT_TRUE(T);
  fillVReg(*T, 8, 0xee);
  RUN_TO_END(T);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 0), 0x100u);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 2), 0x102u);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 3), 0xeeeeeeeeu) << "tail undisturbed";
  EXPECT_EQ(load32(*T, DataBase + 0x208), 0x102u);
  EXPECT_EQ(load32(*T, DataBase + 0x20c), 0x183u) << "tail not stored";
}

TEST(VectorLoadStore, VlZeroWritesNothing) {
  auto T = withData(R"(
    vsetivli zero, 0, e32, m1, ta, ma
    vle32.v v8, (a0)
    li t0, 0x1000000              # would fault if accessed
    vse32.v v8, (t0)
  )",
                    /*AgnosticOnes=*/true);
  ASSERT_TRUE(T);
  fillVReg(*T, 8, 0x5a);
  RUN_TO_END(T);
  EXPECT_EQ(vreg(*T, 8), std::vector<uint8_t>(16, 0x5a));
}

TEST(VectorLoadStore, VstartSkipsPrestartElements) {
  auto T = withData(R"(
    vsetivli zero, 4, e32, m1, ta, ma
    csrwi vstart, 2
    vle32.v v8, (a0)
    csrr a1, vstart
  )");
  ASSERT_TRUE(T);
  fillVReg(*T, 8, 0x11);
  RUN_TO_END(T);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 1), 0x11111111u);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 2), 0x102u);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 3), 0x103u);
  EXPECT_EQ(T->x(a1), 0u) << "cleared on completion";
}

// Mask v0 = 0b0101: elements 0 and 2 active; vl = 3 of VLMAX 4.
struct PolicyCase {
  const char *Vtype;
  bool AgnosticOnes;
  uint32_t Inactive, Tail;
};

TEST(VectorLoadStore, MaskedOffAndTailElementsUnderEachPolicy) {
  const uint32_t Old = 0x77777777u, Ones = 0xffffffffu;
  PolicyCase Cases[] = {{"tu, mu", false, Old, Old}, {"ta, ma", false, Old, Old},
                        {"tu, mu", true, Old, Old},  {"ta, mu", true, Old, Ones},
                        {"tu, ma", true, Ones, Old}, {"ta, ma", true, Ones, Ones}};
  for (const PolicyCase &C : Cases) {
    std::string Asm = std::string("vsetivli zero, 3, e32, m1, ") + C.Vtype +
                      "\nvle32.v v8, (a0), v0.t\n";
    auto T = withData(Asm, C.AgnosticOnes);
    ASSERT_TRUE(T);
    fillVReg(*T, 8, 0x77);
    std::vector<uint8_t> Mask(16, 0);
    Mask[0] = 0b0101;
    T->M->api().set_v(T->M->get(), 0, Mask.data(), Mask.size());
    RUN_TO_END(T);
    SCOPED_TRACE(std::string(C.Vtype) + (C.AgnosticOnes ? " ones" : ""));
    EXPECT_EQ(velem<uint32_t>(*T, 8, 0), 0x100u);
    EXPECT_EQ(velem<uint32_t>(*T, 8, 1), C.Inactive);
    EXPECT_EQ(velem<uint32_t>(*T, 8, 2), 0x102u);
    EXPECT_EQ(velem<uint32_t>(*T, 8, 3), C.Tail);
  }
}

TEST(VectorLoadStore, MaskedLoadIntoV0IsIllegal) {
  auto T = withData("vsetivli zero, 4, e32, m1, ta, ma\n"
                    ".word 0x00056007\n"); // vle32.v v0, (a0), v0.t
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 2u);
}

TEST(VectorLoadStore, EmulAndGroupLegality) {
  struct {
    const char *Asm;
    bool Legal;
  } Cases[] = {
      {"vsetvli t0, zero, e8, m8, ta, ma\nvle16.v v8, (a0)\n", false}, // EMUL 16
      {"vsetvli t0, zero, e64, m1, ta, ma\nvle8.v v8, (a0)\n", true},  // EMUL 1/8
      {"vsetvli t0, zero, e64, m2, ta, ma\nvle8.v v8, (a0)\n", true},  // 1/4
      {"vsetvli t0, zero, e16, mf4, ta, ma\nvle8.v v8, (a0)\n", true},
      {"vsetvli t0, zero, e16, mf4, ta, ma\nvle64.v v8, (a0)\n", true}, // 1
      {"vsetvli t0, zero, e16, mf2, ta, ma\nvle8.v v8, (a0)\n", true},  // 1/4
      {"vsetvli t0, zero, e8, mf8, ta, ma\nvle64.v v8, (a0)\n", true},  // 1
      {"vsetvli t0, zero, e64, m1, ta, ma\nvle8.v v8, (a0)\n", true},   // 1/8
      {"vsetvli t0, zero, e16, mf4, ta, ma\nvle8.v v8, (a0)\n", true},  // 1/8
      {"vsetvli t0, zero, e32, m2, ta, ma\nvle32.v v9, (a0)\n", false}, // align
      {"vsetvli t0, zero, e32, m2, ta, ma\nvle64.v v12, (a0)\n", true}, // EMUL 4
      {"vsetvli t0, zero, e32, m2, ta, ma\nvle64.v v10, (a0)\n", false},
      {"vsetvli t0, zero, e8, m1, ta, ma\nvlseg8e8.v v24, (a0)\n", true},
      {"vsetvli t0, zero, e8, m1, ta, ma\n.word 0xe2050c87\n", false},
      // vlseg8e8.v v25: past v31
      {"vsetvli t0, zero, e8, m2, ta, ma\nvlseg4e8.v v8, (a0)\n", true},
      {"vsetvli t0, zero, e8, m2, ta, ma\nvlseg5e8.v v8, (a0)\n", false},
      {"vsetvli t0, zero, e8, m1, ta, ma\n.word 0x22850187\n", false},
      // vl2re8.v v3: not a multiple of 2
      {"vsetvli t0, zero, e8, m1, ta, ma\nvs8r.v v8, (a0)\n", true},
  };
  for (const auto &C : Cases) {
    auto T = withData(C.Asm);
    ASSERT_TRUE(T);
    int R = T->run();
    if (C.Legal)
      EXPECT_EQ(R, SNIPGEN_STEP_STOP_PC) << C.Asm << T->message();
    else
      EXPECT_TRUE(R == SNIPGEN_STEP_UNHANDLED_TRAP &&
                  T->M->stopInfo().cause == 2)
          << C.Asm;
  }
}

TEST(VectorLoadStore, SegmentLoadNf8FillsEightRegisters) {
  // EMUL * NF = 8: e8 m1, eight fields, 16 segments of 8 bytes.
  auto T = withData(R"(
    vsetvli t0, zero, e8, m1, ta, ma
    vlseg8e8.v v8, (a0)
    addi a1, a0, 0x400
    vsseg8e8.v v8, (a1)
  )");
  ASSERT_TRUE(T);
  RUN_TO_END(T);
  for (unsigned F = 0; F < 8; ++F)
    for (unsigned I = 0; I < 16; ++I) {
      uint32_t Byte = I * 8 + F; // Offset of field F of segment I.
      uint32_t Word = 0x100 + Byte / 4;
      EXPECT_EQ(velem<uint8_t>(*T, 8 + F, I), uint8_t(Word >> (8 * (Byte % 4))))
          << "field " << F << " element " << I;
    }
  for (unsigned I = 0; I < 32; ++I)
    EXPECT_EQ(load32(*T, DataBase + 0x400 + 4 * I), 0x100u + I);
  // EMUL 2 with NF 4 (EMUL * NF = 8): fields are register pairs.
  auto T2 = withData(R"(
    vsetvli t0, zero, e32, m2, ta, ma
    vlseg4e32.v v8, (a0)
  )");
  RUN_TO_END(T2);
  EXPECT_EQ(velem<uint32_t>(*T2, 8, 0), 0x100u);
  EXPECT_EQ(velem<uint32_t>(*T2, 10, 0), 0x101u);
  EXPECT_EQ(velem<uint32_t>(*T2, 14, 7), 0x100u + 7 * 4 + 3);
}

TEST(VectorLoadStore, StridedWithZeroAndNegativeStride) {
  auto T = withData(R"(
    vsetivli zero, 4, e32, m1, ta, ma
    vlse32.v v8, (a0), zero
    addi a1, a0, 12
    li t0, -4
    vlse32.v v9, (a1), t0
    li t1, 8
    addi a2, a0, 0x300
    vsse32.v v9, (a2), t1
    vlsseg2e32.v v10, (a0), t1
  )");
  ASSERT_TRUE(T);
  RUN_TO_END(T);
  for (unsigned I = 0; I < 4; ++I) {
    EXPECT_EQ(velem<uint32_t>(*T, 8, I), 0x100u);
    EXPECT_EQ(velem<uint32_t>(*T, 9, I), 0x103u - I);
    EXPECT_EQ(load32(*T, DataBase + 0x300 + 8 * I), 0x103u - I);
    EXPECT_EQ(velem<uint32_t>(*T, 10, I), 0x100u + 2 * I);
    EXPECT_EQ(velem<uint32_t>(*T, 11, I), 0x101u + 2 * I);
  }
  EXPECT_EQ(load32(*T, DataBase + 0x304), 0x1c1u) << "gaps untouched";
}

TEST(VectorLoadStore, IndexedGatherScatterAndOutOfRangeIndex) {
  auto T = withData(R"(
    vsetivli zero, 4, e32, m1, ta, ma
    vluxei8.v v8, (a0), v4
    addi a1, a0, 0x300
    vsoxei8.v v8, (a1), v4
  )");
  ASSERT_TRUE(T);
  std::vector<uint8_t> Idx(16, 0);
  Idx[0] = 12, Idx[1] = 0, Idx[2] = 8, Idx[3] = 252;
  T->M->api().set_v(T->M->get(), 4, Idx.data(), Idx.size());
  RUN_TO_END(T);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 0), 0x103u);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 1), 0x100u);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 3), 0x100u + 63);
  EXPECT_EQ(load32(*T, DataBase + 0x300 + 252), 0x100u + 63);
  // 64-bit indices (zero-extended): element 2 points outside memory.
  auto F = withData(R"(
    vsetivli zero, 4, e64, m1, ta, ma
    vsetivli zero, 4, e32, m1, ta, ma
    vluxei64.v v8, (a0), v4
  )");
  ASSERT_TRUE(F);
  std::vector<uint8_t> Wide(32, 0);
  Wide[8] = 4;
  Wide[16 + 7] = 0x80; // element 2: index 0x8000000000000000
  T->M->api().set_v(F->M->get(), 4, Wide.data(), 16);
  T->M->api().set_v(F->M->get(), 5, Wide.data() + 16, 16);
  fillVReg(*F, 8, 0x33);
  EXPECT_EQ(F->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(F->M->stopInfo().cause, 5u) << "load access fault";
  EXPECT_EQ(F->csr(Vstart), 2u);
  EXPECT_EQ(velem<uint32_t>(*F, 8, 1), 0x101u) << "done before the fault";
  EXPECT_EQ(velem<uint32_t>(*F, 8, 2), 0x33333333u);
}

TEST(VectorLoadStore, IndexedOverlapRules) {
  // Index EEW 8 < SEW 32: the data group may not overlap the index group.
  auto T = withData("vsetivli zero, 4, e32, m1, ta, ma\n"
                    "vluxei8.v v4, (a0), v4\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  // Same EEW: overlap is allowed (index 0 everywhere: all read DataBase).
  auto S = withData("vsetivli zero, 4, e32, m1, ta, ma\n"
                    "vluxei32.v v4, (a0), v4\n");
  ASSERT_TRUE(S);
  fillVReg(*S, 4, 0);
  RUN_TO_END(S);
  EXPECT_EQ(velem<uint32_t>(*S, 4, 3), 0x100u);
  // Index EEW 64 > SEW 32: the data register may be the lowest register of
  // the index group (v4 of v4-v5), not its upper part (v5).
  auto Low = withData("vsetivli zero, 4, e32, m1, ta, ma\n"
                      "vluxei64.v v4, (a0), v4\n");
  ASSERT_TRUE(Low);
  fillVReg(*Low, 4, 0);
  fillVReg(*Low, 5, 0);
  RUN_TO_END(Low);
  auto High = withData("vsetivli zero, 4, e32, m1, ta, ma\n"
                       "vluxei64.v v5, (a0), v4\n");
  ASSERT_TRUE(High);
  EXPECT_EQ(High->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  // A register read with two EEWs (QEMU 10): with v0.t the index group may
  // not include v0, nor may a store's data; a store's data may not overlap
  // an index group of another EEW (its first field only, as QEMU checks).
  for (const char *Asm : {"vluxei32.v v8, (a0), v0, v0.t\n",
                          "vsuxei32.v v8, (a0), v0, v0.t\n",
                          "vsuxei32.v v0, (a0), v8, v0.t\n",
                          "vsuxei16.v v8, (a0), v8\n",
                          "vsuxei64.v v9, (a0), v8\n"}) {
    auto I = withData(std::string("vsetivli zero, 4, e32, m1, ta, ma\n") + Asm);
    ASSERT_TRUE(I) << Asm;
    EXPECT_EQ(I->run(), SNIPGEN_STEP_UNHANDLED_TRAP) << Asm;
    EXPECT_EQ(I->M->stopInfo().cause, 2u) << Asm;
  }
  for (const char *Asm : {"vsuxei32.v v8, (a0), v8\n",
                          "vsuxseg2ei16.v v8, (a0), v9\n",
                          "vse32.v v0, (a0), v0.t\n"}) {
    auto I = withData(std::string("vsetivli zero, 4, e32, m1, ta, ma\n") + Asm);
    ASSERT_TRUE(I) << Asm;
    fillVReg(*I, 8, 0);
    fillVReg(*I, 9, 0);
    EXPECT_EQ(I->run(), SNIPGEN_STEP_STOP_PC) << Asm << I->message();
  }
  // Segment loads: no field may overlap the index group at all.
  auto Seg = withData("vsetivli zero, 4, e32, m1, ta, ma\n"
                      "vluxseg2ei32.v v3, (a0), v4\n");
  ASSERT_TRUE(Seg);
  EXPECT_EQ(Seg->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
}

TEST(VectorLoadStore, FaultOnlyFirstTrimsVl) {
  // The data region ends at DataBase + 0x1000: elements 2 and 3 are outside.
  auto T = withData(R"(
    li a1, 0x10ff8
    vsetivli zero, 4, e32, m1, ta, ma
    vle32ff.v v8, (a1)
    csrr a2, vl
  )");
  ASSERT_TRUE(T);
  fillVReg(*T, 8, 0x44);
  T->store64(DataBase + 0xff8, 0x0000000200000001ull);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a2), 2u);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 0), 1u);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 1), 2u);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 2), 0x44444444u);
  // Element 0 faulting traps, with vl unchanged.
  auto F = withData(R"(
    li a1, 0x11000
    vsetivli zero, 4, e32, m1, ta, ma
    vle32ff.v v8, (a1)
  )");
  ASSERT_TRUE(F);
  EXPECT_EQ(F->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(F->M->stopInfo().cause, 5u);
  EXPECT_EQ(F->csr(Vl), 4u);
  EXPECT_EQ(F->csr(Vstart), 0u);
  // Segment fault-only-first: a segment crossing the end trims vl there.
  auto S = withData(R"(
    li a1, 0x10ff0
    vsetivli zero, 4, e32, m1, ta, ma
    vlseg3e32ff.v v8, (a1)
    csrr a2, vl
  )");
  std::vector<uint64_t> Reads;
  snipgen_model_observer Obs = {};
  Obs.user = &Reads;
  Obs.on_mem_access = [](void *U, uint64_t A, uint32_t, uint64_t, int) {
    static_cast<std::vector<uint64_t> *>(U)->push_back(A);
  };
  S->M->api().set_observer(S->M->get(), &Obs);
  RUN_TO_END(S);
  EXPECT_EQ(S->x(a2), 1u) << "segment 1 spans 0x10ffc..0x11008";
  EXPECT_EQ(Reads, (std::vector<uint64_t>{0x10ff0, 0x10ff4, 0x10ff8}))
      << "the trimmed segment's first field is not reported";
}

TEST(VectorLoadStore, StoreFaultLeavesVstartAndEarlierElementsStored) {
  auto T = withData(R"(
    li a1, 0x10ff8
    vsetivli zero, 4, e32, m1, ta, ma
    vse32.v v8, (a1)
  )");
  ASSERT_TRUE(T);
  fillVReg(*T, 8, 0x66);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 7u) << "store access fault";
  EXPECT_EQ(T->M->stopInfo().addr, 0x11000u);
  EXPECT_EQ(T->csr(Vstart), 2u);
  EXPECT_EQ(load32(*T, DataBase + 0xffc), 0x66666666u);
}

TEST(VectorLoadStore, WholeRegisterAndMaskLoadsStores) {
  auto T = withData(R"(
    vsetivli zero, 13, e8, m1, ta, ma
    vl2re16.v v2, (a0)
    addi a1, a0, 0x500
    vs2r.v v2, (a1)
    vlm.v v6, (a0)          # ceil(13 / 8) = 2 bytes
    addi a2, a0, 0x600
    vsm.v v6, (a2)
  )");
  ASSERT_TRUE(T);
  fillVReg(*T, 6, 0x99);
  RUN_TO_END(T);
  EXPECT_EQ(velem<uint32_t>(*T, 2, 0), 0x100u);
  EXPECT_EQ(velem<uint32_t>(*T, 2, 7), 0x107u) << "second register";
  EXPECT_EQ(load32(*T, DataBase + 0x51c), 0x107u);
  EXPECT_EQ(velem<uint8_t>(*T, 6, 0), 0x00u);
  EXPECT_EQ(velem<uint8_t>(*T, 6, 1), 0x01u);
  EXPECT_EQ(velem<uint8_t>(*T, 6, 2), 0x99u) << "tail undisturbed";
  EXPECT_EQ(load32(*T, DataBase + 0x600), 0x0100u) << "two bytes stored";
}

TEST(VectorLoadStore, Rv32AddressesWrap) {
  auto T = withData(R"(
    vsetivli zero, 2, e32, m1, ta, ma
    li t0, -4
    addi a1, a0, 4
    vlse32.v v8, (a1), t0
  )",
                    false, "rv32gcv");
  RUN_TO_END(T);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 0), 0x101u);
  EXPECT_EQ(velem<uint32_t>(*T, 8, 1), 0x100u);
}

/// Collects what observers see.
struct Recorder {
  std::vector<uint64_t> Mem;
  std::vector<uint32_t> VRegs;
};

TEST(VectorLoadStore, ObserversSeeEveryElementAndRegister) {
  // VLEN 1024, e8, m8: 1024 element accesses in one instruction.
  auto T = withData(R"(
    vsetvli t0, zero, e8, m8, ta, ma
    vle8.v v8, (a0)
    vsetvli t0, zero, e8, m4, ta, ma
    vlseg2e8.v v16, (a0), v0.t
  )",
                    false, "rv64gcv_zvl1024b");
  ASSERT_TRUE(T);
  std::vector<uint8_t> Mask(128, 0x55);
  T->M->api().set_v(T->M->get(), 0, Mask.data(), Mask.size());
  Recorder R;
  snipgen_model_observer Obs = {};
  Obs.user = &R;
  Obs.on_reg_write = [](void *U, uint32_t File, uint32_t Index, uint64_t) {
    if (File == SNIPGEN_REG_V)
      static_cast<Recorder *>(U)->VRegs.push_back(Index);
  };
  Obs.on_mem_access = [](void *U, uint64_t A, uint32_t, uint64_t, int) {
    static_cast<Recorder *>(U)->Mem.push_back(A);
  };
  T->M->api().set_observer(T->M->get(), &Obs);
  RUN_TO_END(T);
  ASSERT_EQ(R.Mem.size(), 1024u + 256u * 2);
  EXPECT_EQ(R.Mem[1023], DataBase + 1023);
  EXPECT_EQ(R.Mem[1024], DataBase);
  EXPECT_EQ(R.Mem[1025], DataBase + 1);
  EXPECT_EQ(R.Mem[1026], DataBase + 4) << "segment 1 masked off";
  std::vector<uint32_t> Want;
  for (uint32_t V = 8; V < 24; ++V)
    Want.push_back(V);
  EXPECT_EQ(R.VRegs, Want);
}

} // namespace
