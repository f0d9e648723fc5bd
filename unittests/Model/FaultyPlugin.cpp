//===- FaultyPlugin.cpp - A secondary model with one deliberate bug -------===//
//
// The built-in model behind dlopen, except that the first MUL it executes
// gets bit 0 of its result flipped. Co-simulation tests use it as the
// secondary model that must be caught at exactly that instruction.
//===----------------------------------------------------------------------===//
#include "snipgen/Model/Model.h"
#include "snipgen/Model/ModelAPI.h"

static const snipgen_model_api *Real;
static bool Corrupted;

static int faultyStep(snipgen_model *M) {
  uint32_t Insn = 0;
  uint64_t PC = Real->get_pc(M);
  bool IsMul = !Corrupted && Real->read_mem(M, PC, &Insn, 4) == 0 &&
               (Insn & 0xfe00707fu) == 0x02000033u; // MUL
  int R = Real->step(M);
  if (IsMul && R == SNIPGEN_STEP_OK) {
    unsigned Rd = (Insn >> 7) & 31;
    if (Rd) {
      Real->set_x(M, Rd, Real->get_x(M, Rd) ^ 1);
      Corrupted = true;
    }
  }
  return R;
}

extern "C" __attribute__((visibility("default"))) const snipgen_model_api *
snipgen_model_get_api(uint32_t Version) {
  static snipgen_model_api Table = [] {
    Real = snipgen::getBuiltinModelAPI();
    snipgen_model_api T = *Real;
    T.name = "faulty test model (first MUL result off by one bit)";
    T.step = faultyStep;
    return T;
  }();
  (void)Version;
  return &Table;
}
