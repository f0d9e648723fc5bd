#include "snipgen/Emit/LinkerScript.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace snipgen {

Expected<std::string> findLLD(StringRef LLDDir) {
  if (!LLDDir.empty()) {
    for (StringRef Name : {"ld.lld", "ld.lld-22"})
      if (auto P = sys::findProgramByName(Name, {LLDDir}))
        return *P;
    return makeError("cannot find ld.lld in -lld-dir '" + LLDDir + "'");
  }
  if (auto P = sys::findProgramByName("ld.lld-22"))
    return *P;
  if (auto P = sys::findProgramByName("ld.lld", {"/usr/lib/llvm-22/bin"}))
    return *P;
  return makeError("cannot find ld.lld-22 (install Debian package lld-22) "
                   "needed for -object-type=exec/shared");
}

namespace {
// A temporary file removed when it goes out of scope.
struct ScopedTemp {
  SmallString<128> Path;
  ~ScopedTemp() {
    if (!Path.empty())
      sys::fs::remove(Path);
  }
};
} // namespace

static Error writeTemp(StringRef Suffix, StringRef Contents, ScopedTemp &T) {
  int FD;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("snipgen", Suffix, FD, T.Path))
    return makeError("cannot create a temporary file: " + EC.message());
  raw_fd_ostream OS(FD, /*shouldClose=*/true);
  OS << Contents;
  OS.close();
  if (OS.has_error())
    return makeError("cannot write temporary file '" + T.Path + "'");
  return Error::success();
}

Error linkWithLLD(StringRef Object, StringRef Script, StringRef ExtraArgs,
                  StringRef Entry, StringRef LLDDir, LinkKind Kind,
                  StringRef OutPath) {
  auto LLD = findLLD(LLDDir);
  if (!LLD)
    return LLD.takeError();
  ScopedTemp Obj, Ld, Log;
  if (Error E = writeTemp("o", Object, Obj))
    return E;
  if (Error E = writeTemp("ld", Script, Ld))
    return E;
  if (Error E = writeTemp("log", "", Log))
    return E;
  std::vector<std::string> Args = {*LLD, "-T", std::string(Ld.Path),
                                   std::string(Obj.Path), "-o", OutPath.str()};
  if (Kind == LinkKind::Shared)
    Args.push_back("-shared");
  else
    Args.push_back(("--entry=" + Entry).str());
  SmallVector<StringRef, 8> Extra;
  ExtraArgs.split(Extra, '\n', -1, false);
  for (StringRef A : Extra)
    if (!A.trim().empty())
      Args.push_back(A.trim().str());
  std::vector<StringRef> ArgRefs(Args.begin(), Args.end());
  std::optional<StringRef> Redirects[] = {std::nullopt, Log.Path.str(),
                                          Log.Path.str()};
  std::string ErrMsg;
  int RC = sys::ExecuteAndWait(*LLD, ArgRefs, std::nullopt, Redirects, 0, 0,
                               &ErrMsg);
  if (RC != 0) {
    std::string Out;
    if (auto Buf = MemoryBuffer::getFile(Log.Path))
      Out = StringRef((*Buf)->getBuffer()).trim().str();
    return makeError("linking with " + *LLD + " failed" +
                     (ErrMsg.empty() ? "" : ": " + ErrMsg) +
                     (Out.empty() ? "" : ":\n" + Out));
  }
  return Error::success();
}

} // namespace snipgen
