//===- MemoryConfig.h - Memory schemes and burst mode as written -*- C++ -*-===//
//
// The layout keys of the manual's "Memory Configuration" chapter, parsed and
// checked for what can be checked without the target (every value in range,
// offsets consistent, sizes non-zero). Each entry keeps its location so that
// later checks (XLEN reach, "no scheme admits this instruction", the
// memory-access warning) can point at it.
//
//   access-ranges:        [{start, size, stride, first-offset, last-offset,
//                           max-past-last-offset?, access-size?, weight?,
//                           misaligned-access?}]
//   access-evictions:     [{mask, fixed, weight?}]
//   access-addresses:     [{ordered? (true), weight?, plain?: [{addr,
//                           access-size?}], burst?: [{addr, size, stride,
//                           access-size}]}]
//   access-groups:        [{weight?, access-ranges?, access-evictions?,
//                           access-addresses?}]
//   restricted-addresses: [{plain: [{addr, access-size? (16)}]}]
//   burst:                {mode, min-size, max-size, groupings?}
//
// Semantics live in the generator (Generator/MemorySchemes.h, BurstSource).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_CONFIG_MEMORYCONFIG_H
#define SNIPGEN_CONFIG_MEMORYCONFIG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace snipgen {

/// One `access-ranges` entry: addresses start + stride * k + offset with
/// offset in [first-offset, last-offset]. An access starting there may touch
/// bytes up to (excluding) the smaller of start + size and
/// start + stride * k + last-offset + max-past-last-offset (the manual's
/// "Address examples" table).
struct AccessRangeDesc {
  uint64_t Start = 0;
  uint64_t Size = 0;
  uint64_t Stride = 1;
  uint64_t FirstOffset = 0;
  uint64_t LastOffset = 0;
  std::optional<uint64_t> MaxPastLastOffset;
  std::optional<uint64_t> AccessSize; // largest access allowed
  std::optional<bool> MisalignedAccess; // beats --riscv-disable-misaligned-access
  double Weight = 1.0;
  llvm::SMLoc Loc;
};

/// One `access-evictions` entry: addresses fixed | (anything & mask).
struct AccessEvictionDesc {
  uint64_t Mask = 0;
  uint64_t Fixed = 0;
  double Weight = 1.0;
  llvm::SMLoc Loc;
};

/// An address of a `plain` list. In positive schemes access-size (default
/// 16, the widest scalar access) bounds the accesses that may use it; in
/// restricted-addresses it is the number of forbidden bytes.
struct PlainAddressDesc {
  uint64_t Addr = 0;
  uint64_t AccessSize = 16;
  llvm::SMLoc Loc;
};

/// A `burst` address set: burst-group accesses at addr + stride * k, of at
/// most access-size bytes, inside [addr, addr + size). Stride 0 means addr
/// only. This is also what --dump-memory-accesses writes for burst groups.
struct BurstAddressDesc {
  uint64_t Addr = 0;
  uint64_t Size = 0;
  uint64_t Stride = 0;
  uint64_t AccessSize = 0;
  llvm::SMLoc Loc;
};

/// One `access-addresses` entry.
struct AccessAddressesDesc {
  bool Ordered = true;
  double Weight = 1.0;
  std::vector<PlainAddressDesc> Plain; // ordinary accesses
  std::vector<BurstAddressDesc> Burst; // accesses of burst groups
  llvm::SMLoc Loc;
};

/// The positive schemes of the layout (top level or one access group).
struct MemorySchemeList {
  std::vector<AccessRangeDesc> Ranges;
  std::vector<AccessEvictionDesc> Evictions;
  std::vector<AccessAddressesDesc> Addresses;
  bool empty() const {
    return Ranges.empty() && Evictions.empty() && Addresses.empty();
  }
};

/// One `access-groups` entry; its weight multiplies its children's weights.
struct AccessGroupDesc {
  double Weight = 1.0;
  MemorySchemeList Schemes;
  llvm::SMLoc Loc;
};

enum class BurstModeKind { Basic, Load, Store, LoadStore, Mixed, Custom };
/// The layout spelling of a burst mode (as the `burst` key reads it).
llvm::StringRef burstModeName(BurstModeKind K);

struct BurstOpcodeName {
  std::string Name;
  llvm::SMLoc Loc;
};

struct BurstConfig {
  BurstModeKind Mode = BurstModeKind::Basic;
  uint64_t MinSize = 0;
  uint64_t MaxSize = 0;
  /// `custom` mode only: each inner list is one kind of group.
  std::vector<std::vector<BurstOpcodeName>> Groupings;
  llvm::SMLoc Loc;
};

struct MemoryConfig {
  MemorySchemeList TopLevel;
  std::vector<AccessGroupDesc> Groups;
  std::vector<PlainAddressDesc> Restricted;
  std::optional<BurstConfig> Burst;
  /// True if any access-* key gave a positive scheme; otherwise accesses go
  /// anywhere in the RW sections, naturally aligned.
  bool hasPositiveSchemes() const {
    if (!TopLevel.empty())
      return true;
    for (const AccessGroupDesc &G : Groups)
      if (!G.Schemes.empty())
        return true;
    return false;
  }
};

} // namespace snipgen

#endif
