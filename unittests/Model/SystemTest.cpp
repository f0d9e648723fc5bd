//===- SystemTest.cpp - CSRs, traps, memory faults, run control -----------===//
#include "ModelTestUtil.h"

#include <vector>

using namespace snipgen;
using namespace snipgen::test;

namespace {

TEST(Csr, ReadWriteSetClear) {
  auto T = TestMachine::create(R"(
    li t0, 0xf0
    csrw mscratch, t0
    csrrsi a0, mscratch, 0xf   # a0 = 0xf0, now 0xff
    csrrc a1, mscratch, t0     # a1 = 0xff, now 0x0f
    csrr a2, mscratch
    csrrwi a3, mscratch, 3     # a3 = 0x0f
    csrr a4, mhartid
    csrr a5, misa
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0xf0u);
  EXPECT_EQ(T->x(a1), 0xffu);
  EXPECT_EQ(T->x(a2), 0x0fu);
  EXPECT_EQ(T->x(a3), 0x0fu);
  EXPECT_EQ(T->x(a4), 0u);
  uint64_t Misa = T->x(a5);
  EXPECT_EQ(Misa >> 62, 2u) << "MXL = 64";
  for (char Ext : std::string("imafdc"))
    EXPECT_TRUE((Misa >> (Ext - 'a')) & 1) << Ext;
}

TEST(Csr, CountersCountRetiredInstructions) {
  auto T = TestMachine::create(R"(
    csrr a0, instret           # 0 instructions retired before it
    nop
    csrr a1, minstret          # 2
    csrr a2, cycle             # 3
    csrwi minstret, 0          # next instruction sees 0
    csrr a3, minstret
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->x(a1), 2u);
  EXPECT_EQ(T->x(a2), 3u);
  EXPECT_EQ(T->x(a3), 0u);
}

TEST(Csr, ReadOnlyAndMissingCsrsAreIllegal) {
  for (const char *Asm : {"csrw mhartid, zero\n", "csrw cycle, t0\n",
                          "csrr a0, satp\n", "csrr a0, 0x7ff\n",
                          "csrr a0, medeleg\n"}) {
    auto T = TestMachine::create(Asm);
    ASSERT_TRUE(T);
    EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP) << Asm;
    EXPECT_EQ(T->M->stopInfo().cause, 2u) << Asm;
    EXPECT_EQ(T->x(a0), 0u) << Asm;
  }
  // Reading a read-only CSR with csrrs x0 is fine.
  auto T = TestMachine::create("csrrs a0, mhartid, zero\n");
  RUN_TO_END(T);
}

TEST(Csr, FloatingPointCsrs) {
  auto T = TestMachine::create(R"(
    li t0, 0x1f | (3 << 5)
    csrw fcsr, t0
    csrr a0, frm               # 3
    csrr a1, fflags            # 0x1f
    csrwi fflags, 1
    csrr a2, fcsr              # 0x61
    csrr a3, mstatus
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 3u);
  EXPECT_EQ(T->x(a1), 0x1fu);
  EXPECT_EQ(T->x(a2), 0x61u);
  EXPECT_EQ((T->x(a3) >> 13) & 3, 3u) << "FS = Dirty after writing fcsr";
  EXPECT_EQ(T->x(a3) >> 63, 1u) << "SD summarises FS";
}

TEST(Trap, EcallGoesToMtvecAndMretReturns) {
  auto T = TestMachine::create(R"(
    jal t0, start
  handler:
    csrr a0, mcause
    csrr a1, mepc
    csrr a2, mtval
    csrr a3, mstatus
    addi t1, a1, 4
    csrw mepc, t1
    mret
  start:
    csrw mtvec, t0
    csrsi mstatus, 8           # MIE = 1
    ecall
    csrr a4, mstatus
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 11u);
  EXPECT_EQ(T->x(a2), 0u);
  EXPECT_EQ((T->x(a3) >> 7) & 1, 1u) << "MPIE took MIE";
  EXPECT_EQ((T->x(a3) >> 3) & 1, 0u) << "MIE cleared in the handler";
  EXPECT_EQ((T->x(a3) >> 11) & 3, 3u) << "MPP = M";
  EXPECT_EQ((T->x(a4) >> 3) & 1, 1u) << "mret restored MIE";
}

TEST(Trap, IllegalInstructionReportsEncodingInMtval) {
  auto T = TestMachine::create(R"(
    jal t0, start
  handler:
    csrr a0, mcause
    csrr a1, mtval
    csrr t1, mepc
    addi t1, t1, 4
    csrw mepc, t1
    mret
  start:
    csrw mtvec, t0
    .word 0xffffffff           # not an instruction
    li a2, 1
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 2u);
  EXPECT_EQ(T->x(a1), 0xffffffffu);
  EXPECT_EQ(T->x(a2), 1u);
}

TEST(Trap, UnhandledTrapStopsWithAReport) {
  auto T = TestMachine::create(R"(
    li s0, 0x30000
    lw a0, 4(s0)
  )");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  auto I = T->M->stopInfo();
  EXPECT_EQ(I.cause, 5u);
  EXPECT_EQ(I.addr, 0x30004u);
  EXPECT_EQ(I.size, 4u);
  EXPECT_EQ(I.pc, CodeBase + 4);
  EXPECT_EQ(T->message(),
            "load access fault at pc 0x1004 (lw a0, 4(s0)): 4-byte load from "
            "0x30004: outside every region (no trap handler: mtvec is 0)");
}

TEST(Trap, StoreToReadOnlyAndFetchFromData) {
  auto T = TestMachine::create("li s0, 0x20000\nsd zero, 0(s0)\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 7u);
  EXPECT_NE(T->message().find("region has no write right"), std::string::npos)
      << T->message();
  auto U = TestMachine::create("li t0, 0x10000\njr t0\n");
  ASSERT_TRUE(U);
  EXPECT_EQ(U->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(U->M->stopInfo().cause, 1u);
  EXPECT_EQ(U->M->stopInfo().tval, 0x10000u);
}

TEST(Trap, MisalignedPolicy) {
  const char *Asm = "li s0, 0x10001\nlw a0, 0(s0)\nsh a0, 2(s0)\n";
  auto Allow = TestMachine::create(Asm, "rv64gc", /*AllowMisaligned=*/true);
  RUN_TO_END(Allow);
  auto Trap = TestMachine::create(Asm, "rv64gc", /*AllowMisaligned=*/false);
  ASSERT_TRUE(Trap);
  EXPECT_EQ(Trap->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(Trap->M->stopInfo().cause, 4u);
  EXPECT_NE(Trap->message().find("misaligned access is disabled"),
            std::string::npos);
}

TEST(Trap, AccessCrossingARegionEnd) {
  auto T = TestMachine::create("li s0, 0x10ffc\nld a0, 0(s0)\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_NE(T->message().find("crosses the end of its region"),
            std::string::npos)
      << T->message();
}

TEST(RunControl, EbreakWithoutHandlerIsANormalEnd) {
  auto T = TestMachine::create("li a0, 1\nebreak\nli a0, 2\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_EBREAK);
  EXPECT_EQ(T->x(a0), 1u);
  EXPECT_EQ(T->M->pc(), CodeBase + 4);
}

TEST(RunControl, StopPcIsNotExecuted) {
  auto T = TestMachine::create("li a0, 1\nli a0, 2\nli a0, 3\n");
  ASSERT_TRUE(T);
  T->M->api().set_stop_pc(T->M->get(), CodeBase + 8, 1);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(T->x(a0), 2u);
  EXPECT_EQ(T->M->pc(), CodeBase + 8);
  // Moving the stop re-enables the old one's slot.
  T->M->api().set_stop_pc(T->M->get(), T->CodeEnd, 1);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(T->x(a0), 3u);
}

TEST(RunControl, StepLimitEndsAnInfiniteLoop) {
  auto T = TestMachine::create("1: j 1b\n");
  ASSERT_TRUE(T);
  uint64_t Retired = 0;
  EXPECT_EQ(T->M->api().run(T->M->get(), 1000, &Retired), SNIPGEN_STEP_LIMIT);
  EXPECT_EQ(Retired, 1000u);
}

TEST(RunControl, StepLimitEndsATrapLoop) {
  // mtvec points at an illegal instruction: nothing ever retires.
  auto T = TestMachine::create("jal t0, 1f\n.word 0\n1: csrw mtvec, t0\n.word 0\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(500), SNIPGEN_STEP_LIMIT);
}

TEST(RunControl, StepByStep) {
  auto T = TestMachine::create("li a0, 1\necall\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->M->api().step(T->M->get()), SNIPGEN_STEP_OK);
  EXPECT_EQ(T->M->pc(), CodeBase + 4);
  EXPECT_EQ(T->M->api().step(T->M->get()), SNIPGEN_STEP_UNHANDLED_TRAP);
}

TEST(RunControl, ExitEcallWithoutHandler) {
  auto T = TestMachine::create("li a0, 3\nli a7, 93\necall\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_EXIT);
  EXPECT_EQ(T->M->stopInfo().exit_code, 3u);
}

TEST(RunControl, ToHostExit) {
  auto T = TestMachine::create(R"(
    li s0, 0x10800
    li t0, 5
    sd t0, 8(s0)               # next to tohost: plain store
    li t0, (9 << 1) | 1
    sd t0, 0(s0)               # tohost: exit code 9
    li a0, 1                   # not executed
  )");
  ASSERT_TRUE(T);
  T->M->api().set_tohost(T->M->get(), 0x10800, 1);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_EXIT);
  EXPECT_EQ(T->M->stopInfo().exit_code, 9u);
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->load64(0x10808), 5u);
}

TEST(RunControl, SelfModifyingCodeIsRedecoded) {
  // The loop body runs twice; after the first pass it overwrites its own
  // first instruction, which is already in the decode cache.
  auto Bytes = assemble(R"(
    li s1, 2
    auipc t0, 0                # 0x1004
    li t1, 0x00200513          # encoding of "li a0, 2" (lui + addi)
  loop:
    li a0, 1                   # 0x1010, patched after the first pass
    add a2, a2, a0
    sw t1, 12(t0)
    addi s1, s1, -1
    bnez s1, loop
  )", "rv64g");
  ASSERT_TRUE(bool(Bytes)) << llvm::toString(Bytes.takeError());
  ModelConfig C;
  C.Isa = "rv64g";
  C.Regions = {{CodeBase, RegionSize, SNIPGEN_MEM_R | SNIPGEN_MEM_W | SNIPGEN_MEM_X, "code"}};
  auto M = ModelHandle::create(*getBuiltinModelAPI(), C);
  ASSERT_TRUE(bool(M));
  auto &H = **M;
  H.api().write_mem(H.get(), CodeBase, Bytes->data(), Bytes->size());
  H.setPC(CodeBase);
  H.api().set_stop_pc(H.get(), CodeBase + Bytes->size(), 1);
  EXPECT_EQ(H.api().run(H.get(), 100, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(H.x(a2), 3u) << "1 from the original, 2 from the patched code";
}

TEST(Observers, CallbacksArriveInProgramOrder) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li t0, 7
    sd t0, 0(s0)
    ld a0, 0(s0)
    csrw mscratch, a0
  )", "rv64g");
  ASSERT_TRUE(T);
  struct Log {
    std::vector<std::string> Lines;
  } L;
  snipgen_model_observer Obs = {};
  Obs.user = &L;
  Obs.on_reg_write = [](void *U, uint32_t File, uint32_t Index, uint64_t V) {
    static_cast<Log *>(U)->Lines.push_back("reg " + std::to_string(File) + ":" +
                                           std::to_string(Index) + "=" +
                                           std::to_string(V));
  };
  Obs.on_mem_access = [](void *U, uint64_t A, uint32_t S, uint64_t V, int W) {
    static_cast<Log *>(U)->Lines.push_back(std::string(W ? "store " : "load ") +
                                           std::to_string(A) + "/" +
                                           std::to_string(S) + "=" +
                                           std::to_string(V));
  };
  Obs.on_retire = [](void *U, uint64_t PC, uint32_t, uint32_t Size,
                     uint64_t Next) {
    static_cast<Log *>(U)->Lines.push_back("retire " + std::to_string(PC) +
                                           "->" + std::to_string(Next));
  };
  T->M->api().set_observer(T->M->get(), &Obs);
  RUN_TO_END(T);
  std::vector<std::string> Expected = {
      "reg 0:8=65536",   "retire 4096->4100",
      "reg 0:5=7",       "retire 4100->4104",
      "store 65536/8=7", "retire 4104->4108",
      "reg 0:10=7",      "load 65536/8=7",
      "retire 4108->4112",
      "reg 2:832=7",     "retire 4112->4116"};
  // Loads record the access before the register write.
  std::swap(Expected[6], Expected[7]);
  EXPECT_EQ(L.Lines, Expected);
}

} // namespace
