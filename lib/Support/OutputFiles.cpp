#include "snipgen/Support/OutputFiles.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/InputFiles.h"
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

Error OutputFiles::checkPath(StringRef Path) {
  sys::fs::file_status Status;
  if (sys::fs::status(Path, Status))
    return Error::success(); // Does not exist yet (or cannot be seen).
  const char *What = nullptr;
  switch (Status.type()) {
  case sys::fs::file_type::regular_file:
    break;
  case sys::fs::file_type::directory_file: What = "a directory"; break;
  case sys::fs::file_type::fifo_file: What = "a FIFO"; break;
  case sys::fs::file_type::character_file: What = "a character device"; break;
  case sys::fs::file_type::block_file: What = "a block device"; break;
  case sys::fs::file_type::socket_file: What = "a socket"; break;
  default: What = "not a regular file"; break;
  }
  if (What)
    return makeError("cannot write '" + Path + "': it is " + What +
                     "; an output must be a regular file or a new path");
  if (isInputFile(Path))
    return makeError("cannot write '" + Path +
                     "': it is an input of this run; choose another output "
                     "name");
  return Error::success();
}

Expected<std::string> OutputFiles::reserveTemporary(StringRef Path) {
  if (Error E = checkPath(Path))
    return std::move(E);
  auto Temp = makeTempName(Path);
  if (!Temp)
    return Temp.takeError();
  Files.push_back({Path.str(), "", *Temp});
  return *Temp;
}

Error OutputFiles::commit() {
  // Nothing is written unless every destination may be replaced.
  for (const Pending &P : Files)
    if (Error E = checkPath(P.Path)) {
      discard();
      return E;
    }
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
