//===- Model.h - Getting a model: built-in or plugin; C++ handle -*- C++ -*-===//
//
// A model is any implementation of the C interface in ModelAPI.h. snipgen
// gets the built-in one with getBuiltinModelAPI() (no dlopen) and external
// ones with loadModelPlugin(path). ModelHandle owns one model instance.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_MODEL_MODEL_H
#define SNIPGEN_MODEL_MODEL_H

#include "snipgen/Model/ModelAPI.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace snipgen {

/// The built-in RISC-V model's function table.
const snipgen_model_api *getBuiltinModelAPI();

/// dlopens Path and returns its function table. Errors:
///   "cannot load model plugin '<path>': <dlerror>"
///   "model plugin '<path>' implements interface version N, snipgen needs M"
/// The library stays loaded for the life of the process.
llvm::Expected<const snipgen_model_api *> loadModelPlugin(llvm::StringRef Path);

/// C++ description of a model configuration (see snipgen_model_config).
struct ModelRegion {
  uint64_t Base = 0;
  uint64_t Size = 0;
  uint32_t Rights = 0; // SNIPGEN_MEM_* bits
  std::string Name;
};
struct ModelConfig {
  std::string Isa = "rv64gc";
  unsigned XLen = 0; // 0: from the ISA string.
  std::vector<ModelRegion> Regions;
  bool AllowMisaligned = true;
  uint64_t HartId = 0;
  unsigned CacheBlockBytes = 64; // Zicbom/Zicboz block (power of two).
  bool VectorAgnosticOnes = false; // RVV agnostic elements: all ones.
};

/// Owns one model instance created through a function table.
class ModelHandle {
public:
  static llvm::Expected<std::unique_ptr<ModelHandle>>
  create(const snipgen_model_api &API, const ModelConfig &Config);
  ~ModelHandle();
  ModelHandle(const ModelHandle &) = delete;
  ModelHandle &operator=(const ModelHandle &) = delete;

  const snipgen_model_api &api() const { return API; }
  snipgen_model *get() const { return Model; }

  // Convenience wrappers.
  uint64_t pc() const { return API.get_pc(Model); }
  void setPC(uint64_t PC) { API.set_pc(Model, PC); }
  uint64_t x(unsigned I) const { return API.get_x(Model, I); }
  void setX(unsigned I, uint64_t V) { API.set_x(Model, I, V); }
  uint64_t f(unsigned I) const { return API.get_f(Model, I); }
  void setF(unsigned I, uint64_t V) { API.set_f(Model, I, V); }
  snipgen_model_stop_info stopInfo() const {
    snipgen_model_stop_info Info = {};
    API.get_stop_info(Model, &Info);
    return Info;
  }

private:
  ModelHandle(const snipgen_model_api &API, snipgen_model *Model)
      : API(API), Model(Model) {}
  const snipgen_model_api &API;
  snipgen_model *Model;
};

/// True if the built-in model has semantics for the LLVM opcode name
/// ("ADD", "AES64KS1I"): its registration table, read at run time.
bool builtinModelHasSemantics(llvm::StringRef OpcodeName);

/// Human-readable name of a snipgen_step_result.
const char *stepResultName(int Result);

} // namespace snipgen

#endif
