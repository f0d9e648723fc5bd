#include "MemoryAscii.h"
#include "llvm/Support/Path.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Format.h"

using namespace llvm;

namespace snipgen {

void writeAsciiMemoryBlock(raw_ostream &OS, StringRef Name, bool IsSection,
                           ArrayRef<uint8_t> Bytes) {
  OS << (IsSection ? "Section {" : "Range {") << Name << "}:\n";
  // The offsets are as wide as the last one needs (at least one digit), as
  // llvm-snippy prints them.
  unsigned Digits = 0;
  if (Bytes.size() > 1) {
    uint64_t Last = Bytes.size() - 1, Reach = 1;
    while (Reach < Last) {
      Reach *= 16;
      ++Digits;
    }
  }
  for (size_t Off = 0; Off < Bytes.size(); Off += 16) {
    OS << format_hex(Off, Digits + 2) << ": ";
    for (size_t I = Off; I < Off + 16 && I < Bytes.size(); ++I)
      OS << ' ' << format_hex_no_prefix(Bytes[I], 2);
    OS << '\n';
  }
}

// llvm-snippy's form: "[file name, line] Wrong memory init file format: ...".
static Error formatError(StringRef File, unsigned Line, const Twine &Msg) {
  return makeError("[" + sys::path::filename(File) + ", " + Twine(Line) +
                   "] Wrong memory init file format: " + Msg);
}

Expected<std::vector<AsciiMemoryBlock>> parseAsciiMemory(StringRef Text,
                                                         StringRef File) {
  std::vector<AsciiMemoryBlock> Blocks;
  SmallVector<StringRef> Lines;
  Text.split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I) {
    StringRef Line = Lines[I].rtrim("\r").trim(" \t");
    unsigned LineNo = I + 1;
    if (Line.empty())
      continue;
    StringRef Rest = Line;
    if (Rest.consume_front("Section {") && Rest.consume_back("}:")) {
      if (Rest.empty() || !all_of(Rest, [](char C) {
            return isAlnum(C) || C == '_';
          }))
        return formatError(File, LineNo,
                           "can't parse section name '" + Rest + "'");
      Blocks.push_back({Rest.str(), LineNo, {}});
      continue;
    }
    if (Line.starts_with("Range {"))
      return formatError(File, LineNo,
                         "an address range block cannot initialise memory; "
                         "dump sections by name or access");
    if (!Line.starts_with("0x"))
      return formatError(File, LineNo, "can't match section header");
    if (Blocks.empty())
      return formatError(File, LineNo,
                         "bytes before the first 'Section {name}:' header");
    AsciiMemoryBlock &B = Blocks.back();
    SmallVector<StringRef> Words;
    Line.split(Words, ' ', -1, /*KeepEmpty=*/false);
    StringRef Addr = Words[0];
    uint64_t Offset = 0;
    if (!Addr.consume_front("0x") || !Addr.consume_back(":") || Addr.empty() ||
        !all_of(Addr, [](char C) { return isDigit(C) || (C >= 'a' && C <= 'f'); }) ||
        Addr.getAsInteger(16, Offset))
      return formatError(File, LineNo,
                         "can't parse line address '" + Words[0] + "'");
    if (Offset != B.Bytes.size())
      return formatError(File, LineNo,
                         "wrong address: " + Addr + ", expected 0x" +
                             utohexstr(B.Bytes.size(), /*LowerCase=*/true));
    if (Words.size() == 1)
      return formatError(File, LineNo, "empty line specified");
    for (StringRef W : ArrayRef(Words).drop_front()) {
      unsigned V = 0;
      if (W.size() > 2 || W.getAsInteger(16, V))
        return formatError(File, LineNo, "can't convert to byte: " + W);
      B.Bytes.push_back(uint8_t(V));
    }
  }
  return Blocks;
}

} // namespace snipgen
