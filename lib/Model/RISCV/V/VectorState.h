//===- VectorState.h - RVV 1.0 architectural state of one hart -*- C++ -*-===//
//
// The vector unit's state lives in Hart::V. Registers are stored compactly:
// register r occupies bytes [r * VLenB, (r + 1) * VLenB) of Bytes, so a
// register group (LMUL > 1, or a segment's fields) is one contiguous byte
// range and element i of the group starting at r is simply element i of
// that range. The host is little-endian, as RISC-V is, so element i of
// width W sits at byte offset i * W.
//
// Configuration (VLEN, ELEN, agnostic policy) is fixed at machine creation;
// the CSRs (vl, vtype, vstart, vxrm, vxsat) change at run time.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_V_VECTORSTATE_H
#define SNIPGEN_LIB_MODEL_RISCV_V_VECTORSTATE_H

#include <cstdint>
#include <cstring>

namespace snipgen::model {

/// Largest VLEN the model supports (zvl1024b), in bytes.
inline constexpr unsigned MaxVLenBytes = 1024 / 8;

/// mstatus.VS (bits 10:9): 0 Off, 1 Initial, 2 Clean, 3 Dirty.
inline constexpr uint64_t MstatusVS = 3ull << 9;

struct VectorState {
  // --- Configuration (constant during a run) -------------------------------
  unsigned VLenB = 0; // VLEN / 8; 0 when the ISA has no vector unit.
  unsigned ELen = 64; // 32 for Zve32*.
  // Widest FP element (0: no FP vector instructions; 32 for Zve32f/Zve64f;
  // 64 for V and Zve64d). Half-precision elements come with Zvfh.
  unsigned ELenFp = 64;
  // Tail- and mask-agnostic elements: false leaves them undisturbed (the
  // default, so the model agrees with QEMU and with every implementation
  // that does not write them); true writes all ones, the other legal choice.
  bool AgnosticOnes = false;

  // --- CSRs ----------------------------------------------------------------
  uint64_t VL = 0;
  uint64_t VType = 0; // Raw CSR value; vill is bit XLEN-1.
  uint64_t VStart = 0;
  uint8_t Vxrm = 0;  // vcsr[2:1]
  uint8_t Vxsat = 0; // vcsr[0]

  // --- vtype, decoded (kept in step with VType by setVType) ----------------
  bool Vill = true;
  unsigned Sew = 8;   // Element width in bits: 8, 16, 32, 64.
  int LmulLog2 = 0;   // -3 (mf8) .. 3 (m8).
  bool Vta = false, Vma = false;

  // --- Registers -----------------------------------------------------------
  alignas(16) uint8_t Bytes[32 * MaxVLenBytes] = {};

  uint8_t *reg(unsigned R) { return Bytes + size_t(R) * VLenB; }
  const uint8_t *reg(unsigned R) const { return Bytes + size_t(R) * VLenB; }

  /// Element I of width sizeof(T) of the group starting at register R.
  template <typename T> T get(unsigned R, uint64_t I) const {
    T Value;
    std::memcpy(&Value, reg(R) + I * sizeof(T), sizeof(T));
    return Value;
  }
  template <typename T> void set(unsigned R, uint64_t I, T Value) {
    std::memcpy(reg(R) + I * sizeof(T), &Value, sizeof(T));
  }
  /// Bit I of register R (mask layout: bit I of the register's bytes).
  bool bit(unsigned R, uint64_t I) const {
    return (reg(R)[I >> 3] >> (I & 7)) & 1;
  }
  void setBit(unsigned R, uint64_t I, bool Value) {
    uint8_t &Byte = reg(R)[I >> 3];
    Byte = uint8_t((Byte & ~(1u << (I & 7))) | (unsigned(Value) << (I & 7)));
  }
  /// Whether element I is active under v0.t (always true when unmasked).
  bool active(bool Masked, uint64_t I) const { return !Masked || bit(0, I); }

  /// VLMAX for an element width in bits and an LMUL given as log2 (may be
  /// negative): VLEN * LMUL / SEW.
  uint64_t vlmax(unsigned SewBits, int LmulLog2Of) const {
    uint64_t Bits = uint64_t(VLenB) * 8;
    return LmulLog2Of >= 0 ? (Bits << LmulLog2Of) / SewBits
                           : (Bits >> -LmulLog2Of) / SewBits;
  }
  uint64_t vlmax() const { return vlmax(Sew, LmulLog2); }
  /// Registers in a group of LMUL 2^LmulLog2Of (1 for fractional LMUL).
  static unsigned groupRegs(int LmulLog2Of) {
    return LmulLog2Of > 0 ? 1u << LmulLog2Of : 1u;
  }
  /// Elements of width SewBits that fill a whole group of EMUL 2^EmulLog2
  /// (the index range of tail elements: [vl, this)). For a fractional EMUL
  /// the tail runs to the end of the one register, as the spec allows.
  uint64_t groupElements(unsigned SewBits, int EmulLog2) const {
    return uint64_t(VLenB) * 8 * groupRegs(EmulLog2) / SewBits;
  }

  /// Sets vtype from a vsetvl{i} operand; returns false (and sets vill) when
  /// the value is not a supported configuration. XLen places vill.
  bool setVType(uint64_t Value, unsigned XLen) {
    unsigned VSewCode = (Value >> 3) & 7, VLmul = Value & 7;
    uint64_t Reserved = Value >> 8;
    int Lmul = VLmul & 4 ? int(VLmul) - 8 : int(VLmul);
    unsigned SewBits = 8u << VSewCode;
    // A fractional LMUL is legal when a register fraction holds at least
    // one element: VLEN * LMUL >= SEW. This is QEMU 10's rule (the spec
    // requires only LMUL >= SEW/ELEN and lets implementations accept more;
    // QEMU does, e.g. e32 mf4 and e64 mf2 at VLEN 128), followed so that
    // the model agrees with it.
    bool Ok = Reserved == 0 && VSewCode <= 3 && VLmul != 4 && SewBits <= ELen &&
              (Lmul >= 0 || ((uint64_t(VLenB) * 8) >> -Lmul) >= SewBits);
    if (!Ok) {
      Vill = true;
      VType = 1ull << (XLen - 1);
      Sew = 8;
      LmulLog2 = 0;
      Vta = Vma = false;
      return false;
    }
    Vill = false;
    VType = Value & 0xff;
    Sew = SewBits;
    LmulLog2 = Lmul;
    Vta = (Value >> 6) & 1;
    Vma = (Value >> 7) & 1;
    return true;
  }
};

} // namespace snipgen::model

#endif
