//===- VectorShapes.cpp - Register groups of RVV operands, legality -------===//
//
// The shape of an RVV opcode: for each operand, whether it is a register
// group whose EMUL follows from LMUL (and by how much the operand's EEW
// differs from SEW: widening destinations and wide sources +1, narrowing
// sources +1, vzext/vsext.vf2/4/8 sources -1/-2/-3, vrgatherei16's index
// EEW 16), a single register (masks, reduction scalars, vmv.s.x/vmv.x.s
// elements), a whole-register group (vmv<n>r.v), the optional v0.t mask,
// the fixed v0 of carry/merge forms, or a scalar register or immediate.
//
// Shapes only make the operand draw efficient (group-aligned registers).
// Whether an instruction is legal is decided by the model (VectorOracle):
// overlap rules, ELEN and FP element widths, vill, Zvk element groups.
//===----------------------------------------------------------------------===//
#include "VectorOracle.h"
#include "VectorShape.h"
#include "snipgen/Generator/VectorAccess.h"
#include "snipgen/Generator/ImmediatePolicy.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/VectorUnit.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCRegisterInfo.h"

using namespace llvm;

namespace snipgen {


bool VectorUnit::handles(const OpcodeDesc &Op) const {
  if (Op.Opcode < HandlesCache.size() && HandlesCache[Op.Opcode] >= 0)
    return HandlesCache[Op.Opcode];
  if (HandlesCache.size() <= Op.Opcode)
    HandlesCache.resize(Op.Opcode + 1, -1);
  bool H = handlesUncached(Op);
  HandlesCache[Op.Opcode] = H;
  return H;
}

bool VectorUnit::handlesUncached(const OpcodeDesc &Op) const {
  if (Op.Name == "VSETVL" || Op.Name == "VSETVLI" || Op.Name == "VSETIVLI")
    return true;
  if (!Op.Name.starts_with("V"))
    return false;
  const MCRegisterInfo &MRI = Env.regInfo();
  for (const OperandDesc &OD : Op.Operands)
    if (OD.isReg() && OD.RegClass >= 0 &&
        StringRef(MRI.getRegClassName(&MRI.getRegClass(OD.RegClass)))
            .starts_with("V"))
      return true;
  return false;
}

static unsigned vIndex(const MCEnvironment &Env, unsigned Reg) {
  StringRef N = Env.registerName(Reg);
  unsigned I = 0;
  if (N.consume_front("V"))
    N.consumeInteger(10, I);
  return I;
}

const VectorUnit::Shape &VectorUnit::shape(const OpcodeDesc &Op) {
  auto It = ShapeOf.find(Op.Opcode);
  if (It != ShapeOf.end())
    return *Shapes[It->second];
  auto S = std::make_unique<Shape>();
  StringRef N = Op.Name;
  S->VSet = N == "VSETVL" || N == "VSETVLI" || N == "VSETIVLI";
  S->Memory = Op.isMemoryAccess();
  bool Red = N.starts_with("VRED") || N.starts_with("VFRED") ||
             N.starts_with("VWRED") || N.starts_with("VFWRED");
  bool Widen = (N.starts_with("VW") || N.starts_with("VFW")) && !Red;
  bool WideSrc = N.ends_with("_WV") || N.ends_with("_WX") ||
                 N.ends_with("_WF") || N.ends_with("_WI");
  bool Narrow = (N.starts_with("VN") && N.contains("_W")) ||
                N.starts_with("VFNCVT");
  int ExtDelta = 0;
  if (N.starts_with("VZEXT_VF") || N.starts_with("VSEXT_VF"))
    ExtDelta = N.ends_with("2") ? -1 : N.ends_with("4") ? -2 : -3;
  bool MaskDst = N.starts_with("VMS") || N.starts_with("VMF") ||
                 N.starts_with("VMADC_") || N.starts_with("VMSBC_") ||
                 N.ends_with("_MM");
  bool MaskSrc0 = N.ends_with("_MM") || N == "VMSBF_M" || N == "VMSIF_M" ||
                  N == "VMSOF_M" || N == "VCPOP_M" || N == "VFIRST_M" ||
                  N == "VIOTA_M";
  bool MaskSrc1 = N.ends_with("_MM") || N == "VCOMPRESS_VM";
  bool ScalarDst = N == "VMV_S_X" || N == "VFMV_S_F";
  bool ScalarSrc0 = N == "VMV_X_S" || N == "VFMV_F_S";
  bool CarryForm = N.ends_with("_VVM") || N.ends_with("_VXM") ||
                   N.ends_with("_VIM") || N.ends_with("_VFM");
  const MCRegisterInfo &MRI = Env.regInfo();
  unsigned VecSrc = 0;
  for (unsigned I = 0; I < Op.Operands.size(); ++I) {
    const OperandDesc &OD = Op.Operands[I];
    Shape::Operand O;
    O.Written = OD.IsDef;
    if (OD.TiedTo >= 0) {
      O.K = Shape::Tied;
      S->Ops.push_back(O);
      continue;
    }
    if (!OD.isReg()) {
      S->Ops.push_back(O);
      continue;
    }
    StringRef RC = OD.RegClass >= 0
                       ? StringRef(MRI.getRegClassName(
                             &MRI.getRegClass(OD.RegClass)))
                       : StringRef();
    std::vector<unsigned> Cands =
        Registers ? Registers->primaryCandidates(Op, I) : OD.LegalRegs;
    if (RC == "VMV0") {
      O.K = CarryForm ? Shape::V0 : Shape::OptMask;
    } else if (RC.starts_with("VRM") && !RC.starts_with("VRN")) {
      O.K = Shape::Whole;
      RC.drop_front(3).consumeInteger(10, O.Regs);
      O.Cands = Cands;
    } else if (RC.starts_with("VR") && !RC.starts_with("VRN")) {
      O.K = Shape::Group;
      for (unsigned R : Cands)
        O.Cands.push_back(vIndex(Env, R));
      if (OD.IsDef) {
        if (Red || MaskDst || ScalarDst)
          O.K = Shape::Single;
        else if (Widen)
          O.Delta = 1;
      } else {
        unsigned K = VecSrc++;
        if (K == 0) {
          if (MaskSrc0 || ScalarSrc0)
            O.K = Shape::Single;
          else if ((Widen && WideSrc) || Narrow)
            O.Delta = 1;
          else if (ExtDelta)
            O.Delta = ExtDelta;
        } else if (K == 1) {
          if (Red || MaskSrc1)
            O.K = Shape::Single;
          else if (N == "VRGATHEREI16_VV")
            O.Index16 = true;
        }
      }
    } else {
      O.K = Shape::Scalar;
      O.Cands = Cands;
    }
    if (Opts.NoMask) {
      // -riscv-nomask-mode-for-rvv: v0 (and every group holding it) is
      // never an operand.
      if (O.K == Shape::Group || O.K == Shape::Single)
        llvm::erase(O.Cands, 0u);
      else if (O.K == Shape::Whole)
        llvm::erase_if(O.Cands, [&](unsigned R) {
          StringRef RN = Env.registerName(R);
          return RN == "V0" || RN.starts_with("V0M");
        });
    }
    if (O.K == Shape::Group || O.K == Shape::Single)
      for (unsigned K = 0; K < 4; ++K)
        for (unsigned V : O.Cands)
          if (V % (1u << K) == 0 && V + (1u << K) <= 32)
            O.Aligned[K].push_back(V);
    S->Ops.push_back(std::move(O));
  }
  ShapeOf[Op.Opcode] = Shapes.size();
  Shapes.push_back(std::move(S));
  return *Shapes.back();
}

static int emulOf(const VectorConfig &C, int Delta, bool Index16) {
  if (Index16)
    return C.emulLog2(16);
  return C.LMULLog2 + Delta;
}

bool VectorUnit::buildInstruction(const OpcodeDesc &Op, const VectorConfig &C,
                                  MCInst &I, bool ForProbe) {
  const Shape &S = shape(Op);
  RandomEngine &R = ForProbe ? ProbeRNG_ref() : *RNG;
  I.clear();
  I.setOpcode(Op.Opcode);
  for (unsigned Idx = 0; Idx < S.Ops.size(); ++Idx) {
    const Shape::Operand &O = S.Ops[Idx];
    switch (O.K) {
    case Shape::Tied:
      I.addOperand(I.getOperand(Op.Operands[Idx].TiedTo));
      break;
    case Shape::Imm:
      I.addOperand(MCOperand::createImm(
          Immediates ? Immediates->choose(Op, Idx, R)
                     : Op.Operands[Idx].Imm.draw(R)));
      break;
    case Shape::OptMask:
      I.addOperand(MCOperand::createReg(
          masksInUse() && R.below(2) ? VRegs[0] : 0));
      break;
    case Shape::V0:
      I.addOperand(MCOperand::createReg(VRegs[0]));
      break;
    case Shape::Whole:
    case Shape::Scalar: {
      SmallVector<unsigned, 64> Ok;
      for (unsigned Reg : O.Cands)
        if (!O.Written || !Registers ||
            (!Registers->isWriteExcluded(Reg) &&
             !(Memory && Memory->isPinned(Reg))))
          Ok.push_back(Reg);
      if (Ok.empty())
        return false;
      I.addOperand(MCOperand::createReg(Ok[R.below(Ok.size())]));
      break;
    }
    case Shape::Single:
    case Shape::Group: {
      int E = O.K == Shape::Single ? 0 : emulOf(C, O.Delta, O.Index16);
      if (C.Vill && O.K == Shape::Group)
        E = 0;
      if (E < -3 || E > 3)
        return false;
      const std::vector<unsigned> &A = O.Aligned[E > 0 ? E : 0];
      if (A.empty())
        return false;
      I.addOperand(MCOperand::createReg(VRegs[A[R.below(A.size())]]));
      break;
    }
    }
  }
  return true;
}

unsigned VectorUnit::destinationRegisters(const MCInst &I) const {
  auto It = ShapeOf.find(I.getOpcode());
  if (It == ShapeOf.end())
    return 0;
  const Shape &S = *Shapes[It->second];
  auto GroupOf = [](int EmulLog2) { return EmulLog2 > 0 ? 1u << EmulLog2 : 1u; };
  if (S.Memory) {
    auto A = VectorAccessShape::fromName(Env.instrInfo().getName(I.getOpcode()));
    if (!A || !A->IsLoad)
      return 0;
    if (A->Kind == VectorAccessKind::WholeRegister)
      return A->NF;
    if (A->Kind == VectorAccessKind::Mask)
      return 1;
    return std::min(8u, GroupOf(Cur.emulLog2(A->dataEEW(Cur))) * A->NF);
  }
  if (S.Ops.empty() || !S.Ops[0].Written)
    return 0;
  const Shape::Operand &D = S.Ops[0];
  switch (D.K) {
  case Shape::Group:
    return Cur.Vill ? 1 : GroupOf(emulOf(Cur, D.Delta, D.Index16));
  case Shape::Single:
    return 1;
  case Shape::Whole:
    return D.Regs;
  default:
    return 0;
  }
}

static uint64_t legalKey(const VectorConfig &C, unsigned Opcode) {
  uint64_t VT = C.Vill ? 0x100 : C.vtypeImmediate();
  return VT << 32 | Opcode;
}

void VectorUnit::syncOracle(const VectorConfig &C) {
  uint64_t Key = C.Vill ? 0x10000 : (uint64_t(C.vtypeImmediate()) << 32 | C.VL);
  if (OracleValid && OracleKey == Key)
    return;
  Oracle->setConfig(C);
  OracleKey = Key;
  OracleValid = true;
}

bool VectorUnit::legalUnder(const OpcodeDesc &Op, const VectorConfig &C) {
  uint64_t Key = legalKey(C, Op.Opcode);
  auto It = LegalCache.find(Key);
  if (It != LegalCache.end())
    return It->second == 1;
  bool Legal = false;
  const Shape &S = shape(Op);
  if (S.VSet) {
    Legal = true;
  } else if (S.Memory) {
    Legal = MemHooks.LegalUnder && MemHooks.LegalUnder(Op, C);
  } else {
    // Probe with VL = VLMAX: legality does not depend on vl.
    VectorConfig Probe = C;
    if (!C.Vill)
      Probe.VL = C.vlmax(VLen);
    syncOracle(Probe);
    MCInst I;
    for (unsigned Try = 0; Try < 64 && !Legal; ++Try)
      Legal = buildInstruction(Op, Probe, I, true) && Oracle->executes(I);
  }
  LegalCache[Key] = Legal ? 1 : 2;
  return Legal;
}

bool VectorUnit::chooseOperands(const OpcodeDesc &Op, MCInst &I) {
  syncOracle(Cur);
  for (unsigned Try = 0; Try < 256; ++Try)
    if (buildInstruction(Op, Cur, I, Try >= 64) && Oracle->executes(I))
      return true;
  return false;
}

} // namespace snipgen
