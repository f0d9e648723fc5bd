//===- TrappingPlugin.cpp - A model that traps on the first SRA -----------===//
//
// The built-in model behind dlopen, except that the first SRA it meets
// raises an illegal-instruction exception that no handler takes
// (SNIPGEN_STEP_UNHANDLED_TRAP) instead of executing. Campaign tests use it
// as the primary model to inject a model trap (test/campaign/trap.test).
//===----------------------------------------------------------------------===//
#include "snipgen/Model/Model.h"
#include "snipgen/Model/ModelAPI.h"
#include <cinttypes>
#include <cstdio>

static const snipgen_model_api *Real;
static bool Trapped;
static snipgen_model_stop_info TrapInfo;
static char TrapMessage[160];

static bool atSRA(snipgen_model *M, uint32_t &Insn) {
  uint64_t PC = Real->get_pc(M);
  Insn = 0;
  return Real->read_mem(M, PC, &Insn, 4) == 0 &&
         (Insn & 0xfe00707fu) == 0x40005033u; // SRA
}

static int trappingStep(snipgen_model *M) {
  uint32_t Insn;
  if (Trapped || !atSRA(M, Insn))
    return Real->step(M);
  Trapped = true;
  TrapInfo = {};
  TrapInfo.result = SNIPGEN_STEP_UNHANDLED_TRAP;
  TrapInfo.cause = 2; // illegal instruction
  TrapInfo.pc = Real->get_pc(M);
  TrapInfo.tval = Insn;
  TrapInfo.encoding = Insn;
  // Worded as the built-in model's reports: the cause first.
  std::snprintf(TrapMessage, sizeof(TrapMessage),
                "illegal instruction at pc 0x%" PRIx64 " (sra): mtval 0x%" PRIx32
                ": injected by the trapping test model (no trap handler)",
                TrapInfo.pc, Insn);
  TrapInfo.message = TrapMessage;
  return SNIPGEN_STEP_UNHANDLED_TRAP;
}

static int trappingRun(snipgen_model *M, uint64_t MaxSteps,
                       uint64_t *Executed) {
  uint64_t Before = Real->get_instret(M);
  int R = SNIPGEN_STEP_LIMIT;
  for (uint64_t I = 0; I < MaxSteps; ++I) {
    R = trappingStep(M);
    if (R != SNIPGEN_STEP_OK && R != SNIPGEN_STEP_TRAP_TAKEN)
      break;
    R = SNIPGEN_STEP_LIMIT;
  }
  if (Executed)
    *Executed = Real->get_instret(M) - Before;
  return R;
}

static void trappingStopInfo(snipgen_model *M, snipgen_model_stop_info *Info) {
  if (Trapped)
    *Info = TrapInfo;
  else
    Real->get_stop_info(M, Info);
}

extern "C" __attribute__((visibility("default"))) const snipgen_model_api *
snipgen_model_get_api(uint32_t Version) {
  static snipgen_model_api Table = [] {
    Real = snipgen::getBuiltinModelAPI();
    snipgen_model_api T = *Real;
    T.name = "trapping test model (the first SRA is an illegal instruction)";
    T.step = trappingStep;
    T.run = trappingRun;
    T.get_stop_info = trappingStopInfo;
    return T;
  }();
  (void)Version;
  return &Table;
}
