//===- GeneratorPlugin.cpp - llvm-snippy's generator plugins --------------===//
#include "GeneratorPlugin.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/Support/DynamicLibrary.h"
#include <cstdlib>

using namespace llvm;

namespace {
// llvm-snippy's plugin C interface (PluginCInterface.h), declared here from
// its documented layout: the same types, in the same order.
extern "C" {
struct SnipgenPluginContext {
  const void *OpcodeCacheHandle;
  void *(*AllocateMemory)(unsigned Size);
  unsigned (*GetOpcodeFromStr)(const char *Name, const void *Handle);
};
struct SnipgenPluginOpcodes {
  unsigned long Num;
  const unsigned *Data;
};
struct SnipgenPluginTable {
  void (*SetContext)(SnipgenPluginContext);
  unsigned (*Generate)(int GroupID);
  int (*SendOpcodes)(SnipgenPluginOpcodes);
  int (*ParseOpcodes)(SnipgenPluginOpcodes *Out, const char *FileName);
};
} // extern "C"

constexpr int ParsingSupported = 1;

/// What the C callbacks need; one plugin is active per process.
struct CallbackState {
  const snipgen::MCEnvironment *Env = nullptr;
  std::string Error;           // the first unknown opcode name
  std::unique_ptr<char[]> Buf; // the plugin's latest reply
};
CallbackState Callbacks;

extern "C" void *snipgenPluginAllocate(unsigned Size) {
  // Temporary memory for one reply, as llvm-snippy's: valid until the next.
  Callbacks.Buf.reset(new char[Size ? Size : 1]);
  return Callbacks.Buf.get();
}

extern "C" unsigned snipgenPluginOpcode(const char *Name, const void *) {
  unsigned Op = Name && Callbacks.Env ? Callbacks.Env->findOpcode(Name) : ~0u;
  if (Op == ~0u) {
    if (Callbacks.Error.empty())
      Callbacks.Error = std::string("Incorrect opcode in plugin: [") +
                        (Name ? Name : "(null)") + "]";
    return 0;
  }
  return Op;
}
} // namespace

namespace snipgen {

bool wantsGeneratorPlugin(const OptionTable &Opts) {
  StringRef P = Opts.getString(OptionID::GeneratorPlugin);
  return !P.empty() && P != "None";
}

Error checkGeneratorPluginOptions(const OptionTable &Opts) {
  StringRef Info = Opts.getString(OptionID::PluginInfoFile);
  if (!Info.empty() && Info != "None" && !wantsGeneratorPlugin(Opts))
    return makeOptionError("plugin-info-file",
                           "-plugin-info-file option was specified, but no "
                           "generator plugin file was passed "
                           "(-generator-plugin)");
  return Error::success();
}

struct GeneratorPlugin::Impl {
  const MCEnvironment *Env = nullptr;
  const SnipgenPluginTable *Table = nullptr;
  std::string Path;
  std::string Error;
  void setContext() {
    Callbacks.Env = Env;
    SnipgenPluginContext C;
    C.OpcodeCacheHandle = Env;
    C.AllocateMemory = snipgenPluginAllocate;
    C.GetOpcodeFromStr = snipgenPluginOpcode;
    Table->SetContext(C);
  }
  llvm::Error takeCallbackError() {
    if (Callbacks.Error.empty())
      return llvm::Error::success();
    std::string E = std::move(Callbacks.Error);
    Callbacks.Error.clear();
    return makeError("generator plugin '" + Path + "': " + E);
  }
};

GeneratorPlugin::~GeneratorPlugin() = default;

Expected<std::unique_ptr<GeneratorPlugin>>
GeneratorPlugin::load(StringRef Path, const MCEnvironment &Env) {
  std::string Err;
  sys::DynamicLibrary Lib =
      sys::DynamicLibrary::getPermanentLibrary(Path.str().c_str(), &Err);
  if (!Lib.isValid())
    return makeOptionError("generator-plugin", "cannot load '" + Path +
                                                   "': " + Err);
  auto *Table = static_cast<const SnipgenPluginTable *>(
      Lib.getAddressOfSymbol("FuncTable"));
  if (!Table)
    return makeOptionError("generator-plugin",
                           "Can't find entry point of plugin generator: '" +
                               Path + "' has no 'FuncTable' symbol");
  if (!Table->SetContext || !Table->Generate || !Table->SendOpcodes ||
      !Table->ParseOpcodes)
    return makeOptionError("generator-plugin",
                           "'" + Path +
                               "': a function of its FuncTable is null");
  std::unique_ptr<GeneratorPlugin> P(new GeneratorPlugin());
  P->I = std::make_unique<Impl>();
  P->I->Env = &Env;
  P->I->Table = Table;
  P->I->Path = Path.str();
  P->I->setContext();
  if (llvm::Error E = P->I->takeCallbackError())
    return std::move(E);
  return std::move(P);
}

Error GeneratorPlugin::replaceHistogram(Layout &L, StringRef InfoFile) {
  SnipgenPluginOpcodes Ops{0, nullptr};
  int Can = I->Table->ParseOpcodes(&Ops, InfoFile.str().c_str());
  if (llvm::Error E = I->takeCallbackError())
    return E;
  if (Can != ParsingSupported)
    return makeError("generator plugin '" + I->Path +
                     "': Plugin doesn't support parsing (-plugin-info-file=" +
                     InfoFile + ")");
  if (Ops.Num == 0 || !Ops.Data)
    return makeError("generator plugin '" + I->Path +
                     "': Invalid opcodes from plugin: it parsed no opcodes "
                     "from '" +
                     InfoFile + "'");
  const MCInstrInfo &MII = I->Env->instrInfo();
  std::vector<HistogramEntry> H;
  for (unsigned long K = 0; K < Ops.Num; ++K) {
    unsigned Op = Ops.Data[K];
    if (Op == 0 || Op >= MII.getNumOpcodes())
      return makeError("generator plugin '" + I->Path +
                       "': Invalid opcodes from plugin: " + Twine(Op) +
                       " is not an opcode");
    HistogramEntry E;
    E.Pattern = MII.getName(Op).str();
    E.Weight = 1.0;
    E.Loc = L.HistogramLoc;
    H.push_back(std::move(E));
  }
  L.Histogram = std::move(H);
  return Error::success();
}

namespace {
class PluginSource final : public PrimarySource {
public:
  PluginSource(GeneratorPlugin::Impl &P, int Group,
               DenseMap<unsigned, const OpcodeDesc *> Allowed,
               const OpcodeDesc &Fallback)
      : P(P), Group(Group), Allowed(std::move(Allowed)), Fallback(Fallback) {}
  const OpcodeDesc &next(RandomEngine &) override {
    unsigned Op = P.Table->Generate(Group);
    auto It = Allowed.find(Op);
    if (It != Allowed.end())
      return *It->second;
    if (P.Error.empty()) {
      const MCInstrInfo &MII = P.Env->instrInfo();
      P.Error = "generator plugin '" + P.Path +
                "': Plugin opcode: generated opcode doesn't fit in the "
                "current policy: " +
                (Op < MII.getNumOpcodes() ? MII.getName(Op).str()
                                          : std::to_string(Op)) +
                " is not one of the opcodes it was sent";
    }
    return Fallback; // generation goes on; the error stops the run after it
  }

private:
  GeneratorPlugin::Impl &P;
  int Group;
  DenseMap<unsigned, const OpcodeDesc *> Allowed;
  const OpcodeDesc &Fallback;
};
} // namespace

Expected<std::unique_ptr<PrimarySource>>
GeneratorPlugin::makeSource(const OpcodeHistogram &H) {
  std::vector<unsigned> Ops;
  DenseMap<unsigned, const OpcodeDesc *> Allowed;
  const OpcodeDesc *Fallback = nullptr;
  for (const OpcodeHistogram::Entry &E : H.entries())
    if (E.Weight > 0 && Allowed.try_emplace(E.Op->Opcode, E.Op).second) {
      Ops.push_back(E.Op->Opcode);
      if (!Fallback)
        Fallback = E.Op;
    }
  if (Ops.empty())
    return makeError("generator plugin '" + I->Path +
                     "': Plugin initialization failure: opcodes are not "
                     "defined (the histogram has no opcode with a weight)");
  int Group = I->Table->SendOpcodes({Ops.size(), Ops.data()});
  if (llvm::Error E = I->takeCallbackError())
    return std::move(E);
  return std::make_unique<PluginSource>(*I, Group, std::move(Allowed),
                                        *Fallback);
}

Error GeneratorPlugin::takeError() {
  if (llvm::Error E = I->takeCallbackError())
    return E;
  if (I->Error.empty())
    return Error::success();
  return makeError(I->Error);
}

} // namespace snipgen
