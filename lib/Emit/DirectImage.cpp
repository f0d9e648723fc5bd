//===- DirectImage.cpp - The model's image without running the linker ----===//
//
// See DirectImage.h for when this applies. Every condition below that is not
// met returns std::nullopt: the caller then links with ld.lld, which also
// reports whatever is wrong with the layout in its own words.
//===----------------------------------------------------------------------===//
#include "snipgen/Emit/DirectImage.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Emit/LinkerScript.h"
#include "snipgen/Emit/ObjectEmitter.h"
#include "snipgen/Support/HugePages.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/RISCVAttributeParser.h"
#include "llvm/Support/RISCVAttributes.h"
#include <algorithm>

using namespace llvm;
using namespace llvm::object;

namespace snipgen {

namespace {

struct Placed {
  const SectionDesc *Desc = nullptr;
  uint64_t Size = 0;
  bool NoBits = false;
  unsigned Flags = 0; // PF_* ld.lld derives from the section flags.
  ArrayRef<uint8_t> Contents;
  unsigned Index = 0; // Section header index in the object.
};

template <class ELFT>
std::optional<ElfImage> build(StringRef Object, const Layout &L,
                              StringRef Prefix, StringRef Entry,
                              std::string &WhyNot) {
  auto No = [&](const char *Why) -> std::optional<ElfImage> {
    WhyNot = Why;
    return std::nullopt;
  };
  using Elf_Shdr = typename ELFT::Shdr;
  auto FileOr = ELFFile<ELFT>::create(Object);
  if (!FileOr) {
    consumeError(FileOr.takeError());
    return No("unreadable object");
  }
  const ELFFile<ELFT> &File = *FileOr;
  if (File.getHeader().e_type != ELF::ET_REL ||
      File.getHeader().e_machine != ELF::EM_RISCV)
    return No("not a RISC-V relocatable object");
  auto SectionsOr = File.sections();
  if (!SectionsOr) {
    consumeError(SectionsOr.takeError());
    return No("unreadable section headers");
  }
  auto Sections = *SectionsOr;

  ElfImage Image;
  Image.XLen = ELFT::Is64Bits ? 64 : 32;
  std::vector<Placed> Placement(L.Sections.size());
  std::vector<int> PlacedIndex(Sections.size(), -1); // object -> layout
  const Elf_Shdr *SymTab = nullptr;
  for (unsigned I = 0; I < Sections.size(); ++I) {
    const Elf_Shdr &Sec = Sections[I];
    if (Sec.sh_type == ELF::SHT_REL || Sec.sh_type == ELF::SHT_RELA ||
        Sec.sh_type == ELF::SHT_RELR || Sec.sh_type == ELF::SHT_GROUP)
      return No("relocations or section groups");
    if (Sec.sh_type == ELF::SHT_SYMTAB)
      SymTab = &Sec;
    auto NameOr = File.getSectionName(Sec);
    if (!NameOr) {
      consumeError(NameOr.takeError());
      return No("unreadable name");
    }
    if (*NameOr == ".riscv.attributes") {
      auto Data = File.getSectionContents(Sec);
      if (!Data) {
        consumeError(Data.takeError());
        return No("unreadable section contents");
      }
      RISCVAttributeParser Attributes;
      if (Error E = Attributes.parse(*Data, endianness::little))
        consumeError(std::move(E));
      else if (auto Arch = Attributes.getAttributeString(RISCVAttrs::ARCH))
        Image.ArchAttribute = Arch->str();
      continue;
    }
    if (!(Sec.sh_flags & ELF::SHF_ALLOC))
      continue;
    // An allocatable section: exactly one layout section's.
    int Found = -1;
    for (size_t J = 0; J < L.Sections.size(); ++J)
      if (outputSectionName(Prefix, L.Sections[J]) == *NameOr) {
        if (Found >= 0)
          return No("two layout sections with one output section name");
        Found = int(J);
      }
    if (Found < 0 || Placement[Found].Desc)
      return No("a section the linker script does not place");
    Placed &P = Placement[Found];
    P.Desc = &L.Sections[Found];
    P.Size = Sec.sh_size;
    P.Index = I;
    P.NoBits = Sec.sh_type == ELF::SHT_NOBITS || isNoLoadSection(*P.Desc);
    P.Flags = ELF::PF_R | (Sec.sh_flags & ELF::SHF_WRITE ? ELF::PF_W : 0) |
              (Sec.sh_flags & ELF::SHF_EXECINSTR ? ELF::PF_X : 0);
    if (Sec.sh_type != ELF::SHT_NOBITS) {
      auto Data = File.getSectionContents(Sec);
      if (!Data) {
        consumeError(Data.takeError());
        return No("unreadable section contents");
      }
      P.Contents = *Data;
    }
    PlacedIndex[I] = Found;
  }
  if (!SymTab)
    return No("no symbol table");

  // Every layout section placed, in address order (the script's order), not
  // empty, not overlapping, loaded where it runs.
  std::vector<Placed *> Sorted;
  for (Placed &P : Placement) {
    if (!P.Desc || P.Desc->LMA != P.Desc->VMA)
      return No("a layout section missing, or LMA other than VMA");
    Sorted.push_back(&P);
  }
  if (Sorted.empty())
    return No("no sections");
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [](const Placed *A, const Placed *B) {
                     return A->Desc->VMA < B->Desc->VMA;
                   });
  uint64_t Limit = ELFT::Is64Bits ? ~uint64_t(0) : uint64_t(UINT32_MAX);
  for (size_t I = 0; I < Sorted.size(); ++I) {
    const Placed &P = *Sorted[I];
    if (P.Desc->VMA > Limit || (P.Size && P.Size - 1 > Limit - P.Desc->VMA))
      return No("a section past the address space");
    if (I && Sorted[I - 1]->Desc->VMA + Sorted[I - 1]->Size > P.Desc->VMA)
      return No("overlapping sections");
  }

  // Segments: groups of consecutive sections and their flags.
  std::vector<std::pair<size_t, size_t>> Groups; // [first, last] in Sorted
  std::vector<unsigned> GroupFlags;
  size_t Named = count_if(Sorted, [](const Placed *P) {
    return !P->Desc->Phdr.empty();
  });
  if (Named == Sorted.size()) {
    std::vector<std::string> Closed;
    for (size_t I = 0; I < Sorted.size(); ++I) {
      const SectionDesc &D = *Sorted[I]->Desc;
      unsigned F = (D.Access.R ? ELF::PF_R : 0) | (D.Access.W ? ELF::PF_W : 0) |
                   (D.Access.X ? ELF::PF_X : 0);
      if (I && Sorted[I - 1]->Desc->Phdr == D.Phdr) {
        Groups.back().second = I;
        GroupFlags.back() |= F;
        continue;
      }
      if (is_contained(Closed, D.Phdr))
        return No("a PHDR around another PHDR's section");
      Closed.push_back(D.Phdr);
      Groups.push_back({I, I});
      GroupFlags.push_back(F);
    }
  } else if (Named == 0) {
    // ld.lld puts its ELF headers into a segment of their own below a first
    // section that does not start a page.
    auto FirstFull = find_if(Sorted, [](const Placed *P) { return P->Size; });
    if (Sorted.front()->Desc->VMA % 4096 != 0 ||
        (FirstFull != Sorted.end() && (*FirstFull)->Desc->VMA % 4096 != 0))
      return No("no PHDRs and the first section off a page boundary (ld.lld maps its headers)");
    for (size_t I = 0; I < Sorted.size(); ++I) {
      if (I && GroupFlags.back() == Sorted[I]->Flags) {
        Groups.back().second = I;
        continue;
      }
      Groups.push_back({I, I});
      GroupFlags.push_back(Sorted[I]->Flags);
    }
  } else {
    return No("some sections with a PHDR and some without");
  }
  // Empty sections are members too: ld.lld's segment reaches up to them
  // (and a segment of empty sections only has no size: ElfImage::read skips
  // it).
  // The segments' file bytes live in one buffer the image owns (segments
  // point into it, as they point into the file ElfImage::read maps).
  struct Planned {
    ElfImage::Segment S;
    size_t First, Last;
    uint64_t FileSize, Offset;
  };
  std::vector<Planned> Plan;
  uint64_t Total = 0;
  for (size_t G = 0; G < Groups.size(); ++G) {
    auto [First, Last] = Groups[G];
    uint64_t Base = Sorted[First]->Desc->VMA;
    ElfImage::Segment S;
    S.Address = Base;
    S.MemSize = Sorted[Last]->Desc->VMA + Sorted[Last]->Size - Base;
    if (S.MemSize == 0)
      continue;
    S.Rights = (GroupFlags[G] & ELF::PF_R ? SNIPGEN_MEM_R : 0) |
               (GroupFlags[G] & ELF::PF_W ? SNIPGEN_MEM_W : 0) |
               (GroupFlags[G] & ELF::PF_X ? SNIPGEN_MEM_X : 0);
    uint64_t FileSize = 0;
    for (size_t I = First; I <= Last; ++I)
      if (!Sorted[I]->NoBits)
        FileSize = Sorted[I]->Desc->VMA + Sorted[I]->Size - Base;
    if (FileSize > (uint64_t(1) << 32))
      return No("a segment over 4 GiB");
    for (size_t I = First; I <= Last; ++I)
      if (!Sorted[I]->NoBits && Sorted[I]->Contents.size() != Sorted[I]->Size)
        return No("section contents of another size");
    Plan.push_back({S, First, Last, FileSize, Total});
    Total += FileSize;
  }
  std::unique_ptr<WritableMemoryBuffer> Storage =
      WritableMemoryBuffer::getNewUninitMemBuffer(Total,
                                                  "snipgen-direct-image");
  if (!Storage)
    return No("no memory for the image");
  uint8_t *Bytes = reinterpret_cast<uint8_t *>(Storage->getBufferStart());
  adviseHugePages(Bytes, Total);
  std::fill(Bytes, Bytes + Total, uint8_t(0));
  for (Planned &PS : Plan) {
    uint64_t Base = PS.S.Address;
    for (size_t I = PS.First; I <= PS.Last; ++I) {
      const Placed &P = *Sorted[I];
      if (!P.NoBits)
        std::copy(P.Contents.begin(), P.Contents.end(),
                  Bytes + PS.Offset + (P.Desc->VMA - Base));
    }
    PS.S.Bytes = ArrayRef<uint8_t>(Bytes + PS.Offset, PS.FileSize);
    Image.Segments.push_back(PS.S);
  }
  Image.File = std::shared_ptr<MemoryBuffer>(std::move(Storage));

  // Symbols, as ElfImage::read would read them from the linked file.
  auto SymsOr = File.symbols(SymTab);
  auto StrTabOr = File.getStringTableForSymtab(*SymTab, Sections);
  if (!SymsOr || !StrTabOr) {
    if (!SymsOr)
      consumeError(SymsOr.takeError());
    if (!StrTabOr)
      consumeError(StrTabOr.takeError());
    return No("unreadable symbols");
  }
  bool EntryFound = false;
  for (const auto &Sym : SymsOr->drop_front()) {
    uint8_t Type = Sym.getType();
    if (Type == ELF::STT_SECTION)
      continue; // ld.lld drops them; their names are the sections'.
    if (Type != ELF::STT_NOTYPE && Type != ELF::STT_OBJECT &&
        Type != ELF::STT_FUNC)
      return No("a symbol of another type (file, TLS, ...)"); // STT_FILE, TLS, IFUNC, common...
    uint8_t Bind = Sym.getBinding();
    bool Global = Bind == ELF::STB_GLOBAL || Bind == ELF::STB_WEAK;
    if ((!Global && Bind != ELF::STB_LOCAL) ||
        (Global && Sym.getVisibility() != ELF::STV_DEFAULT))
      return No("a global symbol with non-default visibility"); // ld.lld would turn hidden globals local.
    auto NameOr = Sym.getName(*StrTabOr);
    if (!NameOr) {
      consumeError(NameOr.takeError());
      return No("unreadable name");
    }
    StringRef Name = *NameOr;
    uint64_t Value = Sym.st_value;
    unsigned Shndx = Sym.st_shndx;
    if (Shndx == ELF::SHN_UNDEF || Shndx == ELF::SHN_COMMON ||
        Shndx == ELF::SHN_XINDEX)
      return No("an undefined or common symbol");
    if (Shndx != ELF::SHN_ABS) {
      if (Shndx >= Sections.size())
        return No("a symbol in no section");
      if (PlacedIndex[Shndx] >= 0)
        Value += L.Sections[PlacedIndex[Shndx]].VMA;
      else if (Sections[Shndx].sh_flags & ELF::SHF_ALLOC || Value != 0)
        return No("a symbol in an unplaced section"); // Where ld.lld puts it is not known here.
      // A symbol at 0 of a non-allocated section ($d of .riscv.attributes)
      // ends up absolute, at 0.
    }
    if (Global && Name == Entry) {
      if (Shndx == ELF::SHN_ABS || PlacedIndex[Shndx] < 0)
        return No("an entry symbol outside the placed sections");
      Image.Entry = Value;
      EntryFound = true;
    }
    if (Name.empty())
      continue;
    auto It = Image.Symbols.find(Name.str());
    if (It == Image.Symbols.end() || Global)
      Image.Symbols[Name.str()] = Value;
  }
  if (!EntryFound)
    return No("no entry symbol");
  return Image;
}

} // namespace

std::optional<ElfImage> buildImageDirectly(StringRef Object, const Layout &L,
                                           StringRef SectionsPrefix,
                                           StringRef ExtraArgs,
                                           StringRef Entry,
                                           std::string *WhyNot) {
  std::string Ignored;
  std::string &Why = WhyNot ? *WhyNot : Ignored;
  SmallVector<StringRef, 4> Args;
  ExtraArgs.split(Args, '\n', -1, false);
  for (StringRef A : Args)
    if (!A.trim().empty() && A.trim() != "--no-relax") {
      Why = "linker options"; // Without relocations, --no-relax changes nothing.
      return std::nullopt;
    }
  if (Object.size() < ELF::EI_NIDENT || !Object.starts_with("\x7f"
                                                            "ELF") ||
      Object[ELF::EI_DATA] != ELF::ELFDATA2LSB) {
    Why = "not a little-endian ELF object";
    return std::nullopt;
  }
  if (Object[ELF::EI_CLASS] == ELF::ELFCLASS64)
    return build<ELF64LE>(Object, L, SectionsPrefix, Entry, Why);
  if (Object[ELF::EI_CLASS] == ELF::ELFCLASS32)
    return build<ELF32LE>(Object, L, SectionsPrefix, Entry, Why);
  Why = "not an ELF class";
  return std::nullopt;
}

std::string describeImageDifference(const ElfImage &A, const ElfImage &B) {
  if (A.XLen != B.XLen)
    return "XLEN " + std::to_string(A.XLen) + " vs " + std::to_string(B.XLen);
  if (A.Entry != B.Entry)
    return "entry 0x" + utohexstr(A.Entry) + " vs 0x" + utohexstr(B.Entry);
  if (A.ArchAttribute != B.ArchAttribute)
    return "arch attribute '" + A.ArchAttribute + "' vs '" + B.ArchAttribute +
           "'";
  if (A.Segments.size() != B.Segments.size())
    return std::to_string(A.Segments.size()) + " vs " +
           std::to_string(B.Segments.size()) + " segments";
  for (size_t I = 0; I < A.Segments.size(); ++I) {
    const ElfImage::Segment &X = A.Segments[I], &Y = B.Segments[I];
    std::string Where = "segment " + std::to_string(I) + " at 0x" +
                        utohexstr(X.Address) + ": ";
    if (X.Address != Y.Address)
      return Where + "address vs 0x" + utohexstr(Y.Address);
    if (X.MemSize != Y.MemSize)
      return Where + "size 0x" + utohexstr(X.MemSize) + " vs 0x" +
             utohexstr(Y.MemSize);
    if (X.Rights != Y.Rights)
      return Where + "rights " + std::to_string(X.Rights) + " vs " +
             std::to_string(Y.Rights);
    if (X.Bytes != Y.Bytes)
      return Where + "file bytes differ (" + std::to_string(X.Bytes.size()) +
             " vs " + std::to_string(Y.Bytes.size()) + ")";
  }
  if (A.Symbols != B.Symbols) {
    for (auto &[Name, Value] : A.Symbols) {
      auto It = B.Symbols.find(Name);
      if (It == B.Symbols.end())
        return "symbol '" + Name + "' only in the first";
      if (It->second != Value)
        return "symbol '" + Name + "' at 0x" + utohexstr(Value) + " vs 0x" +
               utohexstr(It->second);
    }
    return "symbols only in the second";
  }
  return "";
}

} // namespace snipgen
