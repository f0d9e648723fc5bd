//===- Cosim.cpp - Secondary models in lockstep ---------------------------===//
#include "Cosim.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace snipgen {

static std::string hex(uint64_t V) { return "0x" + utohexstr(V, true); }

Expected<std::unique_ptr<CosimCheck>>
CosimCheck::create(StringRef Plugin, const RunOptions &RO, bool WantLog) {
  auto API = loadModelPlugin(Plugin);
  if (!API)
    return makeError("-cosim-model-plugins: " + toString(API.takeError()));
  std::unique_ptr<CosimCheck> C(new CosimCheck());
  C->API = *API;
  C->RO = RO;
  C->RO.Stop.clear();
  C->RO.UseToHost = false;
  C->Name = sys::path::stem(Plugin).str();
  C->WantLog = WantLog;
  auto P = InstructionPrinter::create(RO.Isa);
  if (!P)
    return P.takeError();
  C->Printer = std::move(*P);
  C->HasF = StringRef(RO.Isa).contains('f') || StringRef(RO.Isa).contains('d') ||
            StringRef(RO.Isa).contains('g');
  return std::move(C);
}

Error CosimCheck::prepare(const ElfImage &Image) {
  auto R = Runner::create(Image, RO, API);
  if (!R)
    return R.takeError();
  Secondary = std::move(*R);
  return Error::success();
}

void CosimCheck::onRunStart(ModelHandle &M) {
  Primary = &M;
  ModelHandle &S = Secondary->model();
  for (unsigned I = 1; I < 32; ++I)
    S.setX(I, M.x(I));
  if (HasF)
    for (unsigned I = 0; I < 32; ++I)
      S.setF(I, M.f(I));
  uint64_t FCSR = 0;
  if (HasF && M.api().get_csr(M.get(), 0x003, &FCSR) == 0)
    S.api().set_csr(S.get(), 0x003, FCSR);
  S.setPC(M.pc());
  LastX.assign(32, 0);
  LastF.assign(32, 0);
  for (unsigned I = 0; I < 32; ++I) {
    LastX[I] = S.x(I);
    LastF[I] = HasF ? S.f(I) : 0;
  }
}

void CosimCheck::note(const std::string &Line) {
  Recent.push_back(Line);
  if (Recent.size() > 16)
    Recent.pop_front();
}

void CosimCheck::onRetire(uint64_t PC, uint32_t Enc, uint32_t Size,
                          uint64_t) {
  if (!Problem.empty() || !Secondary)
    return;
  ModelHandle &S = Secondary->model();
  std::string Text = Printer->print(Enc, Size, PC);
  note("[primary] " + hex(PC) + ": " + Text);
  uint64_t SPC = S.pc();
  if (SPC != PC) {
    Problem = "Interpreters states differ: before '" + Text + "' at " +
              hex(PC) + " the pc of '" + Name + "' is " + hex(SPC);
    return;
  }
  int R = S.api().step(S.get());
  ++Steps;
  std::string Line = hex(PC) + ": " + Text;
  for (unsigned I = 1; I < 32; ++I)
    if (S.x(I) != LastX[I]) {
      LastX[I] = S.x(I);
      Line += " x" + std::to_string(I) + "=" + hex(LastX[I]);
    }
  if (HasF)
    for (unsigned I = 0; I < 32; ++I)
      if (S.f(I) != LastF[I]) {
        LastF[I] = S.f(I);
        Line += " f" + std::to_string(I) + "=" + hex(LastF[I]);
      }
  if (WantLog)
    Log += Line + "\n";
  note("[" + Name + "] " + Line);
  if (R != SNIPGEN_STEP_OK) {
    snipgen_model_stop_info Info = S.stopInfo();
    Problem = "Interpreters states differ: '" + Text + "' at " + hex(PC) +
              " did not execute on '" + Name + "' (" + stepResultName(R) +
              "): " + (Info.message ? Info.message : "");
    return;
  }
  auto Differ = [&](const char *File, unsigned I, uint64_t P, uint64_t Sec) {
    Problem = "Interpreters states differ: after '" + Text + "' at " +
              hex(PC) + ": " + File + std::to_string(I) + " is " + hex(P) +
              " on the primary model and " + hex(Sec) + " on '" + Name + "'";
  };
  for (unsigned I = 1; I < 32 && Problem.empty(); ++I)
    if (Primary->x(I) != S.x(I))
      Differ("x", I, Primary->x(I), S.x(I));
  for (unsigned I = 0; HasF && I < 32 && Problem.empty(); ++I)
    if (Primary->f(I) != S.f(I))
      Differ("f", I, Primary->f(I), S.f(I));
}

Error CosimCheck::verdict() {
  if (Problem.empty())
    return Error::success();
  // The manual: the combined log precedes the error.
  errs() << "combined log (last instructions of all models):\n";
  for (const std::string &L : Recent)
    errs() << "  " << L << "\n";
  return makeError(Problem);
}

} // namespace snipgen
