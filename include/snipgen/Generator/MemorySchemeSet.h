//===- MemorySchemeSet.h - All memory schemes of a layout --------*- C++ -*-===//
//
// Built once from the layout's memory keys: access-groups are flattened (a
// group's weight multiplies its children's), every scheme is clipped to the
// allowed memory (RW sections minus restricted-addresses), schemes that reach
// outside every RW section get the manual's `memory-access` warning, and on
// RV32 sections and schemes beyond the 32-bit address space are errors.
// Without any access-* key the one scheme is the default: anywhere in the RW
// sections, naturally aligned.
//
// Scheme ids (indices) are stable for a layout: generation records them per
// memory instruction and the model check uses them to prove every access.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_MEMORYSCHEMESET_H
#define SNIPGEN_GENERATOR_MEMORYSCHEMESET_H

#include "snipgen/Generator/MemoryScheme.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace snipgen {

class WarningEngine;
struct Layout;

struct MemoryPolicy {
  unsigned XLen = 64;
  /// --riscv-disable-misaligned-access (an access range's misaligned-access
  /// key overrides it for that range).
  bool DisableMisaligned = false;
  /// -strict-memory-schemes: a scheme that may reach outside every RW
  /// section is an error instead of a memory-access warning.
  bool StrictSchemes = false;
};

class MemorySchemeSet {
public:
  static llvm::Expected<std::unique_ptr<MemorySchemeSet>>
  build(const Layout &L, const MemoryPolicy &P, WarningEngine &Warnings);
  ~MemorySchemeSet();

  unsigned size() const { return Schemes.size(); }
  MemoryScheme &scheme(unsigned Id) { return *Schemes[Id]; }
  const MemoryScheme &scheme(unsigned Id) const { return *Schemes[Id]; }
  /// True without positive schemes: the default scheme is the only one.
  bool usesDefaultScheme() const { return IsDefault; }

  /// True if some scheme with a positive weight has an address for R.
  bool admits(const AccessRequest &R);
  /// A scheme for R, chosen by weight among those that admit it.
  std::optional<unsigned> pick(const AccessRequest &R, RandomEngine &RNG);
  /// Every scheme and why it does not admit R (for the "no scheme admits"
  /// error), one per line.
  std::string explainRejections(const AccessRequest &R);

  const AddressSet &allowed() const { return Allowed; }
  const AddressSet &rwSections() const { return RW; }
  const AddressSet &restricted() const { return Restricted; }

private:
  MemorySchemeSet() = default;
  struct Admitting {
    uint64_t Key;
    std::vector<unsigned> Ids;
    std::vector<double> Weights;
  };
  const Admitting &admitting(const AccessRequest &R);
  std::vector<std::unique_ptr<MemoryScheme>> Schemes;
  AddressSet RW, Restricted, Allowed;
  bool IsDefault = false;
  std::vector<Admitting> Cache;
  Admitting Windowed;
};

} // namespace snipgen

#endif
