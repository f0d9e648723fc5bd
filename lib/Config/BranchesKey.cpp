//===- BranchesKey.cpp - The `branches` top-level key (branchegram) -------===//
//
// See Config/ControlFlowConfig.h for the format. Values are checked here as
// far as they can be without the histogram: loop-ratio in [0, 1], alignment
// a power of two, at least one loop iteration, min <= max everywhere.
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "NotYetSupported.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/SourceMgr.h"
#include <limits>

using namespace llvm;

namespace snipgen {

static constexpr StringRef BranchesKeys[] = {
    "permutation", "alignment", "loop-ratio", "number-of-loop-iterations",
    "max-depth",   "distance",  "consecutive-loops"};
static constexpr StringRef RangeKeys[] = {"min", "max"};
static constexpr StringRef DepthKeys[] = {"if", "loop"};
static constexpr StringRef DistanceKeys[] = {"blocks", "pc"};

namespace {
class BranchesReader {
public:
  BranchesReader(const SourceMgr &SM, BranchesConfig &B) : SM(SM), B(B) {}
  Error read(const YAMLNode &Value);

private:
  template <typename T>
  Error readRange(const YAMLEntry &E, const Twine &What, RangeSetting<T> &R);
  Expected<unsigned> readUnsigned32(const YAMLNode &N, const Twine &What);
  Error readIterations(const YAMLEntry &E);
  Error readDepth(const YAMLEntry &E);
  Error readDistance(const YAMLEntry &E);
  Error readConsecutiveLoops(const YAMLEntry &E);
  Error checkConsecutiveLoops();

  const SourceMgr &SM;
  BranchesConfig &B;
};
} // namespace

Expected<unsigned> BranchesReader::readUnsigned32(const YAMLNode &N,
                                                  const Twine &What) {
  Expected<uint64_t> V = parseUnsigned(SM, N, What);
  if (!V)
    return V.takeError();
  if (*V > UINT32_MAX)
    return makeError(SM, N.Loc,
                     What + " '" + N.Value + "' is too large (at most " +
                         Twine(UINT32_MAX) + ")");
  return unsigned(*V);
}

template <typename T>
Error BranchesReader::readRange(const YAMLEntry &E, const Twine &What,
                                RangeSetting<T> &R) {
  std::string Name = What.str();
  if (Error Err = expectMapping(SM, E.Value, Name))
    return Err;
  if (Error Err = checkAllowedKeys(SM, E.Value, RangeKeys, Name))
    return Err;
  R.Loc = E.Key.Loc;
  for (const YAMLEntry &Bound : E.Value.Entries) {
    std::string BoundWhat = "'" + Bound.key().str() + "' of " + Name;
    Expected<uint64_t> V = parseUnsigned(SM, Bound.Value, BoundWhat);
    if (!V)
      return V.takeError();
    if (*V > std::numeric_limits<T>::max())
      return makeError(SM, Bound.Value.Loc,
                       BoundWhat + " '" + Bound.Value.Value + "' is too large");
    (Bound.key() == "min" ? R.Min : R.Max) = T(*V);
  }
  if (R.Min && R.Max && *R.Min > *R.Max)
    return makeError(SM, E.Key.Loc,
                     Name + ": min (" + Twine(*R.Min) +
                         ") is greater than max (" + Twine(*R.Max) + ")");
  return Error::success();
}

Error BranchesReader::readIterations(const YAMLEntry &E) {
  RangeSetting<unsigned> R;
  if (Error Err = readRange(E, "'number-of-loop-iterations' of 'branches'", R))
    return Err;
  // A bound given alone moves the other default along when needed, so
  // `max: 2` means [2, 2] rather than an empty range.
  unsigned Min = R.Min.value_or(BranchesConfig::DefaultIterations);
  unsigned Max = R.Max.value_or(BranchesConfig::DefaultIterations);
  if (R.Min && !R.Max)
    Max = std::max(Min, Max);
  if (R.Max && !R.Min)
    Min = std::min(Min, Max);
  if (Min == 0)
    return makeError(SM, E.Key.Loc,
                     "'number-of-loop-iterations' of 'branches': every loop "
                     "runs at least once, so min must be at least 1 (got " +
                         Twine(Min) + ")");
  B.MinIterations = Min;
  B.MaxIterations = Max;
  B.IterationsLoc = E.Key.Loc;
  return Error::success();
}

Error BranchesReader::readDepth(const YAMLEntry &E) {
  const char *Name = "'max-depth' of 'branches'";
  if (Error Err = expectMapping(SM, E.Value, Name))
    return Err;
  if (Error Err = checkAllowedKeys(SM, E.Value, DepthKeys, Name))
    return Err;
  for (const YAMLEntry &D : E.Value.Entries) {
    Expected<unsigned> V =
        readUnsigned32(D.Value, "'" + D.key() + "' of " + Name);
    if (!V)
      return V.takeError();
    if (D.key() == "if")
      B.MaxIfDepth = *V;
    else
      B.MaxLoopDepth = *V;
  }
  return Error::success();
}

Error BranchesReader::readDistance(const YAMLEntry &E) {
  const char *Name = "'distance' of 'branches'";
  if (Error Err = expectMapping(SM, E.Value, Name))
    return Err;
  if (Error Err = checkAllowedKeys(SM, E.Value, DistanceKeys, Name))
    return Err;
  for (const YAMLEntry &D : E.Value.Entries) {
    std::string What = "'distance." + D.key().str() + "' of 'branches'";
    if (D.key() == "blocks") {
      if (Error Err = readRange(D, What, B.BlockDistance))
        return Err;
    } else if (Error Err = readRange(D, What, B.PCDistance)) {
      return Err;
    }
  }
  return Error::success();
}

Error BranchesReader::readConsecutiveLoops(const YAMLEntry &E) {
  const char *What = "'consecutive-loops' of 'branches'";
  if (Error Err = expectScalar(SM, E.Value, What))
    return Err;
  B.ConsecutiveLoc = E.Key.Loc;
  StringRef V = E.Value.Value;
  if (V == "all") {
    B.ConsecutiveLoops = BranchesConfig::Consecutive::All;
    return Error::success();
  }
  if (V == "none" || V == "off" || V == "false") {
    B.ConsecutiveLoops = BranchesConfig::Consecutive::None;
    return Error::success();
  }
  unsigned N = 0;
  if (V.getAsInteger(10, N))
    return makeError(SM, E.Value.Loc,
                     Twine(What) + ": invalid number '" + V +
                         "' (expected all, none or the most consecutive "
                         "loops after a loop)");
  B.ConsecutiveN = N;
  B.ConsecutiveLoops = N ? BranchesConfig::Consecutive::Some
                         : BranchesConfig::Consecutive::None;
  return Error::success();
}

// llvm-snippy's restrictions: consecutive loops are one-block loops, so
// every conditional branch closes a loop around its own block.
Error BranchesReader::checkConsecutiveLoops() {
  if (!B.anyConsecutiveLoops())
    return Error::success();
  auto Fail = [&](const Twine &Msg) {
    return makeError(SM, B.ConsecutiveLoc, Msg);
  };
  if (B.LoopRatio != 1.0)
    return Fail("Consecutive loop generation is only supported with loop "
                "ratio == 1 (set loop-ratio: 1.0)");
  if (B.MaxLoopDepth == 0)
    return Fail("Consecutive loop generation needs loops, but "
                "max-depth.loop is 0");
  if (B.MaxLoopDepth > 1)
    return Fail("Consecutive loop generation is not supported for nested "
                "loops (set max-depth: {loop: 1})");
  if (B.BlockDistance.Min.value_or(0) != 0 ||
      B.BlockDistance.Max.value_or(0) != 0)
    return Fail("Consecutive loop generation is only supported for "
                "one-block loops (distance.blocks must be 0)");
  if (B.PCDistance.given())
    return Fail("Consecutive loop generation does not support distance.pc");
  if (!B.Permutation)
    return Fail("Consecutive loop generation needs permutation: on (every "
                "loop branches back to its own block)");
  return Error::success();
}

Error BranchesReader::read(const YAMLNode &Value) {
  // `branches:` with nothing under it keeps every default.
  if (Value.isNull())
    return Error::success();
  if (Error E = expectMapping(SM, Value, "'branches'"))
    return E;
  for (const YAMLEntry &E : Value.Entries)
    if (auto Why = notYetSupportedBranchesKey(E.key()))
      return makeError(SM, E.Key.Loc, *Why);
  if (Error E = checkAllowedKeys(SM, Value, BranchesKeys, "'branches'"))
    return E;
  for (const YAMLEntry &E : Value.Entries) {
    StringRef K = E.key();
    std::string What = "'" + K.str() + "' of 'branches'";
    if (K == "permutation") {
      Expected<bool> V = parseBool(SM, E.Value, What);
      if (!V)
        return V.takeError();
      B.Permutation = *V;
    } else if (K == "alignment") {
      Expected<unsigned> V = readUnsigned32(E.Value, What);
      if (!V)
        return V.takeError();
      if (!isPowerOf2_32(*V))
        return makeError(SM, E.Value.Loc,
                         What +
                             " must be a power of two (1, 2, 4, ...), got '" +
                             E.Value.Value + "'");
      B.Alignment = *V;
    } else if (K == "loop-ratio") {
      Expected<double> V = parseDouble(SM, E.Value, What);
      if (!V)
        return V.takeError();
      if (*V < 0 || *V > 1)
        return makeError(SM, E.Value.Loc,
                         What +
                             " is a probability: it must be between 0 and "
                             "1, got '" +
                             E.Value.Value + "'");
      B.LoopRatio = *V;
    } else if (K == "number-of-loop-iterations") {
      if (Error Err = readIterations(E))
        return Err;
    } else if (K == "max-depth") {
      if (Error Err = readDepth(E))
        return Err;
    } else if (K == "consecutive-loops") {
      if (Error Err = readConsecutiveLoops(E))
        return Err;
    } else if (Error Err = readDistance(E)) {
      return Err;
    }
  }
  return checkConsecutiveLoops();
}

Error parseBranchesKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  BranchesConfig &B = Ctx.L.ControlFlow.Branches;
  B.Present = true;
  B.Loc = Entry.Key.Loc;
  return BranchesReader(Ctx.sm(), B).read(Entry.Value);
}

} // namespace snipgen
