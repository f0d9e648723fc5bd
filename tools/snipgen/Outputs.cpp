#include "Outputs.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Emit/LinkerScript.h"
#include "snipgen/Emit/ObjectEmitter.h"
#include "snipgen/Support/OutputFiles.h"

using namespace llvm;

namespace snipgen {

Expected<std::vector<std::string>>
writeOutputs(const MCEnvironment &Env, const GenTarget &Target,
             const Layout &L, const Program &P, const OutputRequest &Req) {
  auto Object = emitObject(Env, Target, L, P, Req.SectionsPrefix);
  if (!Object)
    return Object.takeError();

  LinkerScriptOptions LSO;
  LSO.SectionsPrefix = Req.SectionsPrefix;
  // A linked image needs every PHDR a section names to be defined, so exec
  // and shared outputs define them; the written script matches that link.
  LSO.DefinePhdrs = Req.DefinePhdrs || Req.Type != ObjectType::Reloc;
  if (Req.Type == ObjectType::Shared)
    LSO.LinkerReserve = 0x10000; // .dynamic, .dynsym, .dynstr, .hash
  std::string Script = generateLinkerScript(L, LSO);
  std::string LdArgs = generateLinkerArgs(L);

  OutputFiles Files;
  if (Req.Type == ObjectType::Reloc) {
    Files.add(Req.ElfPath, std::move(*Object));
  } else {
    auto Temp = Files.reserveTemporary(Req.ElfPath);
    if (!Temp)
      return Temp.takeError();
    if (Error E = linkWithLLD(*Object, Script, LdArgs, Req.EntryPoint,
                              Req.Type == ObjectType::Shared ? LinkKind::Shared
                                                             : LinkKind::Executable,
                              *Temp))
      return std::move(E);
  }
  Files.add(Req.ElfPath + ".ld", std::move(Script));
  Files.add(Req.ElfPath + ".ldargs", std::move(LdArgs));
  if (Error E = Files.commit())
    return std::move(E);
  return Files.committedPaths();
}

} // namespace snipgen
