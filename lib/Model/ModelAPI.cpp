//===- ModelAPI.cpp - The built-in model behind the C interface -----------===//
#include "snipgen/Model/ModelAPI.h"
#include "snipgen/Model/Model.h"

#include "RISCV/Machine.h"

#include "llvm/Support/Error.h"
#include <cstddef>
#include <cstdio>
#include <cstring>

using namespace snipgen::model;

// The opaque handle is the Machine itself.
struct snipgen_model {
  std::unique_ptr<Machine> M;
};

static void copyMessage(const std::string &Msg, char *Buf, size_t Size) {
  if (!Buf || Size == 0)
    return;
  std::snprintf(Buf, Size, "%s", Msg.c_str());
}

static snipgen_model *apiCreate(const snipgen_model_config *Cfg, char *Error,
                                size_t ErrorSize) {
  // Callers built before cache_block_size was added pass a shorter struct.
  if (!Cfg || Cfg->struct_size < offsetof(snipgen_model_config, cache_block_size)) {
    copyMessage("model configuration is missing or too old", Error, ErrorSize);
    return nullptr;
  }
  MachineConfig MC;
  MC.XLen = Cfg->xlen;
  MC.Isa = Cfg->isa ? Cfg->isa : (Cfg->xlen == 32 ? "rv32gc" : "rv64gc");
  MC.AllowMisaligned = Cfg->misaligned == SNIPGEN_MISALIGNED_ALLOW;
  MC.HartId = Cfg->hart_id;
  if (Cfg->struct_size >= offsetof(snipgen_model_config, cache_block_size) +
                              sizeof(Cfg->cache_block_size) &&
      Cfg->cache_block_size)
    MC.CacheBlockBytes = Cfg->cache_block_size;
  for (uint32_t I = 0; I < Cfg->num_regions; ++I) {
    const snipgen_model_region &R = Cfg->regions[I];
    MC.Regions.push_back({R.base, R.size, uint8_t(R.rights & 7),
                          R.name ? R.name : ""});
  }
  auto M = Machine::create(MC);
  if (!M) {
    copyMessage(llvm::toString(M.takeError()), Error, ErrorSize);
    return nullptr;
  }
  return new snipgen_model{std::move(*M)};
}

static void apiDestroy(snipgen_model *S) { delete S; }
static void apiReset(snipgen_model *S) { S->M->reset(); }
static uint64_t apiGetPC(snipgen_model *S) { return S->M->H.PC; }
static void apiSetPC(snipgen_model *S, uint64_t PC) {
  S->M->H.PC = PC & S->M->H.AddrMask;
}
static uint64_t apiGetX(snipgen_model *S, uint32_t I) {
  return I < 32 ? S->M->H.X[I] & S->M->H.AddrMask : 0;
}
static void apiSetX(snipgen_model *S, uint32_t I, uint64_t V) {
  if (I > 0 && I < 32)
    S->M->H.X[I] = S->M->H.sext(V);
}
static uint64_t apiGetF(snipgen_model *S, uint32_t I) {
  return I < 32 ? S->M->H.F[I] : 0;
}
static void apiSetF(snipgen_model *S, uint32_t I, uint64_t V) {
  if (I < 32)
    S->M->H.F[I] = V;
}
static int apiGetCsr(snipgen_model *S, uint32_t Num, uint64_t *V) {
  uint64_t Value = 0;
  // Debugger view: FP CSRs stay readable while mstatus.FS is Off.
  Hart &H = S->M->H;
  uint64_t SavedStatus = H.Mstatus;
  if (Num >= csr::Fflags && Num <= csr::Fcsr) // not for mstatus itself
    H.Mstatus |= 1ull << 13;
  bool Ok = Num < 4096 && H.readCsr(uint16_t(Num), Value);
  H.Mstatus = SavedStatus;
  if (!Ok)
    return -1;
  if (V)
    *V = Value;
  return 0;
}
static int apiSetCsr(snipgen_model *S, uint32_t Num, uint64_t V) {
  Hart &H = S->M->H;
  bool Observed = H.Observed;
  H.Observed = false; // Debugger writes are not program effects.
  bool Ok = Num < 4096 && H.writeCsr(uint16_t(Num), V);
  H.Observed = Observed;
  if (Ok && (Num == csr::Minstret || Num == csr::Mcycle ||
             Num == csr::MinstretH || Num == csr::McycleH)) {
    // writeCsr pre-compensates for the writing instruction's retirement;
    // a debugger write has none.
    uint64_t &Adjust = (Num == csr::Minstret || Num == csr::MinstretH)
                           ? H.InstretAdjust
                           : H.CycleAdjust;
    ++Adjust;
  }
  return Ok ? 0 : -1;
}
static uint32_t apiGetVlenb(snipgen_model *) { return 0; }
static int apiGetV(snipgen_model *, uint32_t, void *, size_t) { return -1; }
static int apiSetV(snipgen_model *, uint32_t, const void *, size_t) {
  return -1;
}
static int apiReadMem(snipgen_model *S, uint64_t Addr, void *Data,
                      size_t Size) {
  return S->M->readMemory(Addr, Data, Size) ? 0 : -1;
}
static int apiWriteMem(snipgen_model *S, uint64_t Addr, const void *Data,
                       size_t Size) {
  return S->M->writeMemory(Addr, Data, Size) ? 0 : -1;
}
static int apiStep(snipgen_model *S) { return S->M->step(); }
static int apiRun(snipgen_model *S, uint64_t MaxSteps, uint64_t *Executed) {
  return S->M->run(MaxSteps, Executed);
}
static void apiSetStopPC(snipgen_model *S, uint64_t PC, int Enabled) {
  S->M->setStopPC(PC, Enabled != 0);
}
static void apiSetToHost(snipgen_model *S, uint64_t Addr, int Enabled) {
  S->M->setToHost(Addr, Enabled != 0);
}
static void apiSetObserver(snipgen_model *S,
                           const snipgen_model_observer *Obs) {
  S->M->setObserver(Obs);
}
static void apiGetStopInfo(snipgen_model *S, snipgen_model_stop_info *Info) {
  if (Info)
    *Info = S->M->stopInfo();
}
static uint64_t apiGetInstret(snipgen_model *S) { return S->M->H.InstRet; }

static const snipgen_model_api BuiltinAPI = {
    SNIPGEN_MODEL_API_VERSION,
    sizeof(snipgen_model_api),
    "snipgen built-in RISC-V model",
    apiCreate,
    apiDestroy,
    apiReset,
    apiGetPC,
    apiSetPC,
    apiGetX,
    apiSetX,
    apiGetF,
    apiSetF,
    apiGetCsr,
    apiSetCsr,
    apiGetVlenb,
    apiGetV,
    apiSetV,
    apiReadMem,
    apiWriteMem,
    apiStep,
    apiRun,
    apiSetStopPC,
    apiSetToHost,
    apiSetObserver,
    apiGetStopInfo,
    apiGetInstret,
};

const snipgen_model_api *snipgen::getBuiltinModelAPI() { return &BuiltinAPI; }
