//===- SplitMix32.h - The memory-initialisation stream ----------*- C++ -*-===//
//
// The 32-bit SplitMix stream -init-memory uses with a memory seed (full,
// loads, runtime), as llvm-snippy produces it: a Weyl sequence (step
// 0x9e3779b9) through a xorshift-multiply finaliser (shifts 16, 15, 15;
// multipliers 0x21f0aaad, 0x735a2d97), one 32-bit little-endian word per
// step, started afresh in every section. The Weyl state starts from the
// memory seed with its four bytes reversed: llvm-snippy's lit tests pin the
// words of memory seed 11 (33 0e 12 73 29 9e d1 9a 53 10 2d ed 30 fb f4 1c),
// which is this stream from state 0x0b000000.
// The runtime routine the RISC-V target emits computes the same words; this
// is the reference for the ELF, the models and the checks.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_SUPPORT_SPLITMIX32_H
#define SNIPGEN_SUPPORT_SPLITMIX32_H

#include <cstdint>
#include <vector>

namespace snipgen {

constexpr uint32_t SplitMix32Step = 0x9e3779b9u;
constexpr uint32_t SplitMix32Mul1 = 0x21f0aaadu;
constexpr uint32_t SplitMix32Mul2 = 0x735a2d97u;
constexpr unsigned SplitMix32Shift1 = 16, SplitMix32Shift2 = 15,
                   SplitMix32Shift3 = 15;

/// The Weyl state a stream from memory seed Seed starts with.
constexpr uint32_t splitMix32InitialState(uint32_t Seed) {
  return (Seed >> 24) | ((Seed >> 8) & 0xff00u) | ((Seed << 8) & 0xff0000u) |
         (Seed << 24);
}

/// The next word; State advances by one step.
inline uint32_t splitMix32Next(uint32_t &State) {
  State += SplitMix32Step;
  uint32_t Z = State;
  Z = (Z ^ (Z >> SplitMix32Shift1)) * SplitMix32Mul1;
  Z = (Z ^ (Z >> SplitMix32Shift2)) * SplitMix32Mul2;
  return Z ^ (Z >> SplitMix32Shift3);
}

/// Size bytes of the stream of memory seed Seed (the last word cut short if
/// needed).
inline std::vector<uint8_t> splitMix32Bytes(uint32_t Seed, uint64_t Size) {
  std::vector<uint8_t> Out(Size);
  uint32_t State = splitMix32InitialState(Seed);
  for (uint64_t I = 0; I < Size; I += 4) {
    uint32_t W = splitMix32Next(State);
    for (uint64_t B = 0; B < 4 && I + B < Size; ++B)
      Out[I + B] = uint8_t(W >> (8 * B));
  }
  return Out;
}

} // namespace snipgen

#endif
