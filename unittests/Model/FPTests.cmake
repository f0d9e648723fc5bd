# FP tests, included from unittests/Model/CMakeLists.txt (which leaves the
# FP*Test.cpp files out of ModelTests for these two targets).

# Soft-float differential tests: they need only the soft-float library. The
# host reference side runs between fesetround/feclearexcept and fetestexcept,
# so the compiler must not fold, contract or move those operations.
snipgen_add_unittest(FPSoftFloatTests
  SOURCES
    FPSoftFloatArithTest.cpp
    FPSoftFloatCompareTest.cpp
    FPSoftFloatConvertTest.cpp
    FPSoftFloatCornerTest.cpp
    FPSoftFloatHalfTest.cpp
    FPSoftFloatRMMTest.cpp
  LIBS snipgenSoftFloat snipgenSupport)
target_compile_options(FPSoftFloatTests PRIVATE -frounding-math
  -fsignaling-nans -ffp-contract=off)

# F/D/Zfh instruction semantics on the built-in model: one encoded
# instruction at a time, the FP opcode catalogue with Zfh/Zfhmin, and the same
# instructions against qemu-riscv64 (skipped when the RISC-V binutils, ld.lld
# or QEMU are missing).
snipgen_add_unittest(FPSemanticsTests
  SOURCES FPSemanticsTest.cpp FPQemuCrossCheckTest.cpp
  LIBS snipgenModel snipgenSupport)
target_include_directories(FPSemanticsTests PRIVATE
  ${PROJECT_SOURCE_DIR}/lib/Model/RISCV)
