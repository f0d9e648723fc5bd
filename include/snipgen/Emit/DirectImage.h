//===- DirectImage.h - The model's image without running the linker -*- C++ -*-===//
//
// The model runs the snippet from an executable image. Linking it with
// ld.lld costs a whole second process (about as much CPU as the rest of a
// short run: libLLVM is loaded and relocated again). When the object is
// simple enough that what ld.lld would make of it is certain, the image is
// built here, in-process, from the object and the layout:
//
// * the object has no relocations and no undefined symbols, every
//   allocatable section is one layout section's output section and every
//   layout section has one, none overlaps another, every LMA equals its VMA;
// * segments as ld.lld makes them from the exec linker script
//   (generateLinkerScript with DefinePhdrs): with PHDRS, one PT_LOAD per
//   PHDR name over its sections (which must be consecutive by address), with
//   the union of their rights; without PHDR names, one PT_LOAD per run of
//   consecutive sections of equal rights (R always set), and only when the
//   first section is page-aligned (else ld.lld maps the ELF headers below
//   it); a mix of named and unnamed PHDRs goes to the linker;
// * bytes: each section's contents at its offset, zeros in between and for
//   NOLOAD / NOBITS sections, the file size ending with the last section
//   that has file contents; an empty section still extends its segment up
//   to its address, as in ld.lld;
// * symbols as ElfImage::read reads them from ld.lld's output; the entry is
//   the --entry symbol, which must be a defined global.
//
// Anything else returns std::nullopt and the caller links with ld.lld as
// before. SNIPGEN_DIRECT_IMAGE=off always links; =check builds both and
// fails loudly when they differ (the test suite runs with it).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_EMIT_DIRECTIMAGE_H
#define SNIPGEN_EMIT_DIRECTIMAGE_H

#include "snipgen/Model/Runner.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace snipgen {

struct Layout;

/// The image ld.lld links from Object with the exec linker script of L
/// (sections named with SectionsPrefix), ExtraArgs (the .ldargs lines) and
/// --entry=Entry; std::nullopt when that is not certain (see above), with
/// the condition that failed in *WhyNot.
std::optional<ElfImage> buildImageDirectly(llvm::StringRef Object,
                                           const Layout &L,
                                           llvm::StringRef SectionsPrefix,
                                           llvm::StringRef ExtraArgs,
                                           llvm::StringRef Entry,
                                           std::string *WhyNot = nullptr);

/// "" when A and B are the same image, else what differs first.
std::string describeImageDifference(const ElfImage &A, const ElfImage &B);

} // namespace snipgen

#endif
