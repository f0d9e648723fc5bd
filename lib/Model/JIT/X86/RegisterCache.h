//===- RegisterCache.h - Guest X registers held in host registers -*- C++ -*-===//
//
// Within one iteration of a block, guest registers live in host registers:
// loaded from the Hart on first use, written back when evicted or when the
// block leaves. Blocks are straight-line, so the whole future is known and
// the cache evicts what is needed furthest ahead (Belady's rule): the
// compiler gives it, per instruction, when each guest register is next read
// (NextUse).
//
// A guest register may also hold a value known while compiling (written
// by LUI, LI, or an instruction whose sources were all known): it needs no
// host register until an instruction reads it, and the Hart gets it from
// flush().
//
// Between iterations and at every exit all guest registers are in the Hart
// (flush()), so the top of a self-loop starts from an empty cache.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_JIT_X86_REGISTERCACHE_H
#define SNIPGEN_LIB_MODEL_JIT_X86_REGISTERCACHE_H

#include "JIT/X86/X86Encoder.h"
#include <array>
#include <bitset>
#include <cstdint>
#include <vector>

namespace snipgen::model::jit::x86 {

/// When each guest register is next read, from each instruction on.
class NextUse {
public:
  /// The register is written before it is read again (its current value is
  /// dead), or is not accessed again in the block (its value only has to
  /// reach the Hart).
  static constexpr uint16_t Killed = 0xffff, NotAgain = 0xfffe;

  /// Reads/Writes: per instruction, the guest registers read and written;
  /// MayExit: whether the block may leave before the instruction (all
  /// registers must reach the Hart there, so nothing is Killed across it).
  NextUse(const std::vector<std::bitset<32>> &Reads,
          const std::vector<std::bitset<32>> &Writes,
          const std::vector<bool> &MayExit);
  /// For instruction Index (0 to the instruction count): the index of the
  /// next instruction at or after it that reads R, or Killed / NotAgain.
  uint16_t at(size_t Index, unsigned R) const { return Table[Index * 32 + R]; }

private:
  std::vector<uint16_t> Table;
};

class RegisterCache {
public:
  /// Hart: the host register holding the Hart's address; XOffset: offset of
  /// Hart::X in it. Allocatable: host registers the cache may use, in order
  /// of preference.
  RegisterCache(Assembler &A, const NextUse &Uses, Gpr Hart, int32_t XOffset,
                std::vector<Gpr> Allocatable);

  /// The host register holding guest R at instruction Index, loading it if
  /// needed (x0 reads as zero). Registers in Keep are not evicted for it.
  Gpr read(unsigned R, size_t Index, uint32_t KeepHosts);
  /// A host register to write guest R into at instruction Index, after the
  /// instruction has read its sources (in host registers A and B, or
  /// NoGpr): R's own register, else a source register whose guest value is
  /// not needed any more (A first: two-address forms then need no copy),
  /// else a free or evicted one. The caller writes it at once; R is dirty.
  Gpr defineHost(unsigned R, size_t Index, Gpr A, Gpr B);
  /// Whether guest R's value is known (x0 always is), and the value.
  bool known(unsigned R, uint64_t &V) const {
    if (!Known[R])
      return false;
    V = Value[R];
    return true;
  }
  /// Guest R (not x0) now holds V; no code is written for it yet.
  void defineConstant(unsigned R, uint64_t V);
  /// A host register for a value of the compiled code's own (an address),
  /// bound to no guest register; never one of KeepHosts.
  Gpr scratch(size_t Index, uint32_t KeepHosts) { return take(Index, KeepHosts); }
  /// Guest R (not x0) is now in host register H (a scratch register the
  /// caller just wrote); R is dirty.
  void defineInto(unsigned R, Gpr H, size_t Index);

  /// What a side exit must write back: the guest registers whose Hart copy
  /// is stale, and where their values are.
  struct State {
    std::array<Gpr, 32> HostOf;
    std::bitset<32> Dirty, Known;
    std::array<uint64_t, 32> Value;
  };
  State state() const { return {HostOf, Dirty, Known, Value}; }
  /// Writes S's stale registers to the Hart (a side exit's code; RAX may be
  /// clobbered).
  void writeBack(const State &S);

  /// Stores every dirty guest register to the Hart at the end of the block
  /// (End: the instruction count); they stay cached. Known values too large
  /// for an immediate store go through a host register, never one of
  /// KeepHosts.
  void flush(size_t End, uint32_t KeepHosts);

  /// The instruction index + 1 at which host register H was last written by
  /// compiled code (0: loaded or materialised), to order operands so that
  /// the later-computed one is on the short path.
  uint32_t definedAt(Gpr H) const { return DefinedAt[H]; }
  /// Host registers used so far (callee-saved ones must be saved).
  uint32_t usedHosts() const { return Used; }
  static uint32_t bit(Gpr G) { return 1u << G; }

private:
  int32_t homeOf(unsigned R) const { return XOffset + int32_t(8 * R); }
  Gpr take(size_t Index, uint32_t KeepHosts);
  void evict(Gpr H, size_t Index);
  void bindHost(unsigned R, Gpr H);

  Assembler &A;
  const NextUse &Uses;
  Gpr Hart;
  int32_t XOffset;
  std::vector<Gpr> Allocatable;
  std::array<Gpr, 32> HostOf;
  std::array<int8_t, NumGprs> GuestOf; // -1: free.
  std::array<uint32_t, NumGprs> DefinedAt = {};
  std::bitset<32> Dirty; // The Hart's copy is stale.
  std::bitset<32> Known = 1; // x0.
  std::array<uint64_t, 32> Value = {};
  uint32_t Used = 0;
};

} // namespace snipgen::model::jit::x86

#endif
