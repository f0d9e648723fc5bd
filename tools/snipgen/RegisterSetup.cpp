//===- RegisterSetup.cpp - Registers, immediates and values ---------------===//
#include "RegisterSetup.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Generator/FPControl.h"
#include "snipgen/Generator/FPUOverwrite.h"
#include "snipgen/Generator/Generator.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/ImmediateHistogram.h"
#include "snipgen/Generator/InitialRegisters.h"
#include "snipgen/Generator/RegisterReservation.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

// The initial state's random values have their own stream, so that the
// instructions of a seed do not change when initial values are added.
static constexpr uint64_t InitialStateSalt = 0x1b17a15eedull;

static Error applyReservations(const Layout &L, const OptionTable &Opts,
                               const MCEnvironment &Env,
                               const GenTarget &Target, RegisterPolicy &Policy,
                               WarningEngine &Warnings) {
  const ValueConfig &VC = L.Values;
  bool FromOption = Opts.isSet(OptionID::ReservedRegsList);
  if (FromOption && VC.ReservationLoc.isValid())
    return makeError(*L.SM, VC.ReservationLoc,
                     "'register-reservation' and -reserved-regs-list cannot "
                     "be used together; list the registers here with [SRW] "
                     "(what -reserved-regs-list means)");
  std::vector<RegisterReservationEntry> Entries;
  if (FromOption) {
    if (Error E = Warnings.warn(
            Warning::DeprecatedOption,
            "-reserved-regs-list is deprecated and reserves registers for "
            "primary instructions only; use the 'register-reservation' layout "
            "key ([SRW] is the same, [RW] also keeps ancillary code away)"))
      return E;
    for (const std::string &R : Opts.getList(OptionID::ReservedRegsList))
      if (!R.empty())
        Entries.push_back({R, ReserveSoftRead | ReserveSoftWrite, SMLoc()});
  } else {
    Entries = VC.Reservations;
  }
  auto Resolved = resolveRegisterReservations(
      Entries, Env, Target, [&](unsigned I, const Twine &Msg) -> Error {
        if (FromOption)
          return Opts.valueError(OptionID::ReservedRegsList,
                                 "illegal register name: " + Msg);
        return makeError(*L.SM, Entries[I].Loc, Msg);
      });
  if (!Resolved)
    return Resolved.takeError();
  for (const ResolvedReservation &R : *Resolved)
    Policy.reserve(R.Reg, R.Bits);
  return Error::success();
}

// --initial-regs-yaml (a register-state dump, or a file with `histograms`)
// and the layout's `histograms`.
static Expected<InitialRegisterPlan>
planInitialState(const Layout &L, const OptionTable &Opts,
                 const MCEnvironment &Env, const GenTarget &Target,
                 uint64_t Seed, RegisterSetup &S, WarningEngine &Warnings) {
  RandomEngine RNG(Seed ^ InitialStateSalt);
  StringRef Path = Opts.getString(OptionID::InitialRegsYaml);
  const std::optional<RegisterValueSource> &Layout = L.Values.InitialValuegrams;
  if (Path.empty())
    return planInitialRegisters(Env, Target, Layout ? &*Layout : nullptr,
                                L.SM.get(), /*ZeroBase=*/false, RNG);
  if (Layout)
    return Opts.valueError(OptionID::InitialRegsYaml,
                           "the layout's 'histograms' key gives initial "
                           "register values too; use one or the other");
  if (registerValueFileHasHistograms(Path)) {
    auto File = loadRegisterValueFile(Path);
    if (!File)
      return File.takeError();
    S.InitialFile = std::make_unique<RegisterValueSource>(std::move(*File));
    return planInitialRegisters(Env, Target, S.InitialFile.get(),
                                S.InitialFile->FileSM.get(), /*ZeroBase=*/true,
                                RNG);
  }
  // A register-state dump, read as the model reads it (same messages).
  std::vector<std::string> Notes;
  auto State = RegisterState::readYamlFile(Path, &Notes);
  if (!State)
    return Opts.valueError(OptionID::InitialRegsYaml, toString(State.takeError()));
  for (const std::string &N : Notes)
    if (Error E = Warnings.warn(Warning::RegState, N))
      return E;
  RegisterValueSource Fixed;
  for (unsigned I = 0; I < 32; ++I) {
    if (State->X[I])
      Fixed.Registers.push_back({"X" + std::to_string(I), 'X', I, *State->X[I], {}});
    if (State->F[I])
      Fixed.Registers.push_back({"F" + std::to_string(I), 'F', I, *State->F[I], {}});
  }
  return planInitialRegisters(Env, Target, &Fixed, nullptr, /*ZeroBase=*/true,
                              RNG);
}

static RegisterState toRegisterState(const InitialRegisterPlan &P) {
  RegisterState R;
  R.XLen = P.XLen;
  R.FLen = P.FLen;
  for (unsigned I = 0; I < 32; ++I) {
    R.X[I] = P.X[I];
    if (P.FLen)
      R.F[I] = P.F[I];
  }
  if (!P.V.empty()) {
    R.VLenB = P.V[0].size();
    for (unsigned I = 0; I < 32; ++I)
      R.V[I] = P.V[I];
  }
  return R;
}

static Error setupOperandValues(const Layout &L, const OptionTable &Opts,
                                const MCEnvironment &Env,
                                const GenTarget &Target,
                                const GeneratorConfig &Config,
                                const OpcodeHistogram &Histogram,
                                const InitialRegisterPlan &Plan,
                                RegisterSetup &S, WarningEngine &Warnings) {
  const ValueConfig &VC = L.Values;
  S.Values = std::make_unique<ValueInitializer>(Env, Target, *S.Registers);
  StringRef OperandsFile = Opts.getString(OptionID::ValuegramOperandsRegs);
  bool Reinit = !VC.OperandsReinit.empty();
  bool InitOutputs = Opts.getFlag(OptionID::ValuegramOperandsRegsInitOutputs);
  if (InitOutputs && OperandsFile.empty())
    return Opts.valueError(OptionID::ValuegramOperandsRegsInitOutputs,
                           "requires -valuegram-operands-regs (the file the "
                           "destination registers' values come from)");
  S.Values->setInitOutputs(InitOutputs);
  if (!OperandsFile.empty() && Reinit)
    return makeError(*L.SM, VC.OperandsReinitLoc,
                     "'operands-reinitialization' cannot be used together "
                     "with -valuegram-operands-regs; use one of them");
  if (!OperandsFile.empty()) {
    auto File = loadRegisterValueFile(OperandsFile);
    if (!File)
      return File.takeError();
    S.OperandFile = std::make_unique<RegisterValueSource>(std::move(*File));
    if (const RegisterClassValuegram *V = S.OperandFile->histogramFor("V"))
      return makeError(*S.OperandFile->FileSM, V->Loc,
                       "reg-type V: -valuegram-operands-regs does not "
                       "initialise vector registers (the manual: \"this "
                       "functionality does not support initialization of "
                       "vector registers\"); vector register values come "
                       "from -initial-regs-yaml or the layout's "
                       "'histograms'");
    S.Values->setOperandValues(
        createRegisterFileValueSource(*S.OperandFile, Env, Target));
  } else if (Reinit) {
    auto Src = createReinitValueSource(VC.OperandsReinit, *L.SM, Histogram,
                                       Warnings);
    if (!Src)
      return Src.takeError();
    S.Values->setOperandValues(std::move(*Src));
  }
  const std::optional<FPUOverwriteConfig> &FPU = VC.FPUOverwrite;
  if (FPU && FPU->Mode != NaNOverwriteMode::Disabled) {
    FPUOverwrite::Setup Setup;
    Setup.Config = &*FPU;
    Setup.SM = L.SM.get();
    Setup.Env = &Env;
    Setup.Target = &Target;
    Setup.FLen = Plan.FLen ? Plan.FLen : 64;
    Setup.InitialF = Plan.F;
    Setup.InitialX = Plan.X;
    Setup.L = &L;
    auto O = FPUOverwrite::create(std::move(Setup));
    if (!O)
      return O.takeError();
    S.Values->setFPUOverwrite(std::move(*O));
  }
  S.Values->setGuardsFRM(any_of(Histogram.entries(), [](const auto &E) {
    return fpControlSourceRule(E.Op->Name).has_value();
  }));
  if (Config.FillCodeSection && (!OperandsFile.empty() || Reinit ||
                                 (FPU && FPU->Mode != NaNOverwriteMode::Disabled)))
    return makeOptionError("num-instrs",
                           "when -num-instrs=all is specified, initializing "
                           "registers before each instruction (-valuegram-"
                           "operands-regs, operands-reinitialization, "
                           "fpu-config overwrite) is not supported");
  if (!S.Values->idle())
    S.Registers->setOperandInitializer(S.Values.get());
  return Error::success();
}

Expected<RegisterSetup> setupRegisters(const Layout &L, const OptionTable &Opts,
                                       const MCEnvironment &Env,
                                       const GenTarget &Target,
                                       const GeneratorConfig &Config,
                                       const OpcodeHistogram &Histogram,
                                       uint64_t Seed, WarningEngine &Warnings) {
  RegisterSetup S;
  S.Registers = std::make_unique<RegisterPolicy>(Env, Target, Config);
  if (Error E = applyReservations(L, Opts, Env, Target, *S.Registers, Warnings))
    return E;

  if (const std::optional<ImmHistConfig> &IH = L.Values.ImmHist) {
    auto P = HistogramImmediatePolicy::create(*IH, *L.SM, Histogram, Warnings);
    if (!P)
      return P.takeError();
    S.Immediates = std::move(*P);
  } else {
    S.Immediates = std::make_unique<ImmediatePolicy>();
  }

  auto Plan = planInitialState(L, Opts, Env, Target, Seed, S, Warnings);
  if (!Plan)
    return Plan.takeError();
  S.Registers->setInitialValues(Plan->X, Plan->F, Plan->FRM, Plan->FFlags,
                                Plan->V);
  S.InitialState = toRegisterState(*Plan);

  if (Error E = setupOperandValues(L, Opts, Env, Target, Config, Histogram,
                                   *Plan, S, Warnings))
    return E;
  return S;
}

} // namespace snipgen
