//===- Runner.cpp - Load a RISC-V ELF into a model and run it -------------===//
#include "snipgen/Model/Runner.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/RISCVAttributeParser.h"
#include "llvm/Support/RISCVAttributes.h"

#include <algorithm>

using namespace llvm;
using namespace llvm::object;

namespace snipgen {

ModelObserver::~ModelObserver() = default;

static Error error(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

template <class ELFT>
static Error readSegments(const ELFObjectFile<ELFT> &Obj, ElfImage &Image,
                          StringRef Path) {
  const ELFFile<ELFT> &File = Obj.getELFFile();
  auto Headers = File.program_headers();
  if (!Headers)
    return error("'" + Path + "': " + toString(Headers.takeError()));
  StringRef Data = Obj.getData();
  for (const auto &Ph : *Headers) {
    if (Ph.p_type != ELF::PT_LOAD || Ph.p_memsz == 0)
      continue;
    if (Ph.p_offset + Ph.p_filesz > Data.size() || Ph.p_filesz > Ph.p_memsz)
      return error("'" + Path + "': malformed PT_LOAD segment at 0x" +
                   utohexstr(uint64_t(Ph.p_vaddr)));
    ElfImage::Segment S;
    S.Address = Ph.p_vaddr;
    S.MemSize = Ph.p_memsz;
    S.Rights = (Ph.p_flags & ELF::PF_R ? SNIPGEN_MEM_R : 0) |
               (Ph.p_flags & ELF::PF_W ? SNIPGEN_MEM_W : 0) |
               (Ph.p_flags & ELF::PF_X ? SNIPGEN_MEM_X : 0);
    S.Bytes = arrayRefFromStringRef(Data.substr(Ph.p_offset, Ph.p_filesz));
    Image.Segments.push_back(std::move(S));
  }
  return Error::success();
}

Expected<ElfImage> ElfImage::read(StringRef Path) {
  auto Binary = ObjectFile::createObjectFile(Path);
  if (!Binary)
    return error("cannot read ELF file '" + Path +
                 "': " + toString(Binary.takeError()));
  // The segments' bytes stay in the file's buffer (mapped, not copied).
  auto [Owned, Buffer] = Binary->takeBinary();
  ObjectFile *Obj = Owned.get();
  auto *Elf = dyn_cast<ELFObjectFileBase>(Obj);
  if (!Elf || (Obj->getArch() != Triple::riscv64 &&
                Obj->getArch() != Triple::riscv32))
    return error("'" + Path + "' is not a RISC-V ELF file");
  ElfImage Image;
  Image.File = std::move(Buffer);
  Image.XLen = Obj->getArch() == Triple::riscv64 ? 64 : 32;
  Expected<uint64_t> Start = Elf->getStartAddress();
  if (!Start)
    return error("'" + Path + "': " + toString(Start.takeError()));
  Image.Entry = *Start;
  Error E = Error::success();
  if (auto *E64 = dyn_cast<ELF64LEObjectFile>(Obj))
    E = readSegments(*E64, Image, Path);
  else if (auto *E32 = dyn_cast<ELF32LEObjectFile>(Obj))
    E = readSegments(*E32, Image, Path);
  else
    return error("'" + Path + "' is not a little-endian RISC-V ELF file");
  if (E)
    return E;
  if (Image.Segments.empty())
    return error("'" + Path + "' has no loadable segment (is it linked?)");

  // Tag_RISCV_arch from .riscv.attributes, if present.
  for (const SectionRef &Section : Obj->sections()) {
    Expected<StringRef> Name = Section.getName();
    if (!Name) {
      consumeError(Name.takeError());
      continue;
    }
    if (*Name != ".riscv.attributes")
      continue;
    Expected<StringRef> Contents = Section.getContents();
    if (!Contents) {
      consumeError(Contents.takeError());
      break;
    }
    RISCVAttributeParser Attributes;
    if (Error AE = Attributes.parse(arrayRefFromStringRef(*Contents),
                                    endianness::little))
      consumeError(std::move(AE)); // Unreadable: the caller's default.
    else if (auto Arch = Attributes.getAttributeString(RISCVAttrs::ARCH))
      Image.ArchAttribute = Arch->str();
    break;
  }

  for (const SymbolRef &Sym : Obj->symbols()) {
    Expected<StringRef> Name = Sym.getName();
    Expected<uint64_t> Value = Sym.getValue();
    Expected<uint32_t> Flags = Sym.getFlags();
    if (!Name || !Value || !Flags) {
      consumeError(Name.takeError());
      consumeError(Value.takeError());
      consumeError(Flags.takeError());
      continue;
    }
    if (Name->empty() || (*Flags & SymbolRef::SF_Undefined))
      continue;
    // First definition wins; globals are listed after locals, so prefer a
    // global of the same name.
    auto It = Image.Symbols.find(Name->str());
    if (It == Image.Symbols.end() || (*Flags & SymbolRef::SF_Global))
      Image.Symbols[Name->str()] = *Value;
  }
  return Image;
}

Expected<uint64_t> ElfImage::resolve(StringRef NameOrAddress) const {
  auto It = Symbols.find(NameOrAddress.str());
  if (It != Symbols.end())
    return It->second;
  uint64_t Value = 0;
  if (!NameOrAddress.getAsInteger(0, Value))
    return Value;
  return error("no symbol '" + NameOrAddress + "' in the ELF file");
}

Expected<ModelRegion> parseRegionSpec(StringRef Spec) {
  SmallVector<StringRef, 3> Parts;
  Spec.split(Parts, ':');
  auto Bad = [&](const Twine &Why) {
    return error("invalid memory region '" + Spec + "': " + Why +
                 " (expected base:size:rights, e.g. 0x80000000:0x10000:rw)");
  };
  if (Parts.size() != 3)
    return Bad("three fields needed");
  ModelRegion R;
  if (Parts[0].getAsInteger(0, R.Base))
    return Bad("base is not a number");
  if (Parts[1].getAsInteger(0, R.Size) || R.Size == 0)
    return Bad("size is not a positive number");
  for (char C : Parts[2]) {
    if (C == 'r')
      R.Rights |= SNIPGEN_MEM_R;
    else if (C == 'w')
      R.Rights |= SNIPGEN_MEM_W;
    else if (C == 'x')
      R.Rights |= SNIPGEN_MEM_X;
    else
      return Bad("rights must be letters from 'rwx'");
  }
  R.Name = "mem@0x" + utohexstr(R.Base);
  return R;
}

Expected<ModelRegion> flatMemoryRegion(const ElfImage &Image,
                                       uint64_t ExtraBytes) {
  constexpr uint64_t Page = 4096;
  uint64_t Limit = Image.XLen == 64 ? ~0ull : 0xffffffffull;
  uint64_t Lo = ~0ull, Hi = 0; // Hi: last byte.
  for (const ElfImage::Segment &S : Image.Segments) {
    Lo = std::min(Lo, S.Address);
    Hi = std::max(Hi, S.Address + (S.MemSize - 1));
  }
  Lo &= ~(Page - 1);
  Hi |= Page - 1; // Last byte of the last page.
  uint64_t Span = Hi - Lo; // Size - 1.
  uint64_t Room = Limit - Hi;
  Span += std::min(ExtraBytes, Room);
  if (Span >= RunOptions::MaxFlatBytes)
    return error("-flat-memory: the segments and the extra memory span 0x" +
                 utohexstr(Span) + "+1 bytes from 0x" + utohexstr(Lo) +
                 ", more than the 4 GiB a flat region may have; map the "
                 "memory with -mem instead");
  ModelRegion R;
  R.Base = Lo;
  R.Size = Span + 1;
  R.Rights = SNIPGEN_MEM_R | SNIPGEN_MEM_W | SNIPGEN_MEM_X;
  R.Name = "flat memory";
  return R;
}

Runner::~Runner() = default;

Expected<std::unique_ptr<Runner>> Runner::create(const ElfImage &Image,
                                                 const RunOptions &Options,
                                                 const snipgen_model_api *API) {
  std::unique_ptr<Runner> R(new Runner(Image, Options));
  ModelConfig Config;
  Config.Isa = !Options.Isa.empty()          ? Options.Isa
               : !Image.ArchAttribute.empty() ? Image.ArchAttribute
               : Image.XLen == 64             ? "rv64gc"
                                              : "rv32gc";
  Config.XLen = Image.XLen;
  R->Isa = Config.Isa;
  Config.AllowMisaligned = Options.AllowMisaligned;
  Config.VectorAgnosticOnes = Options.VectorAgnosticOnes;
  Config.CacheBlockBytes = Options.CacheBlockBytes;
  if (Options.FlatMemory) {
    auto Flat = flatMemoryRegion(Image, Options.FlatExtraBytes);
    if (!Flat)
      return Flat.takeError();
    Config.Regions.push_back(*Flat);
  } else {
    unsigned Index = 0;
    for (const ElfImage::Segment &S : Image.Segments)
      Config.Regions.push_back({S.Address, S.MemSize, S.Rights,
                                "segment " + std::to_string(Index++)});
  }
  // With ExtraRegionsYield an extra region leaves to the image's segments
  // what they map: the linker may have merged a section with the gap after
  // it into one segment (the selfcheck section and RW sections after it,
  // where snipgen's self-check overflow region lies).
  for (const ModelRegion &Extra : Options.ExtraRegions) {
    std::vector<std::pair<uint64_t, uint64_t>> Parts = {
        {Extra.Base, Extra.Base + Extra.Size}};
    if (Options.ExtraRegionsYield && !Options.FlatMemory)
      for (const ElfImage::Segment &S : Image.Segments) {
        uint64_t SB = S.Address, SE = S.Address + S.MemSize;
        std::vector<std::pair<uint64_t, uint64_t>> Left;
        for (auto [B, E] : Parts) {
          if (SE <= B || E <= SB) {
            Left.push_back({B, E});
            continue;
          }
          if (B < SB)
            Left.push_back({B, SB});
          if (SE < E)
            Left.push_back({SE, E});
        }
        Parts = std::move(Left);
      }
    for (auto [B, E] : Parts)
      Config.Regions.push_back({B, E - B, Extra.Rights, Extra.Name});
  }
  auto Model = ModelHandle::create(API ? *API : *getBuiltinModelAPI(), Config);
  if (!Model)
    return Model.takeError();
  R->Model = std::move(*Model);
  const snipgen_model_api &A = R->Model->api();
  snipgen_model *M = R->Model->get();
  for (const ElfImage::Segment &S : Image.Segments)
    if (!S.Bytes.empty() &&
        A.write_mem(M, S.Address, S.Bytes.data(), S.Bytes.size()) != 0)
      return error("cannot load the segment at 0x" + utohexstr(S.Address) +
                   " into the model");
  uint64_t Entry = Image.Entry;
  if (!Options.Entry.empty()) {
    auto E = Image.resolve(Options.Entry);
    if (!E)
      return E.takeError();
    Entry = *E;
  }
  A.set_pc(M, Entry);
  if (!Options.Stop.empty()) {
    auto S = Image.resolve(Options.Stop);
    if (!S)
      return S.takeError();
    A.set_stop_pc(M, *S, 1);
  }
  auto ToHost = Image.Symbols.find("tohost");
  if (Options.UseToHost && ToHost != Image.Symbols.end()) {
    A.set_tohost(M, ToHost->second, 1);
    R->ToHost = ToHost->second;
  }
  return R;
}

namespace {
// Fans the C callbacks out to the C++ observers.
struct FanOut {
  std::vector<ModelObserver *> *List;
  static FanOut &of(void *U) { return *static_cast<FanOut *>(U); }
  static void regWrite(void *U, uint32_t File, uint32_t Index, uint64_t V) {
    for (ModelObserver *O : *of(U).List)
      O->onRegWrite(File, Index, V);
  }
  static void memAccess(void *U, uint64_t Addr, uint32_t Size, uint64_t V,
                        int IsWrite) {
    for (ModelObserver *O : *of(U).List)
      O->onMemAccess(Addr, Size, V, IsWrite != 0);
  }
  static void retire(void *U, uint64_t PC, uint32_t Enc, uint32_t Size,
                     uint64_t Next) {
    for (ModelObserver *O : *of(U).List)
      O->onRetire(PC, Enc, Size, Next);
  }
  static void trap(void *U, uint64_t PC, uint32_t Cause, uint64_t Tval) {
    for (ModelObserver *O : *of(U).List)
      O->onTrap(PC, Cause, Tval);
  }
};
// One listener (the common case: just the trace) is called directly.
struct Single {
  static ModelObserver &of(void *U) { return *static_cast<ModelObserver *>(U); }
  static void regWrite(void *U, uint32_t File, uint32_t Index, uint64_t V) {
    of(U).onRegWrite(File, Index, V);
  }
  static void memAccess(void *U, uint64_t Addr, uint32_t Size, uint64_t V,
                        int IsWrite) {
    of(U).onMemAccess(Addr, Size, V, IsWrite != 0);
  }
  static void retire(void *U, uint64_t PC, uint32_t Enc, uint32_t Size,
                     uint64_t Next) {
    of(U).onRetire(PC, Enc, Size, Next);
  }
  static void trap(void *U, uint64_t PC, uint32_t Cause, uint64_t Tval) {
    of(U).onTrap(PC, Cause, Tval);
  }
};
} // namespace

RunResult Runner::run() {
  const snipgen_model_api &A = Model->api();
  snipgen_model *M = Model->get();
  std::vector<ModelObserver *> Listening;
  for (ModelObserver *O : Observers)
    if (O->wantsEvents())
      Listening.push_back(O);
  FanOut Fan{&Listening};
  if (Listening.size() == 1) {
    snipgen_model_observer Obs = {Listening.front(), Single::regWrite,
                                  Single::memAccess, Single::retire,
                                  Single::trap};
    A.set_observer(M, &Obs);
  } else if (!Listening.empty()) {
    snipgen_model_observer Obs = {&Fan, FanOut::regWrite, FanOut::memAccess,
                                  FanOut::retire, FanOut::trap};
    A.set_observer(M, &Obs);
  }
  for (ModelObserver *O : Observers)
    O->onRunStart(*Model);
  RunResult Result;
  Result.Result = A.run(M, Options.MaxSteps, &Result.Retired);
  snipgen_model_stop_info Info = Model->stopInfo();
  Result.Message = Info.message ? Info.message : "";
  Result.ExitCode = Info.exit_code;
  Result.FinalPC = A.get_pc(M);
  if (Result.Result == SNIPGEN_STEP_EXIT && ToHost) {
    uint64_t Raw = 0;
    uint32_t Low = 0;
    if (A.read_mem(M, *ToHost, &Raw, 8) != 0 &&
        A.read_mem(M, *ToHost, &Low, 4) == 0)
      Raw = Low;
    if (Raw & 1) {
      Result.ToHostExit = true;
      Result.ToHostRaw = Raw;
    }
  }
  if (!Listening.empty())
    A.set_observer(M, nullptr);
  for (ModelObserver *O : Observers)
    O->onRunEnd(*Model, Info);
  return Result;
}

} // namespace snipgen
