//===- Csr.cpp - The machine-mode CSR file --------------------------------===//
//
// Only machine mode is modelled (no S/U modes, no interrupts sources), so the
// supervisor CSRs, medeleg/mideleg, satp and friends do not exist and access
// to them raises illegal instruction, as on a real M-only hart. PMP is the
// legal "zero entries" implementation (read zero, writes ignored). Counters
// count retired instructions; one instruction is one cycle and `time`
// follows them too, so runs are deterministic.
//===----------------------------------------------------------------------===//
#include "Semantics.h"

namespace snipgen::model {

static constexpr uint64_t MstatusMIE = 1ull << 3, MstatusMPIE = 1ull << 7,
                          MstatusMPP = 3ull << 11;
static constexpr uint64_t MieWritable = (1ull << 3) | (1ull << 7) | (1ull << 11);

static bool hasFloatCsrs(const Hart &H) {
  return ((H.Misa >> ('f' - 'a')) & 1) || H.FloatInX;
}

bool Hart::readCsr(uint16_t Num, uint64_t &Value) {
  uint64_t Cycle = InstRet + CycleAdjust, Instret = InstRet + InstretAdjust;
  bool RV32 = XLen == 32;
  switch (Num) {
  case csr::Fflags:
  case csr::Frm:
  case csr::Fcsr:
    if (!hasFloatCsrs(*this) || (!FloatInX && !fpEnabled()))
      return false;
    Value = Num == csr::Fflags ? Fflags
            : Num == csr::Frm  ? Frm
                               : uint64_t(Frm) << 5 | Fflags;
    return true;
  case csr::Cycle:
  case csr::Time:
  case csr::Mcycle:
    Value = Cycle & AddrMask;
    return true;
  case csr::Instret:
  case csr::Minstret:
    Value = Instret & AddrMask;
    return true;
  case csr::CycleH:
  case csr::TimeH:
  case csr::McycleH:
    if (!RV32)
      return false;
    Value = Cycle >> 32;
    return true;
  case csr::InstretH:
  case csr::MinstretH:
    if (!RV32)
      return false;
    Value = Instret >> 32;
    return true;
  case csr::Mstatus: {
    uint64_t V = Mstatus;
    if ((V & MstatusFS) == MstatusFS)
      V |= 1ull << (XLen - 1); // SD summarises FS == Dirty.
    Value = V & AddrMask;
    return true;
  }
  case csr::Mstatush:
    if (!RV32)
      return false;
    Value = 0;
    return true;
  case csr::Misa: Value = Misa & AddrMask; return true;
  case csr::Mie: Value = Mie; return true;
  case csr::Mip: Value = Mip; return true;
  case csr::Mtvec: Value = Mtvec; return true;
  case csr::Mscratch: Value = Mscratch; return true;
  case csr::Mepc: Value = Mepc; return true;
  case csr::Mcause: Value = Mcause; return true;
  case csr::Mtval: Value = Mtval; return true;
  case csr::Mvendorid:
  case csr::Marchid:
  case csr::Mimpid:
  case 0xF15: // mconfigptr
  case 0x320: // mcountinhibit
    Value = 0;
    return true;
  case csr::Mhartid: Value = Mhartid; return true;
  default:
    break;
  }
  // Ranges that read as zero: hpm counters and events, PMP.
  bool Zero = (Num >= 0xC03 && Num <= 0xC1F) || (Num >= 0xB03 && Num <= 0xB1F) ||
              (Num >= 0x323 && Num <= 0x33F) || (Num >= 0x3B0 && Num <= 0x3EF) ||
              (Num >= 0x3A0 && Num <= 0x3AF && (RV32 || (Num & 1) == 0)) ||
              (RV32 && ((Num >= 0xC83 && Num <= 0xC9F) ||
                        (Num >= 0xB83 && Num <= 0xB9F)));
  if (!Zero)
    return false;
  Value = 0;
  return true;
}

// Counters: a write sets the value seen by the next instruction (the writing
// instruction's own increment is suppressed, as the spec requires).
static void writeCounter(Hart &H, uint64_t &Adjust, uint64_t Value, bool High) {
  uint64_t Current = H.InstRet + Adjust;
  uint64_t New;
  if (H.XLen == 64)
    New = Value;
  else if (High)
    New = (Current & 0xffffffffull) | (Value << 32);
  else
    New = (Current & ~0xffffffffull) | (Value & 0xffffffffull);
  Adjust = New - H.InstRet - 1;
}

bool Hart::writeCsr(uint16_t Num, uint64_t Value) {
  if ((Num >> 10) == 3)
    return false; // Read-only CSR.
  uint64_t Old = 0;
  if (!readCsr(Num, Old))
    return false;
  Value &= AddrMask;
  switch (Num) {
  case csr::Fflags:
    Fflags = Value & 0x1f;
    Mstatus |= FSDirty;
    break;
  case csr::Frm:
    Frm = Value & 7;
    Mstatus |= FSDirty;
    break;
  case csr::Fcsr:
    Fflags = Value & 0x1f;
    Frm = (Value >> 5) & 7;
    Mstatus |= FSDirty;
    break;
  case csr::Mcycle: writeCounter(*this, CycleAdjust, Value, false); break;
  case csr::McycleH: writeCounter(*this, CycleAdjust, Value, true); break;
  case csr::Minstret: writeCounter(*this, InstretAdjust, Value, false); break;
  case csr::MinstretH: writeCounter(*this, InstretAdjust, Value, true); break;
  case csr::Mstatus: {
    uint64_t Writable = MstatusMIE | MstatusMPIE;
    if (hasFloatCsrs(*this) && !FloatInX)
      Writable |= MstatusFS;
    Mstatus = (Mstatus & ~Writable) | (Value & Writable) | MstatusMPP;
    break;
  }
  case csr::Mie: Mie = Value & MieWritable; break;
  case csr::Mtvec:
    // Modes 2 and 3 are reserved: keep direct mode.
    Mtvec = (Value & 3) < 2 ? Value : Value & ~3ull;
    break;
  case csr::Mscratch: Mscratch = Value; break;
  case csr::Mepc: Mepc = Value & ~JumpAlignMask; break;
  case csr::Mcause: Mcause = Value; break;
  case csr::Mtval: Mtval = Value; break;
  default:
    break; // misa, mip, mstatush, PMP, hpm: WARL, writes ignored.
  }
  if (LLVM_UNLIKELY(Observed)) {
    uint64_t New = 0;
    readCsr(Num, New);
    Log.add(StepLog::Csr, Num, 0, New, 0);
  }
  return true;
}

} // namespace snipgen::model
