//===- MemorySectionDump.h - -dump-memory-section ---------------*- C++ -*-===//
//
// llvm-snippy's -dump-memory-section=sel,... and -memory-section-file=F
// (default mem_state.bin): after the model run, the bytes of the selected
// memory ranges are written to F, raw, in address order (duplicates once).
// A selector is a section name, `{rw}`-style access (every section whose
// ACCESS is exactly that), or `{0xBEGIN-0xEND}` (END exclusive). An unknown
// section name is an error; the dump needs a model. With
// -dump-memory-as-ascii each range is a text block instead (MemoryAscii.h):
// "Section {name}:" for a section, "Range {0xB-0xE}:" for an address range.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_MEMORYSECTIONDUMP_H
#define SNIPGEN_TOOLS_SNIPGEN_MEMORYSECTIONDUMP_H

#include "snipgen/Generator/MemoryCheck.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace snipgen {

class OptionTable;
struct Layout;

struct MemoryDumpRange {
  uint64_t Begin = 0, End = 0; // [Begin, End)
  std::string Name;            // section name, or the range "0xB-0xE"
  bool IsSection = true;
  bool operator<(const MemoryDumpRange &O) const {
    return Begin != O.Begin ? Begin < O.Begin : End < O.End;
  }
};

/// The ranges -dump-memory-section selects (empty when not given).
llvm::Expected<std::vector<MemoryDumpRange>>
memoryDumpRanges(const Layout &L, const OptionTable &Opts);

/// Reads the ranges from the model when the run ends.
class MemorySectionDumper final : public RunCheck {
public:
  MemorySectionDumper(std::vector<MemoryDumpRange> Ranges, bool Ascii)
      : Ranges(std::move(Ranges)), Ascii(Ascii) {}
  bool wantsEvents() const override { return false; }
  void onRunEnd(ModelHandle &M, const snipgen_model_stop_info &) override;
  llvm::Error verdict() override;
  /// The file contents: the ranges' bytes in order.
  std::string &contents() { return Data; }

private:
  std::vector<MemoryDumpRange> Ranges;
  bool Ascii;
  std::string Data;
  std::string Failure;
};

} // namespace snipgen

#endif
