//===- InputFiles.cpp - Reading the user's input files safely -------------===//
#include "snipgen/Support/InputFiles.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include <mutex>

using namespace llvm;

namespace snipgen {

namespace {
struct InputRegistry {
  std::mutex Lock;
  std::vector<sys::fs::UniqueID> IDs;
};
InputRegistry &registry() {
  static InputRegistry R;
  return R;
}
} // namespace

static const char *describeType(sys::fs::file_type T) {
  switch (T) {
  case sys::fs::file_type::directory_file: return "a directory";
  case sys::fs::file_type::fifo_file: return "a FIFO";
  case sys::fs::file_type::character_file: return "a character device";
  case sys::fs::file_type::block_file: return "a block device";
  case sys::fs::file_type::socket_file: return "a socket";
  default: return "not a regular file";
  }
}

ErrorOr<std::unique_ptr<MemoryBuffer>> readInputFile(StringRef Path,
                                                     std::string &Why) {
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(Path, Status)) {
    Why = EC.message();
    return EC;
  }
  if (Status.type() != sys::fs::file_type::regular_file) {
    Why = std::string("it is ") + describeType(Status.type()) +
          "; expected a regular file";
    return std::make_error_code(std::errc::invalid_argument);
  }
  if (Status.getSize() > MaxInputFileBytes) {
    Why = formatv("it is {0} bytes, more than the {1} MiB an input may have",
                  Status.getSize(), MaxInputFileBytes >> 20)
              .str();
    return std::make_error_code(std::errc::file_too_large);
  }
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Why = Buffer.getError().message();
    return Buffer.getError();
  }
  InputRegistry &R = registry();
  std::lock_guard<std::mutex> G(R.Lock);
  R.IDs.push_back(Status.getUniqueID());
  return Buffer;
}

bool isInputFile(StringRef Path) {
  sys::fs::UniqueID ID;
  if (sys::fs::getUniqueID(Path, ID))
    return false;
  InputRegistry &R = registry();
  std::lock_guard<std::mutex> G(R.Lock);
  for (const sys::fs::UniqueID &Seen : R.IDs)
    if (Seen == ID)
      return true;
  return false;
}

} // namespace snipgen
