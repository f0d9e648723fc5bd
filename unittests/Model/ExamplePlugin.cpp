//===- ExamplePlugin.cpp - A model plugin wrapping the built-in model -----===//
//
// The smallest useful plugin: it exports snipgen_model_get_api and serves the
// built-in model's functions under its own name, proving that a model behind
// dlopen works like the built-in one. A real plugin implements the same
// table around its own simulator.
//===----------------------------------------------------------------------===//
#include "snipgen/Model/Model.h"
#include "snipgen/Model/ModelAPI.h"

extern "C" __attribute__((visibility("default"))) const snipgen_model_api *
snipgen_model_get_api(uint32_t Version) {
  static snipgen_model_api Table = [] {
    snipgen_model_api T = *snipgen::getBuiltinModelAPI();
    T.name = "example plugin (built-in model behind dlopen)";
    return T;
  }();
  (void)Version; // snipgen checks the version field of the table.
  return &Table;
}
