//===- RegisterPlugin.h - llvm-snippy's register plugins ---------*- C++ -*-===//
//
// -reg-generator-plugin=lib.so loads a plugin with llvm-snippy's register C
// interface (its RegisterPluginCInterface.h): the library exports a data
// symbol "RegFuncTable", a table of
//   setContext(ctx)      a generation session starts (one per primary
//                        instruction, again after a rejection); ctx gives
//                        regIsValid(reg, handle): may the current operand
//                        take reg? and getRegFromStr(name, handle): the
//                        register named name ("X5", "F3_D"; 0 if none);
//   generate(maxReg)     a register for the next register operand, as
//                        {REQUEST_IS_VALID, reg}, or REQUEST_IS_INVALID to
//                        start the instruction's session again;
//   setRegInfoFile(name) with -reg-plugin-info-file=name, once after loading.
// Registers are LLVM register numbers of the RISC-V target, 0..maxReg.
// The plugin chooses the register operands of plain primary instructions
// (not branches, calls or vector instructions); a memory base it chooses
// may be replaced by one that already holds a value near the address
// (MemoryPlanner.h). A register the operand may not take (reserved, not
// of its class) is an error, and so are 16 rejections in a row; both are
// reported after generation before anything is written.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_REGISTERPLUGIN_H
#define SNIPGEN_TOOLS_SNIPGEN_REGISTERPLUGIN_H

#include "snipgen/Generator/RegisterPolicy.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace snipgen {

class MCEnvironment;
class OptionTable;

bool wantsRegisterPlugin(const OptionTable &Opts);
/// -reg-plugin-info-file without -reg-generator-plugin is an error.
llvm::Error checkRegisterPluginOptions(const OptionTable &Opts);

class RegisterPlugin final : public RegisterOracle {
public:
  static llvm::Expected<std::unique_ptr<RegisterPlugin>>
  load(llvm::StringRef Path, llvm::StringRef InfoFile,
       const MCEnvironment &Env);

  void begin() override;
  std::optional<unsigned> choose(llvm::ArrayRef<unsigned> Allowed) override;

  llvm::Error takeError();

  struct Table;
  // For the C callbacks.
  bool isAllowed(unsigned Reg) const;
  unsigned regFromName(const char *Name) const;

private:
  RegisterPlugin() = default;
  const MCEnvironment *Env = nullptr;
  const Table *T = nullptr;
  std::string Path;
  std::string Err;
  std::vector<unsigned> Current; // the current operand's registers
  unsigned Rejections = 0;       // in a row
  bool GaveUp = false;
};

} // namespace snipgen

#endif
