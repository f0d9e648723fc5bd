//===- SplitMix32.h - The memory-initialisation stream ----------*- C++ -*-===//
//
// SplitMix32 as -init-memory uses it (full with -memory-seed, runtime): a
// Weyl sequence (step 0x9e3779b9) through the murmur3 32-bit finaliser, one
// 32-bit little-endian word per step, started afresh from the memory seed in
// every section. The runtime routine the RISC-V target emits computes the
// same words; this is the reference for the ELF, the models and the checks.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_SUPPORT_SPLITMIX32_H
#define SNIPGEN_SUPPORT_SPLITMIX32_H

#include <cstdint>
#include <vector>

namespace snipgen {

constexpr uint32_t SplitMix32Step = 0x9e3779b9u;
constexpr uint32_t SplitMix32Mul1 = 0x85ebca6bu;
constexpr uint32_t SplitMix32Mul2 = 0xc2b2ae35u;

/// The next word; State advances by one step.
inline uint32_t splitMix32Next(uint32_t &State) {
  State += SplitMix32Step;
  uint32_t Z = State;
  Z = (Z ^ (Z >> 16)) * SplitMix32Mul1;
  Z = (Z ^ (Z >> 13)) * SplitMix32Mul2;
  return Z ^ (Z >> 16);
}

/// Size bytes of the stream from Seed (the last word cut short if needed).
inline std::vector<uint8_t> splitMix32Bytes(uint32_t Seed, uint64_t Size) {
  std::vector<uint8_t> Out(Size);
  uint32_t State = Seed;
  for (uint64_t I = 0; I < Size; I += 4) {
    uint32_t W = splitMix32Next(State);
    for (uint64_t B = 0; B < 4 && I + B < Size; ++B)
      Out[I + B] = uint8_t(W >> (8 * B));
  }
  return Out;
}

} // namespace snipgen

#endif
