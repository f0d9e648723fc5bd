//===- DiskCache.cpp - Files that keep start-up work between runs ---------===//
#include "snipgen/Support/DiskCache.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <cstring>
#include <link.h>
#include <optional>

using namespace llvm;

namespace snipgen {

static std::string fileIdentity(StringRef Path) {
  sys::fs::file_status St;
  if (Path.empty() || sys::fs::status(Path, St))
    return "?";
  return (Path + " " + Twine(St.getSize()) + " " +
          Twine(St.getLastModificationTime().time_since_epoch().count()))
      .str();
}

// The loaded object whose segments hold Address. dl_iterate_phdr looks at
// program headers only; dladdr would also search libLLVM's huge symbol
// table for the nearest symbol (a noticeable part of start-up).
static std::string objectHolding(const void *Address) {
  struct Search {
    uintptr_t Address;
    std::string Name;
  } S{reinterpret_cast<uintptr_t>(Address), ""};
  dl_iterate_phdr(
      [](dl_phdr_info *Info, size_t, void *Data) -> int {
        auto &S = *static_cast<Search *>(Data);
        for (unsigned I = 0; I < Info->dlpi_phnum; ++I) {
          const auto &Ph = Info->dlpi_phdr[I];
          uintptr_t Start = Info->dlpi_addr + Ph.p_vaddr;
          if (Ph.p_type == PT_LOAD && S.Address >= Start &&
              S.Address - Start < Ph.p_memsz) {
            S.Name = Info->dlpi_name ? Info->dlpi_name : "";
            return 1;
          }
        }
        return 0;
      },
      &S);
  return S.Name;
}

static std::string libLLVMPath() {
  // Any function of LLVM: where it was loaded from (the executable itself
  // when LLVM is linked from its archives, cmake/StaticLLVM.cmake).
  return objectHolding(
      reinterpret_cast<const void *>(&sys::fs::getMainExecutable));
}

std::string diskCacheIdentity() {
  static const std::string Id = [] {
    std::string Id = "llvm " LLVM_VERSION_STRING "\n";
    Id += "exe " +
          fileIdentity(sys::fs::getMainExecutable(nullptr, nullptr)) + "\n";
    Id += "libllvm " + fileIdentity(libLLVMPath()) + "\n";
    return Id;
  }();
  return Id;
}

std::string diskCachePath(StringRef Prefix, StringRef Key) {
  auto Env = [](const char *Name) -> std::string {
    std::optional<std::string> V = sys::Process::GetEnv(Name);
    return V ? *V : std::string();
  };
  if (Env("SNIPGEN_CACHE") == "off")
    return "";
  SmallString<256> Dir;
  if (std::string D = Env("SNIPGEN_CACHE_DIR"); !D.empty())
    Dir = D;
  else if (std::string X = Env("XDG_CACHE_HOME"); !X.empty())
    sys::path::append(Dir, X, "snipgen");
  else if (std::string H = Env("HOME"); !H.empty())
    sys::path::append(Dir, H, ".cache", "snipgen");
  else
    return "";
  SmallString<256> Path = Dir;
  sys::path::append(Path, Prefix + "-" + utohexstr(xxh3_64bits(Key)) + ".bin");
  return std::string(Path);
}

bool writeDiskCacheFile(StringRef Path, StringRef Data) {
  StringRef Dir = sys::path::parent_path(Path);
  if (sys::fs::create_directories(Dir))
    return false;
  SmallString<256> Tmp;
  int FD = -1;
  if (sys::fs::createUniqueFile(Path + ".tmp-%%%%%%%%", FD, Tmp))
    return false;
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Data;
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      sys::fs::remove(Tmp);
      return false;
    }
  }
  if (sys::fs::rename(Tmp, Path)) {
    sys::fs::remove(Tmp);
    return false;
  }
  return true;
}

void appendDiskCacheChecksum(std::string &Out) {
  uint64_t Sum = llvm::xxh3_64bits(llvm::StringRef(Out));
  Out.append(reinterpret_cast<const char *>(&Sum), sizeof(Sum));
}

bool dropDiskCacheChecksum(llvm::StringRef &Data) {
  if (Data.size() < 8)
    return false;
  uint64_t Sum = 0;
  std::memcpy(&Sum, Data.data() + Data.size() - 8, 8);
  Data = Data.drop_back(8);
  return Sum == llvm::xxh3_64bits(Data);
}

} // namespace snipgen
