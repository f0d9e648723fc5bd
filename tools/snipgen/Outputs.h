//===- Outputs.h - Writing the ELF, .ld and .ldargs files -------*- C++ -*-===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_OUTPUTS_H
#define SNIPGEN_TOOLS_SNIPGEN_OUTPUTS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace snipgen {

class GenTarget;
class MCEnvironment;
struct Layout;
struct Program;

enum class ObjectType { Reloc, Exec, Shared };

struct OutputRequest {
  std::string ElfPath;
  ObjectType Type = ObjectType::Reloc;
  std::string SectionsPrefix = ".snippy";
  bool DefinePhdrs = false;
  std::string EntryPoint;
};

/// Emits the object, the linker script and the linker options, links when
/// an executable or shared object is asked for, and writes all files or
/// none. Returns the paths written.
llvm::Expected<std::vector<std::string>>
writeOutputs(const MCEnvironment &Env, const GenTarget &Target,
             const Layout &L, const Program &P, const OutputRequest &Req);

} // namespace snipgen

#endif
