//===- Report.cpp - Print a divergence between the model and QEMU ---------===//
#include "Report.h"

#include "snipgen/Model/Disassembler.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <bit>
#include <cstdio>

using namespace llvm;

namespace snipgen::qemucheck {

static const char *const XNames[32] = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
static const char *const FNames[32] = {
    "ft0", "ft1", "ft2",  "ft3",  "ft4", "ft5", "ft6",  "ft7",
    "fs0", "fs1", "fa0",  "fa1",  "fa2", "fa3", "fa4",  "fa5",
    "fa6", "fa7", "fs2",  "fs3",  "fs4", "fs5", "fs6",  "fs7",
    "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};

static std::string csrName(unsigned Number) {
  switch (Number) {
  case csrnum::Fcsr:
    return "fcsr";
  case csrnum::VL:
    return "vl";
  case csrnum::VType:
    return "vtype";
  case csrnum::VStart:
    return "vstart";
  case csrnum::Vxrm:
    return "vxrm";
  case csrnum::Vxsat:
    return "vxsat";
  }
  return "csr 0x" + utohexstr(Number, true);
}

static std::string registerName(char File, unsigned Index) {
  switch (File) {
  case 'p':
    return "pc";
  case 'c':
    return csrName(Index);
  case 'v':
    return std::string("v").append(std::to_string(Index));
  case 'x':
    return std::string(XNames[Index]) + " (x" + std::to_string(Index) + ")";
  default:
    return std::string(FNames[Index]) + " (f" + std::to_string(Index) + ")";
  }
}

static std::string hex(uint64_t V, unsigned Bits) {
  std::string Digits = utohexstr(V, /*LowerCase=*/true);
  unsigned Width = Bits / 4;
  if (Digits.size() < Width)
    Digits.insert(0, Width - Digits.size(), '0');
  return "0x" + Digits;
}

/// How an FP register reads as a number: a double, or a NaN-boxed single.
/// NaNs say whether they are quiet or signaling, the usual source of FP
/// disagreements.
static std::string fpMeaning(uint64_t V, unsigned FLen) {
  char Buf[64];
  auto Single = [&](uint32_t Bits) {
    if ((Bits & 0x7f800000u) == 0x7f800000u && (Bits & 0x7fffffu))
      return std::string(Bits & 0x400000u ? "qNaN" : "sNaN");
    std::snprintf(Buf, sizeof(Buf), "%.9g", double(std::bit_cast<float>(Bits)));
    return std::string(Buf);
  };
  if (FLen == 32)
    return Single(uint32_t(V));
  if ((V >> 32) == 0xffffffffu)
    return "single " + Single(uint32_t(V));
  if ((V & 0x7ff0000000000000ull) == 0x7ff0000000000000ull &&
      (V & 0xfffffffffffffull))
    return V & 0x8000000000000ull ? "qNaN" : "sNaN";
  std::snprintf(Buf, sizeof(Buf), "%.17g", std::bit_cast<double>(V));
  return Buf;
}

static std::string valueText(char File, uint64_t V,
                             const CompareSettings &S) {
  if (File == 'f')
    return hex(V, S.FLen == 32 ? 32 : 64) + " (" + fpMeaning(V, S.FLen) + ")";
  if (File == 'c')
    return hex(V, 8);
  return hex(V, S.XLen);
}

/// A vector register as one hexadecimal number (as QEMU prints it: the
/// most significant byte, of the highest element, first).
static std::string vectorHex(const uint8_t *Bytes, unsigned N) {
  std::string Out = "0x";
  for (unsigned J = N; J-- > 0;) {
    Out += hexdigit(Bytes[J] >> 4, true);
    Out += hexdigit(Bytes[J] & 15, true);
  }
  return Out;
}

/// SEW in bytes from a vtype value (8 bytes when vill is set).
static unsigned sewBytes(uint64_t VType, unsigned XLen) {
  if ((VType >> (XLen - 1)) & 1)
    return 8;
  return 1u << ((VType >> 3) & 7);
}

/// The elements of a vector register that differ, at the SEW in effect.
static std::string differingElements(const RegisterDiff &D, unsigned Sew) {
  std::string Out;
  unsigned Shown = 0, Count = 0;
  unsigned N = D.QemuBytes.size();
  if (Sew == 0 || Sew > 8 || N % Sew)
    Sew = 1;
  for (unsigned E = 0; E * Sew < N; ++E) {
    const uint8_t *Q = D.QemuBytes.data() + E * Sew;
    const uint8_t *M = D.ModelBytes.data() + E * Sew;
    if (std::equal(Q, Q + Sew, M))
      continue;
    ++Count;
    if (Shown == 8)
      continue;
    ++Shown;
    Out += Out.empty() ? "[" : ", [";
    Out += std::to_string(E);
    Out += "] ";
    Out += vectorHex(Q, Sew);
    Out += " vs ";
    Out += vectorHex(M, Sew);
  }
  if (Count > Shown)
    Out += ", ... (" + std::to_string(Count) + " in all)";
  return Out;
}

static std::string disassemble(const StepRecord &Step,
                               const ReportContext &Ctx) {
  std::string Text = Ctx.Printer
                         ? Ctx.Printer->print(Step.Encoding, Step.Size, Step.PC)
                         : "";
  // Collapse the trace-style padding between mnemonic and operands.
  std::string Out;
  for (char C : StringRef(Text).trim())
    if (C != ' ' || Out.empty() || Out.back() != ' ')
      Out += C;
  std::string Enc = hex(Step.Encoding, Step.Size * 8).substr(2);
  return "0x" + utohexstr(Step.PC, true) + ": " + Enc + "  " +
         (Out.empty() ? "<no disassembly>" : Out);
}

/// The register a disassembly token names ("a0", "x10", "fa0", "f10"):
/// its index, with File set to 'x' or 'f'; -1 if none.
static int registerOfToken(StringRef Tok, char &File) {
  for (unsigned I = 0; I < 32; ++I) {
    if (Tok == XNames[I] || Tok == FNames[I]) {
      File = Tok == XNames[I] ? 'x' : 'f';
      return int(I);
    }
  }
  unsigned Index = 0;
  if (Tok.size() >= 2 && (Tok[0] == 'x' || Tok[0] == 'f') &&
      !Tok.drop_front().getAsInteger(10, Index) && Index < 32) {
    File = Tok[0];
    return int(Index);
  }
  return -1;
}

/// The registers named in the disassembly, with their values before the
/// instruction: what it read.
static std::string operandValues(const StepRecord &Step,
                                 const ReportContext &Ctx) {
  if (!Ctx.Printer)
    return "";
  std::string Text = Ctx.Printer->print(Step.Encoding, Step.Size, Step.PC);
  SmallVector<StringRef, 8> Tokens;
  SplitString(Text, Tokens, " ,()\t");
  std::string Out;
  SmallVector<StringRef, 4> Done;
  // The first token is the mnemonic.
  for (size_t T = 1; T < Tokens.size(); ++T) {
    StringRef Tok = Tokens[T];
    unsigned VIndex = 0;
    StringRef VName = Tok;
    VName.consume_back(".t"); // v0.t: the mask.
    if (VName.size() >= 2 && VName[0] == 'v' &&
        !VName.drop_front().getAsInteger(10, VIndex) && VIndex < 32) {
      if (!Ctx.Settings.CompareV || !Step.Before.HasV ||
          llvm::is_contained(Done, VName))
        continue;
      Done.push_back(VName);
      if (!Out.empty())
        Out += ", ";
      Out += VName.str() + " = " +
             vectorHex(Step.Before.v(VIndex), Step.Before.VLenB);
      continue;
    }
    char File = 0;
    int Index = registerOfToken(Tok, File);
    if (Index < 0 || llvm::is_contained(Done, Tok))
      continue;
    if (File == 'f' && (!Ctx.Settings.FLen || !Step.Before.HasF))
      continue;
    Done.push_back(Tok);
    uint64_t V = File == 'x' ? Step.Before.X[Index] : Step.Before.F[Index];
    if (!Out.empty())
      Out += ", ";
    Out += Tok.str();
    Out += " = ";
    Out += valueText(File, V, Ctx.Settings);
  }
  return Out;
}

/// Registers that differ between two QEMU states: what one instruction
/// wrote (when the value changed).
static std::string writes(const CpuState &Before, const CpuState &After,
                          const CompareSettings &S) {
  std::string Out;
  for (unsigned I = 1; I < 32; ++I)
    if (Before.X[I] != After.X[I])
      Out += std::string(Out.empty() ? "" : ", ") + XNames[I] + "=" +
             hex(After.X[I], S.XLen);
  if (S.FLen && After.HasF)
    for (unsigned I = 0; I < 32; ++I)
      if (Before.F[I] != After.F[I])
        Out += std::string(Out.empty() ? "" : ", ") + FNames[I] + "=" +
               hex(After.F[I], 64);
  if (S.CompareV && Before.HasV && After.HasV &&
      Before.VLenB == After.VLenB) {
    const std::pair<const char *, uint64_t CpuState::*> Csrs[] = {
        {"vl", &CpuState::VL},         {"vtype", &CpuState::VType},
        {"vstart", &CpuState::VStart}, {"vxrm", &CpuState::Vxrm},
        {"vxsat", &CpuState::Vxsat}};
    for (const auto &[Name, Field] : Csrs)
      if (Before.*Field != After.*Field)
        Out += std::string(Out.empty() ? "" : ", ") + Name + "=0x" +
               utohexstr(After.*Field, true);
    for (unsigned R = 0; R < 32; ++R)
      if (!std::equal(Before.v(R), Before.v(R) + Before.VLenB, After.v(R)))
        Out += std::string(Out.empty() ? "" : ", ") + "v" +
               std::to_string(R) + "=" + vectorHex(After.v(R), After.VLenB);
  }
  return Out;
}

static void printHistory(raw_ostream &OS, const Divergence &D,
                         const ReportContext &Ctx) {
  if (D.History.empty())
    return;
  OS << "  preceding instructions (oldest first; registers they changed, "
        "equal on both sides):\n";
  for (size_t I = 0; I < D.History.size(); ++I) {
    const StepRecord &Step = D.History[I];
    const CpuState &After =
        I + 1 < D.History.size() ? D.History[I + 1].Before : D.Step.Before;
    std::string Line = disassemble(Step, Ctx);
    OS << "    #" << Step.Number << "  " << Line;
    std::string W = writes(Step.Before, After, Ctx.Settings);
    if (!W.empty())
      OS.indent(Line.size() < 44 ? 44 - Line.size() : 1) << W;
    OS << "\n";
  }
}

void printDivergence(raw_ostream &OS, const Divergence &D,
                     const ReportContext &Ctx) {
  // Stopping at the same fault is not a divergence, but not the end a
  // snippet must reach either.
  if (D.What == Divergence::DifferentEnd)
    OS << "snipgen-qemu-check: FAILURE";
  else
    OS << "snipgen-qemu-check: DIVERGENCE between " << Ctx.QemuName
       << " and the model";
  switch (D.What) {
  case Divergence::InitialPC:
    OS << " before the first instruction\n  " << D.Detail << "\n";
    break;
  case Divergence::Registers:
    OS << " after instruction #" << D.Step.Number << " ("
       << D.Step.Number - 1 << " agreed before it)\n";
    break;
  case Divergence::QemuEndedFirst:
    OS << ": QEMU's log ends before the result of instruction #"
       << D.Step.Number << ", the model went on\n";
    break;
  case Divergence::ModelEndedFirst:
    OS << ": the model stopped before instruction #" << D.Step.Number
       << ", QEMU executed it\n";
    break;
  case Divergence::FinalState:
    OS << " in the final state, before instruction #" << D.Step.Number
       << " (compared only at the end)\n";
    break;
  case Divergence::DifferentEnd:
    OS << ": the runs do not both end at the snippet's final EBREAK "
          "(instruction #"
       << D.Step.Number << ")\n";
    break;
  }
  if (D.What == Divergence::InitialPC)
    return;
  OS << "  instruction #" << D.Step.Number << "  " << disassemble(D.Step, Ctx)
     << "\n";
  std::string Operands = operandValues(D.Step, Ctx);
  if (!Operands.empty())
    OS << "  registers it names, before it (both sides): " << Operands << "\n";
  if (!D.Detail.empty())
    OS << "  " << D.Detail << "\n";
  if (D.Next)
    OS << "  next instruction #" << D.Next->Number << "  "
       << disassemble(*D.Next, Ctx) << "\n";
  if (D.What == Divergence::Registers || D.What == Divergence::FinalState) {
    OS << "  register      " << left_justify(Ctx.QemuName, 40) << "model\n";
    for (const RegisterDiff &Diff : D.Diffs) {
      if (Diff.File == 'v')
        continue; // Below: too wide for the table.
      OS << "  " << left_justify(registerName(Diff.File, Diff.Index), 12)
         << "  "
         << left_justify(valueText(Diff.File, Diff.Qemu, Ctx.Settings), 40)
         << valueText(Diff.File, Diff.Model, Ctx.Settings) << "\n";
    }
    // The SEW the instruction ran under; for a vsetvl after vill, the one
    // it set.
    uint64_t VType = D.Step.Before.VType;
    if ((VType >> (Ctx.Settings.XLen - 1)) & 1)
      VType = D.QemuAfter.VType;
    unsigned Sew = sewBytes(VType, Ctx.Settings.XLen);
    for (const RegisterDiff &Diff : D.Diffs) {
      if (Diff.File != 'v')
        continue;
      unsigned N = Diff.QemuBytes.size();
      OS << "  v" << Diff.Index << " (VLEN " << N * 8 << ")\n"
         << "    " << left_justify(Ctx.QemuName, 14)
         << vectorHex(Diff.QemuBytes.data(), N) << "\n"
         << "    " << left_justify("model", 14)
         << vectorHex(Diff.ModelBytes.data(), N) << "\n"
         << "    elements that differ (SEW " << Sew * 8
         << ", qemu vs model): " << differingElements(Diff, Sew) << "\n";
    }
  }
  printHistory(OS, D, Ctx);
  OS << "  model ISA: " << Ctx.ModelIsa << "\n";
  if (!Ctx.QemuCommand.empty())
    OS << "  replay QEMU: " << Ctx.QemuCommand << "\n";
  if (!Ctx.KeptLog.empty())
    OS << "  QEMU log: " << Ctx.KeptLog << "\n";
}

} // namespace snipgen::qemucheck
