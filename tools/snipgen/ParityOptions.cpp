//===- ParityOptions.cpp - llvm-snippy options beyond its manual ----------===//
#include "ParityOptions.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Warnings.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>
#include <optional>
#include "snipgen/Target/ISACatalogue.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"
#include <charconv>

using namespace llvm;

namespace snipgen {

static std::string hex(uint64_t V) { return "0x" + utohexstr(V, true); }

Error applyBurstOptions(Layout &L, const OptionTable &Opts) {
  bool Mode = Opts.isSet(OptionID::MemoryAccessMode);
  bool Size = Opts.isSet(OptionID::MemoryAccessBurstGroupSize);
  if (!Mode && !Size)
    return Error::success();
  OptionID Given = Mode ? OptionID::MemoryAccessMode
                        : OptionID::MemoryAccessBurstGroupSize;
  if (L.Memory.Burst)
    return Opts.valueError(
        Given, "Attempt to specify burst config through the command line "
               "options: burst configuration was already found in config "
               "file (the layout's 'burst' key); give one or the other");
  BurstConfig B;
  B.Mode = StringSwitch<BurstModeKind>(
               Opts.getString(OptionID::MemoryAccessMode))
               .Case("store-burst", BurstModeKind::Store)
               .Case("load-burst", BurstModeKind::Load)
               .Case("mixed-burst", BurstModeKind::Mixed)
               .Case("load-store-burst", BurstModeKind::LoadStore)
               .Default(BurstModeKind::Basic);
  uint64_t N = Opts.getUnsigned(OptionID::MemoryAccessBurstGroupSize);
  if (B.Mode != BurstModeKind::Basic) {
    if (N == 0)
      return Opts.valueError(OptionID::MemoryAccessBurstGroupSize,
                             "'0'; a burst group holds at least one memory "
                             "instruction");
    B.MinSize = B.MaxSize = N;
  }
  // Basic mode has no groups: the group size has nothing to apply to.
  L.Memory.Burst = std::move(B);
  return Error::success();
}

Error applyStackSize(Layout &L, const OptionTable &Opts,
                      WarningEngine &Warnings) {
  uint64_t Size = Opts.getUnsigned(OptionID::StackSize);
  if (Size == 0)
    return Error::success();
  if (Opts.getFlag(OptionID::ExternalStack))
    return Warnings.warn(Warning::InconsistentOptions,
                         "--stack-size option ignored: external stack was "
                         "enabled.");
  for (const SectionDesc &S : L.Sections)
    if (S.Name == "stack")
      return Warnings.warn(Warning::InconsistentOptions,
                           "--stack-size option ignored: found stack section "
                           "in layout");
  constexpr uint64_t Align = 16; // the RISC-V stack alignment
  if (Size % Align != 0)
    return Opts.valueError(OptionID::StackSize,
                           "Stack configure failed: Stack section size must "
                           "be " +
                               Twine(Align) + " bytes aligned (got " +
                               Twine(Size) + ")");
  std::vector<const SectionDesc *> Sorted;
  for (const SectionDesc &S : L.Sections)
    Sorted.push_back(&S);
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [](const SectionDesc *A, const SectionDesc *B) {
                     return A->VMA < B->VMA;
                   });
  auto IsRW = [](const SectionDesc *S) {
    return S->Access.R && S->Access.W && !S->Access.X;
  };
  auto First = std::find_if(Sorted.begin(), Sorted.end(), IsRW);
  if (First == Sorted.end())
    return makeError("--stack-size: the layout has no rw section to place "
                     "the stack next to");
  size_t FirstIdx = First - Sorted.begin();
  size_t LastIdx = Sorted.size() - 1 -
                   (std::find_if(Sorted.rbegin(), Sorted.rend(), IsRW) -
                    Sorted.rbegin());
  std::optional<uint64_t> VMA;
  // Below all sections, after all sections, then in a gap between the
  // sections around the rw ones.
  if (FirstIdx == 0 && Sorted[0]->VMA >= Size)
    VMA = alignDown(Sorted[0]->VMA - Size, Align);
  if (!VMA && LastIdx == Sorted.size() - 1) {
    uint64_t At = alignTo(Sorted.back()->end(), Align);
    if (At >= Sorted.back()->end() && At + Size > At)
      VMA = At;
  }
  if (!VMA) {
    size_t From = FirstIdx ? FirstIdx - 1 : 0;
    size_t To = std::min(LastIdx + 1, Sorted.size() - 1);
    for (size_t I = From; I < To && !VMA; ++I) {
      uint64_t At = alignTo(Sorted[I]->end(), Align);
      if (At <= Sorted[I + 1]->VMA && Sorted[I + 1]->VMA - At >= Size)
        VMA = At;
    }
  }
  if (!VMA)
    return makeError("--stack-size: Could not find " + Twine(Size) +
                     " bytes of consecutive free space outside of sections "
                     "specified in layout for the stack section");
  SectionDesc Stack;
  Stack.Name = "stack";
  Stack.VMA = Stack.LMA = *VMA;
  Stack.Size = Size;
  Stack.Access.R = Stack.Access.W = true;
  L.Sections.push_back(std::move(Stack));
  return Error::success();
}

Error checkFullInitSectionSizes(const Layout &L, const OptionTable &Opts) {
  StringRef Mode = Opts.getString(OptionID::InitMemory);
  if (Mode != "full" && Mode != "full-with-addresses")
    return Error::success();
  for (const SectionDesc &S : L.Sections) {
    if (!S.Access.R || !S.Access.W || S.Access.X ||
        isServiceSectionName(S.Name) || S.Size % 16 == 0)
      continue;
    return makeError(*L.SM, S.Loc,
                     "Section " + S.Name +
                         " can't be emmitted due to misalignment: "
                         "-init-memory=" +
                         Mode + " stores a data section's contents in " +
                         "16-byte units, but its size " + hex(S.Size) +
                         " is not a multiple of 16");
  }
  return Error::success();
}

bool wantsLayoutDump(const OptionTable &Opts) {
  return Opts.getFlag(OptionID::DumpLayout) || Opts.getFlag(OptionID::Verbose);
}

//===----------------------------------------------------------------------===//
// -dump-layout
//===----------------------------------------------------------------------===//

/// Shortest text that reads back as the same double.
static std::string num(double D) {
  char Buf[64];
  auto R = std::to_chars(Buf, Buf + sizeof(Buf), D);
  std::string S(Buf, R.ptr);
  // Keep weights recognisably floating point (1 -> 1.0).
  if (S.find_first_of(".eEn") == std::string::npos)
    S += ".0";
  return S;
}

static void printSchemes(raw_ostream &OS, const MemorySchemeList &S,
                         StringRef Ind) {
  if (!S.Ranges.empty()) {
    OS << Ind << "access-ranges:\n";
    for (const AccessRangeDesc &R : S.Ranges) {
      OS << Ind << "  - start: " << hex(R.Start) << "\n";
      OS << Ind << "    size: " << hex(R.Size) << "\n";
      OS << Ind << "    stride: " << R.Stride << "\n";
      OS << Ind << "    first-offset: " << R.FirstOffset << "\n";
      OS << Ind << "    last-offset: " << R.LastOffset << "\n";
      if (R.MaxPastLastOffset)
        OS << Ind << "    max-past-last-offset: " << *R.MaxPastLastOffset
           << "\n";
      if (R.AccessSize)
        OS << Ind << "    access-size: " << *R.AccessSize << "\n";
      if (R.MisalignedAccess)
        OS << Ind << "    misaligned-access: "
           << (*R.MisalignedAccess ? "true" : "false") << "\n";
      OS << Ind << "    weight: " << num(R.Weight) << "\n";
    }
  }
  if (!S.Evictions.empty()) {
    OS << Ind << "access-evictions:\n";
    for (const AccessEvictionDesc &E : S.Evictions) {
      OS << Ind << "  - mask: " << hex(E.Mask) << "\n";
      OS << Ind << "    fixed: " << hex(E.Fixed) << "\n";
      OS << Ind << "    weight: " << num(E.Weight) << "\n";
    }
  }
  if (!S.Addresses.empty()) {
    OS << Ind << "access-addresses:\n";
    for (const AccessAddressesDesc &A : S.Addresses) {
      OS << Ind << "  - ordered: " << (A.Ordered ? "true" : "false") << "\n";
      OS << Ind << "    weight: " << num(A.Weight) << "\n";
      if (!A.Plain.empty()) {
        OS << Ind << "    plain:\n";
        for (const PlainAddressDesc &P : A.Plain)
          OS << Ind << "      - {addr: " << hex(P.Addr)
             << ", access-size: " << P.AccessSize << "}\n";
      }
      if (!A.Burst.empty()) {
        OS << Ind << "    burst:\n";
        for (const BurstAddressDesc &B : A.Burst)
          OS << Ind << "      - {addr: " << hex(B.Addr) << ", size: " << B.Size
             << ", stride: " << B.Stride << ", access-size: " << B.AccessSize
             << "}\n";
      }
    }
  }
}

static void printBranches(raw_ostream &OS, const BranchesConfig &B) {
  OS << "branches:\n";
  OS << "  permutation: " << (B.Permutation ? "true" : "false") << "\n";
  OS << "  alignment: " << B.Alignment << "\n";
  OS << "  loop-ratio: " << num(B.LoopRatio) << "\n";
  OS << "  number-of-loop-iterations: {min: " << B.MinIterations
     << ", max: " << B.MaxIterations << "}\n";
  OS << "  max-depth:\n";
  if (B.MaxIfDepth)
    OS << "    if: " << *B.MaxIfDepth << "\n";
  OS << "    loop: " << B.MaxLoopDepth << "\n";
  if (B.BlockDistance.given() || B.PCDistance.given()) {
    OS << "  distance:\n";
    auto Range = [&](StringRef Key, const auto &R) {
      if (!R.given())
        return;
      OS << "    " << Key << ":";
      if (R.Min)
        OS << "\n      min: " << *R.Min;
      if (R.Max)
        OS << "\n      max: " << *R.Max;
      OS << "\n";
    };
    Range("blocks", B.BlockDistance);
    Range("pc", B.PCDistance);
  }
  switch (B.ConsecutiveLoops) {
  case BranchesConfig::Consecutive::None:
    OS << "  consecutive-loops: none\n";
    break;
  case BranchesConfig::Consecutive::All:
    OS << "  consecutive-loops: all\n";
    break;
  case BranchesConfig::Consecutive::Some:
    OS << "  consecutive-loops: " << B.ConsecutiveN << "\n";
    break;
  }
}

static void printCallGraph(raw_ostream &OS, const CallGraphConfig &G) {
  OS << "call-graph:\n";
  if (!G.EntryPoint.empty())
    OS << "  entry-point: " << G.EntryPoint << "\n";
  OS << "  function-list:\n";
  for (const CallGraphFunction &F : G.Functions) {
    OS << "    - name: " << F.Name << "\n";
    if (F.External)
      OS << "      external: true\n";
    if (!F.Callees.empty())
      OS << "      callees: [" << join(F.Callees, ", ") << "]\n";
  }
}

/// Top-level keys the dump prints from the resolved configuration; the rest
/// (register, value, FPU, vector and self-modifying-code keys) are copied
/// from the preprocessed layout as written.
static bool isResolvedKey(StringRef Key) {
  return StringSwitch<bool>(Key)
      .Cases("sections", "histogram", "access-ranges", "access-evictions",
             "access-addresses", "access-groups", "restricted-addresses",
             "burst", "branches", true)
      .Cases("call-graph", "options", "include", true)
      .Default(false);
}

/// The blocks of the preprocessed layout (-E text) whose key the dump does
/// not resolve: each block is a "key:" line at column 0 and its indented
/// lines.
static void copyUnresolvedKeys(raw_ostream &OS, StringRef Pre) {
  bool Copying = false;
  while (!Pre.empty()) {
    auto [Line, Rest] = Pre.split('\n');
    Pre = Rest;
    if (Line.starts_with("#"))
      continue;
    if (!Line.empty() && !isSpace(Line.front())) {
      StringRef Key = Line.split(':').first.trim().trim('"').trim('\'');
      Copying = !isResolvedKey(Key);
    }
    if (Copying && !Line.empty())
      OS << Line << "\n";
  }
}

std::string dumpResolvedLayout(const Layout &L, const OpcodeHistogram &H) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << "# Resolved configuration (-dump-layout): a layout that gives the "
        "same generation.\n";
  OS << "sections:\n";
  for (const SectionDesc &S : L.Sections) {
    OS << "  - name: " << S.Name << "\n";
    OS << "    VMA: " << hex(S.VMA) << "\n";
    OS << "    SIZE: " << hex(S.Size) << "\n";
    OS << "    LMA: " << hex(S.LMA) << "\n";
    OS << "    ACCESS: " << S.Access.str() << "\n";
    if (!S.Phdr.empty())
      OS << "    PHDR: " << S.Phdr << "\n";
  }
  OS << "histogram:\n";
  for (const OpcodeHistogram::Entry &E : H.entries())
    OS << "  - [" << E.Op->Name << ", " << num(E.Weight) << "]\n";
  printSchemes(OS, L.Memory.TopLevel, "");
  if (!L.Memory.Groups.empty()) {
    OS << "access-groups:\n";
    for (const AccessGroupDesc &G : L.Memory.Groups) {
      OS << "  - weight: " << num(G.Weight) << "\n";
      printSchemes(OS, G.Schemes, "    ");
    }
  }
  if (!L.Memory.Restricted.empty()) {
    OS << "restricted-addresses:\n  - plain:\n";
    for (const PlainAddressDesc &P : L.Memory.Restricted)
      OS << "      - {addr: " << hex(P.Addr) << ", access-size: " << P.AccessSize
         << "}\n";
  }
  if (L.Memory.Burst) {
    const BurstConfig &B = *L.Memory.Burst;
    OS << "burst:\n  mode: " << burstModeName(B.Mode) << "\n";
    OS << "  min-size: " << B.MinSize << "\n  max-size: " << B.MaxSize << "\n";
    if (!B.Groupings.empty()) {
      OS << "  groupings:\n";
      for (const auto &G : B.Groupings) {
        OS << "    - [";
        ListSeparator Sep;
        for (const BurstOpcodeName &N : G)
          OS << Sep << N.Name;
        OS << "]\n";
      }
    }
  }
  if (L.ControlFlow.Branches.Present)
    printBranches(OS, L.ControlFlow.Branches);
  if (L.ControlFlow.CallGraph)
    printCallGraph(OS, *L.ControlFlow.CallGraph);
  copyUnresolvedKeys(OS, L.Preprocessed);
  return Text;
}

} // namespace snipgen
