//===- Decoder.h - LLVM MC disassembler behind the model --------*- C++ -*-===//
//
// Wraps the MC objects for one ISA configuration (triple + features from the
// ISA string) and the opcode-number -> handler table built from the semantic
// registrations. Also used by observers to print instructions.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_DECODER_H
#define SNIPGEN_LIB_MODEL_RISCV_DECODER_H

#include "Predecoder.h"
#include "Semantics.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class MCInst;
class MCInstrInfo;
class MCRegisterInfo;
class MCSubtargetInfo;
class MCAsmInfo;
class MCContext;
class MCDisassembler;
class MCInstPrinter;
class Target;
} // namespace llvm

namespace snipgen {
class OpcodeIndex;
}

namespace snipgen::model {

class Decoder {
public:
  /// Parses the ISA string (e.g. "rv64gc_zicond"); XLen 0 = from the string.
  static llvm::Expected<std::unique_ptr<Decoder>> create(llvm::StringRef Isa,
                                                         unsigned XLen);
  ~Decoder();

  unsigned xlen() const { return XLen; }
  /// misa extension bits (A..Z) implied by the ISA string.
  uint64_t misaExtensions() const { return MisaBits; }
  bool hasCompressed() const { return Compressed; }
  bool hasFloat() const { return (MisaBits >> ('f' - 'a')) & 1; }
  /// Zfinx: floating point in the X registers (misa.F stays 0).
  bool hasFloatInX() const { return FloatInX; }
  /// The vector unit (V or Zve*): VLEN in bits (0 without one), ELEN, and
  /// the widest FP element (0 for Zve32x/Zve64x).
  unsigned vlen() const { return VLen; }
  unsigned elen() const { return ELen; }
  unsigned elenFp() const { return ELenFp; }

  enum class Result { Ok, Invalid, NoSemantics };
  /// Decodes one instruction from Bytes (2 or 4 available). On Ok and
  /// NoSemantics fills Out (Fn is null for NoSemantics). Answers from the
  /// predecoder's templates when it can (Predecoder.h), else from LLVM.
  Result decode(llvm::ArrayRef<uint8_t> Bytes, uint64_t Address,
                Decoded &Out) const;
  /// The same for an instruction already read: Encoding holds its Size (2
  /// or 4) bytes, zero-extended. The model's fetch path.
  Result decode(uint32_t Encoding, unsigned Size, uint64_t Address,
                Decoded &Out) const {
    if (LLVM_LIKELY(LearnAfter)) {
      Predecoder::Lookup L = Pre.lookup(Encoding, Size, Out);
      if (LLVM_LIKELY(L == Predecoder::Lookup::Hit)) {
        Out.Encoding = Encoding;
        Out.Size = uint8_t(Size);
        return Out.Fn ? Result::Ok : Result::NoSemantics;
      }
      return decodeAndLearn(Encoding, Size, Address, Out, L);
    }
    uint8_t B[4] = {uint8_t(Encoding), uint8_t(Encoding >> 8),
                    uint8_t(Encoding >> 16), uint8_t(Encoding >> 24)};
    return decodeWithLLVM(llvm::ArrayRef<uint8_t>(B, Size), Address, Out);
  }
  /// The same with LLVM's disassembler only (the reference).
  Result decodeWithLLVM(llvm::ArrayRef<uint8_t> Bytes, uint64_t Address,
                        Decoded &Out) const;
  /// Learn a template for an opcode once LLVM has decoded it N times (0:
  /// never, the predecoder is off). Default 4, or 0 with
  /// SNIPGEN_PREDECODE=off in the environment.
  void setLearnAfter(unsigned N) { LearnAfter = N; }
  const Predecoder &predecoder() const { return Pre; }
  /// Starts from the templates kept on disk (PredecoderCache.h) and keeps
  /// new ones there when the decoder is destroyed. Models call this; tests
  /// of learning do not.
  void useTemplateCache();
  /// Name of an LLVM opcode.
  llvm::StringRef opcodeName(unsigned Opcode) const;
  /// Disassembly text (LLVM's printer with aliases, ABI register names).
  /// PadMnemonic pads the mnemonic to 8 columns (Spike's trace layout);
  /// otherwise one space separates it from the operands.
  std::string print(llvm::ArrayRef<uint8_t> Bytes, uint64_t Address,
                    bool PadMnemonic = true) const;
  /// True for opcodes after which straight-line code may not go on (LLVM's
  /// branch, call, return, barrier and terminator flags, pc-relative
  /// operands, JALR) or often does not
  /// (side effects LLVM does not model: ecall, ebreak, CSR accesses,
  /// fences): the decode cache decodes ahead of the pc only up to such an
  /// instruction.
  bool endsStraightRun(unsigned Opcode) const {
    return Opcode >= EndsRun.size() || EndsRun[Opcode];
  }
  /// Handler registered for Opcode, or null.
  Handler handlerFor(unsigned Opcode) const {
    return Opcode < Handlers.size() ? Handlers[Opcode] : nullptr;
  }
  const llvm::MCInstrInfo &instrInfo() const { return *MII; }
  /// LLVM's RISC-V opcodes by name (built once per decoder: it reads every
  /// opcode name, which costs a start measurable time).
  const OpcodeIndex &opcodeIndex() const { return *Opcodes; }
  const llvm::MCDisassembler &disassembler() const { return *Dis; }
  const llvm::MCSubtargetInfo &subtarget() const { return *STI; }
  const llvm::MCRegisterInfo &registerInfo() const { return *MRI; }

private:
  Decoder() = default;
  /// LLVM decodes what the predecoder did not answer (L), learning a
  /// template when due.
  Result decodeAndLearn(uint32_t Encoding, unsigned Size, uint64_t Address,
                        Decoded &Out, Predecoder::Lookup L) const;
  unsigned XLen = 64;
  uint64_t MisaBits = 0;
  bool Compressed = false;
  bool FloatInX = false;
  unsigned VLen = 0, ELen = 0, ELenFp = 0;
  const llvm::Target *TheTarget = nullptr;
  std::unique_ptr<llvm::MCRegisterInfo> MRI;
  std::unique_ptr<llvm::MCInstrInfo> MII;
  std::unique_ptr<llvm::MCSubtargetInfo> STI;
  std::unique_ptr<llvm::MCAsmInfo> MAI;
  std::unique_ptr<llvm::MCContext> Ctx;
  std::unique_ptr<llvm::MCDisassembler> Dis;
  std::unique_ptr<llvm::MCInstPrinter> Printer;
  std::unique_ptr<OpcodeIndex> Opcodes;
  std::vector<Handler> Handlers; // Indexed by opcode.
  std::vector<uint8_t> EndsRun;  // Indexed by opcode: endsStraightRun().
  // Decoding state (decode() is logically const).
  mutable Predecoder Pre;
  mutable std::vector<uint8_t> Seen; // LLVM decodes per opcode, saturated.
  unsigned LearnAfter = 4;
  std::string Features;          // LLVM's feature string of the ISA.
  std::string TemplateCacheKey;  // Set by useTemplateCache().
  std::string TemplateCachePath;
  size_t CachedTemplates = 0;    // Templates read from the file.
};

/// Initialises the RISC-V MC target once per process.
void initializeRISCVTarget();

} // namespace snipgen::model

#endif
