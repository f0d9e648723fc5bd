//===- ValuegramReader.h - Reading values and valuegrams --------*- C++ -*-===//
//
// Private to lib/Config. The value syntax shared by `histograms`,
// --valuegram-operands-regs files, operands-reinitialization and
// fpu-config (see Config/ValueConfig.h), read from the located YAML tree so
// every error points at the offending value.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_CONFIG_VALUEGRAMREADER_H
#define SNIPGEN_LIB_CONFIG_VALUEGRAMREADER_H

#include "YAMLTree.h"
#include "snipgen/Config/ValueConfig.h"

namespace snipgen {

/// A scalar value (see parseNumericLiteral), located.
llvm::Expected<NumericLiteral> readNumericLiteral(const llvm::SourceMgr &SM,
                                                  const YAMLNode &N,
                                                  const llvm::Twine &What);

/// A non-negative weight.
llvm::Expected<double> readWeight(const llvm::SourceMgr &SM, const YAMLNode &N,
                                  const llvm::Twine &What);

/// A valuegram: a non-empty sequence of [value|uniform|bitpattern, weight]
/// pairs and {type: ...} mappings.
llvm::Expected<Valuegram> readValuegram(const llvm::SourceMgr &SM,
                                        const YAMLNode &N,
                                        const llvm::Twine &What);

/// `histograms:` - a sequence of {reg-type: X|F, values: <valuegram>}.
llvm::Error readRegisterHistograms(const llvm::SourceMgr &SM,
                                   const YAMLNode &N,
                                   std::vector<RegisterClassValuegram> &Out);

/// A mapping with exactly one entry (`- "ADDI": ...`), as used by per-opcode
/// lists; What names the list in messages.
llvm::Expected<const YAMLEntry *> readSingleEntry(const llvm::SourceMgr &SM,
                                                  const YAMLNode &N,
                                                  const llvm::Twine &What);

/// Checks that Pattern is a valid regular expression (it is matched against
/// whole names later).
llvm::Error checkRegex(const llvm::SourceMgr &SM, const YAMLNode &N);

} // namespace snipgen

#endif
