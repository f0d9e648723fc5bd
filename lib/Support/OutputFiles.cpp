#include "snipgen/Support/OutputFiles.h"
#include "snipgen/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace snipgen {

OutputFiles::~OutputFiles() { discard(); }

void OutputFiles::add(StringRef Path, std::string Contents) {
  Files.push_back({Path.str(), std::move(Contents), ""});
}

static Expected<std::string> makeTempName(StringRef Path) {
  SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%";
  SmallString<256> Result;
  int FD;
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, Result))
    return makeError("cannot create a temporary file next to '" + Path +
                     "': " + EC.message());
  sys::Process::SafelyCloseFileDescriptor(FD);
  return std::string(Result);
}

Expected<std::string> OutputFiles::reserveTemporary(StringRef Path) {
  auto Temp = makeTempName(Path);
  if (!Temp)
    return Temp.takeError();
  Files.push_back({Path.str(), "", *Temp});
  return *Temp;
}

Error OutputFiles::commit() {
  // First materialise every in-memory file under a temporary name.
  for (Pending &P : Files) {
    if (!P.TempPath.empty())
      continue;
    auto Temp = makeTempName(P.Path);
    if (!Temp) {
      discard();
      return Temp.takeError();
    }
    P.TempPath = *Temp;
    std::error_code EC;
    raw_fd_ostream OS(P.TempPath, EC, sys::fs::OF_None);
    if (!EC) {
      OS << P.Contents;
      OS.close();
      EC = OS.error();
    }
    if (EC) {
      discard();
      return makeError("cannot write '" + P.Path + "': " + EC.message());
    }
    P.Contents.clear();
  }
  // Then rename them all into place.
  for (Pending &P : Files) {
    if (std::error_code EC = sys::fs::rename(P.TempPath, P.Path)) {
      for (const std::string &Done : Committed)
        sys::fs::remove(Done);
      Committed.clear();
      discard();
      return makeError("cannot write '" + P.Path + "': " + EC.message());
    }
    Committed.push_back(P.Path);
    P.TempPath.clear();
  }
  Files.clear();
  return Error::success();
}

void OutputFiles::discard() {
  for (Pending &P : Files)
    if (!P.TempPath.empty())
      sys::fs::remove(P.TempPath);
  Files.clear();
}

} // namespace snipgen
