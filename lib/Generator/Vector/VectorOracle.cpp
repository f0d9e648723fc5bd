//===- VectorOracle.cpp - The built-in model as the RVV legality oracle ---===//
#include "VectorOracle.h"
#include "snipgen/Model/Model.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/MC/MCInst.h"

using namespace llvm;

namespace snipgen {

static constexpr uint64_t CodeBase = 0x1000;

VectorOracle::VectorOracle(const MCEnvironment &Env) : Env(Env) {}
VectorOracle::~VectorOracle() = default;

Expected<std::unique_ptr<VectorOracle>>
VectorOracle::create(const MCEnvironment &Env) {
  std::unique_ptr<VectorOracle> O(new VectorOracle(Env));
  ModelConfig C;
  C.Isa = Env.selection().ISAString;
  C.XLen = Env.selection().XLen;
  C.Regions.push_back(
      {CodeBase, 0x1000, SNIPGEN_MEM_R | SNIPGEN_MEM_X, "vector oracle code"});
  auto M = ModelHandle::create(*getBuiltinModelAPI(), C);
  if (!M)
    return makeError("cannot create the vector legality oracle: " +
                     toString(M.takeError()));
  O->Model = std::move(*M);
  O->XLen = Env.selection().XLen;
  O->VLen = O->Model->api().get_vlenb(O->Model->get()) * 8;
  return O;
}

bool VectorOracle::run(uint32_t Encoding) {
  const snipgen_model_api &API = Model->api();
  uint8_t Bytes[4] = {uint8_t(Encoding), uint8_t(Encoding >> 8),
                      uint8_t(Encoding >> 16), uint8_t(Encoding >> 24)};
  API.write_mem(Model->get(), CodeBase, Bytes, 4);
  Model->setPC(CodeBase);
  return API.step(Model->get()) == SNIPGEN_STEP_OK;
}

// vsetvl x1, x1, x2 (rd = x1 receives the new vl).
static uint32_t vsetvlX1X1X2() {
  return 0x57u | (1u << 7) | (7u << 12) | (1u << 15) | (2u << 20) |
         (0x40u << 25);
}

bool VectorOracle::vtypeLegal(uint64_t VType) {
  Model->setX(1, 1);
  Model->setX(2, VType);
  if (!run(vsetvlX1X1X2()))
    return false;
  // vill: vl = 0 although AVL = 1.
  return Model->x(1) == 1;
}

void VectorOracle::setConfig(const VectorConfig &C) {
  uint64_t VType =
      C.Vill ? uint64_t(1) << (XLen - 1) : uint64_t(C.vtypeImmediate());
  Model->setX(1, C.Vill ? 0 : C.VL);
  Model->setX(2, VType);
  run(vsetvlX1X1X2());
}

bool VectorOracle::executes(const MCInst &I) {
  Scratch.clear();
  if (!Env.encode(I, Scratch) || Scratch.size() != 4)
    return false;
  uint32_t Enc = 0;
  for (unsigned K = 0; K < 4; ++K)
    Enc |= uint32_t(uint8_t(Scratch[K])) << (8 * K);
  return run(Enc);
}

} // namespace snipgen
