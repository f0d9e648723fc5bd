#include "MemorySectionDump.h"
#include "MemoryAscii.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Model/Model.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

static Expected<SectionAccess> parseAccess(StringRef S) {
  SectionAccess A;
  for (char C : S) {
    bool *Bit = C == 'r' ? &A.R : C == 'w' ? &A.W : C == 'x' ? &A.X : nullptr;
    if (!Bit || *Bit)
      return makeError("");
    *Bit = true;
  }
  return A;
}

Expected<std::vector<MemoryDumpRange>>
memoryDumpRanges(const Layout &L, const OptionTable &Opts) {
  std::vector<MemoryDumpRange> Out;
  std::vector<std::string> Unknown;
  for (const std::string &Sel : Opts.getList(OptionID::DumpMemorySection)) {
    StringRef S = Sel;
    if (S.consume_front("{")) {
      if (!S.consume_back("}"))
        return Opts.valueError(OptionID::DumpMemorySection,
                               "'" + Sel + "': a '{' selector ends with '}'");
      auto [B, E] = S.split('-');
      uint64_t Begin = 0, End = 0;
      if (!E.empty() || S.contains('-')) {
        if (!B.consume_front("0x") || !E.consume_front("0x") ||
            B.getAsInteger(16, Begin) || E.getAsInteger(16, End) ||
            End <= Begin)
          return Opts.valueError(OptionID::DumpMemorySection,
                                 "'" + Sel +
                                     "': expected {0xBEGIN-0xEND} with "
                                     "BEGIN < END");
        Out.push_back({Begin, End, S.str(), /*IsSection=*/false});
        continue;
      }
      auto A = parseAccess(S);
      if (!A) {
        consumeError(A.takeError());
        return Opts.valueError(OptionID::DumpMemorySection,
                               "'" + Sel +
                                   "': expected an access such as {rw} or "
                                   "an address range {0xBEGIN-0xEND}");
      }
      for (const SectionDesc &D : L.Sections)
        if (D.Access.R == A->R && D.Access.W == A->W && D.Access.X == A->X)
          Out.push_back({D.VMA, D.VMA + D.Size, D.Name});
      continue;
    }
    auto It = llvm::find_if(L.Sections, [&](const SectionDesc &D) {
      return D.Name == Sel;
    });
    if (It == L.Sections.end()) {
      Unknown.push_back("\"" + Sel + "\"");
      continue;
    }
    Out.push_back({It->VMA, It->VMA + It->Size, It->Name});
  }
  if (!Unknown.empty())
    return Opts.errorAt(OptionID::DumpMemorySection,
                        "dump of unknown sections requested (option "
                        "'dump-memory-section'). List of non-existent "
                        "sections: " +
                            join(Unknown, ", "));
  llvm::sort(Out);
  Out.erase(std::unique(Out.begin(), Out.end(),
                        [](const MemoryDumpRange &A, const MemoryDumpRange &B) {
                          return A.Begin == B.Begin && A.End == B.End;
                        }),
            Out.end());
  return Out;
}

void MemorySectionDumper::onRunEnd(ModelHandle &M,
                                   const snipgen_model_stop_info &) {
  raw_string_ostream OS(Data);
  std::vector<uint8_t> Bytes;
  for (const MemoryDumpRange &R : Ranges) {
    Bytes.assign(R.End - R.Begin, 0);
    if (M.api().read_mem(M.get(), R.Begin, Bytes.data(), Bytes.size()) != 0 &&
        Failure.empty())
      Failure = "-dump-memory-section: the model cannot read '" + R.Name +
                "' [0x" + utohexstr(R.Begin) + ", 0x" + utohexstr(R.End) +
                "): it is not inside one memory region of the snippet";
    if (Ascii)
      writeAsciiMemoryBlock(OS, R.Name, R.IsSection, Bytes);
    else
      OS << StringRef(reinterpret_cast<const char *>(Bytes.data()),
                      Bytes.size());
  }
}

Error MemorySectionDumper::verdict() {
  if (Failure.empty())
    return Error::success();
  return makeError(Failure);
}

} // namespace snipgen
