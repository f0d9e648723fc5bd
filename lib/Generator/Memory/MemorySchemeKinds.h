//===- MemorySchemeKinds.h - The manual's kinds of memory schemes -*- C++ -*-===//
//
// Private to lib/Generator: the concrete schemes MemorySchemeSet builds from
// the layout. Each keeps its allowed memory (RW sections minus restricted
// addresses) clipped to its own span, so choosing an address only looks at
// the few intervals that matter.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_MEMORYSCHEMEKINDS_H
#define SNIPGEN_LIB_GENERATOR_MEMORYSCHEMEKINDS_H

#include "snipgen/Config/MemoryConfig.h"
#include "snipgen/Generator/MemoryScheme.h"

namespace snipgen {

/// access-ranges entry.
class RangeScheme final : public MemoryScheme {
public:
  RangeScheme(const RangeGeometry &G, double Weight, bool AllowMisaligned,
              std::string Name, const AddressSet &Allowed);
  std::optional<uint64_t> choose(const AccessRequest &R,
                                 RandomEngine &RNG) override;
  bool allows(uint64_t Addr, unsigned Size, bool Burst) const override;
  std::string whyNot(const AccessRequest &R) override;
  AddressSet::Interval extent() const override { return G.span(); }
  const RangeGeometry &geometry() const { return G; }

private:
  bool admitsUncached(const AccessRequest &R) override;
  RangeGeometry G;
  std::vector<AddressSet::Interval> Clip;
};

/// No access-* key: anywhere in the RW sections, naturally aligned.
class DefaultScheme final : public MemoryScheme {
public:
  DefaultScheme(std::vector<RangeGeometry> Sections, const AddressSet &Allowed);
  std::optional<uint64_t> choose(const AccessRequest &R,
                                 RandomEngine &RNG) override;
  bool allows(uint64_t Addr, unsigned Size, bool Burst) const override;

private:
  bool admitsUncached(const AccessRequest &R) override;
  struct Part {
    RangeGeometry G;
    std::vector<AddressSet::Interval> Clip;
  };
  // Per request shape (no window): the parts that admit it, by size.
  struct Usable {
    uint64_t Key;
    std::vector<unsigned> Parts;
    std::vector<double> Weights;
  };
  const Usable &usable(const AccessRequest &R);
  std::vector<Part> Parts;
  std::vector<Usable> Cache;
};

/// access-evictions entry: fixed | (anything & mask). Addresses grow with
/// the "counter" whose bits are deposited into the mask bits, so the valid
/// addresses of an allowed interval are one interval of counters.
class EvictionScheme final : public MemoryScheme {
public:
  EvictionScheme(uint64_t Mask, uint64_t Fixed, double Weight,
                 bool AllowMisaligned, std::string Name,
                 const AddressSet &Allowed);
  std::optional<uint64_t> choose(const AccessRequest &R,
                                 RandomEngine &RNG) override;
  bool allows(uint64_t Addr, unsigned Size, bool Burst) const override;
  std::string whyNot(const AccessRequest &R) override;
  /// fixed | (x & mask) lies in [fixed, fixed | mask].
  AddressSet::Interval extent() const override {
    uint64_t Top = Fixed | Mask;
    return {Fixed, Top == ~uint64_t(0) ? Top : Top + 1};
  }

private:
  struct CounterRange {
    uint64_t Lo, Hi; // inclusive
  };
  bool admitsUncached(const AccessRequest &R) override;
  std::vector<CounterRange> counters(const AccessRequest &R) const;
  const std::vector<CounterRange> &cachedCounters(const AccessRequest &R);
  std::optional<uint64_t> pickAddress(const AccessRequest &R,
                                      RandomEngine *RNG);
  uint64_t Mask, Fixed;
  std::vector<std::pair<uint64_t, std::vector<CounterRange>>> Cache;
};

/// access-addresses entry: plain addresses (in order or at random) for
/// ordinary accesses, burst address sets for burst groups.
class AddressesScheme final : public MemoryScheme {
public:
  AddressesScheme(const AccessAddressesDesc &D, double Weight,
                  bool AllowMisaligned, std::string Name,
                  const AddressSet &Allowed);
  std::optional<uint64_t> choose(const AccessRequest &R,
                                 RandomEngine &RNG) override;
  bool allows(uint64_t Addr, unsigned Size, bool Burst) const override;
  std::string whyNot(const AccessRequest &R) override;
  AddressSet::Interval extent() const override;

private:
  bool admitsUncached(const AccessRequest &R) override;
  bool plainFits(size_t I, const AccessRequest &R, unsigned Align) const;
  std::optional<uint64_t> burstPick(size_t I, const AccessRequest &R,
                                    RandomEngine *RNG) const;
  bool Ordered;
  std::vector<PlainAddressDesc> Plain;
  std::vector<RangeGeometry> Bursts;
  std::vector<std::pair<uint64_t, uint64_t>> SortedPlain; // addr, max size
  size_t PlainCursor = 0, BurstCursor = 0;
};

} // namespace snipgen

#endif
