//===- ValueTestUtil.h - A RISC-V subtarget for value tests -----*- C++ -*-===//
#ifndef SNIPGEN_UNITTESTS_VALUES_VALUETESTUTIL_H
#define SNIPGEN_UNITTESTS_VALUES_VALUETESTUTIL_H

#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include <memory>
#include <string>

namespace snipgen {

struct ValueTestSubtarget {
  std::unique_ptr<MCEnvironment> Env;
  std::unique_ptr<ISACatalogue> Cat;
  const GenTarget *Target = nullptr;
};

/// rv64 with the given LLVM features (e.g. "+m,+f,+d,+v"), built once per
/// feature string for the whole test binary.
const ValueTestSubtarget &valueSubtarget(const std::string &Features);

} // namespace snipgen

#endif
