//===- RegisterPlugin.cpp - llvm-snippy's register plugins ----------------===//
#include "RegisterPlugin.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/Support/DynamicLibrary.h"

using namespace llvm;

namespace {
// llvm-snippy's register plugin C interface, declared here from its
// documented layout: the same types, in the same order.
extern "C" {
enum SnipgenRegValidation { RegIsInvalid = 0, RegIsValid = 1 };
struct SnipgenRegContext {
  const void *VerifierHandle;
  SnipgenRegValidation (*RegIsValidFn)(unsigned Reg, const void *Handle);
  const void *TranslatorHandle;
  unsigned (*GetRegFromStr)(const char *Name, const void *Handle);
};
enum SnipgenRegGenResponse { RequestIsInvalid = 0, RequestIsValid = 1 };
struct SnipgenRegResponse {
  SnipgenRegGenResponse GenResult;
  unsigned RegisterIdx;
};

static SnipgenRegValidation snipgenRegIsValid(unsigned Reg,
                                              const void *Handle) {
  auto *P = static_cast<const snipgen::RegisterPlugin *>(Handle);
  return P && P->isAllowed(Reg) ? RegIsValid : RegIsInvalid;
}
static unsigned snipgenRegFromStr(const char *Name, const void *Handle) {
  auto *P = static_cast<const snipgen::RegisterPlugin *>(Handle);
  return P && Name ? P->regFromName(Name) : 0;
}
} // extern "C"
constexpr const char *EntryName = "RegFuncTable";
constexpr unsigned MaxRejections = 16;
} // namespace

namespace snipgen {

struct RegisterPlugin::Table { // RegPluginFunctionsTable
  void (*SetContext)(SnipgenRegContext);
  SnipgenRegResponse (*Generate)(unsigned MaxRegIndex);
  void (*SetRegInfoFile)(const char *FileName);
};

bool wantsRegisterPlugin(const OptionTable &Opts) {
  StringRef P = Opts.getString(OptionID::RegGeneratorPlugin);
  return !P.empty() && P != "None";
}

Error checkRegisterPluginOptions(const OptionTable &Opts) {
  StringRef Info = Opts.getString(OptionID::RegPluginInfoFile);
  if (!Info.empty() && Info != "None" && !wantsRegisterPlugin(Opts))
    return makeOptionError("reg-plugin-info-file",
                           "-reg-plugin-info-file option was specified, but "
                           "no register plugin file was passed "
                           "(-reg-generator-plugin)");
  return Error::success();
}

Expected<std::unique_ptr<RegisterPlugin>>
RegisterPlugin::load(StringRef Path, StringRef InfoFile,
                     const MCEnvironment &Env) {
  std::string E;
  sys::DynamicLibrary Lib =
      sys::DynamicLibrary::getPermanentLibrary(Path.str().c_str(), &E);
  if (!Lib.isValid())
    return makeOptionError("reg-generator-plugin",
                           "cannot load '" + Path + "': " + E);
  auto *T = static_cast<const Table *>(Lib.getAddressOfSymbol(EntryName));
  if (!T)
    return makeOptionError("reg-generator-plugin",
                           "Can't find entry point of register plugin: '" +
                               Path + "' has no '" + EntryName + "' symbol");
  auto Missing = [&](StringRef Fn) {
    return makeOptionError("reg-generator-plugin",
                           "'" + Path +
                               "': Invalid register plugin functions table: "
                               "missing " +
                               Fn + "()");
  };
  if (!T->SetContext)
    return Missing("setContext");
  if (!T->Generate)
    return Missing("generate");
  std::unique_ptr<RegisterPlugin> P(new RegisterPlugin());
  P->Env = &Env;
  P->T = T;
  P->Path = Path.str();
  if (!InfoFile.empty() && InfoFile != "None") {
    if (!T->SetRegInfoFile)
      return Missing("setRegInfoFile");
    T->SetRegInfoFile(InfoFile.str().c_str());
  }
  return std::move(P);
}

bool RegisterPlugin::isAllowed(unsigned Reg) const {
  return Reg != 0 && is_contained(Current, Reg);
}

unsigned RegisterPlugin::regFromName(const char *Name) const {
  return Env->findRegister(Name);
}

void RegisterPlugin::begin() {
  if (GaveUp)
    return;
  SnipgenRegContext C;
  C.VerifierHandle = this;
  C.RegIsValidFn = snipgenRegIsValid;
  C.TranslatorHandle = this;
  C.GetRegFromStr = snipgenRegFromStr;
  T->SetContext(C);
}

std::optional<unsigned> RegisterPlugin::choose(ArrayRef<unsigned> Allowed) {
  if (GaveUp || Allowed.empty())
    return Allowed.empty() ? 0u : Allowed.front();
  Current.assign(Allowed.begin(), Allowed.end());
  unsigned MaxReg = Env->regInfo().getNumRegs() - 1;
  SnipgenRegResponse R = T->Generate(MaxReg);
  const MCRegisterInfo &MRI = Env->regInfo();
  if (R.GenResult == RequestIsValid) {
    if (isAllowed(R.RegisterIdx)) {
      Rejections = 0;
      return R.RegisterIdx;
    }
    Err = "register plugin '" + Path + "': generated register " +
          (R.RegisterIdx < MRI.getNumRegs() && R.RegisterIdx
               ? std::string(MRI.getName(R.RegisterIdx))
               : std::to_string(R.RegisterIdx)) +
          " is not one the operand may take (its class without the reserved "
          "registers)";
  } else if (R.GenResult != RequestIsInvalid) {
    Err = "register plugin '" + Path +
          "': Bad response from register plugin: invalid generation result " +
          std::to_string(unsigned(R.GenResult));
  } else if (++Rejections < MaxRejections) {
    return std::nullopt; // the builder starts the session again
  } else {
    Err = "register plugin '" + Path + "': it rejected " +
          std::to_string(MaxRejections) +
          " requests in a row (REQUEST_IS_INVALID)";
  }
  GaveUp = true; // generation goes on; the error stops the run after it
  return Allowed.front();
}

Error RegisterPlugin::takeError() {
  if (Err.empty())
    return Error::success();
  return makeError(Err);
}

} // namespace snipgen
