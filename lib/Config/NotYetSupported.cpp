#include "NotYetSupported.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace snipgen {

namespace {
struct Entry {
  StringLiteral Name;
  StringLiteral Why;
};
} // namespace

static const Entry Options[] = {
    // Options llvm-snippy's own lit tests use (besides its manual).
    {"backtrack",
     "snipgen has no backtracking: it never rolls an instruction back after "
     "the model ran it; addresses and operands are planned so that every "
     "instruction is valid when it is generated"},
    {"verify-gen-plan",
     "the per-block plan of primary instructions is not kept after "
     "generation, so the code cannot be checked against it; see "
     "-verify-gen-histogram and -verify-mi"},
    {"selfcheck-mem",
     "self-check compares destination registers only; checking the memory "
     "state after execution is not implemented"},
    {"selfcheck-ref-value-storage",
     "the etalons are the selfcheck section's initial contents in the ELF "
     "(the manual's REAL/ETALON pairs); llvm-snippy's 'code' (etalons "
     "materialised by code at run time) and 'checksum' storages are not "
     "implemented"},
    {"external-mem-init-routine",
     "the snippet always runs its memory initialisation itself (runtime: a "
     "loop inline at the start of the entry function; loads: a call of "
     "snippy_random first); nothing is left for outside code to call"},
    {"dump-mir", "snipgen has no Machine IR; see -dump-mf"},
    {"snippy-riscv-simplified-vector-bits-max",
     "VLEN is the ISA's, the same for the generator and the model: give it "
     "with -march (e.g. rv64gcv_zvl256b) or -mattr=+zvl256b"},
    {"snippy-riscv-rvv-wa-exclude-vlmax1",
     "snipgen keeps configurations with VLMAX 1 in the bag: the built-in "
     "model runs them and agrees with QEMU 10, so llvm-snippy's workaround "
     "for its models is not needed"},
    {"riscv-reservation-set-size",
     "it sizes the LR/SC reservation set for llvm-snippy's LR/SC pairs that "
     "must fail on a different address; snipgen's must-fail SC is one with "
     "no LR before it since the last SC, which fails whatever the "
     "reservation set size (see \"LR/SC\" in docs/user-guide.md)"},
};

std::optional<std::string> notYetSupportedOption(StringRef Name) {
  for (const Entry &E : Options)
    if (E.Name == Name)
      return (Twine("llvm-snippy's option '-") + Name +
              "' is not supported yet: " + E.Why)
          .str();
  return std::nullopt;
}

std::optional<std::string> notYetSupportedBranchesKey(StringRef) {
  // Every llvm-snippy key of 'branches' is supported.
  return std::nullopt;
}

} // namespace snipgen
