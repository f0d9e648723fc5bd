//===- LayoutLoaderFuzzer.cpp - libFuzzer target for the layout loader ----===//
//
// Feeds arbitrary bytes to loadLayout (the YAML reader and every layout key)
// as one layout file. A crash, a sanitizer report or a hang is a finding;
// so is a refusal that is not one located "file:line:col: error:" (or an
// unlocated "error:" about the file as a whole): the loader must say where.
//
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang-14 \
//     -DCMAKE_CXX_COMPILER=clang++-14
//   ninja -C build-fuzz snipgen-layout-fuzzer
//   build-fuzz/bin/snipgen-layout-fuzzer -max_total_time=600 \
//     -dict=fuzz/layout.dict corpus/ examples/
//===----------------------------------------------------------------------===//
#include "snipgen/Config/Layout.h"
#include "snipgen/Support/Warnings.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

using namespace llvm;

static const std::string &layoutPath() {
  static const std::string Path = [] {
    const char *Dir = getenv("TMPDIR");
    return std::string(Dir ? Dir : "/tmp") + "/snipgen-fuzz-" +
           std::to_string(getpid()) + ".yaml";
  }();
  return Path;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  const std::string &Path = layoutPath();
  {
    FILE *F = fopen(Path.c_str(), "wb");
    if (!F)
      abort();
    if (Size && fwrite(Data, 1, Size, F) != Size)
      abort();
    fclose(F);
  }
  snipgen::WarningEngine Warnings;
  Warnings.setStream(nulls());
  snipgen::LayoutLoadOptions LoadOpts;
  auto L = snipgen::loadLayout({Path}, LoadOpts, Warnings);
  if (L)
    return 0;
  std::string Msg = toString(L.takeError());
  StringRef M(Msg);
  bool Located = M.starts_with(Path + ":") && M.contains(": error: ");
  bool AboutFile = M.starts_with("error: ");
  if (!Located && !AboutFile) {
    errs() << "layout loader refusal without a location or error: prefix:\n"
           << Msg << "\n";
    abort();
  }
  return 0;
}
