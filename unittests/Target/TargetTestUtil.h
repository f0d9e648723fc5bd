#ifndef SNIPGEN_UNITTESTS_TARGET_TARGETTESTUTIL_H
#define SNIPGEN_UNITTESTS_TARGET_TARGETTESTUTIL_H

#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include <memory>
#include <string>

namespace snipgen {

/// An environment and catalogue for a triple and LLVM feature string,
/// cached per (triple, features) for the whole test binary.
struct TestSubtarget {
  std::unique_ptr<MCEnvironment> Env;
  std::unique_ptr<ISACatalogue> Cat;
};
const TestSubtarget &getSubtarget(const std::string &Triple,
                                  const std::string &Features);

} // namespace snipgen

#endif
