//===- Error.h - User-facing errors ------------------------------*- C++ -*-===//
//
// Every bad input ends in exactly one error message, exit status 1 and no
// output file. Errors travel up as llvm::Error (LLVM is built without C++
// exceptions); the driver prints the message once and exits.
//
// A message carries its own location prefix: "file:line:col: error: ..." for
// layout problems (formatted by llvm::SourceMgr, with the source line and a
// caret) or "error: ..." for command-line and semantic problems.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_SUPPORT_ERROR_H
#define SNIPGEN_SUPPORT_ERROR_H

#include "llvm/Support/Error.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/ADT/Twine.h"
#include <string>

namespace snipgen {

/// An error whose message is already fully formatted for the user.
class UserError : public llvm::ErrorInfo<UserError> {
public:
  static char ID;
  explicit UserError(std::string Text) : Text(std::move(Text)) {}
  void log(llvm::raw_ostream &OS) const override { OS << Text; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }
  const std::string &text() const { return Text; }

private:
  std::string Text;
};

/// "error: <Msg>" - for errors without a source location.
llvm::Error makeError(const llvm::Twine &Msg);

/// "<file>:<line>:<col>: error: <Msg>" plus the offending source line.
llvm::Error makeError(const llvm::SourceMgr &SM, llvm::SMLoc Loc,
                      const llvm::Twine &Msg);

/// "<file>:<line>:<col>" of Loc, or "<unknown>" when Loc is in no buffer.
std::string formatLoc(const llvm::SourceMgr &SM, llvm::SMLoc Loc);

/// "error: option '-<Name>': <Msg>" - for command-line option problems.
llvm::Error makeOptionError(llvm::StringRef Name, const llvm::Twine &Msg);

/// An internal invariant broke (a bug in snipgen, never the user's fault).
llvm::Error makeInternalError(const llvm::Twine &Msg);

/// Prints the message of E (one per contained error) to stderr prefixed with
/// the tool name and consumes it.
void printError(llvm::Error E, llvm::StringRef ToolName);

} // namespace snipgen

#endif
