//===- VectorEmit.cpp - VSET*, vector primaries, register init ------------===//
//
// VSET operands give the hardware exactly the drawn vl: AVL = VL (<= VLMAX,
// so vl = AVL on every implementation), or rs1 = x0 with rd != x0 when VL is
// VLMAX; VSETIVLI takes VL <= 31 as its immediate; VSETVL's rs2 holds vtype.
// A configuration whose VXRM differs from the current one is followed by
// csrwi vxrm. Biased mode's vill configurations write an unsupported vtype
// (a reserved or too wide SEW/LMUL encoding) with any of the three forms.
//===----------------------------------------------------------------------===//
#include "VectorOracle.h"
#include "VectorShape.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/OperandInitializer.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/VectorUnit.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

namespace snipgen {

static constexpr int64_t CSR_VXRM = 0x00A;

RandomEngine &VectorUnit::ProbeRNG_ref() {
  if (!ProbeRNG_)
    ProbeRNG_ = std::make_unique<RandomEngine>(0x5eed7u);
  return *ProbeRNG_;
}

void VectorUnit::attach(const RegisterPolicy &R, const ImmediatePolicy &I,
                        MemoryPlanner &M, RandomEngine &G) {
  Registers = &R;
  Immediates = &I;
  Memory = &M;
  RNG = &G;
}

void VectorUnit::noteNothingDrawable() {
  if (!Failure.empty())
    return;
  std::string Cfg = Cur.Vill ? "vill set" : "SEW=" + std::to_string(Cur.SEW) +
                                                 ", LMUL log2 " +
                                                 std::to_string(Cur.LMULLog2);
  Failure = "can not create any primary instruction in this context (RVV "
            "configuration with " + Cfg +
            "): no opcode of the histogram is legal there; under vill only "
            "whole-register moves, loads and stores (VMV<n>R_V, VL<n>RE*_V, "
            "VS<n>R_V) and non-vector opcodes are";
}

Error VectorUnit::takeError() {
  if (Failure.empty())
    return Error::success();
  return makeError(Failure);
}

const OpcodeDesc *VectorUnit::someVSet() const {
  for (unsigned K : {1u, 2u, 0u})
    if (VSetOps[K] && (Biased || VSetWeight[K] > 0))
      return VSetOps[K];
  return nullptr;
}

Error VectorUnit::prepare(const OpcodeDesc &Op, const SourceMgr &SM,
                          SMLoc Loc) {
  const Shape &S = shape(Op);
  if (S.Memory && !MemHooks.Emit)
    return makeError(SM, Loc,
                     "cannot generate '" + Op.Name +
                         "': no vector memory planner is attached (internal "
                         "error: InstructionBuilder::setVectorUnit installs "
                         "it)");
  if (S.Memory && MemHooks.Prepare)
    return MemHooks.Prepare(Op, SM, Loc);
  if (S.VSet)
    return Error::success();
  if (Opts.NoMask) {
    // vadc/vsbc/vmerge/... read v0 by their encoding, vmv.v.* and vfmv.v.f
    // are vmerge forms (llvm-snippy refuses them all, with this message).
    bool UsesV0 = Op.Name == "VMV_V_V" || Op.Name == "VMV_V_X" ||
                  Op.Name == "VMV_V_I" || Op.Name == "VFMV_V_F";
    for (const auto &O : S.Ops)
      UsesV0 |= O.K == Shape::V0;
    if (UsesV0)
      return makeError(SM, Loc,
                       "In histogram given a vector opcode with explicit V0 "
                       "mask usage, but snippy was given option that forbids "
                       "any masks for vector instructions ('" +
                           Op.Name + "' with -riscv-nomask-mode-for-rvv)");
  }
  for (const auto &O : S.Ops)
    if ((O.K == Shape::Scalar || O.K == Shape::Whole) && O.Cands.empty())
      return makeError(SM, Loc,
                       "cannot generate '" + Op.Name +
                           "': an operand has no usable register after "
                           "reservations");
  // An opcode illegal in every configuration of the bag is simply never
  // drawn (as in llvm-snippy: e.g. Pvill = 1 leaves only whole-register
  // opcodes); with nothing drawable at all the source reports it.
  return Error::success();
}

unsigned VectorUnit::scratchGPR(std::initializer_list<unsigned> Avoid) {
  std::vector<unsigned> Ok;
  for (unsigned Reg : Target.addressRegisters(Env)) {
    unsigned Idx = Target.describeRegister(Env, Reg).Index;
    if (Idx <= 4 || Reg == Registers->stackPointer())
      continue;
    if (std::find(Avoid.begin(), Avoid.end(), Reg) != Avoid.end())
      continue;
    if (!Registers->ancillaryMayWrite(Reg) || Registers->isWriteExcluded(Reg) ||
        Memory->isPinned(Reg))
      continue;
    Ok.push_back(Reg);
  }
  if (Ok.empty())
    report_fatal_error("RVV generation: no GPR is free for the AVL/vtype of a "
                       "VSET (see the register reservations)");
  return Ok[RNG->below(Ok.size())];
}

void VectorUnit::writeGPR(unsigned Reg, uint64_t V, InstSink &Out) {
  Target.materializeValue(Env, Reg, XLen == 32 ? V & 0xffffffffu : V, Out);
  if (Memory)
    Memory->clobbered(Reg);
}

void VectorUnit::setVXRM(unsigned V, InstSink &Out) {
  if (HaveVXRM && Cur.VXRM == V)
    return;
  MCInst I;
  I.setOpcode(Env.findOpcode("CSRRWI"));
  I.addOperand(MCOperand::createReg(X0));
  I.addOperand(MCOperand::createImm(CSR_VXRM));
  I.addOperand(MCOperand::createImm(V));
  Out.emit(I);
  HaveVXRM = true;
}

// An ancillary switch to C (the form by -riscv-preference-for-rvv-mode-change,
// see VectorMask.cpp), vxrm if it changes, then a fresh mask in v0.
void VectorUnit::emitSwitch(const VectorConfig &C, InstSink &Out) {
  emitVType(C, Out);
  unsigned Old = Cur.VXRM;
  bool Had = HaveVXRM;
  Cur = C;
  Cur.VXRM = Old;
  HaveVXRM = Had;
  setVXRM(C.VXRM, Out);
  Cur.VXRM = C.VXRM;
  Known = true;
  PendingRestore = false;
  writeMask(Out);
}

void VectorUnit::ensureKnown() {
  if (Known)
    return;
  VectorConfig C = drawConfig(*RNG, false);
  if (!C.Vill)
    drawVL(C, Opts.ModeChange == RVVModeChangePreference::VSETIVLI, *RNG);
  unsigned OldVXRM = Cur.VXRM;
  Cur = C;
  Cur.VXRM = OldVXRM; // vxrm survives control flow only if it is set again
  PendingVXRM = C.VXRM;
  HaveVXRM = false;
  Known = true;
  PendingRestore = true;
}

bool VectorUnit::drawable(const OpcodeDesc &Op) {
  if (!handles(Op))
    return true;
  const Shape &S = shape(Op);
  if (S.VSet)
    return true;
  ensureKnown();
  return legalUnder(Op, Cur);
}

const OpcodeDesc *VectorUnit::biasedVSet(RandomEngine &R) {
  if (!Biased)
    return nullptr;
  double Pr = P / (1 + P);
  if (!R.chance(Pr))
    return nullptr;
  // Biased VSETs are snipgen's own: -riscv-preference-for-rvv-mode-change
  // picks their form (VSETIVLI then takes vl <= 31).
  switch (Opts.ModeChange) {
  case RVVModeChangePreference::VSETIVLI:
    return VSetOps[2];
  case RVVModeChangePreference::VSETVLI:
    return VSetOps[1];
  case RVVModeChangePreference::VSETVL:
    return VSetOps[0];
  case RVVModeChangePreference::Any:
    break;
  }
  return VSetOps[R.below(3)];
}

void VectorUnit::emitVSet(const OpcodeDesc &Op, VectorConfig C,
                          CodeBuffer &Out) {
  unsigned Kind = Op.Name == "VSETVL" ? 0 : Op.Name == "VSETVLI" ? 1 : 2;
  if (!C.Vill && !drawVL(C, Kind == 2, *RNG))
    C.VL = std::min<uint64_t>(C.vlmax(VLen), 31); // VSETIVLI's max_encodable
  uint64_t Max = C.Vill ? 0 : C.vlmax(VLen);
  const Shape &S = shape(Op);
  auto Pick = [&](unsigned Idx, bool NonZero,
                  std::initializer_list<unsigned> Avoid) {
    std::vector<unsigned> Ok;
    for (unsigned Reg : S.Ops[Idx].Cands) {
      if (NonZero && Reg == X0)
        continue;
      if (std::find(Avoid.begin(), Avoid.end(), Reg) != Avoid.end())
        continue;
      if (Registers->isWriteExcluded(Reg) || Memory->isPinned(Reg))
        continue;
      if (NonZero && !Registers->ancillaryMayWrite(Reg))
        continue;
      Ok.push_back(Reg);
    }
    return Ok.empty() ? scratchGPR(Avoid) : Ok[RNG->below(Ok.size())];
  };
  unsigned Rd = Pick(0, false, {});
  MCInst I;
  I.setOpcode(Op.Opcode);
  I.addOperand(MCOperand::createReg(Rd));
  // The AVL: the VL itself; for vill any value.
  uint64_t AVL = C.Vill ? RNG->below(64) : C.VL;
  if (Kind == 2) {
    I.addOperand(MCOperand::createImm(C.Vill ? AVL & 31 : C.VL));
    I.addOperand(MCOperand::createImm(C.vtypeImmediate()));
  } else {
    unsigned Rs2 = 0;
    if (Kind == 0) {
      Rs2 = Pick(2, true, {});
      writeGPR(Rs2, C.vtypeImmediate(), Out);
    }
    unsigned Rs1;
    if (!C.Vill && C.VL == Max && Rd != X0 && RNG->below(2))
      Rs1 = X0;
    else {
      Rs1 = Pick(1, true, {Rs2});
      writeGPR(Rs1, AVL, Out);
    }
    I.addOperand(MCOperand::createReg(Rs1));
    if (Kind == 0)
      I.addOperand(MCOperand::createReg(Rs2));
    else
      I.addOperand(MCOperand::createImm(C.vtypeImmediate()));
  }
  Out.block().PrimaryOffsets.push_back(static_cast<uint32_t>(Out.size()));
  Out.emit(I);
  Memory->clobbered(Rd);
  unsigned OldVXRM = Cur.VXRM;
  Cur = C;
  Cur.VXRM = OldVXRM;
  Known = true;
  PendingRestore = false;
  setVXRM(C.VXRM, Out);
  Cur.VXRM = C.VXRM;
  writeMask(Out);
}

void VectorUnit::emit(const OpcodeDesc &Op, CodeBuffer &Out) {
  const Shape &S = shape(Op);
  if (S.VSet) {
    emitVSet(Op, drawConfig(*RNG, true), Out);
    return;
  }
  ensureKnown();
  if (PendingRestore) {
    VectorConfig C = Cur;
    C.VXRM = PendingVXRM;
    emitSwitch(C, Out);
  }
  if (!legalUnder(Op, Cur)) {
    // Drawn for another configuration (a replaced draw): switch to one of
    // the bag where it is legal.
    for (const VectorBagPoint &BP : Bag)
      if (legalUnder(Op, BP.Cfg)) {
        VectorConfig C = BP.Cfg;
        drawVL(C, Opts.ModeChange == RVVModeChangePreference::VSETIVLI, *RNG);
        emitSwitch(C, Out);
        break;
      }
  }
  if (S.Memory) {
    bool Masked = masksInUse() && RNG->below(2);
    if (MemHooks.Emit(Op, Cur, Masked, Out)) {
      // The load's data or the index group was v0.
      writeMask(Out);
      Memory->noteAncillary(Out, {});
    }
    return;
  }
  MCInst I;
  if (!chooseOperands(Op, I))
    report_fatal_error("RVV generation: no legal operands found for '" +
                       Op.Name + "' under the current configuration");
  Memory->beginInstruction(Op, Out);
  OperandInitializer *Init = Registers->operandInitializer();
  if (Init) {
    SmallVector<unsigned, 8> Written;
    Init->beforePrimary(Op, I, Out, *RNG, Written);
    for (unsigned Reg : Written)
      Memory->clobbered(Reg);
  }
  Out.block().PrimaryOffsets.push_back(static_cast<uint32_t>(Out.size()));
  Out.emit(I);
  if (Init)
    Init->afterPrimary(Op, I);
  Memory->endInstruction(I, Out);
  if (writesV0(I)) {
    writeMask(Out);
    Memory->noteAncillary(Out, {});
  }
}

void VectorUnit::emitEntryInit(bool InitRegs, InstSink &Out) {
  if (InitRegs) {
    unsigned S1 = scratchGPR({}), S2 = scratchGPR({S1});
    emitVectorRegisterInit(S1, S2, Out);
  }
  VectorConfig C = Bag.empty() ? drawConfig(*RNG, true) : drawConfig(*RNG, false);
  if (!C.Vill)
    drawVL(C, Opts.ModeChange == RVVModeChangePreference::VSETIVLI, *RNG);
  HaveVXRM = false;
  if (C.Vill) {
    // Pvill = 1: the snippet starts (and stays) in vill.
    MCInst I;
    I.setOpcode(VSetOps[2]->Opcode);
    I.addOperand(MCOperand::createReg(X0));
    I.addOperand(MCOperand::createImm(0));
    I.addOperand(MCOperand::createImm(C.vtypeImmediate()));
    Out.emit(I);
    Cur = C;
    Known = true;
    PendingRestore = false;
    setVXRM(C.VXRM, Out);
    return;
  }
  emitSwitch(C, Out);
}

void VectorUnit::emitVectorRegisterInit(unsigned S1, unsigned S2,
                                        InstSink &Out) {
  GenTarget::RegisterInitRequest Req = Registers->registerInitRequest();
  // Whole registers as XLEN-bit elements: e64/e32, m1, vl = VLMAX.
  VectorConfig Init;
  Init.SEW = XLen;
  Init.LMULLog2 = 0;
  Init.TailAgnostic = Init.MaskAgnostic = false;
  Init.VL = Init.vlmax(VLen);
  Init.VXRM = Cur.VXRM;
  emitVType(Init, Out);
  unsigned Slide = Env.findOpcode("VSLIDE1DOWN_VX");
  unsigned Splat = Env.findOpcode("VMV_V_X");
  unsigned Load = Env.findOpcode("VL1RE8_V");
  unsigned VLenB = VLen / 8;
  bool AddrSet = false;
  for (unsigned V = 0; V < 32; ++V) {
    if (Req.MayWrite && !Req.MayWrite(VRegs[V]))
      continue;
    if (V == 0 && Opts.NoMask)
      continue; // -riscv-nomask-mode-for-rvv: v0 is never written
    RVVInitMode M = Opts.InitMode;
    if (M == RVVInitMode::Mixed)
      M = V == 0 ? RVVInitMode::Loads : RVVInitMode::Slides;
    if (M == RVVInitMode::Loads) {
      uint64_t Off = uint64_t(V) * VLenB;
      if (Consts.Bytes.size() < Off + VLenB)
        Consts.Bytes.resize(Off + VLenB);
      for (unsigned K = 0; K < VLenB; ++K)
        Consts.Bytes[Off + K] = uint8_t(RNG->next());
      writeGPR(S1, Consts.Address + Off, Out);
      AddrSet = true;
      MCInst I;
      I.setOpcode(Load);
      I.addOperand(MCOperand::createReg(VRegs[V]));
      I.addOperand(MCOperand::createReg(S1));
      Out.emit(I);
    } else if (M == RVVInitMode::Splats) {
      writeGPR(S2, RNG->next(), Out);
      MCInst I;
      I.setOpcode(Splat);
      I.addOperand(MCOperand::createReg(VRegs[V]));
      I.addOperand(MCOperand::createReg(S2));
      Out.emit(I);
    } else {
      for (uint64_t K = 0; K < Init.VL; ++K) {
        writeGPR(S2, RNG->next(), Out);
        MCInst I;
        I.setOpcode(Slide);
        I.addOperand(MCOperand::createReg(VRegs[V]));
        I.addOperand(MCOperand::createReg(VRegs[V]));
        I.addOperand(MCOperand::createReg(S2));
        I.addOperand(MCOperand::createReg(0));
        Out.emit(I);
      }
    }
  }
  (void)AddrSet;
}

const OpcodeDesc &VectorSource::next(RandomEngine &RNG) {
  if (const OpcodeDesc *V = Unit.biasedVSet(RNG))
    return *V;
  for (unsigned Try = 0; Try < 100000; ++Try) {
    const OpcodeDesc &Op = Inner.next(RNG);
    if (Unit.drawable(Op))
      return Op;
  }
  // Nothing of the histogram is legal here (the manual's message; the
  // generator reports it after this draw). A VSET keeps generation going.
  // With no VSET* weighted in the histogram (the default configuration
  // only), VSETVLI stands in: generation fails with that message anyway.
  Unit.noteNothingDrawable();
  if (const OpcodeDesc *V = Unit.someVSet())
    return *V;
  return Unit.fallbackVSet();
}

} // namespace snipgen
