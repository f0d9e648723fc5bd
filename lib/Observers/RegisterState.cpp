//===- RegisterState.cpp - Register-state YAML (llvm-snippy format) -------===//
#include "snipgen/Observers/RegisterState.h"
#include "snipgen/Support/InputFiles.h"
#include "snipgen/Support/Error.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

using namespace llvm;

namespace snipgen {

static unsigned xlenOf(ModelHandle &M, unsigned &FLen) {
  uint64_t Misa = 0;
  M.api().get_csr(M.get(), 0x301, &Misa);
  FLen = (Misa >> ('d' - 'a')) & 1   ? 64
         : (Misa >> ('f' - 'a')) & 1 ? 32
                                     : 0;
  return Misa == 0 || (Misa >> 62) != 0 ? 64 : 32;
}

RegisterState RegisterState::capture(ModelHandle &M) {
  RegisterState S;
  S.XLen = xlenOf(M, S.FLen);
  for (unsigned I = 0; I < 32; ++I)
    S.X[I] = M.x(I);
  if (S.FLen)
    for (unsigned I = 0; I < 32; ++I)
      S.F[I] = M.f(I);
  S.PC = M.pc();
  S.VLenB = M.api().get_vlenb(M.get());
  for (unsigned I = 0; S.VLenB && I < 32; ++I) {
    std::vector<uint8_t> Bytes(S.VLenB);
    if (M.api().get_v(M.get(), I, Bytes.data(), Bytes.size()) == 0)
      S.V[I] = std::move(Bytes);
  }
  return S;
}

/// Bytes of V beyond the first N that are not zero.
static bool wider(const std::vector<uint8_t> &V, size_t N) {
  for (size_t I = N; I < V.size(); ++I)
    if (V[I])
      return true;
  return false;
}

Error RegisterState::checkFits(ModelHandle &M) const {
  uint32_t ModelVLenB = M.api().get_vlenb(M.get());
  for (unsigned I = 0; I < 32; ++I) {
    if (!V[I])
      continue;
    if (ModelVLenB == 0)
      return createStringError(inconvertibleErrorCode(),
                               "register V" + Twine(I) +
                                   " given, but the model has no vector unit");
    if (wider(*V[I], ModelVLenB))
      return createStringError(inconvertibleErrorCode(),
                               "value of register V" + Twine(I) +
                                   " is wider than VLEN (" +
                                   Twine(ModelVLenB * 8) + " bits)");
  }
  return Error::success();
}

void RegisterState::apply(ModelHandle &M) const {
  unsigned ModelFLen = 0;
  xlenOf(M, ModelFLen);
  for (unsigned I = 1; I < 32; ++I)
    if (X[I])
      M.setX(I, *X[I]);
  for (unsigned I = 0; I < 32; ++I)
    if (F[I]) {
      // With FLEN = 32 the 64-bit register storage holds NaN-boxed singles.
      uint64_t V = *F[I];
      if (ModelFLen == 32)
        V = 0xffffffff00000000ull | (V & 0xffffffffull);
      M.setF(I, V);
    }
  uint32_t ModelVLenB = M.api().get_vlenb(M.get());
  for (unsigned I = 0; ModelVLenB && I < 32; ++I)
    if (V[I]) {
      std::vector<uint8_t> Bytes(*V[I]);
      Bytes.resize(ModelVLenB, 0); // checkFits reports wider values.
      M.api().set_v(M.get(), I, Bytes.data(), Bytes.size());
    }
}

static uint64_t maskTo(uint64_t V, unsigned Bits) {
  return Bits >= 64 ? V : V & ((1ull << Bits) - 1);
}

void RegisterState::writeYaml(
    raw_ostream &OS,
    function_ref<const char *(char File, unsigned I)> Note) const {
  auto Entry = [&](const std::string &Name, uint64_t V, unsigned Bits,
                   const char *Comment) {
    OS << "  - [ " << Name << ", 0x";
    std::string Hex = utohexstr(maskTo(V, Bits), /*LowerCase=*/true);
    unsigned Digits = Bits / 4;
    if (Hex.size() < Digits)
      OS << std::string(Digits - Hex.size(), '0');
    OS << Hex << " ]";
    if (Comment)
      OS << "  # " << Comment;
    OS << "\n";
  };
  OS << "---\nregisters:\n";
  for (unsigned I = 0; I < 32; ++I)
    Entry((Twine("X") + Twine(I)).str(), X[I].value_or(0), XLen,
          Note ? Note('X', I) : nullptr);
  if (FLen)
    for (unsigned I = 0; I < 32; ++I)
      Entry((Twine("F") + Twine(I)).str(), F[I].value_or(0), FLen,
            Note ? Note('F', I) : nullptr);
  for (unsigned I = 0; VLenB && I < 32; ++I) {
    OS << "  - [ V" << I << ", 0x";
    for (unsigned B = VLenB; B-- > 0;) {
      uint8_t Byte = V[I] && B < V[I]->size() ? (*V[I])[B] : 0;
      OS << hexdigit(Byte >> 4, /*LowerCase=*/true)
         << hexdigit(Byte & 15, /*LowerCase=*/true);
    }
    OS << " ]\n";
  }
  if (PC)
    Entry("PC", *PC, XLen, nullptr);
  OS << "...\n";
}

static Error parseError(SourceMgr &SM, yaml::Node *N, const Twine &Msg) {
  return makeError(SM, N->getSourceRange().Start, Msg);
}

Expected<RegisterState>
RegisterState::parseYaml(StringRef Text, StringRef BufferName,
                         std::vector<std::string> *Warnings) {
  SourceMgr SM;
  SM.AddNewSourceBuffer(MemoryBuffer::getMemBufferCopy(Text, BufferName),
                        SMLoc());
  std::string Diag;
  raw_string_ostream DiagOS(Diag);
  SM.setDiagHandler([](const SMDiagnostic &D, void *Ctx) {
    D.print(nullptr, *static_cast<raw_ostream *>(Ctx), /*ShowColors=*/false);
  }, &DiagOS);
  yaml::Stream Stream(SM.getMemoryBuffer(1)->getBuffer(), SM);
  RegisterState S;
  S.FLen = 64;
  bool SawRegisters = false;
  for (yaml::Document &Doc : Stream) {
    auto *Root = dyn_cast_or_null<yaml::MappingNode>(Doc.getRoot());
    if (!Root) {
      if (Doc.getRoot() && !isa<yaml::NullNode>(Doc.getRoot()))
        return parseError(SM, Doc.getRoot(),
                          "expected a mapping with a 'registers' key");
      continue;
    }
    for (yaml::KeyValueNode &KV : *Root) {
      auto *Key = dyn_cast_or_null<yaml::ScalarNode>(KV.getKey());
      SmallString<16> KeyStorage;
      if (!Key || Key->getValue(KeyStorage) != "registers")
        return parseError(SM, KV.getKey() ? KV.getKey() : Root,
                          "unknown key (allowed: 'registers')");
      SawRegisters = true;
      auto *Seq = dyn_cast_or_null<yaml::SequenceNode>(KV.getValue());
      if (!Seq)
        return parseError(SM, KV.getValue() ? KV.getValue() : Root,
                          "'registers' must be a sequence of [name, value]");
      for (yaml::Node &Item : *Seq) {
        auto *Pair = dyn_cast<yaml::SequenceNode>(&Item);
        SmallVector<yaml::ScalarNode *, 2> Fields;
        if (Pair)
          for (yaml::Node &F : *Pair)
            Fields.push_back(dyn_cast<yaml::ScalarNode>(&F));
        if (!Pair || Fields.size() != 2 || !Fields[0] || !Fields[1])
          return parseError(SM, &Item,
                            "expected a [name, value] pair, e.g. [ X1, 0x10 ]");
        SmallString<16> NameStorage, ValueStorage;
        StringRef Name = Fields[0]->getValue(NameStorage);
        StringRef ValueText = Fields[1]->getValue(ValueStorage);
        if (Name.size() > 1 && Name[0] == 'V') {
          unsigned Index = 0;
          if (Name.drop_front().getAsInteger(10, Index) || Index > 31)
            return parseError(SM, Fields[0],
                              "unknown register '" + Name +
                                  "' (allowed: X0..X31, F0..F31, V0..V31, PC)");
          APInt Wide;
          if (ValueText.getAsInteger(0, Wide))
            return parseError(SM, Fields[1],
                              "value '" + ValueText + "' of register " + Name +
                                  " is not an integer");
          if (S.V[Index])
            return parseError(SM, Fields[0],
                              "duplicate value for register " + Name);
          unsigned Bytes = (Wide.getBitWidth() + 7) / 8;
          Wide = Wide.zext(Bytes * 8);
          std::vector<uint8_t> Value(Bytes);
          for (unsigned B = 0; B < Bytes; ++B)
            Value[B] = uint8_t(Wide.extractBitsAsZExtValue(8, B * 8));
          S.V[Index] = std::move(Value);
          continue;
        }
        uint64_t Value = 0;
        if (ValueText.getAsInteger(0, Value))
          return parseError(SM, Fields[1],
                            "value '" + ValueText + "' of register " + Name +
                                " is not a 64-bit integer");
        if (Name == "PC") {
          if (Warnings)
            Warnings->push_back("PC value from YAML has been ignored");
          continue;
        }
        unsigned Index = 0;
        char Class = Name.empty() ? 0 : Name[0];
        if ((Class != 'X' && Class != 'F') ||
            Name.drop_front().getAsInteger(10, Index) || Index > 31)
          return parseError(SM, Fields[0],
                            "unknown register '" + Name +
                                "' (allowed: X0..X31, F0..F31, V0..V31, PC)");
        auto &Slot = Class == 'X' ? S.X[Index] : S.F[Index];
        if (Slot)
          return parseError(SM, Fields[0],
                            "duplicate value for register " + Name);
        Slot = Value;
      }
    }
  }
  if (!Diag.empty()) // YAML syntax errors, already "file:line:col: error:".
    return make_error<UserError>(StringRef(Diag).rtrim().str());
  if (!SawRegisters)
    return createStringError(inconvertibleErrorCode(),
                             BufferName + ": no 'registers' list found");
  return S;
}

Expected<RegisterState>
RegisterState::readYamlFile(StringRef Path, std::vector<std::string> *Warnings) {
  std::string Why;
  auto Buffer = readInputFile(Path, Why);
  if (!Buffer)
    return createStringError(inconvertibleErrorCode(),
                             "cannot read '" + Path + "': " + Why);
  return parseYaml((*Buffer)->getBuffer(), Path, Warnings);
}

} // namespace snipgen
