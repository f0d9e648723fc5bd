//===- Memory.h - Guest memory of the built-in RISC-V model -----*- C++ -*-===//
//
// Guest memory is a small list of regions (base, size, r/w/x rights), each
// backed by lazily-zeroed host memory. Loads and stores go through a one-entry
// "window" per access kind: an address range known to be plain memory with the
// needed right, so that the common case is one subtraction, one compare and a
// memcpy. Everything else (first touch of a region, region edges, executable
// regions for stores, tohost, an active LR reservation, faults) takes the slow
// path in Memory.cpp.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_MEMORY_H
#define SNIPGEN_LIB_MODEL_RISCV_MEMORY_H

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace snipgen::model {

struct Decoded;

enum RegionRights : uint8_t {
  RightRead = 1,
  RightWrite = 2,
  RightExec = 4,
};

/// The decoded-instruction cache of one 4 KiB page of an executable region:
/// one slot per 2-byte parcel (an instruction is found by its start address).
struct DecodedPage;

struct Region {
  uint64_t Base = 0;
  uint64_t Size = 0;
  uint8_t Rights = 0;
  std::string Name;
  uint8_t *Host = nullptr; // Size bytes, zero-filled on creation.
  // Decode cache, one entry per page, set on first fetch (the pages are
  // owned by the Machine, which recycles them; null: not cached).
  std::vector<DecodedPage *> CodePages;

  bool contains(uint64_t Addr, uint64_t Len) const {
    return Addr >= Base && Addr - Base <= Size && Size - (Addr - Base) >= Len;
  }
};

/// A range that the fast path may access directly. Limit is the window size
/// minus 7, so that one unsigned compare `Addr - Base < Limit` proves every
/// access of up to 8 bytes is inside. An empty window has Limit == 0.
struct AccessWindow {
  uint64_t Base = 0;
  uint64_t Limit = 0;
  uint8_t *Host = nullptr; // Host address of Base.

  void clear() { Base = 0, Limit = 0, Host = nullptr; }
};

} // namespace snipgen::model

#endif
