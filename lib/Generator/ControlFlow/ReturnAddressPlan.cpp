//===- ReturnAddressPlan.cpp - -redefine-ra and -randomize-ra -------------===//
//
// llvm-snippy's --redefine-ra chooses the register generated calls link
// through (and callees return through):
//   RA          the ABI's return-address register (default);
//   any         any suitable register, RA included (RA with
//               --honor-target-abi);
//   any-not-RA  any suitable register but RA;
//   reg::R      register R, refused when unsuitable.
// -randomize-ra (or the layout's top-level `randomize-ra` key) draws one
// register per function from the same candidates instead of one for all.
//
// Suitable: a register the call can write (RISC-V: not x0; only ra when the
// histogram has C.JAL/C.JALR calls, which link through ra implicitly), not
// the stack pointer, not reserved, not gp/tp kept for external code, and
// with --honor-target-abi not a callee-saved register. (The scratch of the
// entry's prologue and epilogue may be one: no call is under way there.) The entry function returns through the ABI's
// register (its caller used it), and calls of external functions always
// link through it (external code returns through it).
//===----------------------------------------------------------------------===//
#include "StackFrame.h"
#include "snipgen/Generator/CallGraph.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ControlFlowTarget.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace snipgen {

namespace {
enum class RAChoice { ABI, Any, AnyNotABI, Reg };
} // namespace

Error planReturnAddresses(const StackOptions &Opts, const StackFacts &Facts,
                          const CallGraph &Graph, const MCEnvironment &,
                          const ControlFlowTarget &CFT,
                          const RegisterPolicy &Registers,
                          ArrayRef<unsigned> Spills, StackPlan &P,
                          WarningEngine &Warnings, RandomEngine &RNG,
                          const OptionErrorFn &OptionError) {
  const unsigned ABI = CFT.returnAddress();
  P.FunctionRA.assign(Graph.Nodes.size(), ABI);
  P.LinkRegs = {ABI};

  bool Explicit = !Opts.RedefineRA.empty();
  StringRef Value = Explicit ? StringRef(Opts.RedefineRA) : "RA";
  RAChoice Choice;
  unsigned Specific = 0;
  StringRef SpecificName;
  if (Value == "RA") {
    Choice = RAChoice::ABI;
  } else if (Value == "any") {
    Choice = RAChoice::Any;
  } else if (Value == "any-not-RA") {
    Choice = RAChoice::AnyNotABI;
  } else if (Value.starts_with("any-not-")) {
    return OptionError("redefine-ra",
                       "\"" + Value +
                           "\" passed to --redefine-ra is invalid, did you "
                           "mean 'any-not-RA'");
  } else if (Value.starts_with("reg::")) {
    Choice = RAChoice::Reg;
    SpecificName = Value.drop_front(5);
    Specific = CFT.parseRegister(SpecificName);
    if (!Specific)
      return OptionError("redefine-ra", "Illegal register name " +
                                            SpecificName +
                                            " is specified in --redefine-ra");
  } else {
    return OptionError("redefine-ra",
                       "\"" + Value +
                           "\", passed to --redefine-ra is not valid option "
                           "value; use RA, any, any-not-RA or "
                           "reg::<register> (e.g. reg::X5)");
  }
  if (Choice == RAChoice::Reg && P.SP && Specific == P.SP)
    return makeError(
        "Cannot assign stack pointer and return address to same register");
  if (Opts.RandomizeRA && (Choice == RAChoice::Reg ||
                           (Choice == RAChoice::ABI && Explicit)))
    return OptionError("randomize-ra",
                       "draws a return-address register per function, but "
                       "--redefine-ra=" +
                           Value +
                           " names one; use --redefine-ra=any or any-not-RA "
                           "(or leave it out)");

  bool CompressedCalls = any_of(Facts.CallOpcodeList, [&](unsigned Op) {
    return CFT.linksOnlyThroughABI(Op);
  });
  auto Unsuitable = [&](unsigned R) {
    return !is_contained(CFT.returnAddressCandidates(), R) ||
           (P.SP && R == P.SP) ||
           Registers.isReserved(R) || is_contained(P.Globals, R) ||
           (CompressedCalls && R != ABI) ||
           (Opts.HonorTargetABI && is_contained(Spills, R)) ||
           (Choice == RAChoice::AnyNotABI && R == ABI);
  };
  bool Calls = Facts.CallOpcodes && Graph.hasEdges();

  std::vector<unsigned> Candidates;
  bool Draw = Opts.RandomizeRA ||
              (Choice == RAChoice::AnyNotABI) ||
              (Choice == RAChoice::Any && !Opts.HonorTargetABI);
  if (Draw) {
    for (unsigned R : CFT.returnAddressCandidates())
      if (!Unsuitable(R))
        Candidates.push_back(R);
    if (Candidates.empty())
      return OptionError(
          Opts.RandomizeRA ? "randomize-ra" : "redefine-ra",
          "no register is left for the return address: every candidate is "
          "the stack pointer, reserved" +
              Twine(CompressedCalls ? ", not ra (C.JAL/C.JALR calls link "
                                      "through ra only)"
                                    : "") +
              (Choice == RAChoice::AnyNotABI ? " or RA" : "") +
              (Opts.HonorTargetABI ? " or callee-saved" : ""));
  }

  unsigned RealRA = ABI;
  if (Choice == RAChoice::Reg) {
    if (Unsuitable(Specific))
      return OptionError("redefine-ra",
                         "Register " + SpecificName +
                             " specified in --redefine-ra is not suitable for "
                             "return address redefinition");
    RealRA = Specific;
  } else if (Draw && !Opts.RandomizeRA) {
    RealRA = Candidates[RNG.below(Candidates.size())];
  }
  for (unsigned I = 1; I < Graph.Nodes.size(); ++I) {
    if (Graph.Nodes[I].External)
      continue; // external code returns through the ABI's register
    P.FunctionRA[I] = Opts.RandomizeRA ? Candidates[RNG.below(Candidates.size())]
                                       : RealRA;
    if (!is_contained(P.LinkRegs, P.FunctionRA[I]))
      P.LinkRegs.push_back(P.FunctionRA[I]);
  }

  // Calls through the ABI's register (internal ones with RA, and every
  // external one) need it writable.
  bool ABILinks = Graph.hasExternal() && Facts.CallOpcodes;
  if (Calls)
    for (const CallGraph::Node &N : Graph.Nodes)
      for (unsigned C : N.Callees)
        ABILinks |= P.FunctionRA[C] == ABI;
  if (ABILinks && Registers.isReserved(ABI))
    return makeError("Cannot generate requested call instructions: return "
                     "address register is explicitly reserved.");

  if (Opts.HonorTargetABI) {
    // The ABI lets the entry clobber caller-saved registers only; a
    // redefined return address is saved and restored by the entry too.
    bool Redefined = false;
    for (unsigned R : P.LinkRegs)
      if (R != ABI) {
        Redefined = true;
        if (!is_contained(P.EntrySaves, R))
          P.EntrySaves.push_back(R);
      }
    if (Redefined)
      if (Error E = Warnings.warn(
              Warning::InconsistentOptions,
              "When using --honor-target-abi and --redefine-ra=" + Value +
                  (Opts.RandomizeRA ? " -randomize-ra" : "") +
                  " options together, target ABI may not be preserved in "
                  "case of traps"))
        return E;
  }
  return Error::success();
}

} // namespace snipgen
