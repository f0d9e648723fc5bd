#include "Outputs.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Emit/DirectImage.h"
#include "snipgen/Emit/LinkerScript.h"
#include "snipgen/Emit/ObjectEmitter.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace snipgen {

Expected<Artifacts> buildArtifacts(const MCEnvironment &Env,
                                   const GenTarget &Target, const Layout &L,
                                   const Program &P, const OutputRequest &Req) {
  Artifacts A;
  std::string GlobalsPrefix =
      Req.MangleName.empty() ? "__snippy_" : "__snippy_" + Req.MangleName + "_";
  auto Object =
      emitObject(Env, Target, L, P, Req.SectionsPrefix, GlobalsPrefix);
  if (!Object)
    return Object.takeError();
  A.Object = std::move(*Object);
  LinkerScriptOptions LSO;
  LSO.SectionsPrefix = Req.SectionsPrefix;
  if (!Req.MangleName.empty())
    LSO.MemoryRegion = "SNIPPY_" + Req.MangleName;
  // A linked image needs every PHDR a section names to be defined, so exec
  // and shared outputs define them; the written script matches that link.
  LSO.DefinePhdrs = Req.DefinePhdrs || Req.Type != ObjectType::Reloc;
  if (Req.Type == ObjectType::Shared)
    LSO.LinkerReserve = 0x10000; // .dynamic, .dynsym, .dynstr, .hash
  A.Script = generateLinkerScript(L, LSO);
  LinkerScriptOptions ExecLSO = LSO;
  ExecLSO.DefinePhdrs = true;
  ExecLSO.LinkerReserve = 0;
  A.ExecScript = generateLinkerScript(L, ExecLSO);
  A.LdArgs = generateLinkerArgs(L, Req.NoRelax);
  return std::move(A);
}

Expected<std::string> linkImageForModel(const Artifacts &A,
                                        const OutputRequest &Req) {
  SmallString<128> Path;
  int FD;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("snipgen-image", "elf", FD, Path))
    return makeError("cannot create a temporary file: " + EC.message());
  sys::Process::SafelyCloseFileDescriptor(FD);
  if (Error E = linkWithLLD(A.Object, A.ExecScript, A.LdArgs, Req.EntryPoint, Req.LLDDir,
                            LinkKind::Executable, Path)) {
    sys::fs::remove(Path);
    return std::move(E);
  }
  return std::string(Path);
}

Expected<ModelImage> modelImage(const Artifacts &A, const OutputRequest &Req,
                                const Layout &L, bool NeedFile) {
  std::optional<std::string> Mode = sys::Process::GetEnv("SNIPGEN_DIRECT_IMAGE");
  // "report": as check, and says on stderr which image the model runs.
  bool Report = Mode && *Mode == "report";
  bool Check = Report || (Mode && *Mode == "check");
  ModelImage MI;
  std::string WhyNot = NeedFile ? "the file is run itself" : "turned off";
  if (!NeedFile && !(Mode && *Mode == "off"))
    MI.Image = buildImageDirectly(A.Object, L, Req.SectionsPrefix, A.LdArgs,
                                  Req.EntryPoint, &WhyNot);
  if (MI.Image && !Check)
    return std::move(MI);
  auto Path = linkImageForModel(A, Req);
  if (!Path)
    return Path.takeError();
  MI.Path = std::move(*Path);
  if (!MI.Image) {
    if (Report)
      errs() << "snipgen: model image: linked with ld.lld (" << WhyNot
             << ")\n";
    return std::move(MI);
  }
  // Check mode: the linked image must be the one built in-process.
  auto Linked = ElfImage::read(MI.Path);
  if (!Linked) {
    sys::fs::remove(MI.Path);
    return Linked.takeError();
  }
  std::string Diff = describeImageDifference(*MI.Image, *Linked);
  if (!Diff.empty()) {
    sys::fs::remove(MI.Path);
    return makeError("internal error: SNIPGEN_DIRECT_IMAGE=check: the image "
                     "built without the linker differs from ld.lld's: " +
                     Diff);
  }
  if (Report)
    errs() << "snipgen: model image: built without the linker, the same as "
              "ld.lld's\n";
  MI.Image = std::move(*Linked);
  return std::move(MI);
}

Error queueOutputs(const Artifacts &A, const OutputRequest &Req,
                   OutputFiles &Files) {
  if (Req.Type == ObjectType::Reloc) {
    Files.add(Req.ElfPath, A.Object);
  } else {
    auto Temp = Files.reserveTemporary(Req.ElfPath);
    if (!Temp)
      return Temp.takeError();
    if (Error E = linkWithLLD(A.Object, A.Script, A.LdArgs, Req.EntryPoint, Req.LLDDir,
                              Req.Type == ObjectType::Shared ? LinkKind::Shared
                                                             : LinkKind::Executable,
                              *Temp))
      return E;
  }
  Files.add(Req.ElfPath + ".ld", A.Script);
  Files.add(Req.ElfPath + ".ldargs", A.LdArgs);
  return Error::success();
}

} // namespace snipgen
