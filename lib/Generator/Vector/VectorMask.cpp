//===- VectorMask.cpp - v0 masks and the VSET* snipgen inserts ------------===//
//
// Masks, as llvm-snippy does them: every VSET* that sets a legal
// configuration (a histogram or biased one, or one snipgen inserts) is
// followed by a write of v0 with a mask drawn by the riscv-vector-unit VM
// rules for the new vl (all_ones, any_legal: random bits, or a number);
// so is every instruction that writes v0 (a vector result, a load, an index
// group). A mask of all ones is `vmxnor.mm v0, v0, v0`; any other is loaded
// whole with `vl1re8.v v0` from a global constant in the layout's first
// read-only section (llvm-snippy's global constants). Without such a
// section, or once it is full, the mask is slid in instead: a temporary
// e<XLEN>/m1 configuration with vl = the mask's XLEN-bit words, one
// vslide1down.vx per word, then the configuration is set again. Maskable
// instructions then take the masked form (v0.t) half of the time, VM
// all_ones included. -riscv-nomask-mode-for-rvv turns all of it off.
//
// -riscv-preference-for-rvv-mode-change picks the form of the VSET* snipgen
// inserts: any (VSETVL, VSETVLI, VSETIVLI drawn by their histogram or
// biased weights, VSETIVLI only for vl <= 31) or the one named.
//===----------------------------------------------------------------------===//
#include "VectorShape.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/VectorUnit.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/Twine.h"
#include "llvm/MC/MCInst.h"

using namespace llvm;

namespace snipgen {

using CfgRule = VectorUnitConfig::Rule;

// 0 VSETVL, 1 VSETVLI, 2 VSETIVLI.
unsigned VectorUnit::modeChangeOpcodeFor(uint64_t VL) {
  bool IOk = VSetOps[2] && VL <= 31;
  switch (Opts.ModeChange) {
  case RVVModeChangePreference::VSETIVLI:
    if (IOk)
      return 2;
    if (Failure.empty())
      Failure = "-riscv-preference-for-rvv-mode-change=vsetivli: cannot "
                "select VSETIVLI as mode changing instruction for VL greater "
                "than 31 (VL " +
                std::to_string(VL) + ")";
    return 1;
  case RVVModeChangePreference::VSETVLI:
    return 1;
  case RVVModeChangePreference::VSETVL:
    return VSetOps[0] ? 0 : 1;
  case RVVModeChangePreference::Any:
    break;
  }
  double W[3] = {VSetOps[0] ? VSetWeight[0] : 0, VSetWeight[1],
                 IOk ? VSetWeight[2] : 0};
  if (W[0] + W[1] + W[2] <= 0) {
    // No VSET* weighted in the histogram (the default configuration, set
    // once), or only VSETIVLI and a vl above 31: any form that can do it.
    W[0] = VSetOps[0] ? 1 : 0;
    W[1] = 1;
    W[2] = IOk ? 1 : 0;
  }
  double Pick = RNG->unit() * (W[0] + W[1] + W[2]);
  if (Pick < W[0])
    return 0;
  if (Pick < W[0] + W[1] || !W[2])
    return 1;
  return 2;
}

// The VSET* of an inserted switch to C (vl exactly C.VL): VSETIVLI takes it
// as an immediate; VSETVLI/VSETVL take it in a register, or x0 with a
// non-x0 destination when it is VLMAX; VSETVL's rs2 holds vtype.
void VectorUnit::emitVType(const VectorConfig &C, InstSink &Out) {
  unsigned K = modeChangeOpcodeFor(C.VL);
  uint64_t Max = C.vlmax(VLen);
  unsigned VTypeI = C.vtypeImmediate();
  MCInst I;
  I.setOpcode(VSetOps[K]->Opcode);
  if (K == 2) {
    I.addOperand(MCOperand::createReg(X0));
    I.addOperand(MCOperand::createImm(C.VL));
    I.addOperand(MCOperand::createImm(VTypeI));
    Out.emit(I);
    return;
  }
  unsigned Rs2 = 0;
  if (K == 0) {
    Rs2 = scratchGPR({});
    writeGPR(Rs2, VTypeI, Out);
  }
  if (C.VL == Max) {
    unsigned Rd = scratchGPR({Rs2});
    I.addOperand(MCOperand::createReg(Rd));
    I.addOperand(MCOperand::createReg(X0));
    if (Memory)
      Memory->clobbered(Rd);
  } else {
    unsigned Rs1 = scratchGPR({Rs2});
    writeGPR(Rs1, C.VL, Out);
    I.addOperand(MCOperand::createReg(X0));
    I.addOperand(MCOperand::createReg(Rs1));
  }
  if (K == 0)
    I.addOperand(MCOperand::createReg(Rs2));
  else
    I.addOperand(MCOperand::createImm(VTypeI));
  Out.emit(I);
}

std::vector<uint64_t> VectorUnit::drawMask(uint64_t VL) {
  std::vector<uint64_t> M((VL + 63) / 64 + (VL == 0), 0);
  std::vector<double> W;
  for (const RuleW &R : VMRules) {
    bool Applies = R.K != CfgRule::Imm || VL >= 64 || (R.Value >> VL) == 0;
    W.push_back(Applies ? R.Weight : 0.0);
  }
  WeightedChooser Ch(W);
  // No rule applies to this vl (a number with more bits): all ones.
  const RuleW *R = Ch.empty() ? nullptr : &VMRules[Ch.choose(*RNG)];
  int K = R ? R->K : int(CfgRule::AllOnes);
  if (K == CfgRule::Imm) {
    M[0] = R->Value;
    return M;
  }
  for (uint64_t B = 0; B < VL; B += 64) {
    uint64_t Bits = K == CfgRule::AllOnes ? ~uint64_t(0) : RNG->next();
    if (VL - B < 64)
      Bits &= (uint64_t(1) << (VL - B)) - 1;
    M[B / 64] = Bits;
  }
  return M;
}

bool VectorUnit::masksInUse() const {
  return !Opts.NoMask && Registers &&
         Registers->primaryMayRead(VRegs[0]) &&
         Registers->ancillaryMayWrite(VRegs[0]);
}

void VectorUnit::writeMask(InstSink &Out) {
  if (!masksInUse() || Cur.Vill || !Known)
    return;
  uint64_t VL = Cur.VL;
  std::vector<uint64_t> M = drawMask(VL);
  bool Ones = true;
  for (uint64_t B = 0; B < VL && Ones; ++B)
    Ones = (M[B / 64] >> (B % 64)) & 1;
  MCInst I;
  if (Ones) {
    // Only the first vl bits matter: vmxnor.mm under vl sets exactly those.
    I.setOpcode(Env.findOpcode("VMXNOR_MM"));
    for (unsigned K = 0; K < 3; ++K)
      I.addOperand(MCOperand::createReg(VRegs[0]));
    Out.emit(I);
    ++Masks.AllOnes;
    return;
  }
  unsigned VLenB = VLen / 8;
  if (HasReadOnly && Consts.Bytes.size() + VLenB <= ConstCapacity) {
    uint64_t Off = Consts.Bytes.size();
    Consts.Bytes.resize(Off + VLenB, 0);
    for (unsigned K = 0; K < VLenB && K / 8 < M.size(); ++K)
      Consts.Bytes[Off + K] = uint8_t(M[K / 8] >> (8 * (K % 8)));
    unsigned S = scratchGPR({});
    writeGPR(S, Consts.Address + Off, Out);
    I.setOpcode(Env.findOpcode("VL1RE8_V"));
    I.addOperand(MCOperand::createReg(VRegs[0]));
    I.addOperand(MCOperand::createReg(S));
    Out.emit(I);
    ++Masks.Loaded;
    return;
  }
  // Slides: XLEN-bit words, lowest first.
  unsigned WBits = XLen;
  uint64_t N = (VL + WBits - 1) / WBits;
  VectorConfig T;
  T.SEW = XLen;
  T.LMULLog2 = 0;
  T.TailAgnostic = T.MaskAgnostic = false;
  T.VL = N;
  emitVType(T, Out);
  unsigned Slide = Env.findOpcode("VSLIDE1DOWN_VX");
  for (uint64_t W = 0; W < N; ++W) {
    uint64_t Bit = W * WBits;
    uint64_t V = M[Bit / 64] >> (Bit % 64);
    if (WBits == 32)
      V &= 0xffffffffu;
    unsigned S = scratchGPR({});
    writeGPR(S, V, Out);
    MCInst Sl;
    Sl.setOpcode(Slide);
    Sl.addOperand(MCOperand::createReg(VRegs[0]));
    Sl.addOperand(MCOperand::createReg(VRegs[0]));
    Sl.addOperand(MCOperand::createReg(S));
    Sl.addOperand(MCOperand::createReg(0));
    Out.emit(Sl);
  }
  emitVType(Cur, Out);
  ++Masks.Slid;
}

bool VectorUnit::writesV0(const MCInst &I) const {
  auto It = ShapeOf.find(I.getOpcode());
  if (It == ShapeOf.end())
    return false;
  const Shape &S = *Shapes[It->second];
  if (S.Ops.empty() || !S.Ops[0].Written)
    return false;
  switch (S.Ops[0].K) {
  case Shape::Group:
  case Shape::Single:
  case Shape::Whole: {
    StringRef N = Env.registerName(I.getOperand(0).getReg());
    return N == "V0" || N.starts_with("V0M");
  }
  default:
    return false;
  }
}

void VectorUnit::maskClobbered(InstSink &Out) { writeMask(Out); }

} // namespace snipgen
