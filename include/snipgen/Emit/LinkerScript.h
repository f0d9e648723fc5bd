//===- LinkerScript.h - The generated linker script and options -*- C++ -*-===//
//
// The manual's "Generated Linker Script": one MEMORY region spanning all
// sections, then each output section at its VMA (sorted by address), RW data
// sections NOLOAD, optional PHDRS. The .ldargs file holds the extra linker
// options needed to reproduce the image snipgen links itself.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_EMIT_LINKERSCRIPT_H
#define SNIPGEN_EMIT_LINKERSCRIPT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace snipgen {

struct Layout;
struct SectionDesc;

/// The script marks the section NOLOAD: a writable data section without
/// initial contents (ld.lld then keeps no file bytes for it).
bool isNoLoadSection(const SectionDesc &S);

struct LinkerScriptOptions {
  std::string SectionsPrefix = ".snippy";
  /// The MEMORY region (SNIPPY_<entry> with -mangle-exported-names).
  std::string MemoryRegion = "SNIPPY";
  bool DefinePhdrs = false;
  /// Room after the last section for what the linker adds itself (the
  /// dynamic section, symbol and string tables of a shared object).
  uint64_t LinkerReserve = 0;
};

std::string generateLinkerScript(const Layout &L,
                                 const LinkerScriptOptions &Opts);

/// Extra options for ld (one per line) beyond `-T script obj -o out`:
/// --no-relax with -disable-linker-relaxations (the manual's "Generated
/// Linker Options File").
std::string generateLinkerArgs(const Layout &L, bool NoRelax);

enum class LinkKind { Executable, Shared };

/// Runs ld.lld-22 on Object (bytes) with Script; writes the result to
/// OutPath. Errors carry the linker's own message.
llvm::Error linkWithLLD(llvm::StringRef Object, llvm::StringRef Script,
                        llvm::StringRef ExtraArgs, llvm::StringRef Entry,
                        llvm::StringRef LLDDir, LinkKind Kind,
                        llvm::StringRef OutPath);

/// Path of ld.lld from LLVM 22 (PATH first, then /usr/lib/llvm-22/bin), or
/// ld.lld in LLDDir when given (llvm-snippy's -lld-dir).
llvm::Expected<std::string> findLLD(llvm::StringRef LLDDir = "");

} // namespace snipgen

#endif
