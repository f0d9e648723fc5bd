//===- AddressPlugin.cpp - llvm-snippy's memory scheme plugins ------------===//
#include "AddressPlugin.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <cstddef>

using namespace llvm;

namespace {
// llvm-snippy's memory scheme plugin C interface, declared here from its
// documented layout: the same types, in the same order.
extern "C" {
struct SnipgenAddressId {
  size_t MainId;
  size_t OffsetId;
};
struct SnipgenAddressGlobalId {
  size_t MemSchemeId;
  SnipgenAddressId AddrId;
};
enum SnipgenGenMode { CannotGenerateAddress = 0, CanGenerateAddress = 1 };
} // extern "C"
constexpr const char *EntryName = "SnippyMemSchemePluginFuncTable";
} // namespace

namespace snipgen {

struct AddressPlugin::Table { // MemorySchemePluginFunctionsTable
  size_t (*GenerateAddress)(size_t AccessSize, size_t Alignment,
                            bool BurstMode, size_t InstrClassId,
                            int *GenMode);
  void (*GenerateAddressId)(SnipgenAddressGlobalId *Id);
  void (*SetAddressInfoFile)(const char *FileName);
};

bool wantsAddressPlugin(const OptionTable &Opts) {
  StringRef P = Opts.getString(OptionID::AddressGeneratorPlugin);
  return !P.empty() && P != "None";
}

Error checkAddressPluginOptions(const OptionTable &Opts) {
  StringRef Info = Opts.getString(OptionID::AddressPluginInfoFile);
  if (!Info.empty() && Info != "None" && !wantsAddressPlugin(Opts))
    return makeOptionError("address-plugin-info-file",
                           "-address-plugin-info-file option was specified, "
                           "but no address plugin file was passed "
                           "(-address-generator-plugin)");
  return Error::success();
}

Expected<std::unique_ptr<AddressPlugin>>
AddressPlugin::load(StringRef Path, StringRef InfoFile,
                    const MCEnvironment &Env) {
  std::string Err;
  sys::DynamicLibrary Lib =
      sys::DynamicLibrary::getPermanentLibrary(Path.str().c_str(), &Err);
  if (!Lib.isValid())
    return makeOptionError("address-generator-plugin",
                           "cannot load '" + Path + "': " + Err);
  auto *T = static_cast<const Table *>(Lib.getAddressOfSymbol(EntryName));
  if (!T)
    return makeOptionError("address-generator-plugin",
                           "Can't find entry point of memory scheme plugin: '" +
                               Path + "' has no '" + EntryName + "' symbol");
  auto Missing = [&](StringRef Fn) {
    return makeOptionError("address-generator-plugin",
                           "'" + Path +
                               "': Invalid memory scheme plugin functions "
                               "table: missing " +
                               Fn + "()");
  };
  if (!T->GenerateAddress)
    return Missing("generateAddress");
  if (!T->GenerateAddressId)
    return Missing("generateAddressId");
  std::unique_ptr<AddressPlugin> P(new AddressPlugin());
  P->Env = &Env;
  P->T = T;
  P->Path = Path.str();
  if (!InfoFile.empty() && InfoFile != "None") {
    if (!T->SetAddressInfoFile)
      return Missing("setAddressInfoFile");
    T->SetAddressInfoFile(InfoFile.str().c_str());
  }
  return std::move(P);
}

std::optional<uint64_t> AddressPlugin::address(unsigned Size, unsigned Align,
                                               bool Burst, unsigned Opcode) {
  int Mode = -1;
  size_t A = T->GenerateAddress(Size, Align, Burst, Opcode, &Mode);
  if (Mode == CannotGenerateAddress)
    return std::nullopt;
  if (Mode != CanGenerateAddress) {
    if (Err.empty())
      Err = "address plugin '" + Path +
              "': Bad response from memory scheme plugin: invalid generation "
              "mode " +
              std::to_string(Mode);
    return std::nullopt;
  }
  ++Given;
  return uint64_t(A);
}

std::array<uint64_t, 3> AddressPlugin::addressId() {
  SnipgenAddressGlobalId Id{0, {0, 0}};
  T->GenerateAddressId(&Id);
  return {uint64_t(Id.MemSchemeId), uint64_t(Id.AddrId.MainId),
          uint64_t(Id.AddrId.OffsetId)};
}

void AddressPlugin::reject(uint64_t Address, unsigned Size, unsigned Opcode) {
  if (!Err.empty())
    return;
  const MCInstrInfo &MII = Env->instrInfo();
  std::string S;
  raw_string_ostream OS(S);
  OS << "address plugin '" << Path << "': address " << format_hex(Address, 0)
     << " of a " << Size << "-byte access ("
     << (Opcode < MII.getNumOpcodes() ? MII.getName(Opcode) : "?")
     << ") is outside every memory scheme: no scheme allows an access there "
        "with its alignment in the memory the snippet may access";
  Err = S;
}

Error AddressPlugin::takeError() {
  if (Err.empty())
    return llvm::Error::success();
  return makeError(Err);
}

} // namespace snipgen
