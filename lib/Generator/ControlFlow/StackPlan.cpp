//===- StackPlan.cpp - Resolving the stack and ABI options ----------------===//
//
// Error and warning texts are the manual's where it gives one ("Cannot run
// snippet on model: external stack was enabled." is the driver's, which
// knows whether a model runs).
//===----------------------------------------------------------------------===//
#include "StackFrame.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CallGraph.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ControlFlowTarget.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace snipgen {

static const SectionDesc *findSection(const Layout &L, StringRef Name) {
  for (const SectionDesc &S : L.Sections)
    if (S.Name == Name)
      return &S;
  return nullptr;
}

namespace {
class StackPlanner {
public:
  StackPlanner(const StackOptions &Opts, const StackFacts &Facts,
               const CallGraph &Graph, const Layout &L,
               const MCEnvironment &Env, const ControlFlowTarget &CFT,
               RegisterPolicy &Registers, WarningEngine &Warnings,
               RandomEngine &RNG, const OptionErrorFn &OptionError)
      : Opts(Opts), Facts(Facts), Graph(Graph), L(L), Env(Env), CFT(CFT),
        Registers(Registers), Warnings(Warnings), RNG(RNG),
        OptionError(OptionError) {}
  Expected<StackPlan> run();

private:
  Error parseSpills();
  Error parsePreserveGroups();
  Error checkABI();
  Expected<bool> decideStatic();
  Error chooseStackPointer();
  Expected<unsigned> resolveRedefineSP(StringRef Choice, bool Explicit);
  Error checkCalls();
  Error planGlobals();

  const StackOptions &Opts;
  const StackFacts &Facts;
  const CallGraph &Graph;
  const Layout &L;
  const MCEnvironment &Env;
  const ControlFlowTarget &CFT;
  RegisterPolicy &Registers;
  WarningEngine &Warnings;
  RandomEngine &RNG;
  const OptionErrorFn &OptionError;

  StackPlan P;
  const SectionDesc *StackSection = nullptr;
  bool Enabled = false; // some stack space exists
  std::vector<unsigned> Spills;
  std::vector<RegGroup> Groups;
  unsigned TargetSP = 0;
};
} // namespace

Error StackPlanner::parseSpills() {
  for (const std::string &Name : Opts.SpilledRegs) {
    unsigned R = CFT.parseRegister(Name);
    if (!R || !CFT.slotSize(R))
      return OptionError("spilled-regs-list",
                         "Illegal register name " + Name +
                             " is specified in --spilled-regs-list");
    if (Registers.isReserved(R))
      return OptionError("spilled-regs-list",
                         "Register \"" + Name +
                             "\" cannot be spilled, because it is explicitly "
                             "reserved.");
    if (!is_contained(Spills, R))
      Spills.push_back(R);
  }
  return Error::success();
}

Error StackPlanner::parsePreserveGroups() {
  std::vector<std::string> Wrong;
  for (const std::string &G : Opts.PreserveGroups) {
    if (G == "X")
      Groups.push_back(RegGroup::X);
    else if (G == "F")
      Groups.push_back(RegGroup::F);
    else if (G == "V")
      Groups.push_back(RegGroup::V);
    else
      Wrong.push_back("'" + G + "'");
  }
  if (!Wrong.empty())
    return OptionError("preserve-caller-saved-regs",
                       join(Wrong, ", ") +
                           (Wrong.size() == 1
                                ? " is an invalid register group name"
                                : " are invalid register group names") +
                           ". Choose one of the following: [F, V, X]");
  return Error::success();
}

Error StackPlanner::checkABI() {
  if (!Opts.HonorTargetABI)
    return Error::success();
  if (Facts.SPRelativeOpcodes)
    return makeError("Incompatible options: When --honor-target-abi is "
                     "enabled, generation of SP-relative instructions is not "
                     "supported.");
  if (!Enabled)
    return OptionError("honor-target-abi",
                       "an ABI-conforming snippet saves registers on a stack: "
                       "add a 'stack' section (ACCESS rw) or pass "
                       "--external-stack");
  if (!Spills.empty())
    if (Error E = Warnings.warn(Warning::InconsistentOptions,
                                "--spilled-regs-list is ignored: "
                                "--honor-target-abi is enabled"))
      return E;
  Spills.clear();
  for (unsigned R : CFT.calleeSavedRegs())
    if (!Registers.isReserved(R))
      Spills.push_back(R);
  return Error::success();
}

Expected<bool> StackPlanner::decideStatic() {
  bool Internal = StackSection && !Opts.ExternalStack;
  if (Opts.StaticStack && !*Opts.StaticStack)
    return false;
  struct Rule {
    bool Violated;
    const char *When;
  } Rules[] = {
      {Opts.HonorTargetABI, "When --honor-target-abi is enabled"},
      {!StackSection, "When section 'stack' is not provided"},
      {Opts.ExternalStack, "When external stack is provided"},
      {P.ExternalCalls, "When external functions are provided"},
      {!Groups.empty(), "When --preserve-caller-saved-regs is not empty"},
      {Facts.FillCodeSection, "When -num-instrs=all is specified"},
      {Facts.LoopsPossible, "When loop generation is possible"},
  };
  for (const Rule &R : Rules)
    if (R.Violated) {
      if (!Opts.StaticStack)
        return false; // automatic: just not possible
      return OptionError("enable-static-stack",
                         Twine("Incompatible options: ") + R.When +
                             ", option -enable-static-stack is not "
                             "supported.");
    }
  return Internal;
}

Expected<unsigned> StackPlanner::resolveRedefineSP(StringRef Choice,
                                                   bool Explicit) {
  bool Forced = Opts.ExternalStack || P.ExternalCalls;
  auto NotSuitable = [&](StringRef Name) {
    return OptionError("redefine-sp",
                       "Register " + Name +
                           " specified in --redefine-sp is not suitable for "
                           "stack pointer redefinition");
  };
  unsigned SP = 0;
  if (Choice == "SP") {
    SP = TargetSP;
  } else if (Choice == "any" || Choice == "any-not-SP") {
    // As llvm-snippy, which picks the return address first: a register
    // named by --redefine-ra=reg::R is no stack pointer candidate.
    unsigned NamedRA = 0;
    if (StringRef(Opts.RedefineRA).starts_with("reg::"))
      NamedRA = CFT.parseRegister(StringRef(Opts.RedefineRA).drop_front(5));
    std::vector<unsigned> Candidates;
    for (unsigned R : CFT.stackPointerCandidates())
      if (!Registers.isReserved(R) && !is_contained(Spills, R) &&
          !(Choice == "any-not-SP" && R == TargetSP) && R != NamedRA)
        Candidates.push_back(R);
    if (Candidates.empty())
      return OptionError("redefine-sp",
                         "no register is left for the stack pointer: every "
                         "candidate is reserved or spilled");
    SP = Candidates[RNG.below(Candidates.size())];
  } else if (Choice.starts_with("any-not-")) {
    return OptionError("redefine-sp",
                       "\"" + Choice +
                           "\" passed to --redefine-sp is invalid, did you "
                           "mean 'any-not-SP'");
  } else if (Choice.starts_with("reg::")) {
    StringRef Name = Choice.drop_front(5);
    SP = CFT.parseRegister(Name);
    if (!SP)
      return OptionError("redefine-sp", "Illegal register name " + Name +
                                            " is specified in --redefine-sp");
    if (!is_contained(CFT.stackPointerCandidates(), SP) && SP != TargetSP)
      return NotSuitable(Name);
    if (Registers.isReserved(SP) || is_contained(Spills, SP))
      return NotSuitable(Name);
  } else {
    return OptionError("redefine-sp",
                       "\"" + Choice +
                           "\", passed to --redefine-sp is not valid option "
                           "value; use any, any-not-SP, SP or reg::<register> "
                           "(e.g. reg::X7)");
  }
  // The manual: "any", "SP" or the stack pointer itself cannot be combined
  // with opcodes that address memory through SP.
  if (Facts.SPRelativeOpcodes && (Choice == "any" || SP == TargetSP))
    return makeError("Incompatible options: When the stack pointer is "
                     "redefined to '" +
                     Choice +
                     "', generation of SP-relative instructions is not "
                     "supported. Redefine it to 'any-not-SP' or remove "
                     "SP-relative instructions from the histogram.");
  if (Forced && SP != TargetSP && Explicit)
    return OptionError("redefine-sp",
                       "'" + Choice + "' puts the stack pointer in " +
                           CFT.registerName(SP) + ", but " +
                           (Opts.ExternalStack
                                ? "--external-stack passes the stack in SP"
                                : "external functions use SP as their stack "
                                  "pointer") +
                           "; use SP");
  if (is_contained(Spills, SP))
    return makeError("Stack pointer cannot be spilled. Remove it from spill "
                     "register list.");
  return SP;
}

Error StackPlanner::chooseStackPointer() {
  bool Explicit = !Opts.RedefineSP.empty();
  if (P.Mode == StackMode::Static) {
    P.SP = 0; // every function addresses its own area: x2 is free
    if (Explicit)
      return Warnings.warn(Warning::InconsistentOptions,
                           "--redefine-sp is ignored: the static stack needs "
                           "no stack pointer (-enable-static-stack=false "
                           "turns it off)");
    return Error::success();
  }
  bool NeedsSP = Opts.HonorTargetABI || Opts.ExternalStack || P.ExternalCalls;
  std::string Choice = Opts.RedefineSP;
  if (!Explicit)
    Choice = NeedsSP ? "SP" : Facts.SPRelativeOpcodes ? "any-not-SP" : "any";
  if (P.Mode == StackMode::None && !Explicit) {
    // Nothing uses a stack: keep the target's stack pointer untouched
    // unless SP-relative opcodes need x2 as an ordinary register.
    P.SP = Facts.SPRelativeOpcodes ? 0 : TargetSP;
    return Error::success();
  }
  auto SP = resolveRedefineSP(Choice, Explicit);
  if (!SP)
    return SP.takeError();
  P.SP = *SP;
  if (Opts.ExternalStack && Registers.isReserved(TargetSP))
    return makeError("Cannot configure external stack: stack pointer "
                     "register is explicitly reserved.");
  return Error::success();
}

Error StackPlanner::checkCalls() {
  if (!Facts.CallOpcodes || !Graph.hasEdges())
    return Error::success();
  // A reserved return-address register is reported with the choice of the
  // return-address registers (ReturnAddressPlan.cpp).
  if (P.ExternalCalls && !Enabled)
    return makeError("Cannot generate requested call instructions: external "
                     "functions need a stack; add a 'stack' section or pass "
                     "--external-stack");
  for (unsigned I = 0; I < Graph.Nodes.size(); ++I) {
    bool MustReturn = I != 0 || Facts.LastInstrIsReturn;
    if (MustReturn && !Graph.Nodes[I].Callees.empty() && !Enabled)
      return makeError(
          "Cannot generate requested call instructions: layout allows calls "
          "with depth>=1 but stack space is not provided (function '" +
          Graph.Nodes[I].Name +
          "' calls others and returns, so its return address needs a "
          "stack); add a 'stack' section or pass --external-stack");
  }
  return Error::success();
}

Error StackPlanner::planGlobals() {
  if (!Opts.HonorTargetABI && !P.ExternalCalls)
    return Error::success();
  P.Globals = CFT.globalStateRegs();
  if (const SectionDesc *U = findSection(L, "utility")) {
    uint64_t Need = 0;
    for (unsigned R : P.Globals)
      Need += CFT.slotSize(R);
    if (U->Size < Need)
      return makeError(*L.SM, U->Loc,
                       "section 'utility' is too small for gp and tp (" +
                           Twine(Need) + " bytes needed)");
    P.GlobalsInUtility = true;
    P.Utility = U->VMA;
    return Error::success();
  }
  std::string Names;
  for (unsigned R : P.Globals) {
    Names += (Names.empty() ? "" : ", ") + CFT.registerName(R);
    P.Reserved.push_back(R);
  }
  return Warnings.warn(
      Warning::InconsistentOptions,
      Twine(P.ExternalCalls ? "external callees were found in the call graph"
                            : "--honor-target-abi is enabled") +
          " but there is no 'utility' section to spill gp and tp to; "
          "implicitly reserving registers: [" +
          Names + "]");
}

Expected<StackPlan> StackPlanner::run() {
  TargetSP = Env.findRegister("X2");
  StackSection = findSection(L, "stack");
  P.External = Opts.ExternalStack;
  Enabled = Opts.ExternalStack || StackSection;
  if (Opts.ExternalStack && StackSection)
    if (Error E = Warnings.warn(Warning::InconsistentOptions,
                                "Section 'stack' will not be used: external "
                                "stack was enabled."))
      return E;
  if (Facts.CallOpcodes)
    for (const CallGraph::Node &N : Graph.Nodes)
      for (unsigned C : N.Callees)
        if (Graph.Nodes[C].External)
          P.ExternalCalls = true;
  if (Error E = parseSpills())
    return E;
  if (Error E = parsePreserveGroups())
    return E;
  if (Error E = checkABI())
    return E;
  if (!Spills.empty() && !Enabled)
    return makeError("Cannot spill requested registers: no stack space "
                     "allocated.");
  if (!Groups.empty() && !Enabled)
    return makeError("Cannot preserve requested caller-saved registers: no "
                     "stack space allocated.");
  if (Error E = checkCalls())
    return E;

  auto Static = decideStatic();
  if (!Static)
    return Static.takeError();
  P.Mode = *Static   ? StackMode::Static
           : Enabled ? StackMode::Dynamic
                     : StackMode::None;
  if (StackSection && !Opts.ExternalStack) {
    P.Base = StackSection->VMA;
    P.Top = (StackSection->end()) & ~uint64_t(CFT.stackAlignment() - 1);
  }
  if (Error E = chooseStackPointer())
    return E;
  if (Error E = planGlobals())
    return E;

  if (!Groups.empty() && !P.ExternalCalls) {
    if (Error E = Warnings.warn(Warning::InconsistentOptions,
                                "--preserve-caller-saved-regs is ignored: no "
                                "external callee functions were specified."))
      return E;
  } else {
    for (RegGroup G : Groups) {
      // As llvm-snippy: vector registers only when the snippet has vector
      // instructions (otherwise nothing of the snippet lives in them).
      if (G == RegGroup::V && !Facts.VectorOpcodes)
        continue;
      for (unsigned R : CFT.callerSavedRegs(G)) {
        if (!CFT.slotSize(R))
          return makeInternalError("register " + CFT.registerName(R) +
                                   " of a preserved group has no stack slot");
        if (R != P.SP && !is_contained(P.PreserveAroundExternal, R))
          P.PreserveAroundExternal.push_back(R);
      }
    }
  }

  P.EntrySaves = Spills;
  P.SaveCallerSP = Opts.HonorTargetABI && !Opts.ExternalStack &&
                   P.Mode == StackMode::Dynamic;
  // A caller-saved scratch that is neither the stack pointer nor saved
  // (clobbering it is allowed by the ABI, and it is free at entry/exit).
  for (unsigned R : CFT.callerSavedRegs(RegGroup::X))
    if (R != P.SP && !is_contained(Spills, R) && !Registers.isReserved(R)) {
      P.Temp = R;
      break;
    }
  if (!P.Temp && (P.Mode != StackMode::None || P.GlobalsInUtility))
    return makeError("no caller-saved register is free to address the stack "
                     "and utility areas (all are reserved or spilled)");

  if (Error E = planReturnAddresses(Opts, Facts, Graph, Env, CFT, Registers,
                                    Spills, P, Warnings, RNG, OptionError))
    return E;

  Registers.setStackPointer(P.SP);
  for (unsigned R : P.Reserved) {
    Registers.reserveForPrimaryWrite(R);
    Registers.reserveForAncillaryWrite(R);
  }
  return P;
}

Expected<StackPlan> planStack(const StackOptions &Opts, const StackFacts &Facts,
                              const CallGraph &Graph, const Layout &L,
                              const MCEnvironment &Env,
                              const ControlFlowTarget &CFT,
                              RegisterPolicy &Registers,
                              WarningEngine &Warnings, RandomEngine &RNG,
                              const OptionErrorFn &OptionError) {
  return StackPlanner(Opts, Facts, Graph, L, Env, CFT, Registers, Warnings, RNG,
                      OptionError)
      .run();
}

} // namespace snipgen
