//===- Predecoder.h - Decode templates learned from LLVM --------*- C++ -*-===//
//
// LLVM's disassembler costs about 150-200 ns per instruction, which is most
// of the time of code that runs once (a straight-line snippet). The
// predecoder answers most decodes without it, from templates learned from
// LLVM itself, so no encoding is written by hand:
//
// * Learning. When LLVM has decoded an encoding E0 of an opcode a few times,
//   each bit of E0 is flipped and LLVM decodes the result. A bit whose flip
//   keeps the opcode and changes operands is an operand bit, with a weight
//   per operand (the change); every other bit is fixed. The template is
//   (Mask, Match) of the fixed bits and, per operand, a constant plus runs
//   of operand bits: Op = Base + sum(((E >> Shift) & (2^Width - 1)) * Mult).
//   That is linear in the bits, which covers plain, scaled, scattered and
//   sign-extended (the sign bit has a negative weight) fields, registers
//   with an offset (x8 + rs1' in compressed forms) and tied operands.
// * Checking. The template is then compared with LLVM on encodings of its
//   space: every value of each operand's bits when they are few (register
//   numbers, shift amounts: this finds special values such as rd = x0 or
//   rd = x2, where LLVM decodes another opcode), zero / all-ones / single
//   bits of wider fields, every combination of operands at zero, and random
//   encodings. One disagreement and the template becomes a "reject" one:
//   its encodings always go to LLVM.
// * Lookup. Templates sit in buckets keyed by the bits every RISC-V format
//   fixes at least partly (opcode and funct3; the quadrant and funct3 of
//   16-bit forms); a template goes into each bucket its fixed bits allow.
//
// unittests/Model/PredecoderTest.cpp compares the predecoder with LLVM over
// every 16-bit encoding and millions of 32-bit ones for several ISAs.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_PREDECODER_H
#define SNIPGEN_LIB_MODEL_RISCV_PREDECODER_H

#include "Semantics.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <vector>

namespace snipgen::model {

class Predecoder {
public:
  /// LLVM's answer for an encoding of Size bytes: false if it does not
  /// decode (or has operands that are not registers or immediates); on true
  /// fills Opcode, NumOps and Ops.
  using ReferenceFn =
      llvm::function_ref<bool(uint32_t Encoding, unsigned Size, Decoded &Out)>;

  enum class Lookup { Hit, Miss, Reference };
  /// Hit: Opcode, NumOps, Ops and Fn of Out are filled. Reference: the encoding
  /// lies where LLVM must answer (a rejected template). Miss: unknown.
  Lookup lookup(uint32_t Encoding, unsigned Size, Decoded &Out) const;

  /// Learns a template from E0 (LLVM decoded it to Ref) and checks it. Hits
  /// of the template get Ref.Fn as their handler.
  void learn(uint32_t E0, unsigned Size, const Decoded &Ref,
             ReferenceFn Reference);

  size_t templates() const { return Templates.size(); }
  size_t rejected() const { return Rejected; }

private:
  friend class PredecoderCache; // Templates to and from disk.
  struct Run {
    uint8_t Op, Shift, Width;
    int64_t Mult;
  };
  struct Template {
    uint32_t Mask = 0, Match = 0;
    uint32_t Opcode = 0;
    uint8_t Size = 0, NumOps = 0;
    bool Reject = false;
    Handler Fn = nullptr;
    int64_t Base[MaxOperands] = {};
    llvm::SmallVector<Run, 6> Runs;
  };
  void apply(const Template &T, uint32_t Encoding, Decoded &Out) const;
  bool agrees(const Template &T, uint32_t Encoding, ReferenceFn Reference);
  void insert(Template T);

  static constexpr unsigned Buckets32 = 1024, Buckets16 = 32;
  static unsigned bucketOf(uint32_t Encoding, unsigned Size) {
    return Size == 4 ? ((Encoding >> 12 & 7) << 7 | (Encoding & 0x7f))
                     : Buckets32 + ((Encoding >> 13 & 7) << 2 | (Encoding & 3));
  }
  // What a lookup compares, kept in the bucket itself.
  struct Entry {
    uint32_t Mask, Match, Id;
    uint8_t Size;
    bool Reject;
  };
  std::vector<Template> Templates;
  std::vector<llvm::SmallVector<Entry, 2>> Index =
      std::vector<llvm::SmallVector<Entry, 2>>(Buckets32 + Buckets16);
  size_t Rejected = 0;
  uint64_t Rng = 0x9e3779b97f4a7c15ull; // Fixed seed: learning is repeatable.
};

} // namespace snipgen::model

#endif
