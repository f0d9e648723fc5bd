//===- MemorySchemeKeys.cpp - access-* and restricted-addresses keys ------===//
//
// The manual's memory scheme keys (see Config/MemoryConfig.h for the shapes).
// Everything that does not depend on the target is checked here: required
// keys, numbers, offsets against the stride, masks against fixed bits,
// ranges that would wrap around 2^64. What depends on XLEN or the sections
// (reach, "outside every RW section") is checked when memory is set up.
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "MemoryKeyReader.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Warnings.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"
#include <limits>

using namespace llvm;

namespace snipgen {

static constexpr uint64_t MaxU64 = std::numeric_limits<uint64_t>::max();

static Error checkNoWrap(const MappingReader &R, StringRef SizeKey,
                         uint64_t Start, uint64_t Size, StringRef StartKey) {
  if (Size <= MaxU64 - Start)
    return Error::success();
  return R.errorAt(SizeKey, R.what() + " does not fit in the 64-bit address "
                                       "space: '" +
                                StartKey + "' " + hexValue(Start) + " + '" +
                                SizeKey + "' " + hexValue(Size) + " overflows");
}

//===----------------------------------------------------------------------===//
// access-ranges
//===----------------------------------------------------------------------===//

static constexpr StringRef RangeKeys[] = {
    "start",       "size",   "stride",
    "first-offset", "last-offset", "max-past-last-offset",
    "access-size", "weight", "misaligned-access"};

static Expected<AccessRangeDesc> readRange(const YAMLNode &Node,
                                           LayoutBuildContext &Ctx) {
  auto R = MappingReader::open(
      Ctx.sm(), Node, "an access range", RangeKeys,
      "an access range needs start, size, stride, first-offset and "
      "last-offset");
  if (!R)
    return R.takeError();
  AccessRangeDesc D;
  D.Loc = Node.Loc;
  auto Read = [&](StringRef Key, uint64_t &Out) -> Error {
    Expected<uint64_t> V = R->requireUnsigned(Key);
    if (!V)
      return V.takeError();
    Out = *V;
    return Error::success();
  };
  if (Error E = Read("start", D.Start))
    return std::move(E);
  Expected<uint64_t> Size = R->requirePositive("size");
  if (!Size)
    return Size.takeError();
  D.Size = *Size;
  if (Error E = checkNoWrap(*R, "size", D.Start, D.Size, "start"))
    return std::move(E);
  Expected<uint64_t> Stride = R->requirePositive("stride");
  if (!Stride)
    return Stride.takeError();
  D.Stride = *Stride;
  if (Error E = Read("first-offset", D.FirstOffset))
    return std::move(E);
  if (Error E = Read("last-offset", D.LastOffset))
    return std::move(E);
  if (D.FirstOffset > D.LastOffset)
    return R->errorAt("first-offset",
                      "'first-offset' (" + Twine(D.FirstOffset) +
                          ") of an access range must not exceed "
                          "'last-offset' (" +
                          Twine(D.LastOffset) + ")");
  if (D.LastOffset >= D.Stride)
    return R->errorAt("last-offset",
                      "'last-offset' (" + Twine(D.LastOffset) +
                          ") of an access range must be less than 'stride' (" +
                          Twine(D.Stride) +
                          "): offsets are counted inside one stride");
  auto MPLO = R->optionalUnsigned("max-past-last-offset");
  if (!MPLO)
    return MPLO.takeError();
  D.MaxPastLastOffset = *MPLO;
  auto AccessSize = R->optionalPositive("access-size");
  if (!AccessSize)
    return AccessSize.takeError();
  D.AccessSize = *AccessSize;
  auto Misaligned = R->optionalBool("misaligned-access");
  if (!Misaligned)
    return Misaligned.takeError();
  D.MisalignedAccess = *Misaligned;
  auto W = R->weight();
  if (!W)
    return W.takeError();
  D.Weight = *W;
  // The widest access starts at first-offset and may run up to (excluding)
  // last-offset + max-past-last-offset.
  if (D.MaxPastLastOffset && D.AccessSize &&
      D.LastOffset + *D.MaxPastLastOffset - D.FirstOffset < *D.AccessSize) {
    std::string Where = formatLoc(Ctx.sm(), D.Loc);
    if (Error E = Ctx.Warnings.warn(
            Warning::MemoryAccess,
            Where + ": access range: 'access-size' (" + Twine(*D.AccessSize) +
                ") can't be generated because it exceeds the "
                "'max-past-last-offset' (" +
                Twine(*D.MaxPastLastOffset) +
                ") for any offsets from 'first-offset' (" +
                Twine(D.FirstOffset) + ") to 'last-offset' (" +
                Twine(D.LastOffset) + ")"))
      return std::move(E);
  }
  return D;
}

//===----------------------------------------------------------------------===//
// access-evictions
//===----------------------------------------------------------------------===//

static constexpr StringRef EvictionKeys[] = {"mask", "fixed", "weight"};

static Expected<AccessEvictionDesc> readEviction(const YAMLNode &Node,
                                                 LayoutBuildContext &Ctx) {
  auto R = MappingReader::open(Ctx.sm(), Node, "an access eviction", EvictionKeys,
                               "an access eviction needs mask and fixed");
  if (!R)
    return R.takeError();
  AccessEvictionDesc D;
  D.Loc = Node.Loc;
  auto Mask = R->requireUnsigned("mask");
  if (!Mask)
    return Mask.takeError();
  auto Fixed = R->requireUnsigned("fixed");
  if (!Fixed)
    return Fixed.takeError();
  D.Mask = *Mask;
  D.Fixed = *Fixed;
  if (D.Mask & D.Fixed)
    return R->errorAt("fixed",
                      "bits in 'mask' (" + hexValue(D.Mask) + ") and 'fixed' (" +
                          hexValue(D.Fixed) + ") of an access eviction overlap (" +
                          hexValue(D.Mask & D.Fixed) +
                          "); a bit is either free (mask) or fixed");
  auto W = R->weight();
  if (!W)
    return W.takeError();
  D.Weight = *W;
  return D;
}

//===----------------------------------------------------------------------===//
// access-addresses and restricted-addresses
//===----------------------------------------------------------------------===//

static constexpr StringRef PlainKeys[] = {"addr", "access-size"};
static constexpr StringRef BurstAddrKeys[] = {"addr", "size", "stride",
                                              "access-size"};

static Expected<PlainAddressDesc> readPlainAddress(const YAMLNode &Node,
                                                   LayoutBuildContext &Ctx,
                                                   StringRef What) {
  auto R = MappingReader::open(Ctx.sm(), Node, What, PlainKeys,
                               "each address needs 'addr'");
  if (!R)
    return R.takeError();
  PlainAddressDesc D;
  D.Loc = Node.Loc;
  auto Addr = R->requireUnsigned("addr");
  if (!Addr)
    return Addr.takeError();
  D.Addr = *Addr;
  auto Size = R->optionalPositive("access-size");
  if (!Size)
    return Size.takeError();
  if (*Size)
    D.AccessSize = **Size;
  if (Error E = checkNoWrap(*R, "access-size", D.Addr, D.AccessSize, "addr"))
    return std::move(E);
  return D;
}

static Expected<BurstAddressDesc> readBurstAddress(const YAMLNode &Node,
                                                   LayoutBuildContext &Ctx) {
  auto R = MappingReader::open(
      Ctx.sm(), Node, "a burst address set", BurstAddrKeys,
      "a burst address set needs addr, size, stride and access-size");
  if (!R)
    return R.takeError();
  BurstAddressDesc D;
  D.Loc = Node.Loc;
  auto Addr = R->requireUnsigned("addr");
  if (!Addr)
    return Addr.takeError();
  auto Size = R->requirePositive("size");
  if (!Size)
    return Size.takeError();
  auto Stride = R->requireUnsigned("stride");
  if (!Stride)
    return Stride.takeError();
  auto AccessSize = R->requirePositive("access-size");
  if (!AccessSize)
    return AccessSize.takeError();
  D.Addr = *Addr;
  D.Size = *Size;
  D.Stride = *Stride;
  D.AccessSize = *AccessSize;
  if (Error E = checkNoWrap(*R, "size", D.Addr, D.Size, "addr"))
    return std::move(E);
  if (D.AccessSize > D.Size)
    return R->errorAt("access-size",
                      "'access-size' (" + Twine(D.AccessSize) +
                          ") of a burst address set exceeds its 'size' (" +
                          Twine(D.Size) + ")");
  return D;
}

static Error readPlainList(const YAMLEntry &E, LayoutBuildContext &Ctx,
                           StringRef What,
                           std::vector<PlainAddressDesc> &Out) {
  return forEachItem(Ctx.sm(), E, "'plain'", [&](const YAMLNode &N) -> Error {
    auto A = readPlainAddress(N, Ctx, What);
    if (!A)
      return A.takeError();
    Out.push_back(*A);
    return Error::success();
  });
}

static constexpr StringRef AddressesKeys[] = {"ordered", "weight", "plain",
                                              "burst"};

static Expected<AccessAddressesDesc> readAddresses(const YAMLNode &Node,
                                                   LayoutBuildContext &Ctx) {
  auto R = MappingReader::open(Ctx.sm(), Node, "an access-addresses entry",
                               AddressesKeys, "");
  if (!R)
    return R.takeError();
  AccessAddressesDesc D;
  D.Loc = Node.Loc;
  auto Ordered = R->optionalBool("ordered");
  if (!Ordered)
    return Ordered.takeError();
  D.Ordered = Ordered->value_or(true);
  auto W = R->weight();
  if (!W)
    return W.takeError();
  D.Weight = *W;
  if (const YAMLEntry *Plain = R->find("plain"))
    if (Error E = readPlainList(*Plain, Ctx, "an address", D.Plain))
      return std::move(E);
  if (const YAMLEntry *Burst = R->find("burst"))
    if (Error E = forEachItem(Ctx.sm(), *Burst, "'burst'",
                              [&](const YAMLNode &N) -> Error {
                                auto B = readBurstAddress(N, Ctx);
                                if (!B)
                                  return B.takeError();
                                D.Burst.push_back(*B);
                                return Error::success();
                              }))
      return std::move(E);
  if (D.Plain.empty() && D.Burst.empty())
    return makeError(Ctx.sm(), Node.Loc,
                     "an access-addresses entry needs at least one address in "
                     "'plain' (ordinary accesses) or 'burst' (burst groups)");
  return D;
}

//===----------------------------------------------------------------------===//
// Lists of schemes, top level or inside an access group
//===----------------------------------------------------------------------===//

template <typename T, typename Fn>
static Error readList(const YAMLEntry &Entry, LayoutBuildContext &Ctx,
                      std::vector<T> &Out, Fn Read) {
  return forEachItem(Ctx.sm(), Entry, "'" + Entry.key() + "'",
                     [&](const YAMLNode &N) -> Error {
                       auto D = Read(N, Ctx);
                       if (!D)
                         return D.takeError();
                       Out.push_back(std::move(*D));
                       return Error::success();
                     });
}

static Error readSchemeKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx,
                           MemorySchemeList &Out) {
  StringRef K = Entry.key();
  if (K == "access-ranges")
    return readList(Entry, Ctx, Out.Ranges, readRange);
  if (K == "access-evictions")
    return readList(Entry, Ctx, Out.Evictions, readEviction);
  assert(K == "access-addresses");
  return readList(Entry, Ctx, Out.Addresses, readAddresses);
}

Error parseAccessSchemeKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  return readSchemeKey(Entry, Ctx, Ctx.L.Memory.TopLevel);
}

static constexpr StringRef GroupKeys[] = {"weight", "access-ranges",
                                          "access-evictions",
                                          "access-addresses"};

static Expected<AccessGroupDesc> readGroup(const YAMLNode &Node,
                                           LayoutBuildContext &Ctx) {
  // Two children of the same type are already a "duplicate key" error of the
  // YAML reader: the manual wants the children of a group to differ in type.
  auto R = MappingReader::open(Ctx.sm(), Node, "an access group", GroupKeys, "");
  if (!R)
    return R.takeError();
  AccessGroupDesc G;
  G.Loc = Node.Loc;
  auto W = R->weight();
  if (!W)
    return W.takeError();
  G.Weight = *W;
  for (const YAMLEntry &E : Node.Entries)
    if (E.key() != "weight")
      if (Error Err = readSchemeKey(E, Ctx, G.Schemes))
        return std::move(Err);
  if (G.Schemes.empty())
    return makeError(Ctx.sm(), Node.Loc,
                     "an access group needs at least one non-empty "
                     "access-ranges, access-evictions or access-addresses");
  return G;
}

Error parseAccessGroupsKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  return readList(Entry, Ctx, Ctx.L.Memory.Groups, readGroup);
}

Error parseRestrictedAddressesKey(const YAMLEntry &Entry,
                                  LayoutBuildContext &Ctx) {
  return forEachItem(
      Ctx.sm(), Entry, "'restricted-addresses'",
      [&](const YAMLNode &N) -> Error {
        if (N.isMapping() && N.find("ordered"))
          return makeError(Ctx.sm(), N.find("ordered")->Key.Loc,
                           "a restricted-addresses entry cannot have "
                           "'ordered' (it only lists forbidden bytes); "
                           "allowed key: plain");
        static constexpr StringRef Keys[] = {"plain"};
        auto R = MappingReader::open(Ctx.sm(), N, "a restricted-addresses entry",
                                     Keys, "each entry needs 'plain'");
        if (!R)
          return R.takeError();
        auto Plain = R->require("plain");
        if (!Plain)
          return Plain.takeError();
        return readPlainList(**Plain, Ctx, "a restricted address",
                             Ctx.L.Memory.Restricted);
      });
}

} // namespace snipgen
