//===- RISCVSubtarget.cpp - -mtriple/-mcpu/-march/-mattr/-mabi ------------===//
//
// The manual's semantics: -mtriple is mandatory; -mcpu empty, "auto" or
// "generic" means the generic CPU of the triple; -march is a lowercase ISA
// string (rv64gc_zba_zbb); -mattr adds (+) or removes (-) features on top.
// The canonical ISA string is recomputed from the final feature set so the
// ELF attributes, the model and the catalogue agree.
//===----------------------------------------------------------------------===//
#include "RISCVTarget.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Warnings.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/TargetParser/RISCVISAInfo.h"
#include <memory>

using namespace llvm;

namespace snipgen {

static bool isRISCVTripleName(StringRef S) {
  return S.starts_with("riscv32") || S.starts_with("riscv64");
}

Expected<SubtargetSelection>
RISCVTarget::selectSubtarget(const OptionTable &Opts,
                             WarningEngine &Warnings) const {
  initializeLLVMTargets();
  SubtargetSelection Sel;
  std::string TripleName = Opts.getString(OptionID::MTriple).str();
  std::string MArch = Opts.getString(OptionID::MArch).str();

  // llvm-snippy layouts sometimes put a triple in -march.
  if (isRISCVTripleName(MArch)) {
    if (Error E = Warnings.warn(Warning::MArchIsTriple,
                                "-march='" + MArch +
                                    "' is a target triple, not an ISA string; "
                                    "using it as -mtriple"))
      return std::move(E);
    if (TripleName.empty())
      TripleName = MArch;
    MArch.clear();
  }
  if (TripleName.empty())
    return makeOptionError("mtriple", "is required (e.g. -mtriple=riscv64-"
                                      "unknown-elf or riscv32-unknown-elf)");
  if (!isRISCVTripleName(TripleName))
    return Opts.valueError(OptionID::MTriple,
                           "unsupported target triple '" + TripleName +
                               "'; supported: riscv32*, riscv64*");
  Sel.TheTriple = Triple(Triple::normalize(TripleName));
  Sel.XLen = Sel.TheTriple.isArch64Bit() ? 64 : 32;

  std::string Err;
  const Target *T = TargetRegistry::lookupTarget(Sel.TheTriple, Err);
  if (!T)
    return makeError("no LLVM target for '" + TripleName + "': " + Err);

  StringRef CPU = Opts.getString(OptionID::MCpu);
  if (CPU.empty() || CPU == "auto" || CPU == "generic")
    Sel.CPU = Sel.XLen == 64 ? "generic-rv64" : "generic-rv32";
  else
    Sel.CPU = CPU.str();
  std::unique_ptr<MCSubtargetInfo> Probe(
      T->createMCSubtargetInfo(Sel.TheTriple, "", ""));
  if (!Probe->isCPUStringValid(Sel.CPU))
    return Opts.valueError(OptionID::MCpu,
                           "unknown CPU '" + Sel.CPU + "' for " + TripleName);

  std::vector<std::string> Features;
  if (!MArch.empty()) {
    if (MArch != StringRef(MArch).lower())
      return Opts.valueError(OptionID::MArch,
                             "ISA string '" + MArch + "' must be lowercase");
    auto ISA = RISCVISAInfo::parseArchString(
        MArch, /*EnableExperimentalExtension=*/true,
        /*ExperimentalExtensionVersionCheck=*/false);
    if (!ISA)
      return Opts.valueError(OptionID::MArch,
                             "'" + MArch + "': " + toString(ISA.takeError()));
    if ((*ISA)->getXLen() != Sel.XLen)
      return Opts.valueError(OptionID::MArch,
                             "'" + MArch + "' is RV" +
                                 Twine((*ISA)->getXLen()) +
                                 " but the triple '" + TripleName + "' is RV" +
                                 Twine(Sel.XLen));
    Features = (*ISA)->toFeatures(/*AddAllExtensions=*/true);
  }

  StringRef MAttr = Opts.getString(OptionID::MAttr);
  if (!MAttr.empty()) {
    SmallVector<StringRef, 16> Parts;
    MAttr.split(Parts, ',', -1, /*KeepEmpty=*/false);
    for (StringRef P : Parts) {
      P = P.trim();
      if (P.size() < 2 || (P[0] != '+' && P[0] != '-'))
        return Opts.valueError(OptionID::MAttr,
                               "'" + P + "': each feature must start with "
                                         "'+' or '-' (e.g. +m,-c)");
      StringRef Name = P.drop_front();
      bool Known = any_of(Probe->getAllProcessorFeatures(),
                          [&](const SubtargetFeatureKV &KV) {
                            return Name == StringRef(KV.Key);
                          });
      if (!Known)
        return Opts.valueError(OptionID::MAttr,
                               "unknown feature '" + Name + "' for " +
                                   TripleName);
      Features.push_back(P.str());
    }
  }
  Sel.Features = join(Features, ",");

  // The final feature set decides the canonical ISA string.
  std::unique_ptr<MCSubtargetInfo> STI(
      T->createMCSubtargetInfo(Sel.TheTriple, Sel.CPU, Sel.Features));
  std::vector<std::string> Enabled;
  for (const SubtargetFeatureKV &KV : STI->getAllProcessorFeatures())
    if (STI->hasFeature(KV.Value) &&
        RISCVISAInfo::isSupportedExtensionFeature(StringRef(KV.Key)))
      Enabled.push_back("+" + std::string(StringRef(KV.Key)));
  auto Final = RISCVISAInfo::parseFeatures(Sel.XLen, Enabled);
  if (!Final)
    return makeError("inconsistent ISA for " + TripleName + " with -mcpu=" +
                     Sel.CPU + ": " + toString(Final.takeError()));
  Sel.ISAString = (*Final)->toString();

  StringRef ABI = Opts.getString(OptionID::MAbi);
  if (ABI.empty()) {
    Sel.ABI = (*Final)->computeDefaultABI().str();
  } else {
    bool Is64 = ABI.starts_with("lp64");
    if (Is64 != (Sel.XLen == 64))
      return Opts.valueError(OptionID::MAbi,
                             "ABI '" + ABI + "' does not fit RV" +
                                 Twine(Sel.XLen) + "; use " +
                                 (Sel.XLen == 64 ? "lp64, lp64f, lp64d or lp64e"
                                                 : "ilp32, ilp32f, ilp32d or "
                                                   "ilp32e"));
    if (ABI.ends_with("d") && !(*Final)->hasExtension("d"))
      return Opts.valueError(OptionID::MAbi,
                             "ABI '" + ABI + "' needs the D extension");
    if (ABI.ends_with("f") && !(*Final)->hasExtension("f"))
      return Opts.valueError(OptionID::MAbi,
                             "ABI '" + ABI + "' needs the F extension");
    Sel.ABI = ABI.str();
  }
  return Sel;
}

} // namespace snipgen
