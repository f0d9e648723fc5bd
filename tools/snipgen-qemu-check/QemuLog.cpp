//===- QemuLog.cpp - Read the register dumps of `qemu -d cpu,fpu` ---------===//
#include "QemuLog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/FormatVariadic.h"

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

Error QemuLogReader::parseRegisterLine(StringRef Line, CpuState &Out,
                                       uint64_t &SeenX, uint64_t &SeenF) {
  SmallVector<StringRef, 16> Tokens;
  SplitString(Line, Tokens);
  if (Tokens.size() % 2 != 0)
    return syntaxError("expected 'name value' pairs, got '" + Line.trim() +
                       "'");
  for (size_t I = 0; I < Tokens.size(); I += 2) {
    StringRef Name = Tokens[I], Text = Tokens[I + 1];
    char File = 0;
    int Index = registerIndex(Name, File);
    bool IsFcsr = Name == "fcsr";
    // Other names (CSRs of system-mode logs, vector registers) are not
    // compared; their values may be wider than 64 bits, so skip them unread.
    if (Index < 0 && !IsFcsr)
      continue;
    uint64_t Value = 0;
    if (Text.size() > 16 || Text.getAsInteger(16, Value))
      return syntaxError("register " + Name + " has the value '" + Text +
                         "', not a hexadecimal number of at most 64 bits");
    if (IsFcsr) {
      Out.HasFcsr = true;
      Out.Fcsr = Value;
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

  uint64_t SeenX = 0, SeenF = 0;
  while (Pos < Text.size() && !PeekIsPC()) {
    Line = TakeLine();
    if (Error E = parseRegisterLine(Line, Out, SeenX, SeenF))
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
