//===- YAMLTree.h - Located YAML tree and typed accessors -------*- C++ -*-===//
//
// Private to lib/Config. llvm::yaml::Stream is a lazy, single-pass parser:
// a collection can be iterated once, aliases are not resolved and a syntax
// error may surface halfway through a walk. The layout code needs to look at a
// node several times (check keys, then read them, then print it for -E), so
// each file is first converted into this small owned tree. Every node keeps
// its SMLoc in the layout's SourceMgr, so errors can point at it.
//
// The typed helpers below (expect a mapping, parse an integer, ...) produce
// the one-line located errors users see: they name what was expected, the
// value that was found and, where it helps, the allowed values.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_CONFIG_YAMLTREE_H
#define SNIPGEN_LIB_CONFIG_YAMLTREE_H

#include "snipgen/Support/Error.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SMLoc.h"
#include <cstdint>
#include <string>
#include <vector>

namespace llvm {
class SourceMgr;
class raw_ostream;
} // namespace llvm

namespace snipgen {

struct YAMLEntry;

struct YAMLNode {
  enum class Kind { Null, Scalar, Sequence, Mapping };

  Kind K = Kind::Null;
  /// Where the node starts (for collections: their first token).
  llvm::SMLoc Loc;
  /// Scalars: the value with quotes and escapes resolved.
  std::string Value;
  /// Scalars: the text as written, quotes included (points into the
  /// SourceMgr buffer). Used to print the value back unchanged for -E.
  llvm::StringRef Raw;
  std::vector<YAMLNode> Items;    // Sequence
  std::vector<YAMLEntry> Entries; // Mapping, in source order; keys are unique

  bool isNull() const { return K == Kind::Null; }
  bool isScalar() const { return K == Kind::Scalar; }
  bool isSequence() const { return K == Kind::Sequence; }
  bool isMapping() const { return K == Kind::Mapping; }

  /// The entry with key Key in a mapping, or null.
  const YAMLEntry *find(llvm::StringRef Key) const;

  /// For messages: "'abc'" for a scalar, "a sequence", "a mapping" or
  /// "an empty value".
  std::string describe() const;
};

struct YAMLEntry {
  YAMLNode Key; // always a scalar
  YAMLNode Value;
  llvm::StringRef key() const { return Key.Value; }
};

/// Parses buffer BufferID of SM (one file) into a tree. The file must hold at
/// most one YAML document; an empty file gives a Null node. YAML syntax
/// errors, duplicate keys in a mapping, non-scalar keys and unknown aliases
/// are returned as one located UserError; nothing is printed.
llvm::Expected<YAMLNode> parseYAMLBuffer(llvm::SourceMgr &SM, unsigned BufferID);

/// Prints the value of a key or sequence item as block-style YAML. The caller
/// has already written "key:" or "-" at column Indent-2; this writes the rest
/// of the line (" value" or nothing) and any nested lines indented by Indent.
/// Re-parsing the text gives the same tree (up to style and comments).
void printYAMLValue(llvm::raw_ostream &OS, const YAMLNode &N, unsigned Indent);

/// A scalar as YAML text: plain when that reads back unchanged, otherwise
/// double-quoted.
std::string quoteYAMLScalar(llvm::StringRef Value);

//===----------------------------------------------------------------------===//
// Typed accessors. `What` names the value in messages, e.g. "'sections'" or
// "'VMA' of section '1'".
//===----------------------------------------------------------------------===//

llvm::Error expectMapping(const llvm::SourceMgr &SM, const YAMLNode &N,
                          const llvm::Twine &What);
llvm::Error expectSequence(const llvm::SourceMgr &SM, const YAMLNode &N,
                           const llvm::Twine &What);
llvm::Error expectScalar(const llvm::SourceMgr &SM, const YAMLNode &N,
                         const llvm::Twine &What);

/// Unsigned 64-bit integer: decimal, 0x hex, 0o octal or 0b binary. A
/// leading zero on a decimal number ("010") is rejected as ambiguous.
llvm::Expected<uint64_t> parseUnsigned(const llvm::SourceMgr &SM,
                                       const YAMLNode &N,
                                       const llvm::Twine &What);
/// Signed 64-bit integer: as parseUnsigned with an optional leading '-'.
llvm::Expected<int64_t> parseSigned(const llvm::SourceMgr &SM,
                                    const YAMLNode &N, const llvm::Twine &What);
/// Finite decimal number: "1", "1.0", ".5", "-2", "1e-3".
llvm::Expected<double> parseDouble(const llvm::SourceMgr &SM, const YAMLNode &N,
                                   const llvm::Twine &What);
/// true/false (YAML 1.1 spellings such as yes/no/on/off are accepted too).
llvm::Expected<bool> parseBool(const llvm::SourceMgr &SM, const YAMLNode &N,
                               const llvm::Twine &What);

/// Reports the first key of mapping N that is not in Allowed, suggesting the
/// closest allowed key when one is near.
llvm::Error checkAllowedKeys(const llvm::SourceMgr &SM, const YAMLNode &N,
                             llvm::ArrayRef<llvm::StringRef> Allowed,
                             const llvm::Twine &What);

/// " (did you mean 'X'?)" when Word is a near miss of one of Candidates,
/// otherwise "".
std::string suggestClosest(llvm::StringRef Word,
                           llvm::ArrayRef<llvm::StringRef> Candidates);

/// One UserError holding an error at Loc followed by a note at NoteLoc, both
/// with their source lines (used for "defined twice" style problems).
llvm::Error makeErrorWithNote(const llvm::SourceMgr &SM, llvm::SMLoc Loc,
                              const llvm::Twine &Msg, llvm::SMLoc NoteLoc,
                              const llvm::Twine &NoteMsg);

} // namespace snipgen

#endif
