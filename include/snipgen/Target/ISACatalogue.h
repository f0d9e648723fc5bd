//===- ISACatalogue.h - What the selected subtarget can execute -*- C++ -*-===//
//
// Derived at start-up from LLVM's MC tables through public API only:
//   * real opcodes: not pseudo, size > 0;
//   * availability for the selected features: an instance encoded with the
//     code emitter decodes back, with the subtarget's disassembler, to the
//     same opcode and operands;
//   * operand roles: register (with its register class), memory base
//     (MCOI::OPERAND_MEMORY), PC-relative (MCOI::OPERAND_PCREL), immediate;
//   * the legal registers of each register operand and the legal values of
//     each immediate (probed by encode -> decode: exhaustively for fields of
//     up to 4096 values, by bit width, step and sampling beyond that), then
//     narrowed to what the ISA allows: the MC asm parser must accept each
//     value (AssemblerCheck.h; all values of fields of up to 64 values, the
//     edges and zero of larger ones). The decoder accepts reserved encodings
//     such as AES64KS1I round numbers 0xB-0xF; the assembler does not.
// The result is kept on disk between runs (ISACatalogueCache.cpp: keyed by
// LLVM, subtarget and the snipgen binary; SNIPGEN_CACHE=off turns it off).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TARGET_ISACATALOGUE_H
#define SNIPGEN_TARGET_ISACATALOGUE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace snipgen {

class MCEnvironment;
class RandomEngine;
class GenTarget;

enum class OperandRole : uint8_t { Register, MemoryBase, Immediate, PCRelative };

/// The legal values of an immediate operand.
struct ImmediateDomain {
  int64_t Min = 0;
  int64_t Max = 0;
  uint64_t Step = 1;
  bool ZeroExcluded = false;
  /// When probing was exhaustive: every legal value, sorted. Empty otherwise.
  std::vector<int64_t> Values;

  bool isExplicit() const { return !Values.empty(); }
  bool contains(int64_t V) const;
  int64_t draw(RandomEngine &RNG) const;
  uint64_t count() const;
};

struct OperandDesc {
  OperandRole Role = OperandRole::Immediate;
  bool IsDef = false;
  int RegClass = -1;      // LLVM register class ID for register roles
  int TiedTo = -1;        // operand index this one must equal, or -1
  uint8_t LLVMType = 0;   // MCOI operand type (opaque beyond the generic kinds)
  std::vector<unsigned> LegalRegs; // registers that encode for this operand
  ImmediateDomain Imm;    // for Immediate / PCRelative roles
  bool isReg() const {
    return Role == OperandRole::Register || Role == OperandRole::MemoryBase;
  }
};

struct OpcodeDesc {
  unsigned Opcode = 0;
  llvm::StringRef Name;
  uint8_t Size = 0;
  bool MayLoad = false, MayStore = false;
  bool IsBranch = false, IsCall = false, IsReturn = false;
  bool IsIndirectBranch = false, IsTerminator = false, IsBarrier = false;
  bool HasPCRelOperand = false;
  bool HasSideEffects = false;
  llvm::SmallVector<OperandDesc, 6> Operands;
  int MemBaseOp = -1;   // operand index of the memory base register
  int MemOffsetOp = -1; // operand index of the immediate offset, if any
  bool isMemoryAccess() const { return MayLoad || MayStore; }
  /// What LLVM's flags and operands tell; targets add indirect jumps that
  /// carry no flag (GenTarget::isControlFlow).
  bool hasControlFlowTraits() const {
    return IsBranch || IsCall || IsReturn || IsIndirectBranch ||
           IsTerminator || IsBarrier || HasPCRelOperand;
  }
};

class ISACatalogue {
public:
  /// Probes every real opcode against Env's subtarget (or reads the result
  /// of an earlier identical probe from the on-disk cache).
  static llvm::Expected<std::unique_ptr<ISACatalogue>>
  build(const MCEnvironment &Env, const GenTarget &Target);
  /// Probes, never using the cache.
  static llvm::Expected<std::unique_ptr<ISACatalogue>>
  probe(const MCEnvironment &Env, const GenTarget &Target);

  /// The on-disk cache (ISACatalogueCache.cpp): the key of Env + Target,
  /// the file for a key ("" when the cache is off), the catalogue as bytes.
  static std::string cacheKey(const MCEnvironment &Env,
                              const GenTarget &Target);
  static std::string cachePath(llvm::StringRef Key);
  std::string serialize(llvm::StringRef Key) const;
  static std::unique_ptr<ISACatalogue>
  loadCached(const MCEnvironment &Env, llvm::StringRef Key,
             llvm::StringRef Path);
  void saveCached(llvm::StringRef Key, llvm::StringRef Path) const;

  /// Available opcodes sorted by name.
  llvm::ArrayRef<OpcodeDesc> available() const { return Available; }
  const OpcodeDesc *lookup(llvm::StringRef Name) const;
  const OpcodeDesc *lookup(unsigned Opcode) const;
  /// Real opcodes that exist in LLVM but not for this subtarget.
  bool isKnownButUnavailable(llvm::StringRef Name) const;
  const MCEnvironment &env() const { return Env; }

private:
  explicit ISACatalogue(const MCEnvironment &Env) : Env(Env) {}
  bool deserialize(llvm::StringRef Data, llvm::StringRef Key);
  void index(); // ByName / ByOpcode from Available.
  const MCEnvironment &Env;
  std::vector<OpcodeDesc> Available;
  llvm::StringMap<unsigned> ByName;        // name -> index in Available
  std::vector<int> ByOpcode;               // opcode -> index or -1
  std::vector<bool> Unavailable;           // by opcode
};

} // namespace snipgen

#endif
