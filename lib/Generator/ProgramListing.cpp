#include "snipgen/Generator/ProgramListing.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/Support/FormatVariadic.h"
#include <functional>
#include <set>

using namespace llvm;

namespace snipgen {
namespace {

/// One decoded instruction of the final code.
struct Decoded {
  uint64_t Address = 0;
  ArrayRef<uint8_t> Bytes;
  const MCInst *Inst = nullptr; // null: bytes that do not decode
};

using Visitor = function_ref<void(const Decoded &)>;

void walkBytes(ArrayRef<uint8_t> Bytes, uint64_t &Addr,
               const MCEnvironment &Env, uint64_t *Count, Visitor V) {
  MCInst Inst;
  for (uint64_t Off = 0; Off < Bytes.size();) {
    unsigned Size = Env.decode(Bytes.drop_front(Off), Addr, Inst);
    Decoded D;
    D.Address = Addr;
    if (!Size) {
      D.Bytes = Bytes.drop_front(Off);
      V(D);
      Addr += Bytes.size() - Off;
      return;
    }
    D.Bytes = Bytes.slice(Off, Size);
    D.Inst = &Inst;
    V(D);
    if (Count)
      ++*Count;
    Off += Size;
    Addr += Size;
  }
}

/// Walks a block in layout order; OnRelocated sees the bytes of an external
/// call that the assembler emits (not held by the program).
void walkBlock(const BasicBlock &B, const MCEnvironment &Env,
               uint64_t *BodyCount, Visitor V,
               function_ref<void(uint64_t, const Terminator &)> OnRelocated) {
  uint64_t A = B.Address;
  for (const LoopEntry &E : B.LoopEntries) {
    walkBytes(E.Init.Bytes, A, Env, nullptr, V);
    walkBytes(E.PaddingCode.Bytes, A, Env, nullptr, V);
  }
  walkBytes(B.Code, A, Env, BodyCount, V);
  walkBytes(B.Term.Pre.Bytes, A, Env, nullptr, V);
  if (B.Term.RelocatedSize) {
    OnRelocated(A, B.Term);
    A += B.Term.RelocatedSize;
  }
  walkBytes(B.Term.Resolved.Bytes, A, Env, nullptr, V);
  walkBytes(B.Term.Post.Bytes, A, Env, nullptr, V);
}

std::string hexBytes(ArrayRef<uint8_t> Bytes) {
  // Little-endian instruction parcels, as objdump prints them.
  std::string S;
  for (size_t I = Bytes.size(); I > 0; --I)
    S += utohexstr(Bytes[I - 1], /*LowerCase=*/true, /*Width=*/2);
  return S;
}

} // namespace

Error listProgram(const Program &P, const MCEnvironment &Env, bool Blocks,
                  raw_ostream &OS) {
  for (const Function &F : P.Functions) {
    OS << "# Function: " << F.Name
       << formatv(" ({0:x}, {1} bytes{2})\n", F.Address, F.codeSize(),
                  F.IsExternal ? ", external stub" : "");
    for (unsigned BI = 0; BI < F.Blocks.size(); ++BI) {
      const BasicBlock &B = F.Blocks[BI];
      if (Blocks)
        OS << formatv("bb.{0}:\n", BI);
      walkBlock(
          B, Env, nullptr,
          [&](const Decoded &D) {
            if (!D.Inst) {
              OS << formatv("  {0:x8}: {1,-8} <bytes that do not decode>\n",
                            D.Address, hexBytes(D.Bytes));
              return;
            }
            std::string Text = Env.print(*D.Inst, D.Address);
            StringRef T = StringRef(Text).trim();
            OS << formatv("  {0:x8}: {1,-8}  {2,-40} # {3}\n", D.Address,
                          hexBytes(D.Bytes), T,
                          Env.instrInfo().getName(D.Inst->getOpcode()));
          },
          [&](uint64_t A, const Terminator &T) {
            OS << formatv("  {0:x8}: {1}  # relocated call, {2} bytes\n", A,
                          StringRef(T.RelocatedAsm).trim(), T.RelocatedSize);
          });
    }
  }
  OS.flush();
  return Error::success();
}

Expected<uint64_t> verifyProgramCode(const Program &P,
                                     const MCEnvironment &Env) {
  std::set<uint64_t> Starts;
  struct Jump {
    uint64_t From, To;
    unsigned Opcode;
    std::string Function;
  };
  std::vector<Jump> Jumps;
  std::string Failure;
  uint64_t Verified = 0;
  const MCInstrInfo &MII = Env.instrInfo();
  for (const Function &F : P.Functions) {
    for (unsigned BI = 0; BI < F.Blocks.size(); ++BI) {
      const BasicBlock &B = F.Blocks[BI];
      uint64_t BodyCount = 0;
      walkBlock(
          B, Env, &BodyCount,
          [&](const Decoded &D) {
            if (!D.Inst) {
              if (Failure.empty())
                Failure = formatv("function '{0}', block {1}: bytes at {2:x} "
                                  "do not decode for the subtarget",
                                  F.Name, BI, D.Address)
                              .str();
              return;
            }
            ++Verified;
            Starts.insert(D.Address);
            const MCInstrDesc &Desc = MII.get(D.Inst->getOpcode());
            for (unsigned I = 0; I < Desc.getNumOperands() &&
                                 I < D.Inst->getNumOperands();
                 ++I)
              if (Desc.operands()[I].OperandType == MCOI::OPERAND_PCREL &&
                  D.Inst->getOperand(I).isImm() &&
                  (Desc.isBranch() || Desc.isCall()))
                Jumps.push_back({D.Address,
                                 D.Address + D.Inst->getOperand(I).getImm(),
                                 D.Inst->getOpcode(), F.Name});
          },
          [&](uint64_t A, const Terminator &T) {
            // The assembler's call sequence: 4-byte instructions.
            for (uint64_t O = 0; O < T.RelocatedSize; O += 4)
              Starts.insert(A + O);
          });
      if (BodyCount != B.NumInstrs && Failure.empty())
        Failure = formatv("function '{0}', block {1}: {2} instructions decode "
                          "from a body that {3} were emitted into",
                          F.Name, BI, BodyCount, B.NumInstrs)
                      .str();
    }
  }
  if (!Failure.empty())
    return makeError("-verify-mi: " + Failure);
  for (const Jump &J : Jumps)
    if (!Starts.count(J.To))
      return makeError(formatv("-verify-mi: the {0} at {1:x} in function "
                               "'{2}' targets {3:x}, which is not the start "
                               "of an instruction of the program",
                               MII.getName(J.Opcode), J.From, J.Function, J.To)
                           .str());
  return Verified;
}

} // namespace snipgen
