#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/MemoryScheme.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"

namespace snipgen {

namespace {
// Counts what passes through, to report ancillary instructions.
class CountingSink final : public InstSink {
public:
  CountingSink(InstSink &Out, uint64_t &N) : Out(Out), N(N) {}
  void emit(const llvm::MCInst &I) override {
    ++N;
    Out.emit(I);
  }

private:
  InstSink &Out;
  uint64_t &N;
};
} // namespace

bool MemoryPlanner::admits(unsigned Size, unsigned Align) const {
  return Scheme.admits(Size, Align);
}

uint64_t MemoryPlanner::place(const MemoryAccess &A, InstSink &Out,
                              RandomEngine &RNG) {
  uint64_t Addr = *Scheme.chooseAddress(A.Size, A.Align, RNG);
  uint64_t BaseValue = Addr - (uint64_t)A.Offset;
  if (Env.selection().XLen == 32)
    BaseValue &= 0xffffffffu;
  CountingSink Counted(Out, Ancillary);
  Target.materializeValue(Env, A.BaseReg, BaseValue, Counted);
  return Addr;
}

} // namespace snipgen
