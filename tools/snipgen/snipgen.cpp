//===- snipgen.cpp - Random instruction test generator for RISC-V ---------===//
#include "Driver.h"
#include "llvm/Support/InitLLVM.h"

int main(int Argc, char **Argv) {
  llvm::InitLLVM X(Argc, Argv);
  return snipgen::runDriver(Argc, Argv);
}
