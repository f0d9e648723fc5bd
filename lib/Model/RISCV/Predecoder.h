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
//   A bucket with more than one entry is split further by funct7 (bits
//   31:25; bits 12, 11:10 and 6:5 of 16-bit forms), so a lookup usually
//   compares one entry. Hits run a fixed number of runs (unused ones are
//   zero), so the cost does not depend on the format: no branch to mispredict
//   per operand field.
//
// unittests/Model/PredecoderTest.cpp compares the predecoder with LLVM over
// every 16-bit encoding and millions of 32-bit ones for several ISAs.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_PREDECODER_H
#define SNIPGEN_LIB_MODEL_RISCV_PREDECODER_H

#include "Semantics.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Compiler.h"
#include <cstdint>
#include <cstring>
#include <memory>
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
  Lookup lookup(uint32_t Encoding, unsigned Size, Decoded &Out) const {
    const Bucket &B = Index[bucketOf(Encoding, Size)];
    const Entry *It = B.List.begin(), *End = B.List.end();
    if (B.Split) {
      const auto &L = B.Split[subKeyOf(Encoding, Size)];
      It = L.begin();
      End = L.end();
    }
    for (; It != End; ++It) {
      if ((Encoding & It->Mask) != It->Match)
        continue;
      if (It->Reject)
        return Lookup::Reference;
      apply(Templates[It->Id], Encoding, Out);
      return Lookup::Hit;
    }
    return Lookup::Miss;
  }

  /// Learns a template from E0 (LLVM decoded it to Ref) and checks it. Hits
  /// of the template get Ref.Fn as their handler.
  void learn(uint32_t E0, unsigned Size, const Decoded &Ref,
             ReferenceFn Reference);

  size_t templates() const { return Templates.size(); }
  size_t rejected() const { return Rejected; }

private:
  friend class PredecoderCache; // Templates to and from disk.
  // Runs are sorted by operand. A run computes
  //   Acc = (Acc & Keep) + Add + ((E >> Shift) & Mask) * Mult;  Ops[Op] = Acc
  // where Keep is all ones when the previous run fed the same operand (Add
  // 0), else 0 (Add = the operand's constant). The last run of an operand
  // leaves its value; no run reads Ops back, so runs do not wait on stores.
  // Padding runs repeat the last operand with Mask 0.
  // 16 bytes: templates whose weights or constants do not fit 32 bits are
  // rejected (none in LLVM 22's RISC-V formats).
  struct Run {
    int32_t Mult = 0, Add = 0;
    uint32_t Mask = 0;
    uint8_t Op = 0, Shift = 0, Keep = 0; // Keep: 0 or 1.
  };
  // Runs every template applies (padded); more, up to MaxRuns, are applied
  // when a template has them. A sign bit is a run of its own (its weight is
  // negative), so five cover the R, I, S, U and J formats (most of the
  // instructions of a snippet) without a branch that depends on the format;
  // none of LLVM 22's RISC-V formats needs more than 8.
  static constexpr unsigned FixedRuns = 5, MaxRuns = 16;
  struct Template {
    uint32_t Mask = 0, Match = 0;
    uint32_t Opcode = 0;
    uint8_t Size = 0, NumOps = 0, NumRuns = 0;
    bool Reject = false;
    Handler Fn = nullptr;
    Operand Init[MaxOperands] = {}; // Base as stored (finishRuns).
    Run Runs[MaxRuns];
    int64_t Base[MaxOperands] = {};
  };
  void apply(const Template &T, uint32_t Encoding, Decoded &Out) const {
    Out.Opcode = T.Opcode;
    Out.NumOps = T.NumOps;
    Out.Fn = T.Fn;
    std::memcpy(Out.Ops, T.Init, sizeof(Out.Ops));
    int64_t Acc = 0;
    for (unsigned I = 0; I < FixedRuns; ++I) {
      const Run &R = T.Runs[I];
      Acc = (Acc & -int64_t(R.Keep)) + R.Add +
            int64_t((Encoding >> R.Shift) & R.Mask) * R.Mult;
      Out.Ops[R.Op] = Acc;
    }
    if (LLVM_UNLIKELY(T.NumRuns > FixedRuns))
      for (unsigned I = FixedRuns; I < T.NumRuns; ++I) {
        const Run &R = T.Runs[I];
        Acc = (Acc & -int64_t(R.Keep)) + R.Add +
              int64_t((Encoding >> R.Shift) & R.Mask) * R.Mult;
        Out.Ops[R.Op] = Acc;
      }
  }
  /// Fills Add, Keep and the padding of T's runs; false if a constant does
  /// not fit a run.
  static bool finishRuns(Template &T);
  bool agrees(const Template &T, uint32_t Encoding, ReferenceFn Reference);
  void insert(Template T);

  static constexpr unsigned Buckets32 = 1024, Buckets16 = 32;
  static unsigned bucketOf(uint32_t Encoding, unsigned Size) {
    return Size == 4 ? ((Encoding >> 12 & 7) << 7 | (Encoding & 0x7f))
                     : Buckets32 + ((Encoding >> 13 & 7) << 2 | (Encoding & 3));
  }
  // The second-level key of a split bucket, and the encoding bits it stands
  // for (KeyBits(subKeyOf(E)) == E & SubKeyMask).
  static constexpr unsigned SubKeys = 128;
  static unsigned subKeyOf(uint32_t Encoding, unsigned Size) {
    return Size == 4 ? Encoding >> 25
                     : ((Encoding >> 12 & 1) << 4 | (Encoding >> 10 & 3) << 2 |
                        (Encoding >> 5 & 3));
  }
  static uint32_t subKeyBits(unsigned Key, unsigned Size) {
    return Size == 4 ? uint32_t(Key) << 25
                     : ((Key >> 4 & 1) << 12 | (Key >> 2 & 3) << 10 |
                        (Key & 3) << 5);
  }
  // What a lookup compares, kept in the bucket itself.
  struct Entry {
    uint32_t Mask, Match, Id;
    bool Reject;
  };
  struct Bucket {
    llvm::SmallVector<Entry, 2> List; // Every entry, in insertion order.
    // With two entries or more: List split by subKeyOf (order kept).
    std::unique_ptr<llvm::SmallVector<Entry, 1>[]> Split;
  };
  std::vector<Template> Templates;
  std::vector<Bucket> Index = std::vector<Bucket>(Buckets32 + Buckets16);
  size_t Rejected = 0;
  uint64_t Rng = 0x9e3779b97f4a7c15ull; // Fixed seed: learning is repeatable.
};

} // namespace snipgen::model

#endif
