//===- CommitLog.cpp - Spike-style commit-log trace -----------------------===//
//
// Formatting is hand-rolled (no printf, no per-line allocation) because the
// trace is on the model's hot path: a traced run must stay above 20 MIPS.
//===----------------------------------------------------------------------===//
#include "snipgen/Observers/CommitLog.h"

#include <algorithm>
#include <cstdio>

namespace snipgen {

static const char HexDigits[] = "0123456789abcdef";

/// Appends "0x" and Digits hex digits of V to S.
static void appendHexTo(std::string &S, uint64_t V, unsigned Digits) {
  char Buf[20] = {'0', 'x'};
  for (unsigned I = 0; I < Digits && I < 16; ++I)
    Buf[2 + I] = HexDigits[(V >> (4 * (Digits - 1 - I))) & 15];
  S.append(Buf, 2 + std::min(Digits, 16u));
}

// Two hex digits per byte from a table: the trace formats several 64-bit
// values per instruction.
static const struct HexPairs {
  char Pair[256][2];
  HexPairs() {
    for (unsigned I = 0; I < 256; ++I) {
      Pair[I][0] = HexDigits[I >> 4];
      Pair[I][1] = HexDigits[I & 15];
    }
  }
} Hex;

void CommitLogObserver::appendHex(Effects &E, uint64_t V, unsigned Digits) {
  E.reserve(18);
  char *Out = E.Buf + E.Len;
  Out[0] = '0';
  Out[1] = 'x';
  Digits = std::min(Digits, 16u);
  char *P = Out + 2 + Digits;
  unsigned Left = Digits;
  for (; Left >= 2; Left -= 2, V >>= 8) {
    P -= 2;
    std::memcpy(P, Hex.Pair[V & 0xff], 2);
  }
  if (Left)
    *--P = HexDigits[V & 15];
  E.Len += 2 + Digits;
}

CommitLogObserver::CommitLogObserver(llvm::raw_ostream &OS,
                                     const InstructionPrinter &Printer,
                                     unsigned HartId)
    : OS(OS), Printer(Printer) {
  std::snprintf(CorePrefix, sizeof(CorePrefix), "core %3u: ", HartId);
  char Name[16];
  for (unsigned I = 0; I < 32; ++I) {
    std::snprintf(Name, sizeof(Name), " x%-2u ", I);
    XNames[I] = Name;
    std::snprintf(Name, sizeof(Name), " f%-2u ", I);
    FNames[I] = Name;
    std::snprintf(Name, sizeof(Name), " v%-2u ", I);
    VNames[I] = Name;
  }
}

void CommitLogObserver::onRunStart(ModelHandle &M) {
  Model = &M;
  uint64_t Misa = 0;
  M.api().get_csr(M.get(), 0x301, &Misa);
  // misa.MXL sits in the top two bits of an XLEN-bit value.
  XLen = Misa == 0 || (Misa >> 62) != 0 ? 64 : 32;
  FLen = (Misa >> ('d' - 'a')) & 1 ? 64 : 32;
  for (CachedLine &L : Lines)
    L.PC = ~0ull;
  Regs.Len = Loads.Len = Stores.Len = 0;
  OS << "#===Simulation Start===\n";
}

void CommitLogObserver::onRegWrite(uint32_t File, uint32_t Index,
                                   uint64_t Value) {
  switch (File) {
  case SNIPGEN_REG_X:
    Regs.append(XNames[Index & 31].data(), XNames[Index & 31].size());
    appendHex(Regs, Value, XLen / 4);
    return;
  case SNIPGEN_REG_F:
    Regs.append(FNames[Index & 31].data(), FNames[Index & 31].size());
    appendHex(Regs, Value, FLen / 4);
    return;
  case SNIPGEN_REG_CSR: {
    std::string Name = " c" + std::to_string(Index) + "_" + csrName(Index) + " ";
    Regs.append(Name.data(), Name.size());
    appendHex(Regs, Value, XLen / 4);
    return;
  }
  case SNIPGEN_REG_V:
    appendVReg(Index & 31);
    return;
  default:
    return;
  }
}

void CommitLogObserver::appendVReg(unsigned Index) {
  if (!Model)
    return;
  const snipgen_model_api &API = Model->api();
  uint32_t VLenB = API.get_vlenb(Model->get());
  VBytes.resize(VLenB);
  if (VLenB == 0 ||
      API.get_v(Model->get(), Index, VBytes.data(), VBytes.size()) != 0)
    return;
  if (!VecContextShown) {
    // Spike's " e32 m1 l4": SEW, LMUL (mf<n> when fractional) and vl.
    uint64_t VType = 0, VL = 0;
    API.get_csr(Model->get(), 0xC21, &VType);
    API.get_csr(Model->get(), 0xC20, &VL);
    unsigned Sew = 8u << ((VType >> 3) & 7), Lmul = VType & 7;
    char Ctx[48];
    int N = std::snprintf(Ctx, sizeof(Ctx), " e%u %s%u l%llu", Sew,
                          Lmul & 4 ? "mf" : "m",
                          Lmul & 4 ? 1u << (8 - Lmul) : 1u << Lmul,
                          (unsigned long long)VL);
    Regs.append(Ctx, unsigned(N));
    VecContextShown = true;
  }
  Regs.append(VNames[Index].data(), unsigned(VNames[Index].size()));
  Regs.reserve(2 + 2 * VLenB);
  char *Out = Regs.Buf + Regs.Len;
  *Out++ = '0';
  *Out++ = 'x';
  for (uint32_t I = VLenB; I-- > 0; Out += 2)
    std::memcpy(Out, Hex.Pair[VBytes[I]], 2);
  Regs.Len += 2 + 2 * VLenB;
}

void CommitLogObserver::onMemAccess(uint64_t Addr, uint32_t Size,
                                    uint64_t Value, bool IsWrite) {
  Effects &To = IsWrite ? Stores : Loads;
  To.append(" mem ", 5);
  appendHex(To, Addr, XLen / 4);
  if (IsWrite) {
    To.append(" ", 1);
    appendHex(To, Value, Size * 2);
  }
}

const std::string &CommitLogObserver::linePrefix(uint64_t PC, uint32_t Encoding,
                                                 uint32_t Size) {
  CachedLine &L = Lines[(PC >> 1) & (Lines.size() - 1)];
  if (L.PC == PC && L.Encoding == Encoding)
    return L.Text;
  L.PC = PC;
  L.Encoding = Encoding;
  std::string &T = L.Text;
  T.clear();
  // Instruction line: pc always 16 digits, bits always 8 (Spike's -l).
  T += CorePrefix;
  appendHexTo(T, PC, 16);
  T += " (";
  appendHexTo(T, Encoding, 8);
  T += ") ";
  T += Printer.print(Encoding, Size, PC);
  T += '\n';
  // Commit line: privilege 3 (M), pc XLEN wide, bits as wide as the
  // instruction.
  T += CorePrefix;
  T += "3 ";
  appendHexTo(T, PC, XLen / 4);
  T += " (";
  appendHexTo(T, Encoding, Size * 2);
  T += ')';
  return T;
}

void CommitLogObserver::onRetire(uint64_t PC, uint32_t Encoding,
                                 uint32_t Size, uint64_t NextPC) {
  const std::string &Prefix = linePrefix(PC, Encoding, Size);
  OS.write(Prefix.data(), Prefix.size());
  // Loads and stores follow the register writes in one buffer.
  Regs.append(Loads.Buf, Loads.Len);
  Regs.append(Stores.Buf, Stores.Len);
  Regs.append("\n", 1);
  OS.write(Regs.Buf, Regs.Len);
  Regs.Len = Loads.Len = Stores.Len = 0;
  VecContextShown = false;
}

void CommitLogObserver::onTrap(uint64_t PC, uint32_t Cause, uint64_t Tval) {
  static const char *const Names[] = {
      "trap_instruction_address_misaligned",
      "trap_instruction_access_fault",
      "trap_illegal_instruction",
      "trap_breakpoint",
      "trap_load_address_misaligned",
      "trap_load_access_fault",
      "trap_store_address_misaligned",
      "trap_store_access_fault",
      "trap_user_ecall",
      "trap_supervisor_ecall",
      "trap_virtual_supervisor_ecall",
      "trap_machine_ecall"};
  std::string Line;
  uint32_t Bits = 0;
  if (Model && Model->api().read_mem(Model->get(), PC, &Bits, 2) == 0) {
    unsigned Size = (Bits & 3) == 3 ? 4 : 2;
    if (Size == 4)
      Model->api().read_mem(Model->get(), PC, &Bits, 4);
    Line += CorePrefix;
    appendHexTo(Line, PC, 16);
    Line += " (";
    appendHexTo(Line, Bits, 8);
    Line += ") ";
    Line += Printer.print(Bits, Size, PC);
    Line += '\n';
  }
  Line += CorePrefix;
  Line += "exception ";
  Line += Cause < 12 ? Names[Cause] : "trap_unknown";
  Line += ", epc ";
  appendHexTo(Line, PC, XLen / 4);
  Line += '\n';
  Line += CorePrefix;
  Line += "          tval ";
  appendHexTo(Line, Tval, XLen / 4);
  Line += '\n';
  OS.write(Line.data(), Line.size());
  Regs.Len = Loads.Len = Stores.Len = 0;
  VecContextShown = false;
}

void CommitLogObserver::onRunEnd(ModelHandle &, const snipgen_model_stop_info &) {
  OS.flush();
  Model = nullptr;
}

std::string CommitLogObserver::csrName(uint32_t Num) {
  switch (Num) {
  case 0x001: return "fflags";
  case 0x002: return "frm";
  case 0x003: return "fcsr";
  case 0x008: return "vstart";
  case 0x009: return "vxsat";
  case 0x00A: return "vxrm";
  case 0x00F: return "vcsr";
  case 0xC20: return "vl";
  case 0xC21: return "vtype";
  case 0xC22: return "vlenb";
  case 0x300: return "mstatus";
  case 0x301: return "misa";
  case 0x302: return "medeleg";
  case 0x303: return "mideleg";
  case 0x304: return "mie";
  case 0x305: return "mtvec";
  case 0x306: return "mcounteren";
  case 0x310: return "mstatush";
  case 0x320: return "mcountinhibit";
  case 0x340: return "mscratch";
  case 0x341: return "mepc";
  case 0x342: return "mcause";
  case 0x343: return "mtval";
  case 0x344: return "mip";
  case 0xB00: return "mcycle";
  case 0xB02: return "minstret";
  case 0xB80: return "mcycleh";
  case 0xB82: return "minstreth";
  case 0xC00: return "cycle";
  case 0xC01: return "time";
  case 0xC02: return "instret";
  case 0xF11: return "mvendorid";
  case 0xF12: return "marchid";
  case 0xF13: return "mimpid";
  case 0xF14: return "mhartid";
  }
  if (Num >= 0x3A0 && Num <= 0x3AF)
    return "pmpcfg" + std::to_string(Num - 0x3A0);
  if (Num >= 0x3B0 && Num <= 0x3EF)
    return "pmpaddr" + std::to_string(Num - 0x3B0);
  return "csr" + std::to_string(Num);
}

} // namespace snipgen
