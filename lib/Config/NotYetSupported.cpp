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
     "generation never rolls back instructions; operands are chosen so "
     "that the code is legal instead"},
    {"max-branch-length-passes",
     "branch relaxation only lengthens branches and always converges"},
    {"verify-gen-plan",
     "snipgen has no separate generation plan to verify; see "
     "-verify-gen-histogram"},
    {"selfcheck-mem",
     "the self-check etalons are the model's own results (the manual's "
     "checker in examples/ compares them with a device's)"},
    {"selfcheck-ref-value-storage",
     "self-check etalons are always stored beside the results in the "
     "selfcheck section"},
    {"external-mem-init-routine",
     "-init-memory=runtime's loop is inline at the start of the entry "
     "function; there is no routine to provide externally"},
    {"mangle-exported-names",
     "section and symbol names are not mangled with the entry point; see "
     "-sections-prefix"},
    {"dump-layout", "the resolved configuration cannot be printed; see -E"},
    {"verbose", "there is no combined verbose dump; use -dump-mf, -dump-mi"},
    {"strict-memory-schemes",
     "use -Werror=memory-access to make memory-scheme warnings errors"},
    {"skip-legacy-sp-spill", "the stack pointer is never spilled"},
    {"valuegram-operands-regs-init-outputs",
     "-valuegram-operands-regs initialises input registers only"},
    {"stack-size", "give the stack as a 'stack' section of the layout"},
    {"generator-plugin", "snipgen loads no generator plugins"},
    {"plugin-info-file", "snipgen loads no generator plugins"},
    {"address-generator-plugin", "snipgen loads no address plugins"},
    {"address-plugin-info-file", "snipgen loads no address plugins"},
    {"reg-generator-plugin", "snipgen loads no register plugins"},
    {"reg-plugin-info-file", "snipgen loads no register plugins"},
    {"dump-mir", "snipgen has no Machine IR; see -dump-mf"},
    {"use-stack-for-IV", "loop counters are kept in registers"},
    {"memory-access-mode", "use the layout's 'burst' key"},
    {"memory-access-burst-group-size", "use the layout's 'burst' key"},
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
