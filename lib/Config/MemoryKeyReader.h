//===- MemoryKeyReader.h - Typed reads of one memory-key mapping -*- C++ -*-===//
//
// Private to lib/Config. The memory keys (access-ranges, access-evictions,
// access-addresses, access-groups, restricted-addresses, burst) are lists of
// small mappings with required and optional numeric fields. MappingReader
// names the mapping once ("access range") and turns every problem into one
// located error that says which key, the bad value and what is allowed.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_CONFIG_MEMORYKEYREADER_H
#define SNIPGEN_LIB_CONFIG_MEMORYKEYREADER_H

#include "YAMLTree.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>

namespace snipgen {

class MappingReader {
public:
  /// Checks that Node is a mapping with only Allowed keys.
  static llvm::Expected<MappingReader>
  open(const llvm::SourceMgr &SM, const YAMLNode &Node, const llvm::Twine &What,
       llvm::ArrayRef<llvm::StringRef> Allowed, llvm::StringRef RequiredHint);

  const YAMLEntry *find(llvm::StringRef Key) const { return Node->find(Key); }
  llvm::Expected<const YAMLEntry *> require(llvm::StringRef Key) const;
  llvm::Expected<uint64_t> requireUnsigned(llvm::StringRef Key) const;
  llvm::Expected<std::optional<uint64_t>>
  optionalUnsigned(llvm::StringRef Key) const;
  /// A positive number; zero is rejected with "must be greater than 0".
  llvm::Expected<std::optional<uint64_t>>
  optionalPositive(llvm::StringRef Key) const;
  llvm::Expected<uint64_t> requirePositive(llvm::StringRef Key) const;
  /// A non-negative `weight` (default 1).
  llvm::Expected<double> weight() const;
  llvm::Expected<std::optional<bool>> optionalBool(llvm::StringRef Key) const;

  /// An error located at the value of Key (or at the mapping if absent).
  llvm::Error errorAt(llvm::StringRef Key, const llvm::Twine &Msg) const;
  llvm::SMLoc loc() const { return Node->Loc; }
  const std::string &what() const { return What; }
  const llvm::SourceMgr &sm() const { return *SM; }

private:
  MappingReader(const llvm::SourceMgr &SM, const YAMLNode &Node,
                std::string What, std::string Hint)
      : SM(&SM), Node(&Node), What(std::move(What)), Hint(std::move(Hint)) {}
  std::string keyWhat(llvm::StringRef Key) const;
  const llvm::SourceMgr *SM;
  const YAMLNode *Node;
  std::string What; // "an access range", "restricted address"
  std::string Hint; // which keys are required
};

/// "0x1F" for messages.
std::string hexValue(uint64_t V);

/// Reads a key whose value is a (possibly empty) sequence; null counts as
/// empty. Calls Item for every element.
llvm::Error forEachItem(const llvm::SourceMgr &SM, const YAMLEntry &Entry,
                        const llvm::Twine &What,
                        llvm::function_ref<llvm::Error(const YAMLNode &)> Item);

} // namespace snipgen

#endif
