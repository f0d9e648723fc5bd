//===- Outputs.h - Writing the ELF, .ld and .ldargs files -------*- C++ -*-===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_OUTPUTS_H
#define SNIPGEN_TOOLS_SNIPGEN_OUTPUTS_H

#include "snipgen/Model/Runner.h"
#include "snipgen/Support/OutputFiles.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
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
  bool NoRelax = false; // -disable-linker-relaxations
  std::string LLDDir;   // -lld-dir: where ld.lld is (empty: search)
  /// -mangle-exported-names: the entry point, which then names the memory
  /// region (SNIPPY_<entry>) and prefixes the globals (__snippy_<entry>_*);
  /// SectionsPrefix already ends with ".<entry>". Empty: no mangling.
  std::string MangleName;
};

/// What snipgen writes, before it is written.
struct Artifacts {
  std::string Object;  // relocatable ELF
  std::string Script;  // .ld as written for the user
  std::string LdArgs;  // .ldargs
  std::string ExecScript; // the script used for linking an image
};

llvm::Expected<Artifacts> buildArtifacts(const MCEnvironment &Env,
                                         const GenTarget &Target,
                                         const Layout &L, const Program &P,
                                         const OutputRequest &Req);

/// Links the executable image the model runs (what -object-type=exec
/// writes) into a temporary file and returns its path; the caller removes it.
llvm::Expected<std::string> linkImageForModel(const Artifacts &A,
                                              const OutputRequest &Req);

/// The image the model runs: built in-process when that is certain to give
/// what ld.lld links (Emit/DirectImage.h), else linked into a temporary
/// file (Path, which the caller removes). NeedFile: a consumer reads the
/// file itself (QEMU co-simulation), so it is always linked.
/// SNIPGEN_DIRECT_IMAGE=off always links; =check does both and reports any
/// difference as an internal error; =report also says which image ran.
struct ModelImage {
  std::optional<ElfImage> Image;
  std::string Path;
};
llvm::Expected<ModelImage> modelImage(const Artifacts &A,
                                      const OutputRequest &Req,
                                      const Layout &L, bool NeedFile);

/// Queues the ELF (linking it for exec/shared), .ld and .ldargs in Files.
llvm::Error queueOutputs(const Artifacts &A, const OutputRequest &Req,
                         OutputFiles &Files);

} // namespace snipgen

#endif
