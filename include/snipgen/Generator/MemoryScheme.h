//===- MemoryScheme.h - Where loads and stores may go -----------*- C++ -*-===//
//
// A memory scheme answers one question: give me an address for an access of
// N bytes with alignment A. The default scheme (no access-* keys in the
// layout) is "anywhere in the RW sections, aligned to the access size".
// The manual's access-ranges/evictions/addresses schemes implement the same
// interface.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_MEMORYSCHEME_H
#define SNIPGEN_GENERATOR_MEMORYSCHEME_H

#include "snipgen/Support/Random.h"
#include <cstdint>
#include <optional>
#include <vector>

namespace snipgen {

struct Layout;

class MemoryScheme {
public:
  virtual ~MemoryScheme();
  /// An address for an access of Size bytes aligned to Align, or nullopt if
  /// the scheme admits none.
  virtual std::optional<uint64_t> chooseAddress(unsigned Size, unsigned Align,
                                                RandomEngine &RNG) = 0;
  /// True if some address fits an access of Size bytes aligned to Align.
  virtual bool admits(unsigned Size, unsigned Align) const = 0;
};

/// Uniform over every aligned slot of every RW section.
class DefaultMemoryScheme final : public MemoryScheme {
public:
  explicit DefaultMemoryScheme(const Layout &L);
  std::optional<uint64_t> chooseAddress(unsigned Size, unsigned Align,
                                        RandomEngine &RNG) override;
  bool admits(unsigned Size, unsigned Align) const override;

private:
  struct Region {
    uint64_t Start, Size;
  };
  uint64_t slots(const Region &R, unsigned Size, unsigned Align) const;
  std::vector<Region> Regions;
};

} // namespace snipgen

#endif
