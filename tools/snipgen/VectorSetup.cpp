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
  O.InitRegs = Opts.getFlag(OptionID::InitRegsInElf);
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
    StringRef Path = Opts.getString(OptionID::RiscvDumpRvvConfig);
    if (Path.empty() || Path == "-") {
      outs() << Text;
    } else {
      std::error_code EC;
      raw_fd_ostream F(Path, EC, sys::fs::OF_Text);
      if (EC)
        return makeError("cannot write the RVV configuration dump '" + Path +
                         "': " + EC.message());
      F << Text;
    }
  }
  if (S.Unit)
    S.Source = std::make_unique<VectorSource>(Inner, *S.Unit);
  return std::move(S);
}

} // namespace snipgen
