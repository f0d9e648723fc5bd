//===- VectorConfigs.cpp - vtype and vl after every VSET* -----------------===//
#include "snipgen/Observers/VectorConfigs.h"
#include "snipgen/Model/Model.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace snipgen {

void VectorConfigCounter::onRetire(uint64_t, uint32_t Encoding, uint32_t Size,
                                   uint64_t) {
  // OP-V (0x57) with funct3 OPCFG (7): vsetvli, vsetivli, vsetvl.
  if (Size != 4 || (Encoding & 0x707f) != 0x7057 || !Model)
    return;
  uint64_t VType = 0, VL = 0;
  const snipgen_model_api &API = Model->api();
  if (API.get_csr(Model->get(), 0xC21, &VType) != 0 ||
      API.get_csr(Model->get(), 0xC20, &VL) != 0)
    return;
  ++Counts[{VType, VL}];
}

std::string VectorConfigCounter::describe(uint64_t VType) {
  if (VType >> 8)
    return "vill";
  unsigned Sew = (VType >> 3) & 7, Lmul = VType & 7;
  if (Sew > 3 || Lmul == 4)
    return "vill";
  std::string S = "e" + utostr(8u << Sew) + " ";
  S += Lmul & 4 ? "mf" + utostr(1u << (8 - Lmul)) : "m" + utostr(1u << Lmul);
  S += VType & 0x40 ? " ta" : " tu";
  S += VType & 0x80 ? " ma" : " mu";
  return S;
}

std::string VectorConfigCounter::text() const {
  std::string Text;
  raw_string_ostream OS(Text);
  for (const auto &[Key, N] : Counts)
    OS << format_hex(Key.first, 2) << " " << Key.second << " " << N << " "
       << describe(Key.first) << "\n";
  return Text;
}

} // namespace snipgen
