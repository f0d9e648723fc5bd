//===- Model.cpp - Plugin loading and the C++ model handle ----------------===//
#include "snipgen/Model/Model.h"

#include "llvm/ADT/Twine.h"
#include <dlfcn.h>

using namespace llvm;

namespace snipgen {

static Error error(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

Expected<const snipgen_model_api *> loadModelPlugin(StringRef Path) {
  std::string P = Path.str();
  // A bare file name would make dlopen search the library path; a plugin is
  // a file the user names, so look for it where they said.
  if (P.find('/') == std::string::npos)
    P = "./" + P;
  void *Handle = dlopen(P.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!Handle)
    return error("cannot load model plugin '" + Path + "': " + dlerror());
  auto GetAPI = reinterpret_cast<snipgen_model_get_api_fn>(
      dlsym(Handle, SNIPGEN_MODEL_GET_API_SYMBOL));
  if (!GetAPI)
    return error("cannot load model plugin '" + Path + "': " + dlerror());
  const snipgen_model_api *API = GetAPI(SNIPGEN_MODEL_API_VERSION);
  if (!API)
    return error("model plugin '" + Path + "' does not provide interface "
                 "version " + Twine(SNIPGEN_MODEL_API_VERSION));
  if (API->version != SNIPGEN_MODEL_API_VERSION)
    return error("model plugin '" + Path + "' implements interface version " +
                 Twine(API->version) + ", snipgen needs " +
                 Twine(SNIPGEN_MODEL_API_VERSION));
  if (API->struct_size < sizeof(snipgen_model_api))
    return error("model plugin '" + Path + "' has an incomplete function "
                 "table (" + Twine(API->struct_size) + " bytes, expected " +
                 Twine(unsigned(sizeof(snipgen_model_api))) + ")");
  return API; // The handle is deliberately never closed.
}

Expected<std::unique_ptr<ModelHandle>>
ModelHandle::create(const snipgen_model_api &API, const ModelConfig &Config) {
  std::vector<snipgen_model_region> Regions;
  for (const ModelRegion &R : Config.Regions)
    Regions.push_back({R.Base, R.Size, R.Rights, R.Name.c_str()});
  snipgen_model_config C = {};
  C.struct_size = sizeof(C);
  C.xlen = Config.XLen;
  C.isa = Config.Isa.c_str();
  C.regions = Regions.data();
  C.num_regions = uint32_t(Regions.size());
  C.misaligned = Config.AllowMisaligned ? SNIPGEN_MISALIGNED_ALLOW
                                        : SNIPGEN_MISALIGNED_TRAP;
  C.hart_id = Config.HartId;
  C.cache_block_size = Config.CacheBlockBytes;
  char Message[512] = {};
  snipgen_model *M = API.create(&C, Message, sizeof(Message));
  if (!M)
    return error(Twine("cannot create model: ") +
                 (Message[0] ? Message : "unknown error"));
  return std::unique_ptr<ModelHandle>(new ModelHandle(API, M));
}

ModelHandle::~ModelHandle() { API.destroy(Model); }

const char *stepResultName(int Result) {
  switch (Result) {
  case SNIPGEN_STEP_OK: return "ok";
  case SNIPGEN_STEP_TRAP_TAKEN: return "trap-taken";
  case SNIPGEN_STEP_STOP_PC: return "stop-pc";
  case SNIPGEN_STEP_EXIT: return "exit";
  case SNIPGEN_STEP_EBREAK: return "ebreak";
  case SNIPGEN_STEP_UNHANDLED_TRAP: return "unhandled-trap";
  case SNIPGEN_STEP_LIMIT: return "step-limit";
  case SNIPGEN_STEP_ERROR: return "error";
  }
  return "unknown";
}

} // namespace snipgen
