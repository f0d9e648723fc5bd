//===- RISCVAccessSizes.cpp - Bytes touched by each memory opcode ---------===//
//
// The one table of access sizes for RISC-V scalar memory opcodes (LLVM does
// not describe access widths in MC). A unit test checks that every load,
// store and AMO opcode available for rv64gc (and friends) has an entry.
// Vector memory opcodes depend on the vector configuration and are handled
// by the vector support, not here.
//===----------------------------------------------------------------------===//
#include "RISCVTarget.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace snipgen {

// Width letter of atomics: LR_W, AMOADD_D_AQ_RL, AMOCAS_Q, AMOSWAP_B ...
static unsigned atomicWidth(StringRef Name) {
  SmallVector<StringRef, 4> Parts;
  Name.split(Parts, '_');
  if (Parts.size() < 2)
    return 0;
  return StringSwitch<unsigned>(Parts[1])
      .Case("B", 1)
      .Case("H", 2)
      .Case("W", 4)
      .Case("D", 8)
      .Case("Q", 16)
      .Default(0);
}

unsigned riscvAccessSize(StringRef Name) {
  unsigned Plain = StringSwitch<unsigned>(Name)
                       // Base integer.
                       .Cases({"LB", "LBU", "SB"}, 1)
                       .Cases({"LH", "LHU", "SH"}, 2)
                       .Cases({"LW", "LWU", "SW"}, 4)
                       .Cases({"LD", "SD", "LD_RV32", "SD_RV32"}, 8)
                       // Floating point.
                       .Cases({"FLH", "FSH"}, 2)
                       .Cases({"FLW", "FSW"}, 4)
                       .Cases({"FLD", "FSD"}, 8)
                       .Cases({"FLQ", "FSQ"}, 16)
                       // Compressed (C, Zcb, Zcf, Zcd, Zclsd).
                       .Cases({"C_LBU", "C_SB"}, 1)
                       .Cases({"C_LH", "C_LHU", "C_SH"}, 2)
                       .Cases({"C_LW", "C_SW", "C_LWSP", "C_SWSP"}, 4)
                       .Cases({"C_LD", "C_SD", "C_LDSP", "C_SDSP"}, 8)
                       .Cases({"C_LD_RV32", "C_SD_RV32", "C_LDSP_RV32",
                               "C_SDSP_RV32"},
                              8)
                       .Cases({"C_FLW", "C_FSW", "C_FLWSP", "C_FSWSP"}, 4)
                       .Cases({"C_FLD", "C_FSD", "C_FLDSP", "C_FSDSP"}, 8)
                       // Hypervisor virtual-machine loads/stores.
                       .Cases({"HLV_B", "HLV_BU", "HSV_B"}, 1)
                       .Cases({"HLV_H", "HLV_HU", "HLVX_HU", "HSV_H"}, 2)
                       .Cases({"HLV_W", "HLV_WU", "HLVX_WU", "HSV_W"}, 4)
                       .Cases({"HLV_D", "HSV_D"}, 8)
                       // Zicbop prefetch hints touch no memory and never
                       // fault; they still get an address inside a scheme
                       // (the byte their effective address names).
                       .Cases({"PREFETCH_I", "PREFETCH_R", "PREFETCH_W"}, 1)
                       // Zalasr load-acquire / store-release.
                       .StartsWith("LB_AQ", 1)
                       .StartsWith("LH_AQ", 2)
                       .StartsWith("LW_AQ", 4)
                       .StartsWith("LD_AQ", 8)
                       .StartsWith("SB_RL", 1)
                       .StartsWith("SH_RL", 2)
                       .StartsWith("SW_RL", 4)
                       .StartsWith("SD_RL", 8)
                       .Default(0);
  if (Plain)
    return Plain;
  if (Name.starts_with("LR_") || Name.starts_with("SC_") ||
      Name.starts_with("AMO") || Name.starts_with("SSAMOSWAP_"))
    return atomicWidth(Name);
  return 0;
}

bool riscvIsAtomicAccess(StringRef Name) {
  return Name.starts_with("LR_") || Name.starts_with("SC_") ||
         Name.starts_with("AMO") || Name.starts_with("SSAMOSWAP_") ||
         Name.contains("_AQ") || Name.contains("_RL");
}

} // namespace snipgen
