//===- VectorUnit.h - RVV generation: configurations and legality -*- C++ -*-===//
//
// The vector unit while generating (manual: "RVV Support"):
//  * the configuration bag built from the layout's riscv-vector-unit key
//    (or the default { SEW=64, VL=2, TU, MU, VM=unmasked, LMUL=1, VXRM=rnu }),
//    with its VL and VM rules, mode-change policy (histogram or biased) and
//    the illegal points drawn with probability Pvill;
//  * the current VectorConfig (what vl/vtype/vxrm hold at this point);
//  * VSET* emission: histogram VSETs switch to a drawn configuration with
//    operands that make the hardware compute exactly that vl (AVL <= VLMAX,
//    never in the implementation-defined (VLMAX, 2*VLMAX) range); biased mode
//    inserts them with weight sum(histogram) * P / 3 each;
//  * the legality of every vector opcode under the current configuration.
//    It is the built-in model's: a private model instance (the oracle) is
//    put in the configuration and asked to execute the candidate
//    instruction; one that would raise illegal-instruction is never emitted.
//    Operands are drawn register-group aligned for each operand's EMUL, so
//    few candidates are refused; per configuration, opcodes that cannot be
//    legal at all are remembered and not drawn again;
//  * register initialisation (-rvv-init-mode) and the RVV configuration dump.
//
// Control flow: at the start of every generated block (a branch target, a
// loop header, a return point) the configuration is unknown; the first
// vector instruction of such a block is preceded by an ancillary VSET.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_VECTORUNIT_H
#define SNIPGEN_GENERATOR_VECTORUNIT_H

#include "snipgen/Generator/PrimarySource.h"
#include "snipgen/Generator/VectorConfig.h"
#include "snipgen/Support/Random.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SMLoc.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class MCInst;
class SourceMgr;
class raw_ostream;
} // namespace llvm

namespace snipgen {

class CodeBuffer;
class GenTarget;
class ImmediatePolicy;
class InstSink;
class ISACatalogue;
class MCEnvironment;
class MemoryPlanner;
class OpcodeHistogram;
class RandomEngine;
class RegisterPolicy;
class VectorOracle;
struct Layout;
struct OpcodeDesc;
struct VectorUnitConfig;

/// -rvv-init-mode.
enum class RVVInitMode { Splats, Loads, Slides, Mixed };
/// -riscv-preference-for-rvv-mode-change: the form of the VSET* snipgen
/// inserts itself (histogram and biased VSETs keep their drawn opcode).
enum class RVVModeChangePreference { Any, VSETIVLI, VSETVLI, VSETVL };

/// What vector memory opcodes need from the vector memory planner
/// (lib/Generator/Memory/VectorAccess*): until it is attached, vector loads
/// and stores are refused at their histogram entry.
struct VectorMemoryHooks {
  /// Histogram-time checks of Op (errors point at Loc).
  std::function<llvm::Error(const OpcodeDesc &, const llvm::SourceMgr &,
                            llvm::SMLoc)>
      Prepare;
  /// Whether Op can be generated under Cfg (EEW/EMUL, nf, alignment).
  std::function<bool(const OpcodeDesc &, const VectorConfig &)> LegalUnder;
  /// Picks every operand of Op, emits the ancillary code (base, stride,
  /// index values) and the instruction itself.
  /// Returns whether it wrote v0 (an unmasked access's data or index
  /// group): the unit then writes a fresh mask.
  std::function<bool(const OpcodeDesc &, const VectorConfig &, bool Masked,
                     CodeBuffer &)>
      Emit;
};

/// One point of the configuration bag.
struct VectorBagPoint {
  VectorConfig Cfg; // VL unset (drawn per VSET from the VL rules)
  double P = 0;
  uint64_t MaxVL = 0;
};

class VectorUnit {
public:
  struct Options {
    RVVInitMode InitMode = RVVInitMode::Mixed;
    bool InitRegs = false; // -init-regs-in-elf
    bool NoMask = false;   // -riscv-nomask-mode-for-rvv
    bool NoReservedVill = false; // -riscv-disable-reserved-sew-lmul
    RVVModeChangePreference ModeChange = RVVModeChangePreference::Any;
  };
  /// Null (and no error) when the histogram has no vector opcode with
  /// weight and the layout no riscv-vector-unit key.
  static llvm::Expected<std::unique_ptr<VectorUnit>>
  create(const MCEnvironment &Env, const GenTarget &Target,
         const ISACatalogue &Cat, const Layout &L,
         const OpcodeHistogram &Histogram, const Options &O);
  ~VectorUnit();

  /// Derived VLEN in bits (the model's, from the ISA string).
  unsigned vlen() const { return VLen; }
  bool biased() const { return Biased; }
  const std::vector<VectorBagPoint> &bag() const { return Bag; }
  uint64_t illegalPoints() const { return IllegalPoints; }
  /// Draws a configuration from the bag (vill with probability Pvill in
  /// biased mode), VL not yet drawn.
  VectorConfig drawConfig(RandomEngine &RNG, bool AllowVill) const;
  /// Draws VL for Cfg by the VL rules; Immediate: for VSETIVLI (<= 31).
  /// False if no rule applies.
  bool drawVL(VectorConfig &Cfg, bool Immediate, RandomEngine &RNG) const;
  /// -riscv-dump-rvv-config.
  void dump(llvm::raw_ostream &OS) const;
  /// -riscv-dump-discarded-rvv-configurations.
  void dumpDiscarded(llvm::raw_ostream &OS) const;

  // --- While generating -----------------------------------------------------
  /// The parts the emission uses (set once by the generator).
  void attach(const RegisterPolicy &Registers,
              const ImmediatePolicy &Immediates, MemoryPlanner &Memory,
              RandomEngine &RNG);
  void setMemoryHooks(VectorMemoryHooks H) { MemHooks = std::move(H); }
  /// Whether Op is an RVV opcode this unit emits (VSET* and every opcode
  /// with vector register operands).
  bool handles(const OpcodeDesc &Op) const;
  bool handlesUncached(const OpcodeDesc &Op) const;
  /// Checks that Op can be generated at all; errors point at Loc.
  llvm::Error prepare(const OpcodeDesc &Op, const llvm::SourceMgr &SM,
                      llvm::SMLoc Loc);
  /// Worst-case bytes of one emit().
  /// (A VSET or an instruction, then v0's mask: by slides at worst, two
  /// VSETs and a word at a time.)
  uint64_t maxFootprint() const {
    return 4 * (16 + (Opts.NoMask ? 0 : 2 * 17 + 9 * (VLen / XLen) + 4));
  }
  /// Entry prologue: the vector registers' initial values (with
  /// -init-regs-in-elf) and the first configuration. Before the GPRs are
  /// initialised: it uses GPRs as scratch.
  void emitEntryInit(bool InitRegs, InstSink &Out);
  /// A new block starts: vl/vtype are unknown until the next VSET.
  void beginBlock() {
    Known = PendingRestore = HaveVXRM = false;
  }
  /// Whether Op may be drawn now (always true for non-vector opcodes).
  bool drawable(const OpcodeDesc &Op);
  /// Emits Op (any handled opcode) under the current configuration.
  void emit(const OpcodeDesc &Op, CodeBuffer &Out);
  /// Biased mode: the VSET to insert before the next draw, or null.
  const OpcodeDesc *biasedVSet(RandomEngine &RNG);
  const VectorConfig &current() const { return Cur; }
  /// Registers the destination of I covers under the current configuration
  /// (a group of EMUL registers, a segment load's NF groups, a whole-
  /// register form's NR; 1 for a mask or scalar result); 0 when I has no
  /// vector destination this unit knows. Self-check stores them all.
  unsigned destinationRegisters(const llvm::MCInst &I) const;
  /// Any VSET opcode of the histogram (biased mode: any available).
  const OpcodeDesc *someVSet() const;
  /// No histogram opcode could be drawn under the current configuration.
  void noteNothingDrawable();
  /// VSETVLI, whatever the histogram says (present whenever V is).
  const OpcodeDesc &fallbackVSet() const { return *VSetOps[1]; }
  /// After generation: the manual's "can not create any primary
  /// instruction in this context" if it happened.
  llvm::Error takeError();

  /// -riscv-nomask-mode-for-rvv: no masked forms, v0 never an operand.
  bool noMask() const { return Opts.NoMask; }
  /// After an instruction emitted outside emit() (none today) or a vector
  /// access that wrote v0: v0 gets a fresh mask drawn by the VM rules.
  void maskClobbered(InstSink &Out);
  /// Masks written so far: by vmxnor.mm (all ones), by a load of a global
  /// constant, by slides (no read-only section, or it is full).
  struct MaskStats {
    uint64_t AllOnes = 0, Loaded = 0, Slid = 0;
  };
  const MaskStats &maskStats() const { return Masks; }

  /// Global constants for -rvv-init-mode=loads|mixed and the v0 masks
  /// (the layout's first read-only section).
  struct Constants {
    unsigned Section = 0;
    uint64_t Address = 0;
    std::vector<uint8_t> Bytes;
  };
  const Constants &constants() const { return Consts; }

private:
  VectorUnit(const MCEnvironment &Env, const GenTarget &Target);
  llvm::Error build(const ISACatalogue &Cat, const Layout &L,
                    const OpcodeHistogram &Histogram,
                    const VectorUnitConfig &C);
  struct Shape;
  const Shape &shape(const OpcodeDesc &Op);
  bool legalUnder(const OpcodeDesc &Op, const VectorConfig &C);
  bool buildInstruction(const OpcodeDesc &Op, const VectorConfig &C,
                        llvm::MCInst &I, bool ForProbe);
  bool chooseOperands(const OpcodeDesc &Op, llvm::MCInst &I);
  void syncOracle(const VectorConfig &C);
  void emitVSet(const OpcodeDesc &Op, VectorConfig C, CodeBuffer &Out);
  void emitSwitch(const VectorConfig &C, InstSink &Out);
  void emitVType(const VectorConfig &C, InstSink &Out);
  unsigned modeChangeOpcodeFor(uint64_t VL);
  void writeMask(InstSink &Out);
  /// Masked forms and v0 masks: not with -riscv-nomask-mode-for-rvv, nor
  /// when the register reservations keep primaries from reading v0 or
  /// ancillary code from writing it.
  bool masksInUse() const;
  std::vector<uint64_t> drawMask(uint64_t VL);
  bool writesV0(const llvm::MCInst &I) const;
  void ensureKnown();
  unsigned scratchGPR(std::initializer_list<unsigned> Avoid);
  void setVXRM(unsigned V, InstSink &Out);
  void writeGPR(unsigned Reg, uint64_t V, InstSink &Out);
  void emitVectorRegisterInit(unsigned Scratch, unsigned Scratch2,
                              InstSink &Out);

  const MCEnvironment &Env;
  const GenTarget &Target;
  std::unique_ptr<VectorOracle> Oracle;
  Options Opts;
  unsigned VLen = 0, XLen = 64;
  bool Biased = false;
  double P = 0, Pvill = 0;
  std::vector<VectorBagPoint> Bag;
  std::vector<double> BagWeights;
  WeightedChooser BagChooser;
  uint64_t IllegalPoints = 0;
  std::vector<uint16_t> IllegalVTypes; // vtype bits 0..7 of illegal points
  struct RuleW {
    int K;
    uint64_t Value;
    double Weight;
    std::string Name;
  };
  std::vector<RuleW> VLRules, VMRules;
  std::vector<VectorConfig> DiscardedCfgs; // no VL rule fits them
  // Mode change: VSET opcodes (VSETVL, VSETVLI, VSETIVLI) and their
  // histogram probabilities (for the dump).
  const OpcodeDesc *VSetOps[3] = {nullptr, nullptr, nullptr};
  double VSetProb[3] = {0, 0, 0}, VSetWeight[3] = {0, 0, 0};
  bool RVVInHistogram = false;
  bool RVVPresent = false;

  // Generation state.
  const RegisterPolicy *Registers = nullptr;
  const ImmediatePolicy *Immediates = nullptr;
  MemoryPlanner *Memory = nullptr;
  RandomEngine *RNG = nullptr;
  VectorMemoryHooks MemHooks;
  VectorConfig Cur;
  bool Known = false;
  bool PendingRestore = false; // Cur chosen, its VSET not emitted yet
  unsigned PendingVXRM = 0;
  uint64_t OracleKey = 0;
  bool OracleValid = false;
  std::unique_ptr<RandomEngine> ProbeRNG_;
  RandomEngine &ProbeRNG_ref();
  bool HaveVXRM = false;
  unsigned VRegs[32] = {};
  unsigned X0 = 0;
  std::vector<std::unique_ptr<Shape>> Shapes;
  llvm::DenseMap<unsigned, unsigned> ShapeOf;
  llvm::DenseMap<uint64_t, uint8_t> LegalCache; // (vtype key, opcode)
  mutable std::vector<int8_t> HandlesCache;      // by opcode: -1 unknown
  Constants Consts;
  uint64_t ConstCapacity = 0; // bytes of the read-only section
  MaskStats Masks;
  std::string Failure;
  bool HasReadOnly = false;
};

/// Draws histogram opcodes that are legal under the vector unit's current
/// configuration, inserting biased-mode VSETs.
class VectorSource final : public PrimarySource {
public:
  VectorSource(PrimarySource &Inner, VectorUnit &Unit)
      : Inner(Inner), Unit(Unit) {}
  const OpcodeDesc &next(RandomEngine &RNG) override;

private:
  PrimarySource &Inner;
  VectorUnit &Unit;
};

} // namespace snipgen

#endif
