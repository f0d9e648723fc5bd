#include "MemoryInit.h"
#include "ControlFlowSetup.h"
#include "MemoryAscii.h"
#include "snipgen/Config/ControlFlowConfig.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/SplitMix32.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "snipgen/Support/Warnings.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <optional>

using namespace llvm;

namespace snipgen {

// More than this in data sections is refused: the bytes go into the ELF.
static constexpr uint64_t MaxInitBytes = 256ull << 20;

static StringRef mode(const OptionTable &Opts) {
  return Opts.getString(OptionID::InitMemory);
}

static bool isRuntimeMode(StringRef M) {
  return M == "runtime" || M == "loads" || M == "loads-with-addresses";
}

static bool isLoadsMode(StringRef M) {
  return M == "loads" || M == "loads-with-addresses";
}

/// The sections -init-memory fills: llvm-snippy's general RW sections.
static bool isDataSection(const SectionDesc &S) {
  return S.Access.R && S.Access.W && !S.Access.X &&
         !isServiceSectionName(S.Name);
}

static StringRef initFile(const OptionTable &Opts) {
  StringRef F = Opts.getString(OptionID::InitMemoryFile);
  return F == "none" ? StringRef("mem_state.bin") : F;
}

Error checkMemoryInitOption(const OptionTable &Opts, WarningEngine &Warnings) {
  StringRef M = mode(Opts);
  StringRef MemSeed = Opts.getString(OptionID::MemorySeed);
  StringRef File = Opts.getString(OptionID::InitMemoryFile);
  if (M == "no" && !MemSeed.empty() && MemSeed != "none")
    return Opts.valueError(OptionID::MemorySeed,
                           "specify a memory init mode (-init-memory) in "
                           "order to use a memory seed");
  if (M != "ascii-file" && File != "none")
    return Opts.errorAt(OptionID::InitMemoryFile,
                        "init-memory-file option needs memory init mode to "
                        "be specified as file init (-init-memory=ascii-file)");
  if (M == "ascii-file" && MemSeed != "none")
    return Opts.valueError(OptionID::MemorySeed,
                           "a memory seed is prohibited in ascii-file mode");
  if (!MemSeed.empty() && MemSeed != "none" && MemSeed != "random") {
    uint64_t V;
    if (MemSeed.getAsInteger(10, V))
      return Opts.valueError(OptionID::MemorySeed,
                             "'" + MemSeed +
                                 "'; expected a number, 'random' or 'none'");
  }
  if (isRuntimeMode(M) && !Opts.getFlag(OptionID::InitRegsInElf))
    return Opts.valueError(OptionID::InitMemory,
                           "runtime memory initialization may be performed "
                           "only with -init-regs-in-elf");
  if (M == "ascii-file" && File == "none")
    errs() << "remark: init-memory-file option hasn't been specified: using "
              "default file: mem_state.bin\n";
  (void)Warnings;
  return Error::success();
}

/// llvm-snippy keeps memory seeds 32-bit: a wider one is folded.
static uint32_t foldMemorySeed(uint64_t S) {
  uint32_t Hi = uint32_t(S >> 32), Lo = uint32_t(S);
  if (Hi == 0)
    return Lo;
  uint32_t F = Hi ^ Lo;
  if (F == 0)
    F = Lo | 1;
  errs() << "note: memory seed value is too big, so it has been hashed: new "
            "memory seed: "
         << F << "\n";
  return F;
}

/// The memory seed of -memory-seed, or nullopt when contents come from -seed.
static Expected<std::optional<uint32_t>>
memorySeed(const OptionTable &Opts, WarningEngine &Warnings, uint64_t Seed) {
  StringRef S = Opts.getString(OptionID::MemorySeed);
  if (S == "none" && mode(Opts) == "runtime") {
    // The routine needs a seed: llvm-snippy takes the instructions seed.
    if (Error E = Warnings.warn(Warning::SeedNotSpecified,
                                "memory seed \"none\" specified for mode "
                                "\"runtime\" that requires it: using "
                                "instructions seed"))
      return std::move(E);
    return foldMemorySeed(Seed);
  }
  if (S == "none")
    return std::nullopt;
  uint64_t V = 0;
  if (S.empty() || S == "random") {
    V = uint64_t(
        std::chrono::system_clock::now().time_since_epoch().count());
    if (Error E = Warnings.warn(
            Warning::SeedNotSpecified,
            "random memory seed specified, using auto-generated one: " +
                Twine(V)))
      return std::move(E);
  } else {
    S.getAsInteger(10, V); // checked by checkMemoryInitOption
  }
  return foldMemorySeed(V);
}

static void fillRandom(SectionDesc &S, RandomEngine &RNG) {
  S.InitialContents.resize(S.Size);
  for (uint64_t I = 0; I < S.Size; I += 8) {
    uint64_t V = RNG.next();
    for (uint64_t B = 0; B < 8 && I + B < S.Size; ++B)
      S.InitialContents[I + B] = uint8_t(V >> (8 * B));
  }
}


bool needsMemoryInitRoutine(const OptionTable &Opts) {
  return isLoadsMode(mode(Opts));
}

static Error fillWithAddresses(Layout &L, unsigned XLen, RandomEngine &RNG) {
  // The schemes as generation sees them; their warnings are generation's to
  // give, so this copy is silent.
  WarningEngine Quiet;
  Quiet.setStream(nulls());
  MemoryPolicy P;
  P.XLen = XLen;
  auto Schemes = MemorySchemeSet::build(dataLayout(L), P, Quiet);
  if (!Schemes)
    return Schemes.takeError();
  // Each word is an address a naturally aligned XLEN-wide access may use
  // (llvm-snippy's words are XLEN-aligned too).
  unsigned Bytes = XLen / 8;
  AccessRequest R;
  R.Size = Bytes;
  R.IsaAlign = Bytes;
  for (SectionDesc &S : L.Sections) {
    if (!isDataSection(S))
      continue;
    S.InitialContents.assign(S.Size, 0);
    for (uint64_t Off = 0; Off < S.Size; Off += Bytes) {
      std::optional<unsigned> Id = (*Schemes)->pick(R, RNG);
      std::optional<uint64_t> A;
      if (Id)
        A = (*Schemes)->scheme(*Id).choose(R, RNG);
      if (!A)
        return makeError("-init-memory=full-with-addresses: no memory "
                         "scheme gives an address for an aligned " + Twine(Bytes) +
                         "-byte access:\n" +
                         (*Schemes)->explainRejections(R));
      for (unsigned B = 0; B < Bytes && Off + B < S.Size; ++B)
        S.InitialContents[Off + B] = uint8_t(*A >> (8 * B));
    }
  }
  return Error::success();
}

static Error loadAsciiFile(Layout &L, StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return makeError("Can't open file with initial memory: " +
                     Buf.getError().message() + " ('" + Path + "')");
  auto Blocks = parseAsciiMemory((*Buf)->getBuffer(), Path);
  if (!Blocks)
    return Blocks.takeError();
  // Names first (unknown or repeated sections), then each section's bytes.
  std::vector<bool> Seen(L.Sections.size());
  std::vector<SectionDesc *> Target;
  for (AsciiMemoryBlock &B : *Blocks) {
    auto It = find_if(L.Sections,
                      [&](const SectionDesc &S) { return S.Name == B.Name; });
    std::string Where =
        ("[" + sys::path::filename(Path) + ", " + Twine(B.Line) + "]").str();
    if (It == L.Sections.end())
      return makeError("Can't find section " + B.Name +
                       " from memory init file " + Where);
    unsigned Idx = It - L.Sections.begin();
    if (Seen[Idx])
      return makeError(Where + " section '" + B.Name + "' is given twice");
    Seen[Idx] = true;
    if (It->Access.X || isServiceSectionName(It->Name))
      return makeError(Where + " section '" + B.Name +
                       "' is not a data section (executable or "
                       "stack/utility/selfcheck): its contents are the "
                       "generator's");
    Target.push_back(&*It);
  }
  for (unsigned I = 0; I < Target.size(); ++I) {
    AsciiMemoryBlock &B = (*Blocks)[I];
    if (B.Bytes.size() != Target[I]->Size)
      return makeError("Incorrect section size in memory init file: " +
                       B.Name + " expected " + Twine(Target[I]->Size) +
                       ", got " + Twine(B.Bytes.size()) + " [" +
                       sys::path::filename(Path) + ", " + Twine(B.Line) + "]");
  }
  for (unsigned I = 0; I < Target.size(); ++I)
    Target[I]->InitialContents = std::move((*Blocks)[I].Bytes);
  return Error::success();
}

/// runtime: the code fills each data section (the target emits it); the
/// lockstep model starts with the result.
static Error planRuntimeFills(Layout &L, uint32_t MemSeed,
                              const MCEnvironment &Env,
                              std::vector<MemoryFill> &Fills) {
  (void)Env;
  for (SectionDesc &S : L.Sections) {
    if (!isDataSection(S))
      continue;
    if (S.VMA % 4 || S.Size % 4)
      return makeError(*L.SM, S.Loc,
                       "-init-memory=runtime fills section '" + S.Name +
                           "' with 32-bit words: its VMA and SIZE must be "
                           "multiples of 4");
    Fills.push_back({S.VMA, S.Size, MemSeed});
    S.RuntimeContents = splitMix32Bytes(MemSeed, S.Size);
  }
  return Error::success();
}

Error applyMemoryInit(Layout &L, const OptionTable &Opts, uint64_t Seed,
                      const MCEnvironment &Env, WarningEngine &Warnings,
                      std::vector<MemoryFill> &Fills) {
  const unsigned XLen = Env.selection().XLen;
  StringRef M = mode(Opts);
  if (M == "no")
    return Error::success();
  if (M == "ascii-file")
    return loadAsciiFile(L, initFile(Opts));
  uint64_t Total = 0;
  for (const SectionDesc &S : L.Sections)
    if (isDataSection(S))
      Total += S.Size;
  if (Total > MaxInitBytes)
    return Opts.valueError(OptionID::InitMemory,
                           "'" + M + "' would store " + Twine(Total) +
                               " bytes of data sections in the ELF, more "
                               "than the " + Twine(MaxInitBytes) + " allowed");
  // A stream of its own: the contents do not change what is generated for
  // the seed except through the values the snippet loads.
  RandomEngine RNG(Seed ^ 0x6d656d696e697400ull); // "meminit"
  if (M == "full-with-addresses" || M == "loads-with-addresses") {
    if (Opts.getString(OptionID::MemorySeed) != "none")
      // llvm-snippy's words.
      if (Error E = Warnings.warn(Warning::InconsistentOptions,
                                  "Memory seed is ignored: Current mem "
                                  "initialization mode does not use it"))
        return E;
    if (Error E = fillWithAddresses(L, XLen, RNG))
      return E;
  } else {
    auto MemSeed = memorySeed(Opts, Warnings, Seed);
    if (!MemSeed)
      return MemSeed.takeError();
    if (M == "runtime")
      return planRuntimeFills(L, **MemSeed, Env, Fills);
    for (SectionDesc &S : L.Sections) {
      if (!isDataSection(S))
        continue;
      if (*MemSeed)
        S.InitialContents = splitMix32Bytes(**MemSeed, S.Size);
      else
        fillRandom(S, RNG);
    }
  }
  // loads, loads-with-addresses: the image is what the routine the snippet
  // calls first stores into the bytes the loads read (MemoryInitRoutine.h);
  // the sections stay NOLOAD in the ELF.
  if (isLoadsMode(M))
    for (SectionDesc &S : L.Sections)
      if (isDataSection(S))
        S.RuntimeContents = std::move(S.InitialContents);
  return Error::success();
}

MemoryAccessCheck::InitStorePredicate runtimeInitStores(const Layout &L) {
  bool Any = false;
  for (const SectionDesc &S : L.Sections)
    Any |= !S.RuntimeContents.empty();
  if (!Any)
    return nullptr;
  return [&L](uint64_t Addr, uint32_t Size, uint64_t Value) {
    for (const SectionDesc &S : L.Sections) {
      if (S.RuntimeContents.empty() || Addr < S.VMA || Size > 8 ||
          Addr + Size > S.VMA + S.Size)
        continue;
      for (uint32_t B = 0; B < Size; ++B)
        if (S.RuntimeContents[Addr - S.VMA + B] != uint8_t(Value >> (8 * B)))
          return false;
      return true;
    }
    return false;
  };
}

} // namespace snipgen
