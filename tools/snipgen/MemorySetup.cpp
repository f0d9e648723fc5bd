//===- MemorySetup.cpp - Memory schemes and burst from the layout ---------===//
#include "MemorySetup.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Generator/BurstSource.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/LockstepModel.h"
#include "snipgen/Generator/MemoryDump.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/OutputFiles.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace snipgen {

// Opcodes the groupings of the burst key put together (LLVM numbers), each
// grouping restricted to histogram opcodes that can be in a burst group.
static Expected<std::vector<std::vector<unsigned>>>
resolveBurstGroups(const Layout &L, const MCEnvironment &Env,
                   const GenTarget &Target, const OpcodeHistogram &Histogram,
                   WarningEngine &Warnings) {
  std::vector<std::vector<unsigned>> Groups;
  if (!L.Memory.Burst || L.Memory.Burst->Mode == BurstModeKind::Basic)
    return Groups;
  const BurstConfig &B = *L.Memory.Burst;
  // Calls, branches and vector accesses cannot be in a burst group.
  auto Supported = [&](const OpcodeDesc &Op) {
    if (Target.isControlFlow(Op))
      return false;
    // LR/SC are emitted as retry loops (InstructionBuilder.h), never in
    // a burst group.
    if (Target.reservationRole(Op) != GenTarget::ReservationRole::None)
      return false;
    if (Op.isMemoryAccess())
      return Target.accessSize(Op.Name) > 0 && Op.MemBaseOp >= 0 &&
             !Target.isStackPointerRelative(Op, Env);
    return Op.Name.starts_with("FENCE");
  };
  auto Select = [&](auto Pred) {
    std::vector<unsigned> G;
    for (const OpcodeHistogram::Entry &E : Histogram.entries())
      if (E.Weight > 0 && Supported(*E.Op) && Pred(*E.Op))
        G.push_back(E.Op->Opcode);
    return G;
  };
  auto IsLoad = [](const OpcodeDesc &Op) { return Op.MayLoad && !Op.MayStore; };
  auto IsStore = [](const OpcodeDesc &Op) { return Op.MayStore; };
  switch (B.Mode) {
  case BurstModeKind::Basic:
    break;
  case BurstModeKind::Load:
    Groups.push_back(Select(IsLoad));
    break;
  case BurstModeKind::Store:
    Groups.push_back(Select(IsStore));
    break;
  case BurstModeKind::LoadStore:
    Groups.push_back(Select(IsStore));
    Groups.push_back(Select(IsLoad));
    break;
  case BurstModeKind::Mixed:
    Groups.push_back(Select(
        [](const OpcodeDesc &Op) { return Op.MayLoad || Op.MayStore; }));
    break;
  case BurstModeKind::Custom:
    for (const std::vector<BurstOpcodeName> &Grouping : B.Groupings) {
      std::vector<unsigned> G;
      for (const BurstOpcodeName &N : Grouping) {
        if (Env.findOpcode(N.Name) == ~0u)
          return makeError(*L.SM, N.Loc,
                           "unknown opcode '" + N.Name +
                               "' in a burst grouping (opcode names are "
                               "LLVM's, e.g. LW, SD, FENCE; see "
                               "--list-opcode-names)");
        const OpcodeHistogram::Entry *E = nullptr;
        for (const OpcodeHistogram::Entry &H : Histogram.entries())
          if (H.Op->Name == N.Name)
            E = &H;
        if (!E)
          return makeError(*L.SM, N.Loc,
                           "opcode " + N.Name +
                               " of a burst grouping is not in the "
                               "histogram; add it to the histogram or "
                               "remove it from the grouping");
        if (!Supported(*E->Op)) {
          if (Error Err = Warnings.warn(
                  Warning::BurstMode,
                  "Opcode " + N.Name +
                      " is not supported in the burst mode: generator will "
                      "generate it but not in a burst group"))
            return Err;
          continue;
        }
        if (!llvm::is_contained(G, E->Op->Opcode))
          G.push_back(E->Op->Opcode);
      }
      if (G.empty())
        if (Error Err = Warnings.warn(
                Warning::BurstMode,
                "Empty burst group: no supported opcodes of the histogram "
                "were specified, this group will be ignored"))
          return Err;
      Groups.push_back(std::move(G));
    }
    break;
  }
  llvm::erase_if(Groups, [](const std::vector<unsigned> &G) { return G.empty(); });
  if (Groups.empty())
    if (Error Err = Warnings.warn(
            Warning::BurstMode,
            "burst mode '" + burstModeName(B.Mode) +
                "': no opcode of the histogram can form a burst group; "
                "generating without burst groups"))
      return Err;
  return Groups;
}

Expected<MemorySetup> setupMemory(const Layout &L, const OptionTable &Opts,
                                  const MCEnvironment &Env,
                                  const GenTarget &Target,
                                  const OpcodeHistogram &Histogram,
                                  WarningEngine &Warnings) {
  MemorySetup S;
  MemoryPolicy Policy;
  Policy.XLen = Env.selection().XLen;
  Policy.DisableMisaligned = Opts.getFlag(OptionID::RiscvDisableMisalignedAccess);
  Policy.StrictSchemes = Opts.getFlag(OptionID::StrictMemorySchemes);
  auto Schemes = MemorySchemeSet::build(L, Policy, Warnings);
  if (!Schemes)
    return Schemes.takeError();
  S.Schemes = std::move(*Schemes);

  MemoryPlannerOptions PO;
  PO.AddressHazards = Opts.getFlag(OptionID::EnableAddressValueHazards);
  S.Planner = std::make_unique<MemoryPlanner>(Env, Target, *S.Schemes, PO);
  if (PO.AddressHazards) {
    // The code goes to the lowest rx section (as the generator does).
    unsigned Code = lowestCodeSection(L);
    auto LM = LockstepModel::create(Env, L, Code);
    if (!LM)
      return LM.takeError();
    S.Planner->setLockstep(std::move(*LM));
  }

  auto Groups = resolveBurstGroups(L, Env, Target, Histogram, Warnings);
  if (!Groups)
    return Groups.takeError();
  if (!Groups->empty()) {
    std::vector<unsigned> BurstOpcodes;
    for (const std::vector<unsigned> &G : *Groups)
      BurstOpcodes.insert(BurstOpcodes.end(), G.begin(), G.end());
    S.Planner->setBurstOpcodes(std::move(BurstOpcodes));
    S.Source = std::make_unique<BurstSource>(
        Histogram, *Groups, L.Memory.Burst->MinSize, L.Memory.Burst->MaxSize,
        Env.instrInfo().getNumOpcodes(), *S.Planner);
  } else {
    S.Source = std::make_unique<HistogramSource>(Histogram);
  }
  S.CheckOnModel = L.Memory.hasPositiveSchemes() ||
                   !L.Memory.Restricted.empty() || L.Memory.Burst ||
                   PO.AddressHazards || Policy.DisableMisaligned;
  return S;
}

Error queueMemoryDumps(const Program &P, const OptionTable &Opts,
                       OutputFiles &Files, WarningEngine &Warnings) {
  for (OptionID ID : {OptionID::DumpMemoryAccesses,
                      OptionID::DumpMemoryAccessesRestricted}) {
    if (!Opts.isSet(ID))
      continue;
    if (!hasMemoryAccesses(P)) {
      if (Error E = Warnings.warn(Warning::MemoryAccess,
                                  "Cannot dump memory accesses: no accesses "
                                  "were generated, file won't be created"))
        return E;
      continue;
    }
    std::string Text = ID == OptionID::DumpMemoryAccesses
                           ? dumpAccessAddresses(P)
                           : dumpRestrictedAddresses(P);
    StringRef Path = Opts.getString(ID);
    if (Path.empty())
      outs() << Text;
    else
      Files.add(Path, std::move(Text));
  }
  return Error::success();
}

std::string dumpAccessSchemes(const Program &P, const MemorySchemeSet &S) {
  std::string Text;
  raw_string_ostream OS(Text);
  for (unsigned I = 0; I < S.size(); ++I) {
    AddressSet::Interval X = S.scheme(I).extent();
    OS << "scheme " << I << " ";
    if (X.Lo < X.Hi)
      OS << format_hex(X.Lo, 2) << " " << format_hex(X.Hi, 2);
    else
      OS << "- -";
    OS << " " << S.scheme(I).name() << "\n";
  }
  for (const Function &F : P.Functions)
    for (const BasicBlock &B : F.Blocks)
      for (const MemoryAccessRecord &R : B.MemoryAccesses)
        OS << format_hex(B.Address + B.bodyOffset() + R.Offset, 18) << " "
           << R.Scheme << "\n";
  return Text;
}

std::unique_ptr<RunCheck>
makeMemoryCheck(MemorySetup &S, const Program &P,
                MemoryAccessCheck::InitStorePredicate InitStores) {
  if (!S.CheckOnModel)
    return nullptr;
  auto C = std::make_unique<MemoryAccessCheck>(P, *S.Schemes);
  if (InitStores)
    C->allowInitialStores(std::move(InitStores));
  return C;
}

} // namespace snipgen
