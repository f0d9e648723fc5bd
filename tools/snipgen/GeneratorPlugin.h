//===- GeneratorPlugin.h - llvm-snippy's generator plugins -------*- C++ -*-===//
//
// -generator-plugin=lib.so loads a plugin with llvm-snippy's C interface
// (its PluginCInterface.h): the library exports a data symbol "FuncTable",
// a table of four functions
//   setContext(ctx)         snipgen's context: an opaque handle, a memory
//                           allocator for the plugin's replies and
//                           getOpcodeFromStr(name, handle) -> LLVM opcode;
//   sendOpcodes({n, data})  the opcodes the plugin may choose from -> an id;
//   generate(id)            the next primary opcode from that set;
//   parseOpcodes(&ops, f)   with -plugin-info-file=f: the plugin reads f and
//                           returns the opcodes to generate (weight 1 each),
//                           instead of the layout's histogram.
// Opcodes are LLVM opcode numbers of the RISC-V target snipgen is built
// with (plugins should look them up with getOpcodeFromStr).
//
// The plugin chooses every primary opcode (branches and calls included);
// an opcode outside the set it was sent is an error, reported after
// generation before anything is written.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_GENERATORPLUGIN_H
#define SNIPGEN_TOOLS_SNIPGEN_GENERATORPLUGIN_H

#include "snipgen/Generator/PrimarySource.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace snipgen {

class MCEnvironment;
class OpcodeHistogram;
class OptionTable;
struct Layout;

/// True when -generator-plugin names a library (not None).
bool wantsGeneratorPlugin(const OptionTable &Opts);

/// -plugin-info-file without -generator-plugin is llvm-snippy's error.
llvm::Error checkGeneratorPluginOptions(const OptionTable &Opts);

class GeneratorPlugin {
public:
  static llvm::Expected<std::unique_ptr<GeneratorPlugin>>
  load(llvm::StringRef Path, const MCEnvironment &Env);
  ~GeneratorPlugin();

  /// -plugin-info-file: replaces L's histogram with the plugin's opcodes
  /// (weight 1.0 each).
  llvm::Error replaceHistogram(Layout &L, llvm::StringRef InfoFile);

  /// Sends the histogram's opcodes; the source then asks the plugin for
  /// each primary opcode.
  llvm::Expected<std::unique_ptr<PrimarySource>>
  makeSource(const OpcodeHistogram &H);

  /// The first error of the generation (an opcode outside the set).
  llvm::Error takeError();

  struct Impl;

private:
  GeneratorPlugin() = default;
  std::unique_ptr<Impl> I;
};

} // namespace snipgen

#endif
