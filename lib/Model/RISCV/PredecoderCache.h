//===- PredecoderCache.h - Decode templates kept on disk --------*- C++ -*-===//
//
// Learning a template (Predecoder.h) costs hundreds to thousands of LLVM
// decodes: about 2.5 ms of a 100-instruction snipgen run, most of the
// model's share of start-up. Templates depend only on LLVM, the subtarget
// and snipgen's binaries, so the model keeps them on disk
// (Support/DiskCache.h: same directory, SNIPGEN_CACHE=off, key with the
// executable's and libLLVM's identity) and starts with them:
//
// * Key: a format version, XLEN, LLVM's feature string of the ISA, the
//   number of LLVM opcodes and diskCacheIdentity().
// * Reading checks the key, a checksum, every field's range, and each
//   template against LLVM on its own match pattern; any doubt: no
//   templates from the file (they are learned again and the file rewritten).
// * Writing: when the model is destroyed, if it learned new templates (the
//   file then holds the loaded and the new ones), atomically.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_PREDECODERCACHE_H
#define SNIPGEN_LIB_MODEL_RISCV_PREDECODERCACHE_H

#include "Predecoder.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace snipgen::model {

class PredecoderCache {
public:
  static std::string key(unsigned XLen, llvm::StringRef Features,
                         unsigned NumOpcodes);
  static std::string serialize(const Predecoder &P, llvm::StringRef Key);
  /// Adds the file's templates to P (which must have none yet); false, and
  /// P unchanged, when the file does not fit Key or anything is wrong.
  /// HandlerOf gives an opcode's handler; Reference is LLVM's decode.
  static bool deserialize(llvm::StringRef Data, llvm::StringRef Key,
                          unsigned NumOpcodes,
                          llvm::function_ref<Handler(unsigned)> HandlerOf,
                          Predecoder::ReferenceFn Reference, Predecoder &P);
};

} // namespace snipgen::model

#endif
