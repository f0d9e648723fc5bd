//===- OutputFiles.h - All-or-nothing output files --------------*- C++ -*-===//
//
// A run either writes all its outputs or none. Outputs are collected in
// memory (or produced under temporary names) and only renamed into place by
// commit(), after every step succeeded. A run that fails leaves nothing.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_SUPPORT_OUTPUTFILES_H
#define SNIPGEN_SUPPORT_OUTPUTFILES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace snipgen {

class OutputFiles {
public:
  ~OutputFiles();

  /// Queues Contents to be written to Path on commit().
  void add(llvm::StringRef Path, std::string Contents);

  /// Returns a fresh temporary path next to Path; a tool (e.g. the linker)
  /// writes it, and commit() renames it to Path.
  llvm::Expected<std::string> reserveTemporary(llvm::StringRef Path);

  /// Writes every queued file to a temporary name, then renames all of them.
  /// On failure, removes whatever it already put in place.
  llvm::Error commit();

  /// Removes temporaries; called automatically unless commit() succeeded.
  void discard();

  const std::vector<std::string> &committedPaths() const { return Committed; }

  /// Refuses an output path that would destroy something: an existing
  /// directory, FIFO, device or other non-regular file, or a file this run
  /// read as input. A path that does not exist yet is fine.
  static llvm::Error checkPath(llvm::StringRef Path);

private:
  struct Pending {
    std::string Path;
    std::string Contents;
    std::string TempPath; // non-empty: produced externally at this path
  };
  std::vector<Pending> Files;
  std::vector<std::string> Committed;
};

} // namespace snipgen

#endif
