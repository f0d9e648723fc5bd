//===- RegisterReservationKey.cpp - The `register-reservation` key --------===//
//
//   register-reservation:
//     - X1: [RW]           # R + W: no instruction reads or writes x1
//     - "X1[0-7]": [SW]    # regex, whole-name match; first match wins
//     - F4_D: [SRW]        # soft: primary instructions only
//     - X9: []             # no effect
//
// Names and regexes are resolved against the target's registers by the
// generator (Generator/RegisterPolicy.h).
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "ValuegramReader.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

static constexpr StringLiteral AccessNames = "R, W, RW, SR, SW, SRW";

static Expected<unsigned> readAccessBits(const SourceMgr &SM,
                                         const YAMLEntry &E) {
  const YAMLNode &V = E.Value;
  if (V.isNull())
    return 0u;
  if (!V.isSequence())
    return makeError(SM, V.Loc,
                     "the access of '" + E.key() +
                         "' must be a sequence of access bits (" + AccessNames +
                         ") such as [RW] or [], got " + V.describe());
  unsigned Bits = 0;
  for (const YAMLNode &Item : V.Items) {
    if (Error Err = expectScalar(SM, Item, "an access bit"))
      return Err;
    unsigned B = StringSwitch<unsigned>(Item.Value)
                     .Case("R", ReserveRead)
                     .Case("W", ReserveWrite)
                     .Case("RW", ReserveRead | ReserveWrite)
                     .Case("SR", ReserveSoftRead)
                     .Case("SW", ReserveSoftWrite)
                     .Case("SRW", ReserveSoftRead | ReserveSoftWrite)
                     .Default(0);
    if (!B)
      return makeError(SM, Item.Loc,
                       "unknown access bit '" + Item.Value + "' for '" +
                           E.key() + "'; allowed: " + AccessNames);
    Bits |= B;
  }
  return Bits;
}

Error parseRegisterReservationKey(const YAMLEntry &Entry,
                                  LayoutBuildContext &Ctx) {
  const SourceMgr &SM = Ctx.sm();
  ValueConfig &VC = Ctx.L.Values;
  VC.ReservationLoc = Entry.Key.Loc;
  if (Entry.Value.isNull())
    return Error::success();
  if (Error E = expectSequence(SM, Entry.Value, "'register-reservation'"))
    return E;
  for (const YAMLNode &Item : Entry.Value.Items) {
    auto One = readSingleEntry(SM, Item, "a 'register-reservation' entry");
    if (!One)
      return One.takeError();
    const YAMLEntry &E = **One;
    if (Error Err = checkRegex(SM, E.Key))
      return Err;
    auto Bits = readAccessBits(SM, E);
    if (!Bits)
      return Bits.takeError();
    VC.Reservations.push_back({E.key().str(), *Bits, E.Key.Loc});
  }
  return Error::success();
}

} // namespace snipgen
