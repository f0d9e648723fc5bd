//===- AddressPlugin.h - llvm-snippy's memory scheme plugins -----*- C++ -*-===//
//
// -address-generator-plugin=lib.so loads a plugin with llvm-snippy's memory
// scheme C interface (its MemorySchemePluginCInterface.h): the library
// exports a data symbol "SnippyMemSchemePluginFuncTable", a table of
//   generateAddress(size, alignment, burst, classId, &mode)
//                       an address for a scalar access of size bytes, or
//                       mode CANNOT_GENERATE_ADDRESS (0) to leave it to
//   generateAddressId(&{schemeId, {mainId, offsetId}})
//                       an id snipgen turns into an address of a scheme
//                       (MemoryPlanner.h, AddressOracle);
//   setAddressInfoFile(name)
//                       with -address-plugin-info-file=name, called once
//                       after loading.
// classId is the LLVM opcode number of the instruction. An address that no
// memory scheme allows is an error, reported after generation before
// anything is written (as an unusable opcode from a generator plugin).
// Vector accesses do not consult the plugin: combining it with RVV memory
// instructions is refused.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_ADDRESSPLUGIN_H
#define SNIPGEN_TOOLS_SNIPGEN_ADDRESSPLUGIN_H

#include "snipgen/Generator/MemoryPlanner.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>

namespace snipgen {

class MCEnvironment;
class OptionTable;

/// True when -address-generator-plugin names a library (not None).
bool wantsAddressPlugin(const OptionTable &Opts);

/// -address-plugin-info-file without -address-generator-plugin is an error.
llvm::Error checkAddressPluginOptions(const OptionTable &Opts);

class AddressPlugin final : public AddressOracle {
public:
  /// Loads the library; with InfoFile (not empty) calls setAddressInfoFile.
  static llvm::Expected<std::unique_ptr<AddressPlugin>>
  load(llvm::StringRef Path, llvm::StringRef InfoFile,
       const MCEnvironment &Env);

  std::optional<uint64_t> address(unsigned Size, unsigned Align, bool Burst,
                                  unsigned Opcode) override;
  std::array<uint64_t, 3> addressId() override;
  void reject(uint64_t Address, unsigned Size, unsigned Opcode) override;

  /// The first error of the generation.
  llvm::Error takeError();
  uint64_t addressesGiven() const { return Given; }

  struct Table;

private:
  AddressPlugin() = default;
  const MCEnvironment *Env = nullptr;
  const Table *T = nullptr;
  std::string Path;
  std::string Err;
  uint64_t Given = 0;
};

} // namespace snipgen

#endif
