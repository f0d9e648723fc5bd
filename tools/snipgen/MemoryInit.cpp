#include "MemoryInit.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"

using namespace llvm;

namespace snipgen {

// More than this in writable sections is refused for `full`: the bytes go
// into the ELF.
static constexpr uint64_t MaxInitBytes = 256ull << 20;

Error checkMemoryInitOption(const OptionTable &Opts) {
  StringRef Mode = Opts.getString(OptionID::InitMemory);
  if (Mode == "no" || Mode == "full")
    return Error::success();
  return Opts.valueError(OptionID::InitMemory,
                         "mode '" + Mode +
                             "' of llvm-snippy is not supported yet; "
                             "supported: no, full");
}

Error applyMemoryInit(Layout &L, const OptionTable &Opts, uint64_t Seed) {
  if (Opts.getString(OptionID::InitMemory) != "full")
    return Error::success();
  uint64_t Total = 0;
  for (const SectionDesc &S : L.Sections)
    if (S.Access.W && !S.Access.X)
      Total += S.Size;
  if (Total > MaxInitBytes)
    return Opts.valueError(OptionID::InitMemory,
                           "'full' would store " + Twine(Total) +
                               " bytes of writable sections in the ELF, "
                               "more than the " + Twine(MaxInitBytes) +
                               " allowed");
  // A stream of its own: the contents do not change what is generated for
  // the seed except through the values the snippet loads.
  RandomEngine RNG(Seed ^ 0x6d656d696e697400ull); // "meminit"
  for (SectionDesc &S : L.Sections) {
    if (!S.Access.W || S.Access.X)
      continue;
    S.InitialContents.resize(S.Size);
    for (uint64_t I = 0; I < S.Size; I += 8) {
      uint64_t V = RNG.next();
      for (uint64_t B = 0; B < 8 && I + B < S.Size; ++B)
        S.InitialContents[I + B] = uint8_t(V >> (8 * B));
    }
  }
  return Error::success();
}

} // namespace snipgen
