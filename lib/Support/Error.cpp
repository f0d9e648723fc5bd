#include "snipgen/Support/Error.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace snipgen {

char UserError::ID = 0;

Error makeError(const Twine &Msg) {
  return make_error<UserError>(("error: " + Msg).str());
}

Error makeError(const SourceMgr &SM, SMLoc Loc, const Twine &Msg) {
  std::string Text;
  raw_string_ostream OS(Text);
  // GetMessage + print, not PrintMessage: the latter hands the text to a
  // diagnostic handler when one is installed, and it would never reach OS.
  SM.GetMessage(Loc, SourceMgr::DK_Error, Msg).print(nullptr, OS, false);
  OS.flush();
  while (!Text.empty() && Text.back() == '\n')
    Text.pop_back();
  return make_error<UserError>(std::move(Text));
}

std::string formatLoc(const SourceMgr &SM, SMLoc Loc) {
  unsigned Buffer = Loc.isValid() ? SM.FindBufferContainingLoc(Loc) : 0;
  if (!Buffer)
    return "<unknown>";
  auto [Line, Col] = SM.getLineAndColumn(Loc, Buffer);
  return (SM.getMemoryBuffer(Buffer)->getBufferIdentifier() + ":" +
          Twine(Line) + ":" + Twine(Col))
      .str();
}

Error makeOptionError(StringRef Name, const Twine &Msg) {
  return makeError("option '-" + Name + "': " + Msg);
}

Error makeInternalError(const Twine &Msg) {
  return make_error<UserError>(
      ("internal error: " + Msg + " (this is a bug in snipgen)").str());
}

void printError(Error E, StringRef ToolName) {
  handleAllErrors(std::move(E), [&](const ErrorInfoBase &EI) {
    std::string Text;
    raw_string_ostream OS(Text);
    EI.log(OS);
    OS.flush();
    StringRef T(Text);
    // Located messages ("file:1:2: error: ...") are printed as they are;
    // unlocated ones get the tool name in front, like other LLVM tools.
    // Messages from elsewhere (LLVM, the model) get the error: prefix too.
    if (T.starts_with("error:") || T.starts_with("internal error:"))
      errs() << ToolName << ": " << T << "\n";
    else if (T.contains(": error: "))
      errs() << T << "\n";
    else
      errs() << ToolName << ": error: " << T << "\n";
  });
}

} // namespace snipgen
