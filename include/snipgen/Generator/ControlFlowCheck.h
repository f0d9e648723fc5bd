//===- ControlFlowCheck.h - Proving loops and calls on the model -*- C++ -*-===//
//
// A model observer that checks the control flow generation planned, while
// the snippet runs:
//   * every time a loop exits, its body ran exactly the planned number of
//     iterations (counted at the loop start, where the back edge lands);
//   * every call returns to the instruction after it (a shadow stack of
//     return addresses), and no call is left open at the end.
// The first violation is kept; verdict() reports it.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_CONTROLFLOWCHECK_H
#define SNIPGEN_GENERATOR_CONTROLFLOWCHECK_H

#include "snipgen/Generator/MemoryCheck.h"
#include "snipgen/Generator/Program.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace snipgen {

class ControlFlowCheck final : public RunCheck {
public:
  explicit ControlFlowCheck(const ControlFlowMap &Map);
  bool wantsEvents() const override { return !At.empty(); }
  void onRetire(uint64_t PC, uint32_t Encoding, uint32_t Size,
                uint64_t NextPC) override;
  llvm::Error verdict() override;

  uint64_t loopsChecked() const { return LoopExits; }
  uint64_t callsChecked() const { return Returns; }
  /// Iterations of every loop exit seen, by loop (for tests).
  const std::vector<std::vector<uint64_t>> &iterations() const { return Seen; }

private:
  enum class Kind : uint8_t { LoopStart, LatchInstr, CallLink, Return };
  struct Action {
    Kind K;
    unsigned Index;
  };
  void fail(const std::string &Msg);

  const ControlFlowMap &Map;
  llvm::DenseMap<uint64_t, llvm::SmallVector<Action, 2>> At;
  std::vector<uint64_t> Count;
  std::vector<std::vector<uint64_t>> Seen;
  std::vector<uint64_t> Shadow;
  uint64_t LoopExits = 0, Returns = 0;
  std::string Problem;
};

} // namespace snipgen

#endif
