//===- VectorSetup.cpp - RVV generation from the layout and options -------===//
#include "VectorSetup.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace snipgen {

/// An RVV dump to stdout (no path or "-") or to Path; Failure starts the
/// error message, which goes on with the path and the reason.
static Error writeDump(StringRef Path, StringRef Text, StringRef Failure) {
  if (Path.empty() || Path == "-") {
    outs() << Text;
    return Error::success();
  }
  std::error_code EC;
  raw_fd_ostream F(Path, EC, sys::fs::OF_Text);
  if (EC)
    return makeError(Failure + Path + "': " + EC.message());
  F << Text;
  return Error::success();
}

Expected<VectorSetup>
setupVectorUnit(const Layout &L, const OptionTable &Opts,
                const MCEnvironment &Env, const GenTarget &Target,
                const ISACatalogue &Cat, const OpcodeHistogram &Histogram,
                PrimarySource &Inner) {
  VectorSetup S;
  VectorUnit::Options O;
  O.InitMode = StringSwitch<RVVInitMode>(Opts.getString(OptionID::RvvInitMode))
                   .Case("splats", RVVInitMode::Splats)
                   .Case("loads", RVVInitMode::Loads)
                   .Case("slides", RVVInitMode::Slides)
                   .Default(RVVInitMode::Mixed);
  // llvm-snippy's two flags name two of the init modes (splats win, as
  // there); an explicit -rvv-init-mode that says otherwise is a conflict.
  bool Splats = Opts.getFlag(OptionID::RiscvUseSplatsForRvvInit);
  bool FromMemory = Opts.getFlag(OptionID::RiscvInitVregsFromMemory);
  if (Splats || FromMemory) {
    RVVInitMode Want = Splats ? RVVInitMode::Splats : RVVInitMode::Loads;
    StringRef Flag = Splats ? "-riscv-use-splats-for-rvv-init"
                            : "-riscv-init-vregs-from-memory";
    if (Opts.isSet(OptionID::RvvInitMode) && O.InitMode != Want)
      return makeError(Twine(Flag) + " asks for -rvv-init-mode=" +
                       (Splats ? "splats" : "loads") +
                       ", but -rvv-init-mode=" +
                       Opts.getString(OptionID::RvvInitMode) +
                       " is given too");
    O.InitMode = Want;
  }
  O.InitRegs = Opts.getFlag(OptionID::InitRegsInElf);
  O.NoMask = Opts.getFlag(OptionID::RiscvNomaskModeForRvv);
  O.NoReservedVill = Opts.getFlag(OptionID::RiscvDisableReservedSewLmul);
  O.ModeChange =
      StringSwitch<RVVModeChangePreference>(
          Opts.getString(OptionID::RiscvPreferenceForRvvModeChange))
          .Case("vsetivli", RVVModeChangePreference::VSETIVLI)
          .Case("vsetvli", RVVModeChangePreference::VSETVLI)
          .Case("vsetvl", RVVModeChangePreference::VSETVL)
          .Default(RVVModeChangePreference::Any);
  auto U = VectorUnit::create(Env, Target, Cat, L, Histogram, O);
  if (!U)
    return U.takeError();
  S.Unit = std::move(*U);
  if (Opts.isSet(OptionID::RiscvDumpRvvConfig)) {
    std::string Text;
    raw_string_ostream OS(Text);
    if (S.Unit)
      S.Unit->dump(OS);
    else
      OS << "--- RVV Configuration Info ---\n"
         << "  - Derived VLEN: 0 (VLENB = 0)\n"
         << "  - Mode Change Decision Policy: None\n"
         << "--- RVV Configuration End ---\n";
    if (Error E = writeDump(Opts.getString(OptionID::RiscvDumpRvvConfig), Text,
                            "cannot write the RVV configuration dump '"))
      return E;
  }
  if (Opts.isSet(OptionID::RiscvDumpDiscardedRvvConfigurations)) {
    std::string Text;
    raw_string_ostream OS(Text);
    if (S.Unit)
      S.Unit->dumpDiscarded(OS);
    else
      OS << "--- RVV Unit Discarded Info ---\nNone\n"
         << "--- RVV Unit Discarded End  ---\n";
    if (Error E = writeDump(
            Opts.getString(OptionID::RiscvDumpDiscardedRvvConfigurations), Text,
            "riscv-dump-discarded-rvv-configurations error : cannot write '"))
      return E;
  }
  if (S.Unit)
    S.Source = std::make_unique<VectorSource>(Inner, *S.Unit);
  return std::move(S);
}

} // namespace snipgen
