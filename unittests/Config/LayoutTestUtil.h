//===- LayoutTestUtil.h - Helpers for layout loader tests -------*- C++ -*-===//
//
// Writes layout files into a fresh temporary directory and loads them, so
// tests can check the loaded fields and the exact user-facing messages.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_UNITTESTS_CONFIG_LAYOUTTESTUTIL_H
#define SNIPGEN_UNITTESTS_CONFIG_LAYOUTTESTUTIL_H

#include "snipgen/Config/Layout.h"
#include "snipgen/Support/Warnings.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

namespace snipgen {

/// A valid minimal sections + histogram pair, for tests about other keys.
inline constexpr const char *kSections = R"(sections:
  - name: text
    VMA: 0x10000
    SIZE: 0x10000
    ACCESS: rx
  - name: data
    VMA: 0x20000
    SIZE: 0x1000
    ACCESS: rw
)";
inline constexpr const char *kHistogram = R"(histogram:
  - [ADD, 1.0]
)";

class LayoutFilesTest : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<128> Path;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("snipgen-config", Path));
    Dir = std::string(Path);
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  /// Writes Text to Dir/Name (creating subdirectories) and returns the path.
  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    std::string P = path(Name);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC) << EC.message();
    OS << Text;
    return P;
  }
  std::string path(llvm::StringRef Name) const {
    llvm::SmallString<128> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }

  llvm::Expected<Layout> load(std::vector<std::string> Files,
                              LayoutLoadOptions Opts = {}) {
    WarningText.clear();
    llvm::raw_string_ostream OS(WarningText);
    Warnings.setStream(OS);
    auto Result = loadLayout(Files, Opts, Warnings);
    Warnings.setStream(llvm::errs());
    return Result;
  }
  llvm::Expected<Layout> loadText(llvm::StringRef Text) {
    return load({write("a.yaml", Text)});
  }

  /// The full message of a failed load ("" and a test failure on success).
  static std::string errorOf(llvm::Expected<Layout> L) {
    if (L) {
      ADD_FAILURE() << "expected the layout to be rejected";
      return "";
    }
    return llvm::toString(L.takeError());
  }
  static std::string firstLine(llvm::StringRef Text) {
    return Text.split('\n').first.str();
  }
  /// "<Dir>/<File>:<Line>:<Col>: error: <Msg>"
  std::string located(llvm::StringRef File, unsigned Line, unsigned Col,
                      llvm::StringRef Msg) const {
    return path(File) + ":" + std::to_string(Line) + ":" + std::to_string(Col) +
           ": error: " + Msg.str();
  }

  std::string Dir;
  WarningEngine Warnings;
  std::string WarningText;
};

} // namespace snipgen

#endif
