//===- QemuLog.cpp - Read the register dumps of `qemu -d cpu,fpu` ---------===//
#include "QemuLog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/FormatVariadic.h"

#include <iterator>

using namespace llvm;

namespace snipgen::qemucheck {

Expected<std::unique_ptr<QemuLogReader>> QemuLogReader::open(StringRef Path) {
  // Not null-terminated and not volatile: the log is complete (QEMU exited)
  // and large logs are mapped rather than copied.
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read the QEMU log '" +
                                                 Path + "': " +
                                                 Buf.getError().message());
  std::unique_ptr<QemuLogReader> R(new QemuLogReader());
  R->Buffer = std::move(*Buf);
  R->Path = Path.str();
  return R;
}

Error QemuLogReader::syntaxError(const Twine &Why) const {
  return createStringError(inconvertibleErrorCode(),
                           "cannot parse the QEMU log '" + Path + "' at line " +
                               Twine(LineNo) + ": " + Why);
}

/// The first whitespace-separated token of Line.
static StringRef firstToken(StringRef Line) {
  return Line.ltrim().split(' ').first.rtrim();
}

/// "x12/a2" -> 12 with File 'x'; "f3/ft3" -> 3 with File 'f'. Returns -1 for
/// any other name.
static int registerIndex(StringRef Name, char &File) {
  StringRef Arch = Name.split('/').first;
  if (Arch.size() < 2 || (Arch[0] != 'x' && Arch[0] != 'f'))
    return -1;
  unsigned Index = 0;
  if (Arch.drop_front().getAsInteger(10, Index) || Index >= 32)
    return -1;
  File = Arch[0];
  return int(Index);
}

namespace {
/// The vector CSRs of a -d vpu dump, in the order QEMU prints them.
struct VectorCsrName {
  const char *Name;
  uint64_t CpuState::*Field;
};
} // namespace
static const VectorCsrName VectorCsrs[] = {
    {"vstart", &CpuState::VStart}, {"vxsat", &CpuState::Vxsat},
    {"vxrm", &CpuState::Vxrm},     {"vcsr", &CpuState::Vcsr},
    {"vl", &CpuState::VL},         {"vtype", &CpuState::VType}};
static constexpr unsigned AllVectorCsrs = (1u << std::size(VectorCsrs)) - 1;

/// "v12" -> 12; -1 for any other name.
static int vectorIndex(StringRef Name) {
  unsigned Index = 0;
  if (Name.size() < 2 || Name[0] != 'v' ||
      Name.drop_front().getAsInteger(10, Index) || Index >= 32)
    return -1;
  return int(Index);
}

Error QemuLogReader::parseVectorRegister(unsigned Index, StringRef Name,
                                         StringRef Text, CpuState &Out) {
  // Two digits a byte, most significant byte first.
  if (Text.size() % 2 != 0 || Text.size() < 2 ||
      Text.size() > 2 * QemuMaxVLenBytes)
    return syntaxError("vector register " + Name + " has the value '" + Text +
                       "', not a whole number of bytes up to VLEN 1024");
  unsigned Bytes = Text.size() / 2;
  if (Out.VLenB == 0)
    Out.VLenB = Bytes;
  if (Bytes != Out.VLenB)
    return syntaxError(formatv("vector register {0} has {1} bytes, but VLENB "
                               "is {2}",
                               Name, Bytes, Out.VLenB)
                           .str());
  uint8_t *Reg = Out.V.data() + size_t(Index) * Bytes;
  for (unsigned J = 0; J < Bytes; ++J) {
    unsigned Value = 0;
    if (Text.substr(2 * J, 2).getAsInteger(16, Value))
      return syntaxError("vector register " + Name + " has the value '" +
                         Text + "', not hexadecimal");
    Reg[Bytes - 1 - J] = uint8_t(Value);
  }
  return Error::success();
}

Error QemuLogReader::parseRegisterLine(StringRef Line, CpuState &Out,
                                       uint64_t &SeenX, uint64_t &SeenF,
                                       uint64_t &SeenV, unsigned &SeenVCsrs) {
  SmallVector<StringRef, 16> Tokens;
  SplitString(Line, Tokens);
  if (Tokens.size() % 2 != 0)
    return syntaxError("expected 'name value' pairs, got '" + Line.trim() +
                       "'");
  for (size_t I = 0; I < Tokens.size(); I += 2) {
    StringRef Name = Tokens[I], Text = Tokens[I + 1];
    if (int VIndex = vectorIndex(Name); VIndex >= 0) {
      if (Error E = parseVectorRegister(VIndex, Name, Text, Out))
        return E;
      SeenV |= uint64_t(1) << VIndex;
      continue;
    }
    char File = 0;
    int Index = registerIndex(Name, File);
    bool IsFcsr = Name == "fcsr";
    bool IsVlenb = Name == "vlenb";
    const VectorCsrName *VCsr = nullptr;
    for (const VectorCsrName &C : VectorCsrs)
      if (Name == C.Name)
        VCsr = &C;
    // Other names (CSRs of system-mode logs) are not compared; their values
    // may be wider than 64 bits, so skip them unread.
    if (Index < 0 && !IsFcsr && !IsVlenb && !VCsr)
      continue;
    uint64_t Value = 0;
    if (Text.size() > 16 || Text.getAsInteger(16, Value))
      return syntaxError("register " + Name + " has the value '" + Text +
                         "', not a hexadecimal number of at most 64 bits");
    if (IsFcsr) {
      Out.HasFcsr = true;
      Out.Fcsr = Value;
    } else if (IsVlenb) {
      if (Value == 0 || Value > QemuMaxVLenBytes ||
          (Out.VLenB && Out.VLenB != Value))
        return syntaxError("vlenb " + Text + " does not fit the vector "
                           "registers of this dump");
      Out.VLenB = unsigned(Value);
    } else if (VCsr) {
      Out.*(VCsr->Field) = Value;
      SeenVCsrs |= 1u << (VCsr - VectorCsrs);
    } else if (File == 'x') {
      Out.X[Index] = Value;
      SeenX |= uint64_t(1) << Index;
    } else {
      Out.F[Index] = Value;
      SeenF |= uint64_t(1) << Index;
    }
  }
  return Error::success();
}

Expected<bool> QemuLogReader::next(CpuState &Out) {
  StringRef Text = Buffer->getBuffer();
  auto TakeLine = [&]() {
    size_t End = Text.find('\n', Pos);
    if (End == StringRef::npos)
      End = Text.size();
    StringRef Line = Text.slice(Pos, End);
    Pos = End < Text.size() ? End + 1 : End;
    ++LineNo;
    return Line;
  };
  auto PeekIsPC = [&]() {
    size_t End = Text.find('\n', Pos);
    return firstToken(Text.slice(Pos, End)) == "pc";
  };

  // Skip blank lines, then expect the "pc" line that opens a dump.
  StringRef Line;
  do {
    if (Pos >= Text.size())
      return false;
    Line = TakeLine();
  } while (Line.trim().empty());
  SmallVector<StringRef, 2> PCTokens;
  SplitString(Line, PCTokens);
  if (PCTokens.size() != 2 || PCTokens[0] != "pc")
    return syntaxError("expected the 'pc <hex>' line that opens a register "
                       "dump, got '" + Line.trim() +
                       "' (was QEMU run with -d cpu and one instruction per "
                       "translation block?)");
  Out = CpuState();
  Out.Line = LineNo;
  if (PCTokens[1].size() > 16 || PCTokens[1].getAsInteger(16, Out.PC))
    return syntaxError("pc value '" + PCTokens[1] + "' is not hexadecimal");

  uint64_t SeenX = 0, SeenF = 0, SeenV = 0;
  unsigned SeenVCsrs = 0;
  while (Pos < Text.size() && !PeekIsPC()) {
    Line = TakeLine();
    if (Error E = parseRegisterLine(Line, Out, SeenX, SeenF, SeenV, SeenVCsrs))
      return E;
  }
  if (SeenX != ~uint64_t(0) >> 32) {
    unsigned Missing = llvm::countr_one(SeenX);
    return syntaxError(formatv("the dump that starts at line {0} lacks x{1}",
                               Out.Line, Missing)
                           .str());
  }
  if (SeenF != 0 && SeenF != ~uint64_t(0) >> 32)
    return syntaxError(formatv("the dump that starts at line {0} lacks f{1}",
                               Out.Line, llvm::countr_one(SeenF))
                           .str());
  Out.HasF = SeenF != 0;
  if (SeenV != 0 && SeenV != ~uint64_t(0) >> 32)
    return syntaxError(formatv("the dump that starts at line {0} lacks v{1}",
                               Out.Line, llvm::countr_one(SeenV))
                           .str());
  if ((SeenV != 0 || SeenVCsrs != 0) && SeenVCsrs != AllVectorCsrs)
    return syntaxError(
        formatv("the dump that starts at line {0} lacks {1}", Out.Line,
                VectorCsrs[llvm::countr_one(SeenVCsrs)].Name)
            .str());
  if (SeenVCsrs != 0 && SeenV == 0)
    return syntaxError(formatv("the dump that starts at line {0} has vector "
                               "CSRs but no vector registers",
                               Out.Line)
                           .str());
  Out.HasV = SeenV != 0;
  return true;
}

size_t QemuLogReader::countDumps() const {
  StringRef Text = Buffer->getBuffer();
  size_t Count = 0;
  size_t At = 0;
  while (At < Text.size()) {
    size_t End = Text.find('\n', At);
    if (End == StringRef::npos)
      End = Text.size();
    if (firstToken(Text.slice(At, End)) == "pc")
      ++Count;
    At = End + 1;
  }
  return Count;
}

} // namespace snipgen::qemucheck
