//===- Options.h - Options from the command line and from YAML --*- C++ -*-===//
//
// Options.def lists every option once. OptionTable registers each as an
// llvm::cl option (so --help, -name=value and unknown-option errors work as
// in other LLVM tools) and also accepts the same names under the layout's
// `options:` key. The manual's rules:
//   * an option may not be given both on the command line and in YAML;
//   * an option may appear once per YAML `options` mapping;
//   * main layout files win over included ones (see Config/Layout.h).
// Values are validated when set, and errors point at the YAML value
// (file:line:col) or name the command-line option.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_CONFIG_OPTIONS_H
#define SNIPGEN_CONFIG_OPTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SMLoc.h"
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class SourceMgr;
class raw_ostream;
namespace cl {
class OptionCategory;
}
} // namespace llvm

namespace snipgen {

enum class OptionKind {
  Flag,
  Unsigned,
  Integer,
  String,
  Enum,
  List,
  OptionalList,
  OptionalString
};

enum class OptionID {
#define SNIPGEN_OPTION(Id, Name, Kind, Default, ValueDesc, Help) Id,
#include "snipgen/Config/Options.def"
  NumOptions
};

enum class OptionOrigin { Default, CommandLine, Layout };

struct OptionSpec {
  OptionID ID;
  llvm::StringLiteral Name;
  OptionKind Kind;
  llvm::StringLiteral Default;
  llvm::StringLiteral ValueDesc;
  llvm::StringLiteral Help;
};

const OptionSpec &optionSpec(OptionID ID);
std::optional<OptionID> lookupOption(llvm::StringRef Name);

/// The category that holds every snipgen option (shown by --help).
llvm::cl::OptionCategory &snipgenCategory();

class OptionTable {
public:
  /// Registers the cl options. Only one table may exist per process.
  OptionTable();
  ~OptionTable();
  OptionTable(const OptionTable &) = delete;
  OptionTable &operator=(const OptionTable &) = delete;

  /// Parses argv (positional arguments are the layout files). A malformed
  /// command line or an unknown option is an "error: ..." Error.
  llvm::Error parseCommandLine(int Argc, const char *const *Argv);
  /// Every option named on the command line exists (no prefix guessing).
  llvm::Error checkOptionNames(int Argc, const char *const *Argv) const;
  llvm::ArrayRef<std::string> layoutFiles() const { return LayoutFiles; }

  /// Validates every command-line value. Call once after parseCommandLine.
  llvm::Error validateCommandLine();

  /// Sets an option from YAML. Values has one element for scalars, any number
  /// for List options. ValueLocs parallel Values. Errors: unknown option,
  /// option also given on the command line, bad value.
  llvm::Error setFromLayout(llvm::StringRef Name, llvm::SMLoc NameLoc,
                            llvm::ArrayRef<std::string> Values,
                            llvm::ArrayRef<llvm::SMLoc> ValueLocs,
                            const llvm::SourceMgr &SM);

  bool isSet(OptionID ID) const;
  OptionOrigin origin(OptionID ID) const;

  bool getFlag(OptionID ID) const;
  uint64_t getUnsigned(OptionID ID) const;
  int64_t getInteger(OptionID ID) const;
  /// String, Enum and OptionalString values (Default when not set).
  llvm::StringRef getString(OptionID ID) const;
  llvm::ArrayRef<std::string> getList(OptionID ID) const;

  /// An error about the current value of ID, located where it was given.
  llvm::Error valueError(OptionID ID, const llvm::Twine &Msg) const;
  /// An error located where ID was given (a layout), with Msg as it is
  /// (llvm-snippy's own wording, which names the option itself).
  llvm::Error errorAt(OptionID ID, const llvm::Twine &Msg) const;

  /// Prints "name: value" for every option, as YAML (--dump-options).
  void dump(llvm::raw_ostream &OS) const;

private:
  struct Value {
    OptionOrigin Origin = OptionOrigin::Default;
    std::vector<std::string> Items;
    llvm::SMLoc Loc;
    const llvm::SourceMgr *SM = nullptr;
  };
  llvm::Error checkAndStore(OptionID ID, std::vector<std::string> Items,
                            OptionOrigin Origin, llvm::ArrayRef<llvm::SMLoc> Locs,
                            const llvm::SourceMgr *SM);
  const Value &value(OptionID ID) const {
    return Values[static_cast<size_t>(ID)];
  }

  struct CLHandles;
  CLHandles *CL;
  std::array<Value, static_cast<size_t>(OptionID::NumOptions)> Values;
  std::vector<std::string> LayoutFiles;
};

} // namespace snipgen

#endif
