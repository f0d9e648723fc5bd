//===- DiskCache.h - Files that keep start-up work between runs -*- C++ -*-===//
//
// What start-up learns from LLVM (the ISA catalogue, the model's decode
// templates) depends only on LLVM and snipgen's own binaries, so it is kept
// on disk and read back by later runs:
//
// * Where: $SNIPGEN_CACHE_DIR, else $XDG_CACHE_HOME/snipgen, else
//   $HOME/.cache/snipgen. SNIPGEN_CACHE=off turns every cache off.
// * Keys hold diskCacheIdentity(): LLVM's version and the identity (path,
//   size, modification time) of the running executable and of the loaded
//   libLLVM, so a rebuilt tool or an updated LLVM never reads an old file.
//   A file is named by its key's hash and holds the whole key; its reader
//   checks it, and a checksum, and falls back to the work itself.
// * Files are written to a temporary name and renamed: concurrent runs never
//   see half a file. A cache that cannot be written is no error.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_SUPPORT_DISKCACHE_H
#define SNIPGEN_SUPPORT_DISKCACHE_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace snipgen {

/// "llvm <version>\nexe <identity>\nlibllvm <identity>\n".
std::string diskCacheIdentity();

/// The file for Key, named "<Prefix>-<hash of Key>.bin" in the cache
/// directory; "" when the cache is off or there is no directory.
std::string diskCachePath(llvm::StringRef Prefix, llvm::StringRef Key);

/// Writes Data to Path through a temporary file and a rename; false when it
/// could not (nothing is left behind).
bool writeDiskCacheFile(llvm::StringRef Path, llvm::StringRef Data);

/// Appends the checksum of Out's bytes (8 bytes): catches damaged files.
void appendDiskCacheChecksum(std::string &Out);

/// Drops Data's checksum trailer; false when it is missing or wrong.
bool dropDiskCacheChecksum(llvm::StringRef &Data);

} // namespace snipgen

#endif
