#include "snipgen/Emit/LinkerScript.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Emit/ObjectEmitter.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <map>

using namespace llvm;

namespace snipgen {

static std::vector<const SectionDesc *> byAddress(const Layout &L) {
  std::vector<const SectionDesc *> Sorted;
  for (const SectionDesc &S : L.Sections)
    Sorted.push_back(&S);
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [](const SectionDesc *A, const SectionDesc *B) {
                     return A->VMA < B->VMA;
                   });
  return Sorted;
}

bool isNoLoadSection(const SectionDesc &S) {
  return S.Access.W && !S.Access.X && !S.Loaded && S.InitialContents.empty();
}

std::string generateLinkerScript(const Layout &L,
                                 const LinkerScriptOptions &Opts) {
  std::string Text;
  raw_string_ostream OS(Text);
  std::vector<const SectionDesc *> Sorted = byAddress(L);
  uint64_t Origin = Sorted.front()->VMA, End = 0;
  for (const SectionDesc *S : Sorted)
    End = std::max(End, S->end());

  OS << "MEMORY {\n  " << Opts.MemoryRegion << " (rwx) : ORIGIN = " << Origin
     << ", LENGTH = " << (End - Origin + Opts.LinkerReserve) << "\n}\n";

  if (Opts.DefinePhdrs) {
    // Every PHDR used by a section, with the union of its sections' rights.
    std::vector<std::pair<std::string, unsigned>> Headers;
    for (const SectionDesc *S : Sorted) {
      if (S->Phdr.empty())
        continue;
      unsigned Flags = (S->Access.R ? 4 : 0) | (S->Access.W ? 2 : 0) |
                       (S->Access.X ? 1 : 0);
      auto It = find_if(Headers, [&](auto &H) { return H.first == S->Phdr; });
      if (It == Headers.end())
        Headers.push_back({S->Phdr, Flags});
      else
        It->second |= Flags;
    }
    if (!Headers.empty()) {
      OS << "PHDRS {\n";
      for (auto &[Name, Flags] : Headers)
        OS << "  " << Name << " PT_LOAD FLAGS(" << Flags << ");\n";
      OS << "}\n";
    }
  }

  OS << "SECTIONS {\n";
  for (const SectionDesc *S : Sorted) {
    std::string Name = outputSectionName(Opts.SectionsPrefix, *S);
    OS << "  " << Name << " " << S->VMA;
    if (isNoLoadSection(*S))
      OS << " (NOLOAD) ";
    OS << ":";
    if (S->LMA != S->VMA)
      OS << " AT(" << S->LMA << ")";
    OS << " {\n    KEEP(*(" << Name << "))\n  } >" << Opts.MemoryRegion;
    if (!S->Phdr.empty())
      OS << " :" << S->Phdr;
    OS << "\n";
  }
  OS << "}\n";
  return Text;
}

std::string generateLinkerArgs(const Layout &L, bool NoRelax) {
  // Branches and internal calls are resolved by snipgen; only calls of
  // external functions carry relocations, and without R_RISCV_RELAX (the
  // relax feature is off) ld keeps them as they are. Relaxation can still be
  // turned off explicitly so a user's linker cannot compress anything.
  return NoRelax ? "--no-relax\n" : "";
}

} // namespace snipgen
