//===- LayoutKeys.h - Handlers for the layout's top-level keys ---*- C++ -*-===//
//
// Private to lib/Config. Every content key of a layout (sections, histogram,
// and later access-ranges, branches, call-graph, ...) is one entry in the
// table returned by topLevelKeyHandlers(). The loader (LayoutLoader.cpp)
// takes care of everything common to all keys: reading files, `include`,
// `options`, "each key at most once across all files" and -E. A handler only
// reads its own key's value into the Layout.
//
// Adding a key: write <Name>Key.cpp with a parse function (and, if the key is
// mandatory or must be checked against other keys, a finish function),
// declare them below and add one line to the table in LayoutKeys.cpp.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_CONFIG_LAYOUTKEYS_H
#define SNIPGEN_LIB_CONFIG_LAYOUTKEYS_H

#include "YAMLTree.h"
#include "snipgen/Config/Layout.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace snipgen {

class WarningEngine;

/// What a handler may use while the layout is being built.
struct LayoutBuildContext {
  Layout &L;
  WarningEngine &Warnings;
  /// -plugin-info-file on the command line: a generator plugin supplies the
  /// histogram, so the layout need not have one.
  bool HistogramFromPlugin = false;
  const llvm::SourceMgr &sm() const { return *L.SM; }
};

struct TopLevelKeyHandler {
  llvm::StringLiteral Name;
  /// Reads the key's value into Ctx.L. Called once: a top-level key appears
  /// at most once across all layout files.
  llvm::Error (*Parse)(const YAMLEntry &Entry, LayoutBuildContext &Ctx);
  /// Called after all files are merged, in table order, also when the key is
  /// absent (Entry == nullptr): reports a missing mandatory key, or checks the
  /// key against others. May be null.
  llvm::Error (*Finish)(const YAMLEntry *Entry, LayoutBuildContext &Ctx);
};

llvm::ArrayRef<TopLevelKeyHandler> topLevelKeyHandlers();

// sections (SectionsKey.cpp)
llvm::Error parseSectionsKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);
llvm::Error finishSectionsKey(const YAMLEntry *Entry, LayoutBuildContext &Ctx);

// histogram (HistogramKey.cpp)
llvm::Error parseHistogramKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);
llvm::Error finishHistogramKey(const YAMLEntry *Entry, LayoutBuildContext &Ctx);

// access-ranges, access-evictions, access-addresses, access-groups,
// restricted-addresses (MemorySchemeKeys.cpp)
llvm::Error parseAccessSchemeKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);
llvm::Error parseAccessGroupsKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);
llvm::Error parseRestrictedAddressesKey(const YAMLEntry &Entry,
                                        LayoutBuildContext &Ctx);

// burst (BurstKey.cpp)
llvm::Error parseBurstKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);

// branches (BranchesKey.cpp), call-graph (CallGraphKey.cpp)
llvm::Error parseBranchesKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);
llvm::Error parseCallGraphKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);

// function-layers, function-number, num-instr-ancil as top-level keys, as in
// the manual's layout-calls.yml (OptionShorthandKeys.cpp)
llvm::Error parseOptionShorthandKey(const YAMLEntry &Entry,
                                    LayoutBuildContext &Ctx);
llvm::Error finishOptionShorthandKey(const YAMLEntry *Entry,
                                     LayoutBuildContext &Ctx);

// register-reservation (RegisterReservationKey.cpp), histograms
// (ValuegramKeys.cpp), imm-hist (ImmHistKey.cpp), operands-reinitialization
// (OperandsReinitKey.cpp), fpu-config (FPUConfigKey.cpp)
llvm::Error parseRegisterReservationKey(const YAMLEntry &Entry,
                                        LayoutBuildContext &Ctx);
llvm::Error parseHistogramsKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);
llvm::Error parseImmHistKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);
llvm::Error parseOperandsReinitKey(const YAMLEntry &Entry,
                                   LayoutBuildContext &Ctx);
llvm::Error parseFPUConfigKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);

// riscv-vector-unit (VectorUnitKey.cpp)
llvm::Error parseVectorUnitKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);

//===----------------------------------------------------------------------===//
// `options` (OptionsKey.cpp). Not a table entry: it may appear in several
// files and is merged by precedence (see Config/Layout.h).
//===----------------------------------------------------------------------===//

/// One parsed `options` mapping entry plus its value node (for -E).
struct ParsedOption {
  LayoutOption Option;
  const YAMLNode *ValueNode = nullptr;
};

/// Reads an `options` mapping. Option names must exist in the option table.
/// Values: a scalar (one item), a sequence of scalars (several items) or
/// empty (one empty item, like a bare command-line flag).
llvm::Error parseOptionsKey(const YAMLEntry &Entry, const llvm::SourceMgr &SM,
                            bool FromInclude, std::vector<ParsedOption> &Out);

/// Adds the options of one included file to those of earlier included files.
/// The same option in two included files is an error, and so is
/// layout-include-dir (include search must be fixed before includes are read).
llvm::Error addIncludedOptions(std::vector<ParsedOption> &Included,
                               std::vector<ParsedOption> New,
                               const llvm::SourceMgr &SM);

/// Main-file options first (they win), then included options not given in
/// the main file, in load order.
std::vector<ParsedOption> mergeOptions(std::vector<ParsedOption> Main,
                                       std::vector<ParsedOption> Included);

// smcgram, code-layout (SelfModifyingCodeKeys.cpp)
llvm::Error parseSMCGramKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);
llvm::Error finishSMCGramKey(const YAMLEntry *Entry, LayoutBuildContext &Ctx);
llvm::Error parseCodeLayoutKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx);

} // namespace snipgen

#endif
