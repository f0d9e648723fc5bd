//===- ObjectEmitter.h - Relocatable ELF through LLVM MC --------*- C++ -*-===//
//
// Writes the program as a relocatable ELF with LLVM's MC object streamer:
// one section per layout section, named <prefix>.<name>.<access>
// (".snippy.1.rx"); the entry symbol (global, function); .riscv.attributes
// describing the ISA; ELF flags for the float ABI.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_EMIT_OBJECTEMITTER_H
#define SNIPGEN_EMIT_OBJECTEMITTER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace snipgen {

class GenTarget;
class MCEnvironment;
struct Layout;
struct Program;
struct SectionDesc;

/// Output section name of a layout section: <prefix>.<name>.<access>.
std::string outputSectionName(llvm::StringRef Prefix, const SectionDesc &S);

llvm::Expected<std::string> emitObject(const MCEnvironment &Env,
                                       const GenTarget &Target,
                                       const Layout &L, const Program &P,
                                       llvm::StringRef SectionsPrefix,
                                       llvm::StringRef GlobalsPrefix = "__snippy_");

} // namespace snipgen

#endif
