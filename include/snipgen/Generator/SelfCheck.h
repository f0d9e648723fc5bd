//===- SelfCheck.h - The manual's self-check mode ---------------*- C++ -*-===//
//
// -selfcheck=N: after every N-th primary instruction that writes a GPR or an
// FPR, the snippet stores the register's value (the REAL value, zero-extended
// to 128 bits) into the next pair of the `selfcheck` section, through a
// pointer register reserved for the whole snippet (t6; a5 on RV32E/RV64E)
// that advances by one pair (32 bytes) per check. The section reads
//   REAL-1, ETA-1, REAL-2, ETA-2, ...   (each value 128 bits, little endian)
// With -enable-selfcheck-rvv every register of a vector destination is a
// pair of its own (vs1r.v), and with VLEN > 128 all values are VLEN bits.
//
// The etalons are what the built-in model stores into the REAL slots when it
// runs the finished snippet (SelfCheckRecorder, a model observer). They are
// the initial contents of the section in the output ELF (PROGBITS, loaded),
// so after a run on a device each pair holds the device's value beside the
// model's. Every execution of a check takes a fresh pair, so each iteration
// of a loop and each call of a function gets its own etalon.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_SELFCHECK_H
#define SNIPGEN_GENERATOR_SELFCHECK_H

#include "snipgen/Generator/MemoryCheck.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace snipgen {

class GenTarget;
class InstSink;
class MCEnvironment;
struct Layout;

/// Bytes of one REAL or ETALON value (the manual's 128 bits), and of one
/// pair. With -enable-selfcheck-rvv on a vector unit wider than 128 bits a
/// value is one whole vector register (VLEN bits) instead, for scalar
/// checks too (zero-padded), so that the stride stays one number
/// (__snippy_selfcheck_data_byte_stride).
constexpr unsigned SelfCheckValueBytes = 16;
constexpr unsigned SelfCheckPairBytes = 2 * SelfCheckValueBytes;

/// Emits the pointer initialisation and the check stores.
class SelfCheckEmitter {
public:
  /// Period N (> 0); the layout must have an rw `selfcheck` section.
  /// CheckVectors (-enable-selfcheck-rvv): vector destinations are checked
  /// too, each register of the destination group as one pair (its whole
  /// VLEN bits, stored by vs1r.v, which works whatever vtype holds);
  /// otherwise a checked instruction with a vector destination is skipped
  /// (and counted: vectorChecksSkipped()), as llvm-snippy does.
  static llvm::Expected<std::unique_ptr<SelfCheckEmitter>>
  create(const MCEnvironment &Env, const GenTarget &Target, const Layout &L,
         uint64_t Period, bool CheckVectors = false);
  /// Bytes of one REAL or ETALON value (the section's stride).
  unsigned valueBytes() const { return ValueBytes; }
  unsigned pairBytes() const { return 2 * ValueBytes; }
  /// Vector instructions (RISC-V: opcodes V*) whose turn to be checked came
  /// while vector checks are off.
  uint64_t vectorChecksSkipped() const { return VectorSkipped; }
  /// How many registers a vector destination covers under the current
  /// vector configuration (llvm-snippy: ceil(vl * EEW / VLEN), whole-
  /// register forms their NR). The MC layer names only the first register
  /// of a group for most opcodes (vadd.vv v4 at LMUL 4 writes v4-v7), so
  /// without this hook only the registers the operand itself names are
  /// stored. The vector unit (lib/Generator/Vector) sets it; 0: no more
  /// than the operand names.
  void setVectorGroupSize(std::function<unsigned(const llvm::MCInst &)> F) {
    VectorGroupSize = std::move(F);
  }
  /// The register that holds the next pair's address.
  unsigned pointerRegister() const { return Ptr; }
  uint64_t sectionAddress() const { return Base; }
  uint64_t sectionSize() const { return Size; }
  /// At the start of the entry function: Ptr = section address.
  void emitInit(InstSink &Out) const;
  /// After a primary instruction: counts it and, if it is the N-th and
  /// writes a checkable register, emits the check.
  void afterPrimary(const llvm::MCInst &Primary, InstSink &Out);
  /// The same, given the bytes the builder emitted for the primary (its
  /// address materialisation included): the last instruction of opcode
  /// Opcode among them is the primary.
  void afterPrimaryBytes(unsigned Opcode, llvm::ArrayRef<uint8_t> Bytes,
                         InstSink &Out);
  /// Check sites emitted (static count).
  uint64_t sites() const { return Sites; }

private:
  SelfCheckEmitter(const MCEnvironment &Env, const GenTarget &Target)
      : Env(Env), Target(Target) {}
  bool checkable(const llvm::MCInst &I, unsigned &Reg, bool &IsFP) const;
  bool isVectorOpcode(const llvm::MCInst &I) const;
  bool vectorDestination(const llvm::MCInst &I,
                         llvm::SmallVectorImpl<unsigned> &Regs) const;
  void store(unsigned Opc, unsigned Reg, int64_t Off, InstSink &Out) const;
  void advance(InstSink &Out);

  const MCEnvironment &Env;
  const GenTarget &Target;
  unsigned Ptr = 0, Zero = 0;
  unsigned XStore = 0, XBytes = 8; // SD or SW
  unsigned FStore = 0;             // FSD, FSW or FSH for the FPR width
  unsigned FBytes = 0;
  unsigned AddI = 0;
  unsigned VStore = 0; // vs1r.v; 0: vector destinations are not checked
  unsigned ValueBytes = SelfCheckValueBytes;
  uint64_t Base = 0, Size = 0, Period = 1, Count = 0, Sites = 0;
  uint64_t VectorSkipped = 0;
  std::function<unsigned(const llvm::MCInst &)> VectorGroupSize;
};

/// Observes the model run of the finished snippet: every write into the
/// selfcheck section. Proves that the pairs are filled in order (the k-th
/// check writes pair k) and produces the section image with the etalons.
class SelfCheckRecorder final : public RunCheck {
public:
  SelfCheckRecorder(uint64_t Base, uint64_t Size,
                    unsigned ValueBytes = SelfCheckValueBytes)
      : Base(Base), Size(Size), ValueB(ValueBytes), PairB(2 * ValueBytes) {}
  void onMemAccess(uint64_t Addr, uint32_t Size, uint64_t Value,
                   bool IsWrite) override;
  llvm::Error verdict() override;
  /// Pairs the run filled.
  uint64_t pairs() const { return Next; }
  /// The section's initial contents: REAL slots zero, ETA slots the model's
  /// values, pairs() pairs long.
  std::vector<uint8_t> etalonImage() const;
  /// Adds the section-size diagnosis to a failed run's error.
  llvm::Error explainRunFailure(llvm::Error E) const;

private:
  uint64_t Base, Size;
  unsigned ValueB, PairB;    // bytes of a value and of a pair
  std::vector<uint8_t> Real; // bytes the model wrote, by offset
  uint64_t Next = 0;         // pairs started
  uint64_t Beyond = 0;       // checks that wrote past the section end
  std::string Problem;
};

/// The closed [first, last] intervals of instruction addresses of the
/// snippet's functions (one per function; external functions, which are
/// weak symbols defined elsewhere, excluded), in the
/// YAML of snippy's -dump-intervals-to-verify.
struct Program;
std::string intervalsToVerifyYAML(const MCEnvironment &Env, const Program &P,
                                  uint64_t CodeVMA);

} // namespace snipgen

#endif
