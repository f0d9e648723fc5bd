//===- MemoryKeyReader.cpp - Typed reads of one memory-key mapping --------===//
#include "MemoryKeyReader.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

std::string hexValue(uint64_t V) { return "0x" + utohexstr(V, true); }

Expected<MappingReader> MappingReader::open(const SourceMgr &SM,
                                            const YAMLNode &Node,
                                            const Twine &What,
                                            ArrayRef<StringRef> Allowed,
                                            StringRef RequiredHint) {
  if (Error E = expectMapping(SM, Node, What))
    return std::move(E);
  if (Error E = checkAllowedKeys(SM, Node, Allowed, What))
    return std::move(E);
  return MappingReader(SM, Node, What.str(), RequiredHint.str());
}

std::string MappingReader::keyWhat(StringRef Key) const {
  return ("'" + Key + "' of " + What).str();
}

Error MappingReader::errorAt(StringRef Key, const Twine &Msg) const {
  const YAMLEntry *E = find(Key);
  return makeError(*SM, E ? E->Value.Loc : Node->Loc, Msg);
}

Expected<const YAMLEntry *> MappingReader::require(StringRef Key) const {
  if (const YAMLEntry *E = find(Key))
    return E;
  return makeError(*SM, Node->Loc,
                   What + " has no '" + Key + "'" +
                       (Hint.empty() ? std::string() : "; " + Hint));
}

Expected<uint64_t> MappingReader::requireUnsigned(StringRef Key) const {
  Expected<const YAMLEntry *> E = require(Key);
  if (!E)
    return E.takeError();
  return parseUnsigned(*SM, (*E)->Value, keyWhat(Key));
}

Expected<std::optional<uint64_t>>
MappingReader::optionalUnsigned(StringRef Key) const {
  const YAMLEntry *E = find(Key);
  if (!E)
    return std::nullopt;
  Expected<uint64_t> V = parseUnsigned(*SM, E->Value, keyWhat(Key));
  if (!V)
    return V.takeError();
  return std::optional<uint64_t>(*V);
}

Expected<std::optional<uint64_t>>
MappingReader::optionalPositive(StringRef Key) const {
  auto V = optionalUnsigned(Key);
  if (!V)
    return V.takeError();
  if (*V && **V == 0)
    return errorAt(Key, keyWhat(Key) + " must be greater than 0, got '0'");
  return *V;
}

Expected<uint64_t> MappingReader::requirePositive(StringRef Key) const {
  if (!find(Key))
    return require(Key).takeError();
  auto V = optionalPositive(Key);
  if (!V)
    return V.takeError();
  return **V;
}

Expected<double> MappingReader::weight() const {
  const YAMLEntry *E = find("weight");
  if (!E)
    return 1.0;
  Expected<double> W = parseDouble(*SM, E->Value, keyWhat("weight"));
  if (!W)
    return W.takeError();
  if (*W < 0)
    return errorAt("weight", keyWhat("weight") + " must not be negative, got '" +
                                 E->Value.Value + "'");
  return *W == 0 ? 0.0 : *W;
}

Expected<std::optional<bool>> MappingReader::optionalBool(StringRef Key) const {
  const YAMLEntry *E = find(Key);
  if (!E)
    return std::nullopt;
  Expected<bool> B = parseBool(*SM, E->Value, keyWhat(Key));
  if (!B)
    return B.takeError();
  return std::optional<bool>(*B);
}

Error forEachItem(const SourceMgr &SM, const YAMLEntry &Entry,
                  const Twine &What,
                  function_ref<Error(const YAMLNode &)> Item) {
  if (Entry.Value.isNull())
    return Error::success();
  if (Error E = expectSequence(SM, Entry.Value, What))
    return E;
  for (const YAMLNode &N : Entry.Value.Items)
    if (Error E = Item(N))
      return E;
  return Error::success();
}

} // namespace snipgen
