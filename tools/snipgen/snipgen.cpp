//===- snipgen.cpp - Random instruction test generator for RISC-V ---------===//
#include "Driver.h"
#include "PhaseTimes.h"
#include "llvm/Support/InitLLVM.h"

int main(int Argc, char **Argv) {
  snipgen::startPhaseTimes();
  llvm::InitLLVM X(Argc, Argv);
  int RC = snipgen::runDriver(Argc, Argv);
  snipgen::phaseDone("driver teardown");
  return RC;
}
