//===- SelfCheckSetup.cpp - -selfcheck, -selfcheck-gv, intervals ----------===//
#include "SelfCheckSetup.h"
#include "ModelRun.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Generator/Generator.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/OutputFiles.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Emit/ObjectEmitter.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace snipgen {

Expected<std::unique_ptr<SelfCheckEmitter>>
setupSelfCheck(const OptionTable &Opts, const MCEnvironment &Env,
               const GenTarget &Target, Layout &L, RegisterPolicy &Policy,
               const GeneratorConfig &Config) {
  // llvm-snippy's -selfcheck takes an optional period: no value checks
  // every primary instruction.
  StringRef Period = Opts.getString(OptionID::Selfcheck);
  uint64_t N = 1;
  if (!Period.empty() && Period.getAsInteger(10, N))
    return Opts.valueError(OptionID::Selfcheck,
                           "'" + Period + "'; expected a non-negative integer "
                                          "(or no value: every instruction)");
  bool RVV = Opts.getFlag(OptionID::EnableSelfcheckRVV);
  if (!N) {
    if (Opts.getFlag(OptionID::SelfcheckGV))
      return Opts.valueError(OptionID::SelfcheckGV,
                             "needs -selfcheck=N (N > 0)");
    if (RVV)
      return Opts.valueError(OptionID::EnableSelfcheckRVV,
                             "needs -selfcheck=N (N > 0)");
    return nullptr;
  }
  // The manual: self-check is "not supported without model plugin": the
  // etalons come from the model's run of the snippet.
  if (modelPluginName(Opts).equals_insensitive("none"))
    return Opts.valueError(OptionID::Selfcheck,
                           "needs a model for the etalons, but "
                           "-model-plugin=None disables execution");
  if (Config.FillCodeSection)
    return Opts.valueError(OptionID::NumInstrs,
                           "when -num-instrs=all is specified, self-check is "
                           "not supported");
  auto SC = SelfCheckEmitter::create(Env, Target, L, N, RVV);
  if (!SC)
    return SC.takeError();
  unsigned Ptr = (*SC)->pointerRegister();
  if (Policy.isReserved(Ptr))
    return Opts.valueError(
        OptionID::Selfcheck,
        "self-check keeps its pointer in " + Env.registerName(Ptr) +
            ", which the layout reserves; release it");
  // Nothing but the check code may read or write the pointer.
  Policy.reserve(Ptr, ReserveRead | ReserveWrite);
  // ra, sp, gp and tp hold what the environment gave the snippet (the
  // caller's return address, its stack, its globals), never values the
  // snippet sets itself: a result computed from them would differ between
  // the model's run and the device's, so primaries do not read them.
  for (StringRef Name : {"X1", "X2", "X3", "X4"})
    if (unsigned R = Env.findRegister(Name))
      Policy.reserveForPrimaryRead(R);
  for (SectionDesc &S : L.Sections)
    if (S.Name == "selfcheck")
      S.Loaded = true;
  if (Opts.getFlag(OptionID::SelfcheckGV)) {
    bool HasRO = false;
    for (const SectionDesc &S : L.Sections)
      HasRO |= S.Access.R && !S.Access.W && !S.Access.X;
    if (!HasRO)
      return Opts.valueError(
          OptionID::SelfcheckGV,
          "the global constants need a read-only section (ACCESS: r) in the "
          "layout (manual: \"Global Constants\", \"Read-only Sections\")");
  }
  return SC;
}

std::optional<ModelRegion> selfCheckOverflowRegion(const Layout &L) {
  const SectionDesc *SC = nullptr;
  for (const SectionDesc &S : L.Sections)
    if (S.Name == "selfcheck")
      SC = &S;
  if (!SC)
    return std::nullopt;
  uint64_t Begin = SC->end(), End = Begin + (uint64_t(256) << 20);
  if (End < Begin)
    End = UINT64_MAX;
  for (const SectionDesc &S : L.Sections)
    if (S.VMA >= Begin && S.VMA < End)
      End = S.VMA;
  if (End == Begin)
    return std::nullopt;
  return ModelRegion{Begin, End - Begin, SNIPGEN_MEM_R | SNIPGEN_MEM_W,
                     "self-check overflow (model only)"};
}

Error prepareSelfCheckProgram(const OptionTable &Opts, const Layout &L,
                              const SelfCheckEmitter &SC,
                              WarningEngine &Warnings, Program &P) {
  if (uint64_t Skipped = SC.vectorChecksSkipped())
    if (Error E = Warnings.warn(
            Warning::InconsistentOptions,
            Twine(Skipped) + " vector instruction" +
                (Skipped == 1 ? " was" : "s were") +
                " not self-checked: self-check of vector destinations "
                "needs -enable-selfcheck-rvv"))
      return E;
  for (unsigned I = 0; I < L.Sections.size(); ++I) {
    const SectionDesc &S = L.Sections[I];
    if (S.Name == "selfcheck")
      P.SelfCheck.Address = S.VMA;
    if (S.Access.R && !S.Access.W && !S.Access.X && !P.SelfCheck.Globals) {
      P.SelfCheck.Globals = Opts.getFlag(OptionID::SelfcheckGV);
      P.SelfCheck.GlobalsSection = I;
    }
  }
  P.SelfCheck.Stride = SC.valueBytes();
  return Error::success();
}

// The object is final but for the etalons and the used size: both are
// written into its bytes in place (the section is PROGBITS, zero-filled, and
// the size global has its slot), so the code the model ran is the code
// written.
Error finishSelfCheck(const Layout &L, StringRef SectionsPrefix,
                      const SelfCheckRecorder &Rec, Program &P,
                      std::string &Object) {
  for (const Function &F : P.Functions)
    if (F.IsExternal)
      return makeError(
          "-selfcheck cannot be combined with external functions in the call "
          "graph: the self-check pointer register is caller-saved and the "
          "external code may change it");
  P.SelfCheck.Image = Rec.etalonImage();
  P.SelfCheck.UsedSize = P.SelfCheck.Image.size();
  auto Obj = object::ObjectFile::createELFObjectFile(
      MemoryBufferRef(Object, "snippet"));
  if (!Obj)
    return Obj.takeError();
  std::string SCName;
  for (const SectionDesc &S : L.Sections)
    if (S.Name == "selfcheck")
      SCName = outputSectionName(SectionsPrefix, S);
  bool Patched = false;
  for (const object::SectionRef &Sec : (*Obj)->sections()) {
    auto Name = Sec.getName();
    if (!Name)
      return Name.takeError();
    if (*Name != SCName)
      continue;
    uint64_t Off = object::ELFSectionRef(Sec).getOffset();
    if (Sec.getSize() < P.SelfCheck.Image.size() ||
        Off + P.SelfCheck.Image.size() > Object.size())
      return makeInternalError("selfcheck section smaller than its etalons");
    std::copy(P.SelfCheck.Image.begin(), P.SelfCheck.Image.end(),
              Object.begin() + Off);
    Patched = true;
  }
  if (!Patched)
    return makeInternalError("no selfcheck section in the object");
  if (!P.SelfCheck.Globals)
    return Error::success();
  for (const object::SymbolRef &Sym : (*Obj)->symbols()) {
    auto Name = Sym.getName();
    if (!Name)
      return Name.takeError();
    // __snippy_selfcheck_section_size, or __snippy_<entry>_... with
    // -mangle-exported-names.
    if (!Name->starts_with("__snippy_") ||
        !Name->ends_with("selfcheck_section_size"))
      continue;
    auto Sec = Sym.getSection();
    auto Value = Sym.getValue();
    if (!Sec || !Value)
      return makeInternalError("cannot locate __snippy_selfcheck_section_size");
    uint64_t Off = object::ELFSectionRef(**Sec).getOffset() + *Value;
    for (unsigned B = 0; B < 8; ++B)
      Object[Off + B] = char(P.SelfCheck.UsedSize >> (8 * B));
    return Error::success();
  }
  return makeInternalError("no __snippy_selfcheck_section_size symbol");
}

Error queueIntervalsToVerify(const OptionTable &Opts, const MCEnvironment &Env,
                             const Layout &L, const Program &P,
                             StringRef ElfPath, OutputFiles &Files) {
  if (!Opts.isSet(OptionID::DumpIntervalsToVerify))
    return Error::success();
  std::string Text =
      intervalsToVerifyYAML(Env, P, L.Sections[P.CodeSection].VMA);
  StringRef Path = Opts.getString(OptionID::DumpIntervalsToVerify);
  if (Path == "-") {
    outs() << Text;
    return Error::success();
  }
  Files.add(Path.empty() ? (ElfPath + ".intervals-to-verify.yaml").str()
                         : Path.str(),
            std::move(Text));
  return Error::success();
}

} // namespace snipgen
