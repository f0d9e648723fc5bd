//===- BadVersionPlugin.cpp - A plugin built for another interface version ===//
#include "snipgen/Model/ModelAPI.h"

extern "C" __attribute__((visibility("default"))) const snipgen_model_api *
snipgen_model_get_api(uint32_t) {
  static snipgen_model_api Table = {};
  Table.version = 42; // No snipgen has this version.
  Table.struct_size = sizeof(Table);
  Table.name = "a model from the future";
  return &Table;
}
