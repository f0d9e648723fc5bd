//===- MemoryScheme.h - Where loads and stores may go -----------*- C++ -*-===//
//
// A memory scheme answers: give me an address for an access of N bytes (with
// the alignment the scheme and the ISA require), and: may this access have
// come from you? The kinds are the manual's (see Config/MemoryConfig.h):
// access ranges (strides with first/last offsets), evictions (mask/fixed),
// address enumerations (plain and burst sets) and the default scheme
// (anywhere in the RW sections, naturally aligned).
//
// Every scheme is clipped to the allowed memory: the RW sections minus the
// restricted addresses. A scheme never hands out an address whose bytes leave
// it, so "the scheme reaches outside every RW section" is a warning (those
// addresses are simply never used), never a fault at run time.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_MEMORYSCHEME_H
#define SNIPGEN_GENERATOR_MEMORYSCHEME_H

#include "snipgen/Support/Random.h"
#include "llvm/ADT/ArrayRef.h"
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace snipgen {

/// A set of byte addresses: sorted, disjoint, non-adjacent half-open
/// intervals [Lo, Hi). Ends are exclusive, so the last byte of the address
/// space cannot be part of a set (sections and schemes never need it).
class AddressSet {
public:
  struct Interval {
    uint64_t Lo, Hi;
  };
  void add(uint64_t Lo, uint64_t Hi);
  void subtract(uint64_t Lo, uint64_t Hi);
  /// Every byte of [Lo, Hi) is in the set (Lo < Hi).
  bool contains(uint64_t Lo, uint64_t Hi) const;
  /// Some byte of [Lo, Hi) is in the set.
  bool overlaps(uint64_t Lo, uint64_t Hi) const;
  bool empty() const { return Map.empty(); }
  /// The parts of the set inside [Lo, Hi), in address order.
  std::vector<Interval> clip(uint64_t Lo, uint64_t Hi) const;
  std::vector<Interval> intervals() const;

private:
  std::map<uint64_t, uint64_t> Map; // Lo -> Hi
};

/// What an access needs from a scheme.
struct AccessRequest {
  unsigned Size = 0;     // bytes touched
  unsigned IsaAlign = 1; // alignment the ISA requires (natural for atomics)
  bool Burst = false;    // a member of a burst group (burst address sets)
  /// Aligned on IsaAlign only, whatever Size (vector accesses: one element,
  /// as the manual's unit-stride rule says), even without misaligned
  /// accesses.
  bool AlignOnIsa = false;
  /// The access must start in [WindowLo, WindowHi] (both inclusive): used to
  /// keep the members of a burst group within reach of a shared base.
  uint64_t WindowLo = 0;
  uint64_t WindowHi = std::numeric_limits<uint64_t>::max();
  bool hasWindow() const {
    return WindowLo != 0 || WindowHi != std::numeric_limits<uint64_t>::max();
  }
};

/// Natural alignment of an access of Size bytes (Size for powers of two).
unsigned naturalAlignment(unsigned Size);

/// The geometry of an access range (the manual's "Memory Strides"):
/// starts at Start + Stride * k + [First, Last]; an access starting in block
/// k may touch bytes up to (excluding) min(Start + Size,
/// Start + Stride * k + Last + MaxPastLastOffset), and be at most
/// MaxAccessSize bytes. Burst address sets and the default scheme are ranges
/// too (stride = size and stride 1 respectively).
struct RangeGeometry {
  uint64_t Start = 0;
  uint64_t Size = 0;
  uint64_t Stride = 1;
  uint64_t First = 0;
  uint64_t Last = 0;
  std::optional<uint64_t> MaxPastLastOffset;
  std::optional<uint64_t> MaxAccessSize;

  uint64_t end() const { return Start + Size; }
  /// The exclusive end of the bytes an access starting at Addr may touch, or
  /// nullopt if no access may start at Addr.
  std::optional<uint64_t> reachEnd(uint64_t Addr) const;
  /// An access of Size bytes at Addr is allowed by the geometry.
  bool allowsAccess(uint64_t Addr, uint64_t Size) const;
  /// A start address for an access of Size bytes aligned to Align, inside
  /// one of Allowed (sorted intervals) and in [WindowLo, WindowHi]. With
  /// RNG == nullptr: any valid address (an existence check).
  std::optional<uint64_t> pick(llvm::ArrayRef<AddressSet::Interval> Allowed,
                               uint64_t Size, unsigned Align, uint64_t WindowLo,
                               uint64_t WindowHi, RandomEngine *RNG) const;
  /// Bytes any access may touch (for the memory-access warning).
  AddressSet::Interval span() const;
};

enum class SchemeKind { Default, Range, Eviction, Addresses };

class MemoryScheme {
public:
  virtual ~MemoryScheme();
  SchemeKind kind() const { return Kind; }
  double weight() const { return Weight; }
  /// "access range at memory.yaml:3:5 (start 0x80002000, ...)".
  const std::string &name() const { return Name; }
  /// The alignment an access must have when it uses this scheme.
  unsigned alignment(const AccessRequest &R) const;

  /// True if some address fits R (cached per request without a window).
  bool admits(const AccessRequest &R);
  /// An address for R, or nullopt if the scheme has none.
  virtual std::optional<uint64_t> choose(const AccessRequest &R,
                                         RandomEngine &RNG) = 0;
  /// For the model check: may an access of Size bytes at Addr come from
  /// this scheme? (Alignment and allowed memory are checked separately.)
  virtual bool allows(uint64_t Addr, unsigned Size, bool Burst) const = 0;
  /// Why the scheme admits nothing for R, for error messages.
  virtual std::string whyNot(const AccessRequest &R);
  /// The addresses the scheme's accesses start in, as one interval (Lo ==
  /// Hi: none, as for the default scheme over several sections); for the
  /// per-scheme heat maps of -dump-access-schemes.
  virtual AddressSet::Interval extent() const { return {0, 0}; }

protected:
  MemoryScheme(SchemeKind Kind, double Weight, bool AllowMisaligned,
               std::string Name, const AddressSet &Allowed)
      : Kind(Kind), Weight(Weight), AllowMisaligned(AllowMisaligned),
        Name(std::move(Name)), Allowed(Allowed) {}
  virtual bool admitsUncached(const AccessRequest &R) = 0;

  SchemeKind Kind;
  double Weight;
  bool AllowMisaligned;
  std::string Name;
  const AddressSet &Allowed; // RW sections minus restricted addresses

private:
  std::vector<std::pair<uint64_t, bool>> AdmitsCache;
};

} // namespace snipgen

#endif
