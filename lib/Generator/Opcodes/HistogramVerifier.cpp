#include "snipgen/Generator/HistogramVerifier.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include <cmath>
#include <map>
#include <optional>

using namespace llvm;

namespace snipgen {
namespace {

using Counts = std::map<unsigned, uint64_t>;

/// Decodes Bytes instruction by instruction into Total.
Error countDecoded(ArrayRef<uint8_t> Bytes, const MCEnvironment &Env,
                   StringRef FnName, Counts &Total) {
  MCInst Inst;
  for (uint64_t Off = 0; Off < Bytes.size();) {
    unsigned Size = Env.decode(Bytes.drop_front(Off), Off, Inst);
    if (!Size)
      return makeInternalError("-verify-gen-histogram: the code of function '" +
                               FnName + "' does not decode at byte " +
                               Twine(Off));
    ++Total[Inst.getOpcode()];
    Off += Size;
  }
  return Error::success();
}

/// The instruction of a histogram-drawn terminator that stands for the drawn
/// opcode in the code: the drawn opcode itself when present; otherwise (a
/// loop latch's counter branch, an inverted far branch) the conditional
/// branch, or else the last instruction of the resolved form.
std::optional<unsigned> terminatorOpcode(const Terminator &T,
                                         const MCEnvironment &Env) {
  ArrayRef<uint8_t> Bytes = T.Resolved.Bytes;
  std::optional<unsigned> Cond, Last;
  MCInst Inst;
  for (uint64_t Off = 0; Off < Bytes.size();) {
    unsigned Size = Env.decode(Bytes.drop_front(Off), Off, Inst);
    if (!Size)
      break;
    if (Inst.getOpcode() == T.Opcode)
      return T.Opcode;
    if (Env.instrInfo().get(Inst.getOpcode()).isConditionalBranch())
      Cond = Inst.getOpcode();
    Last = Inst.getOpcode();
    Off += Size;
  }
  if (Cond)
    return Cond;
  if (Last)
    return Last;
  return T.Opcode; // an external call: the call sequence of the assembler
}

Error countFunction(const Function &F, const MCEnvironment &Env,
                    Counts &Total, Counts &Primary) {
  for (const BasicBlock &B : F.Blocks) {
    for (const LoopEntry &E : B.LoopEntries) {
      if (Error Err = countDecoded(E.Init.Bytes, Env, F.Name, Total))
        return Err;
      if (Error Err = countDecoded(E.PaddingCode.Bytes, Env, F.Name, Total))
        return Err;
    }
    if (Error Err = countDecoded(B.Code, Env, F.Name, Total))
      return Err;
    for (const CodeBytes *C : {&B.Term.Pre, &B.Term.Resolved, &B.Term.Post})
      if (Error Err = countDecoded(C->Bytes, Env, F.Name, Total))
        return Err;
    for (const auto &[Op, N] : B.PrimaryOpcodes)
      Primary[Op] += N;
    if (B.Term.Kind != TerminatorKind::FallThrough && B.Term.Opcode)
      if (auto Op = terminatorOpcode(B.Term, Env))
        ++Primary[*Op];
  }
  return Error::success();
}

uint64_t sum(const Counts &C) {
  uint64_t S = 0;
  for (const auto &[Op, N] : C)
    S += N;
  return S;
}

} // namespace

Error verifyGeneratedHistogram(const Program &P, const OpcodeHistogram &H,
                               const MCEnvironment &Env,
                               const HistogramCheckOptions &Opts,
                               raw_ostream &OS) {
  // Probability of each LLVM opcode (FP control pseudos add to their CSR
  // instruction's opcode).
  std::map<unsigned, double> Expected;
  double TotalWeight = 0;
  for (const OpcodeHistogram::Entry &E : H.entries())
    TotalWeight += E.Weight;
  for (const OpcodeHistogram::Entry &E : H.entries())
    if (E.Weight > 0 && TotalWeight > 0)
      Expected[E.Op->Opcode] += E.Weight / TotalWeight;

  const MCInstrInfo &MII = Env.instrInfo();
  auto Prob = [&](unsigned Op) {
    auto It = Expected.find(Op);
    return It == Expected.end() ? 0.0 : It->second;
  };
  std::vector<std::string> Failed;
  for (const Function &F : P.Functions) {
    if (F.IsExternal)
      continue;
    Counts Total, Primary;
    if (Error E = countFunction(F, Env, Total, Primary))
      return E;
    uint64_t NTotal = sum(Total), NPrimary = sum(Primary);
    double DivTotal = NTotal ? NTotal : 1, DivPrimary = NPrimary ? NPrimary : 1;
    // llvm-snippy's report, column for column.
    OS << "Start Verification for function: " << F.Name << ":\n";
    OS << "Start generated instructions statistics:\n";
    OS << formatv("{0,12}{1,8}{2,15}{3,15}{4,15}{5,25}{6,8}\n", "Opcode",
                  "Count", "Primary_Count", "Freq,%", "Primary_Freq,%",
                  "Expected_Prob,%", "Status");
    for (const auto &[Op, Count] : Total) {
      uint64_t Prim = Primary.count(Op) ? Primary.at(Op) : 0;
      double Exp = Prob(Op) * DivPrimary;
      bool Ok = std::fabs(double(Prim) - Exp) <= Opts.MaxDeviation * Exp;
      if (!Ok) {
        Failed.push_back((F.Name + ":" + MII.getName(Op)).str());
      }
      OS << formatv("{0,12}{1,8}{2,15}{3,15:f1}{4,15:f1}{5,25:f1}{6,8}\n",
                    MII.getName(Op), Count, Prim, 100.0 * Count / DivTotal,
                    100.0 * Prim / DivPrimary, 100.0 * Prob(Op),
                    Ok ? "OK" : "FAILED");
    }
    OS << "End generated instructions statistics\n";
    // Opcodes of the histogram that are not in the code at all.
    bool Header = false;
    for (const auto &[Op, Pr] : Expected) {
      if (Total.count(Op))
        continue;
      if (!Header)
        OS << "ERROR: some opcodes from histogram not generated:\n"
           << formatv("{0,12}{1,25}\n", "Opcode", "Probability,%");
      Header = true;
      OS << formatv("{0,12}{1,25:f1}\n", MII.getName(Op), 100.0 * Pr);
      Failed.push_back((F.Name + ":" + MII.getName(Op) + " (not generated)").str());
    }
    if (Header)
      OS << "End information for non-generated opcodes\n";
    OS << "Number of support instructions: " << NTotal - NPrimary << "\n";
    OS << "Number of primary instructions: " << NPrimary << "\n";
    OS << "Total number of instructions: " << NTotal << "\n";
    OS << formatv("Percent of support instructions: {0:f1}\n",
                  100.0 * (NTotal - NPrimary) / DivTotal);
    OS << "End Verification for function: " << F.Name << "\n";
  }
  OS.flush();
  if (Failed.empty() || !Opts.MustSucceed)
    return Error::success();
  return makeError(
      "snipgen's output does not correspond to histogram (within "
      "-histogram-max-deviation=" +
      formatv("{0}", Opts.MaxDeviation).str() + "): " + join(Failed, ", ") +
      " (see the statistics above; -histogram-must-succeed=false only "
      "reports)");
}

} // namespace snipgen
