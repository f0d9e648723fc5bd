//===- StackFrame.h - Stack pointer, frames, spills, ABI ----------*- C++
//-*-===//
//
// The manual's "Stack Section", "External Stack", "Stack Pointers", "Static
// stack", "Generating ABI with Respect to Target", "Spilling Registers" and
// "Preserving caller saved registers", resolved once per run into a
// StackPlan, then one FrameLayout per function.
//
//   * Dynamic stack: a stack pointer register (--redefine-sp) points into the
//     `stack` section (set up by the entry function) or, with
//     --external-stack, into the caller's stack; functions push frames.
//   * Static stack: every function owns a fixed area of the `stack` section
//     and addresses it through a register set just before use, so no
//     register is reserved as stack pointer (and x2 is an ordinary one).
//   * What is saved: the return address of functions that call others and
//     must return; in the entry function the spilled registers (or, with
//     --honor-target-abi, every callee-saved register and sp); gp and tp
//     go to the `utility` section when external code may need them.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_STACKFRAME_H
#define SNIPGEN_LIB_GENERATOR_STACKFRAME_H

#include "snipgen/Generator/ControlFlowOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace snipgen {

class ControlFlowTarget;
class GenTarget;
class InstSink;
class MCEnvironment;
class RandomEngine;
class RegisterPolicy;
class WarningEngine;
struct CallGraph;
struct Layout;

/// What the rest of the generator knows when the stack is planned.
struct StackFacts {
  bool SPRelativeOpcodes = false;
  bool LoopsPossible = false;
  bool CallOpcodes = false;
  bool FillCodeSection = false;
  bool LastInstrIsReturn = false;
  /// The histogram's opcodes that generate calls (weight > 0).
  std::vector<unsigned> CallOpcodeList;
  /// The histogram has opcodes with vector register operands.
  bool VectorOpcodes = false;
};

enum class StackMode { None, Dynamic, Static };

struct StackPlan {
  StackMode Mode = StackMode::None;
  bool External = false;
  /// The stack pointer of a dynamic stack; otherwise the register kept away
  /// from primary instructions as "the stack pointer" (0: none, x2 is free).
  unsigned SP = 0;
  uint64_t Base = 0, Top = 0; // the `stack` section (internal stacks)
  /// Saved and restored by the entry function.
  std::vector<unsigned> EntrySaves;
  /// --honor-target-abi with a `stack` section: the caller's sp is kept in
  /// the entry frame and restored last.
  bool SaveCallerSP = false;
  /// Scratch for prologue/epilogue base addresses (caller-saved).
  unsigned Temp = 0;
  /// gp and tp when they must survive; in the utility section or reserved.
  std::vector<unsigned> Globals;
  bool GlobalsInUtility = false;
  uint64_t Utility = 0;
  bool ExternalCalls = false;
  std::vector<unsigned> PreserveAroundExternal;
  /// Registers no generated code writes (besides the stack pointer).
  std::vector<unsigned> Reserved;
  /// Per call-graph node: the register the function returns through and its
  /// callers link through (-redefine-ra, -randomize-ra); the entry's is the
  /// ABI's, which its caller used.
  std::vector<unsigned> FunctionRA;
  /// Every register of FunctionRA (the ABI's included): no loop counter,
  /// scratch or static-area base may live in one.
  std::vector<unsigned> LinkRegs;
};

/// Resolves and checks every stack option (errors with the manual's texts)
/// and tells the register policy which register is the stack pointer and
/// which registers are reserved.
llvm::Expected<StackPlan>
planStack(const StackOptions &Opts, const StackFacts &Facts,
          const CallGraph &Graph, const Layout &L, const MCEnvironment &Env,
          const ControlFlowTarget &CFT, RegisterPolicy &Registers,
          WarningEngine &Warnings, RandomEngine &RNG,
          const OptionErrorFn &OptionError);

/// Chooses the return-address register of every function (-redefine-ra,
/// -randomize-ra; ReturnAddressPlan.cpp) once the stack pointer, the
/// scratch and the spilled registers are known. With --honor-target-abi a
/// register other than the ABI's is saved by the entry function too.
llvm::Error planReturnAddresses(const StackOptions &Opts,
                                const StackFacts &Facts, const CallGraph &Graph,
                                const MCEnvironment &Env,
                                const ControlFlowTarget &CFT,
                                const RegisterPolicy &Registers,
                                llvm::ArrayRef<unsigned> Spills, StackPlan &P,
                                WarningEngine &Warnings, RandomEngine &RNG,
                                const OptionErrorFn &OptionError);

/// One function's saved registers and where they go.
struct FrameLayout {
  bool SavesRA = false;
  std::vector<std::pair<unsigned, int64_t>> Slots; // register, offset
  int64_t CallerSPSlot = -1;
  uint64_t Size = 0;       // bytes, aligned to the stack alignment
  uint64_t StaticArea = 0; // Static: absolute address of the area
  unsigned StaticBase = 0; // Static: register loaded with StaticArea
};

class FrameEmitter {
public:
  FrameEmitter(const StackPlan &Plan, const ControlFlowTarget &CFT,
               const GenTarget &Target, const MCEnvironment &Env)
      : Plan(Plan), CFT(CFT), Target(Target), Env(Env) {}

  /// Slots of a function (IsEntry: the entry saves too); RA is the register
  /// the function returns through.
  FrameLayout layout(bool IsEntry, bool SavesRA, unsigned RA) const;
  /// Static stack: gives every frame its area; false if the section is too
  /// small (Needed receives the bytes needed).
  bool placeStatic(std::vector<FrameLayout> &Frames, uint64_t &Needed) const;

  void entryPrologue(const FrameLayout &F, InstSink &Out) const;
  void entryEpilogue(const FrameLayout &F, InstSink &Out) const;
  void prologue(const FrameLayout &F, InstSink &Out) const;
  void epilogue(const FrameLayout &F, InstSink &Out) const;
  /// Around a call of an external function: the caller-saved registers of
  /// -preserve-caller-saved-regs (with V also vl, vtype and vcsr, which
  /// the psABI does not preserve either), and gp/tp reloaded from the
  /// utility section (external code expects them; random code may have
  /// changed them). Both clobber only ra, which the call writes anyway.
  void beforeExternalCall(InstSink &Out) const;
  void afterExternalCall(InstSink &Out) const;
  uint64_t externalCallFrame() const;

private:
  struct ExternalFrame {
    std::vector<std::pair<unsigned, int64_t>> Scalars; // register, offset
    std::vector<unsigned> Vectors; // saved as one block
    int64_t VectorState = 0, VectorBlock = 0;
    uint64_t Size = 0;
  };
  ExternalFrame externalLayout() const;
  void saveSlots(const FrameLayout &F, unsigned Base, InstSink &Out) const;
  void restoreSlots(const FrameLayout &F, unsigned Base, InstSink &Out) const;
  void globalsToUtility(bool Store, unsigned Base, InstSink &Out) const;

  const StackPlan &Plan;
  const ControlFlowTarget &CFT;
  const GenTarget &Target;
  const MCEnvironment &Env;
};

} // namespace snipgen

#endif
