//===- Layout.h - The merged YAML layout -------------------------*- C++ -*-===//
//
// A layout is one or more YAML files (plus their `include`s) merged into one
// set of top-level keys; each top-level key may appear only once across all
// files, except `options` (see below). Parsing keeps source locations so every
// later check can point at the offending YAML (file:line:col).
//
// `options` precedence (manual, "Options" chapter):
//   * options in the files given on the command line beat options in
//     included files; among command-line files the first one that has an
//     `options` key wins (later ones are reported and ignored);
//   * options from included files are merged; the same option in two
//     included files is an error;
//   * an option may not be given both on the command line and in YAML.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_CONFIG_LAYOUT_H
#define SNIPGEN_CONFIG_LAYOUT_H

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
  uint64_t LMA = 0;
  SectionAccess Access;
  std::string Phdr;       // optional PHDR name
  llvm::SMLoc Loc;        // the section's mapping in the layout
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
  std::vector<std::string> Values; // one for scalars; sequences give several
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

  /// The merged layout as YAML text, with includes resolved (for -E).
  std::string Preprocessed;
};

struct LayoutLoadOptions {
  std::vector<std::string> IncludeDirs;    // --layout-include-dir
};

/// Reads, merges and validates the layout files. Reports syntax errors,
/// unknown/duplicate keys, wrong value types, bad numbers, missing includes,
/// overlapping sections, missing rx/rw sections and empty histograms.
/// Warnings (e.g. options ignored by precedence) go through Warnings.
llvm::Expected<Layout> loadLayout(llvm::ArrayRef<std::string> Files,
                                  const LayoutLoadOptions &LoadOpts,
                                  WarningEngine &Warnings);

/// Applies Layout.Options to the option table (after the command line was
/// parsed), reporting conflicts with the command line at their YAML location.
llvm::Error applyLayoutOptions(const Layout &L, OptionTable &Opts);

} // namespace snipgen

#endif
