//===- ValuegramKeys.cpp - The `histograms` key (initial valuegrams) ------===//
//
//   histograms:
//     - reg-type: X
//       values:
//         - [0xffff, 1.0]
//         - [bitpattern, 1.0]
//         - type: bitrange
//           min: 0x8000000000000001
//           max: 0x800fffffffffffff
//
// The valuegrams the initial register values are drawn from (written by the
// -init-regs-in-elf code, and the model's initial state). The same list may
// come from a file given with --initial-regs-yaml, but not both.
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "ValuegramReader.h"
#include "snipgen/Support/Error.h"

using namespace llvm;

namespace snipgen {

Error parseHistogramsKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  RegisterValueSource Source;
  if (Error E = readRegisterHistograms(Ctx.sm(), Entry.Value, Source.Histograms))
    return E;
  if (Source.Histograms.empty())
    return makeError(Ctx.sm(), Entry.Key.Loc,
                     "'histograms' needs at least one {reg-type, values} entry");
  Ctx.L.Values.InitialValuegrams = std::move(Source);
  return Error::success();
}

} // namespace snipgen
