//===- VectorConfigs.h - vtype and vl after every VSET* ---------*- C++ -*-===//
//
// -dump-vector-configs: after every retired vsetvli / vsetivli / vsetvl the
// observer reads the model's vtype and vl CSRs and counts each (vtype, vl)
// pair. text() has one line per pair, sorted by vtype then vl:
//   0x<vtype> <vl> <count> <e8..e64> <mf8..m8> <ta|tu> <ma|mu>
// or, when vtype.vill is set, "0x<vtype> 0 <count> vill". snipgen-campaign
// reads it for the RVV SEW x LMUL x VL coverage.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_OBSERVERS_VECTORCONFIGS_H
#define SNIPGEN_OBSERVERS_VECTORCONFIGS_H

#include "snipgen/Model/Runner.h"
#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace snipgen {

class VectorConfigCounter : public ModelObserver {
public:
  void onRunStart(ModelHandle &M) override { Model = &M; }
  void onRetire(uint64_t PC, uint32_t Encoding, uint32_t Size,
                uint64_t NextPC) override;

  /// Executed VSET* instructions, by (vtype, vl) after them.
  const std::map<std::pair<uint64_t, uint64_t>, uint64_t> &counts() const {
    return Counts;
  }
  std::string text() const;
  /// "e32 m2 ta mu", or "vill" (any bit above the vtype fields).
  static std::string describe(uint64_t VType);

private:
  ModelHandle *Model = nullptr;
  std::map<std::pair<uint64_t, uint64_t>, uint64_t> Counts;
};

} // namespace snipgen

#endif
