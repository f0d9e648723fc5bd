//===- MemoryPlanner.h - Addresses for memory instructions ------*- C++ -*-===//
//
// For each load/store/AMO: choose a memory scheme that admits the access
// (weighted), an address from it, and the cheapest correct way to make
// base register + immediate offset equal that address:
//   * a register whose value the planner put there itself (and nothing has
//     overwritten since) already reaches it with a legal offset: no code;
//   * an ADDI from such a register reaches it: one instruction;
//   * otherwise the target's full constant materialisation (LUI/ADDI(W)/
//     SLLI: any XLEN-bit value, so far data is always reachable).
// With --enable-address-value-hazards the base is instead formed from the
// current value of a register that an earlier primary instruction wrote,
// read from the lockstep model (`add base, base, delta`), as the manual's
// "Address Hazard Mode" shows.
//
// Burst groups (BurstSource): all addresses of a group are chosen when the
// group starts, members share base registers within offset reach, and the
// bases are set up before the group, so the group's memory instructions run
// back to back. Group bases are pinned: the builder does not give them to
// the members as destinations.
//
// Every placed access is recorded in the block (MemoryAccessRecord) with the
// scheme it used; the model check proves each one at run time.
//
// Known register values are only trusted in straight-line code: the planner
// forgets them when the code buffer's block changes or when anything but
// the instructions it saw was appended to the block in between.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_MEMORYPLANNER_H
#define SNIPGEN_GENERATOR_MEMORYPLANNER_H

#include "snipgen/Generator/MemoryScheme.h"
#include "snipgen/Support/Random.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SMLoc.h"
#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace llvm {
class SourceMgr;
}

namespace snipgen {

class CodeBuffer;
class GenTarget;
class LockstepModel;
class MCEnvironment;
class MemorySchemeSet;
class RegisterPolicy;
struct BasicBlock;
struct ImmediateDomain;
struct OpcodeDesc;

/// The legal offsets of an opcode in a form that is cheap to query: an
/// arithmetic progression Lo, Lo + Step, ..., Hi (every RISC-V load/store
/// offset field is one), else the catalogue's domain.
struct OffsetSet {
  const ImmediateDomain *D = nullptr; // null: no offset operand (only 0)
  bool Progression = false;
  int64_t Lo = 0, Hi = 0;
  uint64_t Step = 1;
  static OffsetSet from(const ImmediateDomain *D);
  bool contains(int64_t V) const;
};

/// What the builder knows about a memory opcode (computed once per opcode).
struct MemoryOpcodeInfo {
  const OpcodeDesc *Op = nullptr;
  unsigned Size = 0;     // bytes accessed
  unsigned IsaAlign = 1; // GenTarget::accessAlignment
  bool Block = false;    // a cache-block operation (MemoryAccessRecord)
  std::vector<unsigned> BaseCandidates; // legal, usable base registers
  const ImmediateDomain *OffsetDomain = nullptr; // null: no offset operand
  OffsetSet Offsets; // filled by MemoryPlanner::prepare
  // Filled by MemoryPlanner::prepare: by register number, 1 + the register's
  // place in BaseCandidates, 0 if not a candidate (empty: candidates repeat
  // or are too many, scan them all).
  std::vector<uint8_t> CandidateRank;
};

/// One access as drawn by the builder, before placement.
struct MemoryAccess {
  const OpcodeDesc *Op = nullptr;
  unsigned BaseReg = 0;  // drawn from the candidates
  int64_t Offset = 0;    // drawn from the domain (0 without an offset)
};

/// Where the access goes: the builder writes BaseReg and Offset into the
/// instruction.
struct PlacedAccess {
  unsigned BaseReg = 0;
  int64_t Offset = 0;
  uint64_t Address = 0;
};

/// An outside source of scalar access addresses (-address-generator-plugin,
/// llvm-snippy's memory scheme plugin). For every scalar load/store/AMO the
/// planner first asks address(); an address must be one some memory scheme
/// allows (in allowed memory, aligned as that scheme requires, inside a
/// burst group's window), else reject() is told and the planner chooses as
/// without an oracle. Without an address, addressId() gives (scheme, main,
/// offset): the scheme is the (scheme % n)-th of the n schemes that admit
/// the access, and the address is drawn from it by an engine seeded with
/// (main, offset), so equal ids give equal addresses.
class AddressOracle {
public:
  virtual ~AddressOracle();
  virtual std::optional<uint64_t> address(unsigned Size, unsigned Align,
                                          bool Burst, unsigned Opcode) = 0;
  virtual std::array<uint64_t, 3> addressId() = 0;
  virtual void reject(uint64_t Address, unsigned Size, unsigned Opcode) = 0;
};

struct MemoryPlannerOptions {
  bool AddressHazards = false; // --enable-address-value-hazards
};

class MemoryPlanner {
public:
  MemoryPlanner(const MCEnvironment &Env, const GenTarget &Target,
                MemorySchemeSet &Schemes, const MemoryPlannerOptions &Opts);
  ~MemoryPlanner();

  /// The builder connects its register policy and the run's random engine.
  /// Addresses come from an engine seeded here, so that the primary
  /// instructions do not depend on the memory scheme (a dumped scheme
  /// replayed with the same seed gives the same instructions).
  void attach(const RegisterPolicy &Registers, RandomEngine &RNG);
  /// Scalar addresses come from O first (null: none).
  void setAddressOracle(AddressOracle *O) { Oracle = O; }
  /// Hazard mode reads register values from this model.
  void setLockstep(std::unique_ptr<LockstepModel> LM);
  /// Opcodes that burst groups may contain (their accesses may use burst
  /// address sets instead of plain schemes).
  void setBurstOpcodes(std::vector<unsigned> Opcodes);

  /// Remembers Info and checks that a scheme admits its accesses; the error
  /// (at Loc) names the opcode and every scheme with the reason it does not.
  llvm::Error prepare(const MemoryOpcodeInfo &Info, const llvm::SourceMgr &SM,
                      llvm::SMLoc Loc);
  const MemoryOpcodeInfo *info(unsigned Opcode) const;

  /// Burst mode: the next primary instruction is member Index of a group
  /// with these opcodes (BurstSource calls this as it hands them out).
  void announceBurstMember(llvm::ArrayRef<const OpcodeDesc *> Members,
                           unsigned Index);

  /// Around every primary instruction the builder emits.
  void beginInstruction(const OpcodeDesc &Op, CodeBuffer &Out);
  /// Registers the current burst group needs intact.
  /// ... and the registers the control-flow generator keeps from being
  /// written for now (live loop counters; RegisterPolicy write exclusions).
  bool isPinned(unsigned Reg) const {
    if (Reg < Pinned.size() && Pinned[Reg])
      return true;
    if (!Exclusions)
      return false;
    for (unsigned R : *Exclusions)
      if (R == Reg)
        return true;
    return false;
  }
  /// Chooses the address, emits the base setup and records the access.
  PlacedAccess place(const MemoryAccess &A, CodeBuffer &Out);
  void endInstruction(const llvm::MCInst &I, CodeBuffer &Out);
  /// Out grew from Before by code that changes no register and does not
  /// branch (an insertion-point hint NOP): what is known of the registers
  /// stays known.
  void skipNeutralCode(CodeBuffer &Out, uint64_t Before);
  /// Vector accesses (VectorAccessPlanner), between beginInstruction and
  /// endInstruction: makes one of Op's base candidates (Preferred if it can)
  /// hold Address, with the cheapest code, and returns it. Records nothing.
  unsigned setBase(const OpcodeDesc &Op, uint64_t Address, unsigned Preferred,
                   CodeBuffer &Out);
  /// Ancillary code appended since the last instruction wrote only Written
  /// (e.g. a VSET* with rd = x0): the other known values stay valid.
  void noteAncillary(CodeBuffer &Out, llvm::ArrayRef<unsigned> Written);
  /// GPRs ancillary code may use as scratch (check isPinned before use).
  llvm::ArrayRef<unsigned> scratchRegisters() const { return ScratchRegs; }
  bool isBurstOpcode(unsigned Opcode) const { return IsBurstOpcode[Opcode]; }
  /// The engine addresses come from.
  RandomEngine &addressRNG() { return AddrRNG; }
  /// Ancillary code outside the planner wrote Reg (operand initialisation):
  /// its known value, and a burst group's claim on it, are gone.
  void clobbered(unsigned Reg);

  MemorySchemeSet &schemes() { return Schemes; }
  uint64_t ancillaryEmitted() const { return Ancillary; }
  uint64_t burstGroups() const { return GroupCount; }
  uint64_t hazardBases() const { return Hazards; }

private:
  struct BaseChoice;
  struct GroupMember;
  AccessRequest request(const MemoryOpcodeInfo &Info, bool Burst) const;
  std::pair<unsigned, uint64_t> chooseAddress(AccessRequest R,
                                              unsigned Opcode);
  std::optional<std::pair<unsigned, uint64_t>>
  askOracle(const AccessRequest &R, unsigned Opcode);
  PlacedAccess placePlain(const MemoryOpcodeInfo &Info, const MemoryAccess &A,
                          unsigned Scheme, uint64_t Address, unsigned Align,
                          uint32_t Group, CodeBuffer &Out);
  std::optional<PlacedAccess> placeWithHazard(const MemoryOpcodeInfo &Info,
                                              const MemoryAccess &A,
                                              unsigned Scheme, uint64_t Address,
                                              unsigned Align, CodeBuffer &Out);
  void endGroup();
  BaseChoice cheapestBase(const MemoryOpcodeInfo &Info, uint64_t Address,
                          unsigned PreferredReg, int64_t PreferredOffset);
  void emitBase(const BaseChoice &C, CodeBuffer &Out);
  std::optional<int64_t> fitOffset(const OffsetSet &O, int64_t Preferred,
                                   int64_t Lo, int64_t Hi);
  void planGroup(CodeBuffer &Out);
  void record(CodeBuffer &Out, unsigned Scheme, uint64_t Address,
              const MemoryOpcodeInfo &Info, unsigned Align, uint32_t Group);
  void setKnown(unsigned Reg, uint64_t Value);
  void forget(unsigned Reg);
  void forgetAll();
  uint64_t wrap(uint64_t V) const { return V & XLenMask; }
  int64_t signedDistance(uint64_t To, uint64_t From) const;

  const MCEnvironment &Env;
  const GenTarget &Target;
  MemorySchemeSet &Schemes;
  MemoryPlannerOptions Opts;
  const RegisterPolicy *Registers = nullptr;
  // Registers->writeExclusionList(): isPinned, inline, reads it directly.
  const llvm::SmallVector<unsigned, 8> *Exclusions = nullptr;
  RandomEngine AddrRNG{0};
  uint64_t XLenMask = ~uint64_t(0);
  unsigned XLen = 64;
  std::unique_ptr<LockstepModel> Lockstep;
  AddressOracle *Oracle = nullptr;
  std::vector<int> InfoIndex; // opcode -> index in Infos, -1 if none
  std::vector<MemoryOpcodeInfo> Infos;
  std::vector<uint8_t> IsBurstOpcode; // by opcode

  // Registers whose value the planner knows (ancillary code set them).
  std::vector<std::optional<uint64_t>> Known; // by LLVM register number
  std::vector<unsigned> KnownRegs;
  // By register: the registers it overlaps (itself included), filled on
  // first use (endInstruction).
  std::vector<std::vector<unsigned>> Overlaps;
  // Which primary instruction last wrote each register (hazard sources).
  std::vector<uint64_t> LastPrimaryWrite;
  uint64_t PrimaryCount = 0;
  std::vector<unsigned> ScratchRegs; // ancillary-writable GPRs

  // What the planner last saw of the code buffer.
  const CodeBuffer *LastBuffer = nullptr;
  const BasicBlock *LastBlock = nullptr;
  uint64_t LastSize = 0;

  // Burst groups.
  std::vector<const OpcodeDesc *> Announced;
  int AnnouncedIndex = -1;
  std::vector<GroupMember> Group; // empty: no group in progress
  int CurrentMember = -1;         // of Group, for the current instruction
  uint32_t GroupId = 0;
  uint64_t GroupCount = 0;
  std::vector<uint8_t> Pinned; // by register

  uint64_t Ancillary = 0;
  uint64_t Hazards = 0;
  bool HazardsBroken = false;
  const BasicBlock *LockstepBlock = nullptr; // the block it follows
};

} // namespace snipgen

#endif
