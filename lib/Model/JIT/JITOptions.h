//===- JITOptions.h - Configuration of the model's compiled tier -*- C++ -*-===//
//
// Kept apart from JITEngine.h so that MachineConfig can hold the options
// without pulling LLVM's ORC headers into every semantics file.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_JIT_JITOPTIONS_H
#define SNIPGEN_LIB_MODEL_JIT_JITOPTIONS_H

namespace snipgen::model {

/// Which compiler turns hot blocks into host code.
enum class JITCompiler : unsigned char {
  Auto,   // The direct compiler where it covers the block, LLVM elsewhere.
  LLVM,   // LLVM only (BlockTranslator.h).
  Direct, // The direct compiler only (X86/DirectCompiler.h); other blocks
          // stay interpreted.
};

struct JITOptions {
  /// Compile hot blocks at all. Tier 2 only ever runs when no observer is
  /// attached and never during single steps, whatever this says.
  bool Enabled = true;
  /// How many times the run loop must arrive at a block's first instruction
  /// through its pc lookup before the block is compiled, for long blocks; a
  /// block of L instructions needs Threshold x (1 + 32 / L) arrivals
  /// (JITEngine::hotEnough). 0 compiles every block on its first arrival
  /// (tests use it to force the compiled tier). Values above 65534 are
  /// clamped.
  unsigned Threshold = 650;
  /// Run LLVM's IR verifier on every translated block before compiling it
  /// (a translator bug then turns tier 2 off with a message in
  /// JITStats::Error instead of reaching the code generator). It costs about
  /// a tenth of a block's compile time, so it is on in the JIT tests and
  /// with SNIPGEN_JIT_VERIFY=1, off otherwise.
  bool VerifyIR = false;
  JITCompiler Compiler = JITCompiler::Auto;

  /// The defaults, overridden by the environment: SNIPGEN_JIT=off|on,
  /// SNIPGEN_JIT_THRESHOLD=<n>, SNIPGEN_JIT_VERIFY=1 and
  /// SNIPGEN_JIT_COMPILER=auto|llvm|direct. The C interface has
  /// no field for them, so this is how tools and benchmarks choose.
  static JITOptions fromEnvironment();
};

} // namespace snipgen::model

#endif
