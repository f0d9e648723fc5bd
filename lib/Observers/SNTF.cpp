//===- SNTF.cpp - SNippy Trace Format writer ------------------------------===//
#include "snipgen/Observers/SNTF.h"

namespace snipgen {

static const char HexDigits[] = "0123456789abcdef";

static void appendHexNoPrefix(std::string &S, uint64_t V, unsigned Digits) {
  for (unsigned I = 0; I < Digits; ++I)
    S += HexDigits[(V >> (4 * (Digits - 1 - I))) & 15];
}

SNTFObserver::SNTFObserver(llvm::raw_ostream &OS, uint64_t TraceEndPC,
                           SNTFFeatures Features)
    : OS(OS), TraceEndPC(TraceEndPC), Features(Features) {}

void SNTFObserver::onRunStart(ModelHandle &Model) {
  uint64_t Misa = 0;
  Model.api().get_csr(Model.get(), 0x301, &Misa);
  XLen = Misa == 0 || (Misa >> 62) != 0 ? 64 : 32;
  FLen = (Misa >> ('d' - 'a')) & 1 ? 64 : 32;
  auto Flag = [&](bool On, const char *Name) {
    OS << "# " << (On ? '+' : '-') << Name << '\n';
  };
  OS << "# SNTF\n# 1.0\n";
  Flag(Features.Time, "time");
  Flag(Features.PC, "pc");
  Flag(Features.InstrCode, "instr-code");
  Flag(Features.NextPC, "next-pc");
  Flag(Features.RegistersChanged, "registers-changed");
  Flag(Features.MemoryAccesses, "memory-accesses");
  Time = 0;
  Holding = false;
  Regs.clear();
  Mems.clear();
}

void SNTFObserver::onRegWrite(uint32_t File, uint32_t Index, uint64_t Value) {
  // CSRs are not part of the 1.0 "registers-changed" feature.
  if (File != SNIPGEN_REG_X && File != SNIPGEN_REG_F)
    return;
  if (!Regs.empty())
    Regs += ',';
  Regs += File == SNIPGEN_REG_X ? 'x' : 'f';
  Regs += std::to_string(Index);
  Regs += '=';
  appendHexNoPrefix(Regs, Value, (File == SNIPGEN_REG_X ? XLen : FLen) / 4);
}

void SNTFObserver::onMemAccess(uint64_t Addr, uint32_t Size, uint64_t Value,
                               bool IsWrite) {
  if (!Mems.empty())
    Mems += ',';
  appendHexNoPrefix(Mems, Addr, XLen / 4);
  Mems += IsWrite ? ":W:" : ":R:";
  appendHexNoPrefix(Mems, Value, Size * 2);
}

void SNTFObserver::flushHeld(bool AtEnd) {
  if (!Holding)
    return;
  uint64_t NextPC = AtEnd ? TraceEndPC : HeldNextPC;
  std::string Line = HeldPrefix;
  if (Features.NextPC) {
    if (!Line.empty())
      Line += ' ';
    appendHexNoPrefix(Line, NextPC, XLen / 4);
  }
  Line += HeldSuffix;
  Line += '\n';
  OS.write(Line.data(), Line.size());
  Holding = false;
}

void SNTFObserver::onRetire(uint64_t PC, uint32_t Encoding, uint32_t Size,
                            uint64_t NextPC) {
  // The held instruction was not the last one: print its real next pc.
  flushHeld(/*AtEnd=*/false);
  HeldNextPC = NextPC;
  HeldPrefix.clear();
  auto Field = [&]() -> std::string & {
    if (!HeldPrefix.empty())
      HeldPrefix += ' ';
    return HeldPrefix;
  };
  if (Features.Time)
    Field() += std::to_string(Time);
  if (Features.PC)
    appendHexNoPrefix(Field(), PC, XLen / 4);
  if (Features.InstrCode)
    appendHexNoPrefix(Field(), Encoding, 8);
  HeldSuffix.clear();
  if (Features.RegistersChanged && !Regs.empty()) {
    HeldSuffix += ' ';
    HeldSuffix += Regs;
  }
  if (Features.MemoryAccesses && !Mems.empty()) {
    HeldSuffix += ' ';
    HeldSuffix += Mems;
  }
  Holding = true;
  ++Time;
  Regs.clear();
  Mems.clear();
}

void SNTFObserver::onTrap(uint64_t, uint32_t, uint64_t) {
  // A trapping instruction does not retire; drop its partial effects.
  Regs.clear();
  Mems.clear();
}

void SNTFObserver::onRunEnd(ModelHandle &, const snipgen_model_stop_info &) {
  flushHeld(/*AtEnd=*/true);
  OS.flush();
}

} // namespace snipgen
