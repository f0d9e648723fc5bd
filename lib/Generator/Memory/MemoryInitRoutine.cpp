//===- MemoryInitRoutine.cpp - -init-memory=loads' routine ----------------===//
#include "snipgen/Generator/MemoryInitRoutine.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInstrInfo.h"
#include <algorithm>
#include <cstring>

using namespace llvm;

namespace snipgen {

static constexpr StringLiteral RoutineName = "snippy_random";

namespace {
/// The sections with runtime contents, for byte lookups.
struct ImageLookup {
  std::vector<const SectionDesc *> Sections;
  const SectionDesc *Last = nullptr;
  explicit ImageLookup(const Layout &L) {
    for (const SectionDesc &S : L.Sections)
      if (!S.RuntimeContents.empty())
        Sections.push_back(&S);
  }
  const SectionDesc *find(uint64_t A) {
    if (Last && A >= Last->VMA && A - Last->VMA < Last->Size)
      return Last;
    for (const SectionDesc *S : Sections)
      if (A >= S->VMA && A - S->VMA < S->Size)
        return Last = S;
    return nullptr;
  }
};
} // namespace

std::vector<std::pair<uint64_t, uint8_t>>
bytesLoadsRead(const Program &P, const Layout &L, const MCEnvironment &Env) {
  std::vector<uint64_t> Addrs;
  auto Add = [&](uint64_t A, uint64_t Size) {
    for (uint64_t I = 0; I < Size; ++I)
      Addrs.push_back(A + I);
  };
  MCInst Inst;
  for (const Function &F : P.Functions)
    for (const BasicBlock &B : F.Blocks)
      for (const MemoryAccessRecord &R : B.MemoryAccesses) {
        if (R.Offset >= B.Code.size())
          continue;
        ArrayRef<uint8_t> Bytes(B.Code.data() + R.Offset,
                                std::min<uint64_t>(4, B.Code.size() - R.Offset));
        if (!Env.decode(Bytes, 0, Inst) ||
            !Env.instrInfo().get(Inst.getOpcode()).mayLoad())
          continue;
        if (R.Vector) {
          for (uint64_t E : R.Elements)
            Add(E, R.Size);
        } else {
          Add(R.Address, R.Size);
        }
      }
  llvm::sort(Addrs);
  Addrs.erase(std::unique(Addrs.begin(), Addrs.end()), Addrs.end());
  ImageLookup Image(L);
  std::vector<std::pair<uint64_t, uint8_t>> Out;
  Out.reserve(Addrs.size());
  for (uint64_t A : Addrs)
    if (const SectionDesc *S = Image.find(A))
      Out.push_back({A, S->RuntimeContents[A - S->VMA]});
  return Out;
}

// PC offset of the last instruction in Code (a straight-line sequence).
static Expected<uint64_t> lastInstrOffset(ArrayRef<uint8_t> Code,
                                          const MCEnvironment &Env) {
  MCInst Inst;
  uint64_t Off = 0, Last = 0;
  while (Off < Code.size()) {
    unsigned Size = Env.decode(
        Code.slice(Off, std::min<uint64_t>(4, Code.size() - Off)), Off, Inst);
    if (!Size)
      return makeInternalError("memory-initialisation routine: cannot decode "
                               "its own code at offset " +
                               Twine(Off));
    Last = Off;
    Off += Size;
  }
  return Last;
}

Error appendMemoryInitRoutine(
    Program &P, const Layout &L, const MCEnvironment &Env,
    const GenTarget &Target,
    const GenTarget::RegisterInitRequest::InitCallRegisters &Regs) {
  if (P.Functions.empty() || P.Functions[0].Blocks.empty() || !Regs.Link)
    return makeInternalError("-init-memory=loads: the register "
                             "initialisation emitted no call of the memory-"
                             "initialisation routine");
  for (const Function &F : P.Functions)
    if (F.Name == RoutineName)
      return makeError("-init-memory=loads: the memory-initialisation "
                       "routine is named '" +
                       RoutineName + "', as a function of the call graph");
  const SectionDesc &Code = L.Sections[P.CodeSection];

  // The call, as the register initialisation emitted it (distance 0).
  BasicBlock Scratch;
  CodeBuffer Buf(Env, Scratch);
  Target.emitMemoryInitCall(Env, Regs.Link, 0, Buf);
  if (Error E = Buf.takeError())
    return E;
  const std::vector<uint8_t> Placeholder = Scratch.Code;
  BasicBlock &First = P.Functions[0].Blocks[0];
  auto It = std::search(First.Code.begin(), First.Code.end(),
                        Placeholder.begin(), Placeholder.end());
  if (It == First.Code.end())
    return makeInternalError("-init-memory=loads: the call of the memory-"
                             "initialisation routine is not in the entry "
                             "function's first block");
  const uint64_t CallOffset = It - First.Code.begin();
  const uint64_t FirstAddress = First.Address ? First.Address : Code.VMA;
  const uint64_t CallPC = FirstAddress + First.bodyOffset() + CallOffset;

  // The routine goes right after the code in the code section, where the
  // object emitter puts a last function.
  uint64_t End = Code.VMA, LaidOutEnd = 0;
  for (const Function &F : P.Functions)
    for (const BasicBlock &B : F.Blocks)
      if (B.Section < 0 || unsigned(B.Section) == P.CodeSection) {
        End += B.size();
        if (B.Address)
          LaidOutEnd = std::max(LaidOutEnd, B.Address + B.size());
      }
  if (LaidOutEnd && LaidOutEnd != End)
    return makeInternalError("-init-memory=loads: the code section's blocks "
                             "end at 0x" +
                             utohexstr(LaidOutEnd) + ", not at 0x" +
                             utohexstr(End) + " as their sizes add up");

  Function Routine;
  Routine.Name = RoutineName.str();
  Routine.Link = Linkage::Global;
  Routine.Blocks.emplace_back();
  BasicBlock &Body = Routine.Blocks.back();
  CodeBuffer Out(Env, Body);
  auto Bytes = bytesLoadsRead(P, L, Env);
  Target.emitMemoryInitRoutine(Env, Bytes, Regs.Link, Regs.Base, Regs.Value,
                               Out);
  if (Error E = Out.takeError())
    return E;
  Routine.Address = Body.Address = End;
  if (End + Body.size() > Code.VMA + Code.Size) {
    std::string Msg =
        ("the memory-initialisation routine of -init-memory=loads (" +
         Twine(Body.size()) + " bytes for the " + Twine(Bytes.size()) +
         " bytes the loads read) does not fit section '" + Code.Name +
         "' after the code (" + Twine(End - Code.VMA) + " of " +
         Twine(Code.Size) + " bytes); enlarge its SIZE or lower -num-instrs")
            .str();
    return L.SM ? makeError(*L.SM, Code.Loc, Msg) : makeError(Msg);
  }

  // Patch the call in place.
  Scratch.Code.clear();
  Scratch.NumInstrs = 0;
  Target.emitMemoryInitCall(Env, Regs.Link, int64_t(End - CallPC), Buf);
  if (Error E = Buf.takeError())
    return E;
  if (Scratch.Code.size() != Placeholder.size())
    return makeInternalError("-init-memory=loads: the patched call of the "
                             "memory-initialisation routine changed size");
  std::memcpy(First.Code.data() + CallOffset, Scratch.Code.data(),
              Scratch.Code.size());

  auto CallLast = lastInstrOffset(Scratch.Code, Env);
  if (!CallLast)
    return CallLast.takeError();
  auto RetOffset = lastInstrOffset(Body.Code, Env);
  if (!RetOffset)
    return RetOffset.takeError();
  P.Map.Calls.push_back({CallPC + *CallLast, CallPC + Scratch.Code.size()});
  P.Map.Returns.push_back(End + *RetOffset);
  P.Stats.AncillaryInstrs += Body.NumInstrs;
  P.Functions.push_back(std::move(Routine));
  return Error::success();
}

} // namespace snipgen
