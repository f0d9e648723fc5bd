//===- ISACatalogueCache.cpp - The probed catalogue, kept on disk ---------===//
//
// Probing every opcode (ISACatalogue.cpp) is most of snipgen's start-up. Its
// result depends only on LLVM's tables, the subtarget and snipgen's own
// probing code, so it is saved after the first run and read back later:
//
// * Where: Support/DiskCache.h ($SNIPGEN_CACHE_DIR, ...). SNIPGEN_CACHE=off
//   turns the cache off.
// * Key: a format version, target, triple, CPU and feature string, and
//   diskCacheIdentity(): LLVM's version and the identity (path, size,
//   modification time) of the running executable and of the loaded
//   libLLVM - a rebuilt snipgen or an updated
//   LLVM never reads an old file. The file holds the whole key and is named
//   by its hash; a file whose key differs is ignored.
// * Safety: every read is bounds-checked and every opcode's name is checked
//   against LLVM's; any mismatch means "no cache" and the catalogue is
//   probed again (and the file rewritten); a checksum catches damaged files. Files are written to a temporary
//   name and renamed, so concurrent runs never see half a file.
//===----------------------------------------------------------------------===//
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Support/DiskCache.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/xxhash.h"
#include "llvm/Support/raw_ostream.h"
#include <cstring>

using namespace llvm;

namespace snipgen {

namespace {

constexpr char Magic[] = "snipgen-isa-catalogue 1\n";

class Writer {
public:
  std::string Out;
  void u8(uint8_t V) { Out.push_back(char(V)); }
  void u32(uint32_t V) { Out.append(reinterpret_cast<const char *>(&V), 4); }
  void i64(int64_t V) { Out.append(reinterpret_cast<const char *>(&V), 8); }
  void str(StringRef S) {
    u32(uint32_t(S.size()));
    Out.append(S.data(), S.size());
  }
};

class Reader {
public:
  explicit Reader(StringRef In) : In(In) {}
  bool Bad = false;
  uint8_t u8() { return uint8_t(take(1)[0]); }
  uint32_t u32() {
    uint32_t V = 0;
    std::memcpy(&V, take(4), 4);
    return V;
  }
  int64_t i64() {
    int64_t V = 0;
    std::memcpy(&V, take(8), 8);
    return V;
  }
  StringRef str() {
    uint32_t N = u32();
    const char *P = take(N);
    return Bad ? StringRef() : StringRef(P, N);
  }
  /// A count of items of at least MinBytes each that can still be present.
  uint32_t count(size_t MinBytes) {
    uint32_t N = u32();
    if (uint64_t(N) * MinBytes > In.size() - Pos)
      Bad = true;
    return Bad ? 0 : N;
  }
  bool atEnd() const { return Pos == In.size(); }

private:
  const char *take(size_t N) {
    static const char Zeros[8] = {};
    if (Bad || N > In.size() - Pos) {
      Bad = true;
      return Zeros;
    }
    const char *P = In.data() + Pos;
    Pos += N;
    return P;
  }
  StringRef In;
  size_t Pos = 0;
};

// Explicit value lists (up to 4096 values of a 12-bit field, per operand)
// are stored as runs of equal steps.
void writeValues(Writer &W, const std::vector<int64_t> &Values) {
  std::vector<std::pair<int64_t, std::pair<uint64_t, uint32_t>>> Runs;
  for (size_t I = 0; I < Values.size();) {
    size_t J = I + 1;
    uint64_t Step = J < Values.size() ? uint64_t(Values[J]) - uint64_t(Values[I]) : 0;
    while (J < Values.size() &&
           uint64_t(Values[J]) - uint64_t(Values[J - 1]) == Step)
      ++J;
    Runs.push_back({Values[I], {Step, uint32_t(J - I)}});
    I = J;
  }
  W.u32(uint32_t(Runs.size()));
  for (auto &[First, SC] : Runs) {
    W.i64(First);
    W.i64(int64_t(SC.first));
    W.u32(SC.second);
  }
}

bool readValues(Reader &R, std::vector<int64_t> &Values) {
  uint32_t Runs = R.count(20);
  for (uint32_t I = 0; I < Runs && !R.Bad; ++I) {
    int64_t First = R.i64();
    uint64_t Step = uint64_t(R.i64());
    uint32_t N = R.u32();
    if (N == 0 || N > (1u << 24) || Values.size() + N > (1u << 24))
      return false;
    for (uint32_t K = 0; K < N; ++K)
      Values.push_back(int64_t(uint64_t(First) + K * Step));
  }
  return !R.Bad && std::is_sorted(Values.begin(), Values.end());
}

} // namespace

std::string ISACatalogue::cacheKey(const MCEnvironment &Env,
                                   const GenTarget &Target) {
  const SubtargetSelection &S = Env.selection();
  std::string Key = Magic;
  Key += "target " + Target.name().str() + "\n";
  Key += "triple " + S.TheTriple.str() + "\ncpu " + S.CPU + "\nfeatures " +
         S.Features + "\n";
  Key += diskCacheIdentity();
  Key += "opcodes " + std::to_string(Env.instrInfo().getNumOpcodes()) + "\n";
  return Key;
}

std::string ISACatalogue::cachePath(StringRef Key) {
  return diskCachePath("isa", Key);
}

std::string ISACatalogue::serialize(StringRef Key) const {
  Writer W;
  W.str(Key);
  W.u32(uint32_t(Available.size()));
  for (const OpcodeDesc &D : Available) {
    W.u32(D.Opcode);
    W.str(D.Name);
    W.u8(D.Size);
    W.u32(uint32_t(D.MayLoad) | uint32_t(D.MayStore) << 1 |
          uint32_t(D.IsBranch) << 2 | uint32_t(D.IsCall) << 3 |
          uint32_t(D.IsReturn) << 4 | uint32_t(D.IsIndirectBranch) << 5 |
          uint32_t(D.IsTerminator) << 6 | uint32_t(D.IsBarrier) << 7 |
          uint32_t(D.HasPCRelOperand) << 8 | uint32_t(D.HasSideEffects) << 9);
    W.i64(D.MemBaseOp);
    W.i64(D.MemOffsetOp);
    W.u32(uint32_t(D.Operands.size()));
    for (const OperandDesc &O : D.Operands) {
      W.u8(uint8_t(O.Role));
      W.u8(O.IsDef);
      W.i64(O.RegClass);
      W.i64(O.TiedTo);
      W.u8(O.LLVMType);
      W.u32(uint32_t(O.LegalRegs.size()));
      for (unsigned R : O.LegalRegs)
        W.u32(R);
      W.i64(O.Imm.Min);
      W.i64(O.Imm.Max);
      W.i64(int64_t(O.Imm.Step));
      W.u8(O.Imm.ZeroExcluded);
      writeValues(W, O.Imm.Values);
    }
  }
  // Unavailable names in opcode order (deterministic files).
  const MCInstrInfo &MII = Env.instrInfo();
  std::vector<unsigned> Unavail;
  for (unsigned Op = 0, E = MII.getNumOpcodes(); Op != E; ++Op)
    if (Op < Unavailable.size() && Unavailable[Op])
      Unavail.push_back(Op);
  W.u32(uint32_t(Unavail.size()));
  for (unsigned Op : Unavail)
    W.u32(Op);
  appendDiskCacheChecksum(W.Out);
  return std::move(W.Out);
}

bool ISACatalogue::deserialize(StringRef Data, StringRef Key) {
  if (!dropDiskCacheChecksum(Data))
    return false;
  Reader R(Data);
  if (R.str() != Key || R.Bad)
    return false;
  const MCInstrInfo &MII = Env.instrInfo();
  unsigned NumOpcodes = MII.getNumOpcodes();
  uint32_t N = R.count(16);
  Available.clear();
  Available.reserve(N);
  for (uint32_t I = 0; I < N && !R.Bad; ++I) {
    OpcodeDesc D;
    D.Opcode = R.u32();
    StringRef Name = R.str();
    if (R.Bad || D.Opcode >= NumOpcodes || MII.getName(D.Opcode) != Name)
      return false;
    D.Name = MII.getName(D.Opcode); // LLVM's storage, as probing sets it.
    D.Size = R.u8();
    uint32_t F = R.u32();
    D.MayLoad = F & 1, D.MayStore = F >> 1 & 1, D.IsBranch = F >> 2 & 1;
    D.IsCall = F >> 3 & 1, D.IsReturn = F >> 4 & 1;
    D.IsIndirectBranch = F >> 5 & 1, D.IsTerminator = F >> 6 & 1;
    D.IsBarrier = F >> 7 & 1, D.HasPCRelOperand = F >> 8 & 1;
    D.HasSideEffects = F >> 9 & 1;
    D.MemBaseOp = int(R.i64());
    D.MemOffsetOp = int(R.i64());
    uint32_t NumOps = R.count(40);
    for (uint32_t K = 0; K < NumOps && !R.Bad; ++K) {
      OperandDesc O;
      uint8_t Role = R.u8();
      if (Role > uint8_t(OperandRole::PCRelative))
        return false;
      O.Role = OperandRole(Role);
      O.IsDef = R.u8();
      O.RegClass = int(R.i64());
      O.TiedTo = int(R.i64());
      O.LLVMType = R.u8();
      uint32_t Regs = R.count(4);
      for (uint32_t J = 0; J < Regs; ++J)
        O.LegalRegs.push_back(R.u32());
      O.Imm.Min = R.i64();
      O.Imm.Max = R.i64();
      O.Imm.Step = uint64_t(R.i64());
      O.Imm.ZeroExcluded = R.u8();
      if (!readValues(R, O.Imm.Values) || O.Imm.Step == 0 ||
          O.TiedTo >= int(NumOps))
        return false;
      D.Operands.push_back(std::move(O));
    }
    if (D.MemBaseOp >= int(NumOps) || D.MemOffsetOp >= int(NumOps))
      return false;
    Available.push_back(std::move(D));
  }
  uint32_t U = R.count(4);
  Unavailable.assign(NumOpcodes, false);
  for (uint32_t I = 0; I < U && !R.Bad; ++I) {
    uint32_t Op = R.u32();
    if (Op >= NumOpcodes)
      return false;
    Unavailable[Op] = true;
  }
  if (R.Bad || !R.atEnd())
    return false;
  for (size_t I = 1; I < Available.size(); ++I)
    if (!(Available[I - 1].Name < Available[I].Name))
      return false;
  return true;
}

std::unique_ptr<ISACatalogue>
ISACatalogue::loadCached(const MCEnvironment &Env, StringRef Key,
                         StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false);
  if (!Buf)
    return nullptr;
  std::unique_ptr<ISACatalogue> Cat(new ISACatalogue(Env));
  if (!Cat->deserialize((*Buf)->getBuffer(), Key))
    return nullptr;
  Cat->index();
  return Cat;
}

void ISACatalogue::saveCached(StringRef Key, StringRef Path) const {
  writeDiskCacheFile(Path, serialize(Key));
}

} // namespace snipgen
