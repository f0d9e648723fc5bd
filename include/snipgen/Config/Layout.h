//===- Layout.h - The merged YAML layout -------------------------*- C++ -*-===//
//
// A layout is one or more YAML files (plus their `include`s) merged into one
// set of top-level keys; each top-level key may appear only once across all
// files, except `options` (see below) and `include`. Parsing keeps source
// locations so every later check can point at the offending YAML
// (file:line:col).
//
// `options` precedence (manual, "Options" chapter):
//   * options in the files given on the command line beat options in
//     included files; among command-line files the first one that has an
//     `options` key wins (later ones are reported and ignored);
//   * options from included files are merged; the same option in two
//     included files is an error;
//   * an option may not be given both on the command line and in YAML.
//
// `include` (a sequence of paths; includes may nest):
//   * a relative path is looked up next to the including file, then in each
//     --layout-include-dir directory in command-line order, then in each
//     `layout-include-dir` of the winning main file's `options` (relative
//     entries there are relative to that file, like include paths);
//   * `layout-include-dir` in an included file's `options` is an error: the
//     search path must be fixed before any include is read. (Main files are
//     all read first, then includes depth-first in written order, main file
//     by main file.)
//   * a file may be part of the layout only once: an include cycle, a file
//     included twice or a main file that is also included is an error.
//
// `sections` needs an executable section (ACCESS rx or rwx) for code and an
// rw section for data; rwx counts for code only. Sections may not overlap
// (by VMA) or share a name.
//
// -E (Layout::Preprocessed): the content keys in load order, then the merged
// `options`; `include` is dropped. Values are re-printed in block style with
// their original quoting (comments are not kept; each key is preceded by a
// "# from <file>" comment). Loading the text again gives the same layout.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_CONFIG_LAYOUT_H
#define SNIPGEN_CONFIG_LAYOUT_H

#include "snipgen/Config/ControlFlowConfig.h"
#include "snipgen/Config/MemoryConfig.h"
#include "snipgen/Config/SelfModifyingConfig.h"
#include "snipgen/Config/ValueConfig.h"
#include "snipgen/Config/VectorUnitConfig.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace snipgen {

class OptionTable;
class WarningEngine;

struct SectionAccess {
  bool R = false, W = false, X = false;
  std::string str() const; // "r", "rw", "rx", "rwx"
};

struct SectionDesc {
  std::string Name;       // `name` (or deprecated `no`), as written
  uint64_t VMA = 0;
  uint64_t Size = 0;
  uint64_t LMA = 0;       // defaults to VMA when not given
  SectionAccess Access;
  std::string Phdr;       // optional PHDR name
  llvm::SMLoc Loc;        // the section's mapping in the layout
  /// An rw section whose initial contents are in the file (PROGBITS, not
  /// NOLOAD): the selfcheck section's etalons (Generator/SelfCheck.h).
  bool Loaded = false;
  /// Initial contents of a writable data section (-init-memory); empty: the
  /// section starts zeroed (NOLOAD). Otherwise exactly Size bytes.
  std::vector<uint8_t> InitialContents;
  /// What the snippet's own code writes into the section before its first
  /// primary instruction (-init-memory=runtime): not in the ELF, but the
  /// lockstep model starts with it. Empty or exactly Size bytes.
  std::vector<uint8_t> RuntimeContents;
  uint64_t end() const { return VMA + Size; }
};

struct HistogramEntry {
  std::string Pattern;    // opcode name or regex (whole-name match)
  double Weight = 0.0;
  llvm::SMLoc Loc;        // the pattern scalar
};

/// One `name: value` under an `options` key, before it is applied.
struct LayoutOption {
  std::string Name;
  llvm::SMLoc NameLoc;
  /// One for scalars; sequences give several; an empty value (`flag:`)
  /// gives one empty string, like a bare command-line flag.
  std::vector<std::string> Values;
  std::vector<llvm::SMLoc> ValueLocs;
  bool FromInclude = false;
};

struct Layout {
  /// Owns every file buffer; all SMLocs point into it.
  std::shared_ptr<llvm::SourceMgr> SM;
  /// Files on the command line, then included files, in load order.
  std::vector<std::string> Files;

  std::vector<SectionDesc> Sections;   // in layout order
  std::vector<HistogramEntry> Histogram;
  llvm::SMLoc HistogramLoc;
  std::vector<LayoutOption> Options;   // after the precedence rules above
  MemoryConfig Memory;                 // access-*, restricted-addresses, burst
  ControlFlowConfig ControlFlow;       // branches, call-graph
  ValueConfig Values;                  // register-reservation, histograms,
                                       // imm-hist, operands-reinitialization,
                                       // fpu-config
  std::optional<VectorUnitConfig> VectorUnit; // riscv-vector-unit
  SelfModifyingConfig SMC;             // smcgram, code-layout

  /// The merged layout as YAML text, with includes resolved (for -E).
  std::string Preprocessed;
};

/// The section that holds the code: as in llvm-snippy, the executable (rx)
/// section with the lowest VMA (not the first in layout order; section
/// names and the entry point play no part). Sections.size() when the layout
/// has none.
inline unsigned lowestCodeSection(const Layout &L) {
  unsigned Best = static_cast<unsigned>(L.Sections.size());
  for (unsigned I = 0; I < L.Sections.size(); ++I)
    if (L.Sections[I].Access.X &&
        (Best == L.Sections.size() || L.Sections[I].VMA < L.Sections[Best].VMA))
      Best = I;
  return Best;
}

struct LayoutLoadOptions {
  std::vector<std::string> IncludeDirs;    // --layout-include-dir
  /// -plugin-info-file given: the 'histogram' key may be absent (also when
  /// the layout's own options give plugin-info-file).
  bool HistogramFromPlugin = false;
};

/// Reads, merges and validates the layout files. Reports syntax errors,
/// unknown/duplicate keys, wrong value types, bad numbers, missing includes,
/// include cycles, unknown option names, overlapping sections, missing rx/rw
/// sections and empty histograms, each as one UserError. Warnings (options
/// ignored by precedence: inconsistent-options) go through Warnings.
llvm::Expected<Layout> loadLayout(llvm::ArrayRef<std::string> Files,
                                  const LayoutLoadOptions &LoadOpts,
                                  WarningEngine &Warnings);

/// Applies Layout.Options to the option table (after the command line was
/// parsed and validated), reporting conflicts with the command line and bad
/// values at their YAML location. Stops at the first error.
llvm::Error applyLayoutOptions(const Layout &L, OptionTable &Opts);

} // namespace snipgen

#endif
