//===- MemoryCheck.h - Proving every access on the model --------*- C++ -*-===//
//
// A model observer that checks, for every executed load, store and AMO that
// generation recorded (MemoryAccessRecord), that:
//   * it accesses exactly the address and size generation planned,
//   * the address has the alignment its scheme required,
//   * the scheme recorded for it allows the access,
//   * all its bytes lie in an RW section and in no restricted address.
// Instructions that generation did not record (stack spills of the
// control-flow code, ...) must stay out of the memory the schemes use and
// out of the restricted addresses. The first violation stops the run;
// verdict() reports it.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_MEMORYCHECK_H
#define SNIPGEN_GENERATOR_MEMORYCHECK_H

#include <functional>

#include "snipgen/Model/Runner.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace snipgen {

class MCEnvironment;
class MemorySchemeSet;
struct MemoryAccessRecord;
struct Program;

/// An observer whose verdict can fail a model run.
class RunCheck : public ModelObserver {
public:
  /// Called once the image is loaded, before the run.
  virtual llvm::Error prepare(const ElfImage &Image) {
    return llvm::Error::success();
  }
  /// After the run: the first violation, if any.
  virtual llvm::Error verdict() = 0;
};

class MemoryAccessCheck final : public RunCheck {
public:
  MemoryAccessCheck(const Program &P, MemorySchemeSet &Schemes);
  llvm::Error prepare(const ElfImage &Image) override;
  void onRunStart(ModelHandle &M) override { Model = &M; }
  void onMemAccess(uint64_t Addr, uint32_t Size, uint64_t Value,
                   bool IsWrite) override;
  void onRetire(uint64_t PC, uint32_t Encoding, uint32_t Size,
                uint64_t NextPC) override;
  void onTrap(uint64_t PC, uint32_t Cause, uint64_t Tval) override {
    Pending.clear();
  }
  llvm::Error verdict() override;
  /// -init-memory=runtime: until the first recorded access retires, an
  /// unrecorded store for which IsInit(address, size, value) holds is the
  /// snippet's memory initialisation, not a violation.
  using InitStorePredicate =
      std::function<bool(uint64_t Addr, uint32_t Size, uint64_t Value)>;
  void allowInitialStores(InitStorePredicate IsInit) {
    IsInitStore = std::move(IsInit);
  }
  uint64_t checkedAccesses() const { return Checked; }
  uint64_t violations() const { return Violations; }

private:
  struct Seen {
    uint64_t Addr;
    uint32_t Size;
    bool IsWrite;
    uint64_t Value;
  };
  std::string problem(const MemoryAccessRecord &R, const Seen &S) const;
  const Program &P;
  MemorySchemeSet &Schemes;
  ModelHandle *Model = nullptr;
  llvm::DenseMap<uint64_t, const MemoryAccessRecord *> ByPC;
  std::vector<Seen> Pending;
  uint64_t Checked = 0, Violations = 0;
  std::string First;
  InitStorePredicate IsInitStore;
  bool RecordedSeen = false;
};

} // namespace snipgen

#endif
