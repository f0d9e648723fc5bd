#include "snipgen/Generator/MemoryScheme.h"
#include "snipgen/Config/Layout.h"
#include "llvm/Support/MathExtras.h"

using namespace llvm;

namespace snipgen {

MemoryScheme::~MemoryScheme() = default;

DefaultMemoryScheme::DefaultMemoryScheme(const Layout &L) {
  // Executable sections hold code; data accesses never land there.
  for (const SectionDesc &S : L.Sections)
    if (S.Access.R && S.Access.W && !S.Access.X)
      Regions.push_back({S.VMA, S.Size});
}

uint64_t DefaultMemoryScheme::slots(const Region &R, unsigned Size,
                                    unsigned Align) const {
  uint64_t First = alignTo(R.Start, Align);
  uint64_t End = R.Start + R.Size;
  if (First < R.Start || First + Size > End || First + Size < First)
    return 0;
  return (End - Size - First) / Align + 1;
}

bool DefaultMemoryScheme::admits(unsigned Size, unsigned Align) const {
  for (const Region &R : Regions)
    if (slots(R, Size, Align))
      return true;
  return false;
}

std::optional<uint64_t>
DefaultMemoryScheme::chooseAddress(unsigned Size, unsigned Align,
                                   RandomEngine &RNG) {
  // Uniform over all aligned slots of all RW sections.
  uint64_t Total = 0;
  for (const Region &R : Regions)
    Total += slots(R, Size, Align);
  if (!Total)
    return std::nullopt;
  uint64_t K = RNG.below(Total);
  for (const Region &R : Regions) {
    uint64_t N = slots(R, Size, Align);
    if (K < N)
      return alignTo(R.Start, Align) + K * Align;
    K -= N;
  }
  return std::nullopt;
}

} // namespace snipgen
