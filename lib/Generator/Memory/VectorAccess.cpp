//===- VectorAccess.cpp - Operands and code of vector loads/stores -------===//
//
// VectorAccessPlanner: registers (data and index groups, base, stride, v0.t),
// the ancillary code (index offsets, base, stride) and the access record of
// one RVV load or store (include/snipgen/Generator/VectorAccess.h).
//===----------------------------------------------------------------------===//
#include "snipgen/Generator/VectorAccess.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/Support/ErrorHandling.h"
#include <algorithm>
#include <bit>

using namespace llvm;

namespace snipgen {

struct VectorAccessPlanner::Recipe {
  VectorAccessShape Shape;
  int DataOp = 0, BaseOp = 1, StrideOp = -1, IndexOp = -1, MaskOp = -1;
  uint32_t DataRegs = 0;  // v-numbers the data group may use
  uint32_t IndexRegs = 0; // v-numbers the index group may use
  // Whole-register accesses: the candidate LLVM registers (V2M2, ...) by
  // their first v-number.
  std::vector<std::pair<unsigned, unsigned>> Whole;
  std::vector<unsigned> BaseCands, StrideCands;
};

static unsigned groupRegs(int EmulLog2) {
  return EmulLog2 <= 0 ? 1 : 1u << EmulLog2;
}

static int log2u(unsigned V) { return std::countr_zero(V); }

VectorAccessPlanner::VectorAccessPlanner(const MCEnvironment &Env,
                                         const GenTarget &Target,
                                         MemoryPlanner &Memory,
                                         const RegisterPolicy &Registers,
                                         RandomEngine &RNG, unsigned VLenBits)
    : Env(Env), Target(Target), Memory(Memory), Registers(Registers),
      RNG(RNG), VLenBits(VLenBits),
      Elements(Memory.schemes(), Env.selection().XLen) {
  XLen = Env.selection().XLen;
  ELen = Env.subtargetInfo().checkFeatures("+zve64x") ? 64 : 32;
  for (unsigned I = 0; I < 32; ++I)
    VReg[I] = Env.findRegister("V" + utostr(I));
  X0 = Target.zeroRegister(Env);
  OpVSETVLI = Env.findOpcode("VSETVLI");
  OpVSETIVLI = Env.findOpcode("VSETIVLI");
  OpSlide = Env.findOpcode("VSLIDE1DOWN_VX");
  OpVID = Env.findOpcode("VID_V");
  OpVMulVX = Env.findOpcode("VMUL_VX");
  OpVAddVX = Env.findOpcode("VADD_VX");
  OpVMvVX = Env.findOpcode("VMV_V_X");
}

VectorAccessPlanner::~VectorAccessPlanner() = default;

unsigned VectorAccessPlanner::subtargetVLen(const MCEnvironment &Env) {
  unsigned VLen = 0;
  for (unsigned N = 32; N <= 65536; N *= 2)
    if (Env.subtargetInfo().checkFeatures("+zvl" + utostr(N) + "b"))
      VLen = N;
  return VLen;
}

bool VectorAccessPlanner::isVectorMemory(const MCEnvironment &Env,
                                         const OpcodeDesc &Op) {
  if (!Op.isMemoryAccess() || Op.MemBaseOp < 0 || Op.Operands.empty())
    return false;
  if (!VectorAccessShape::fromName(Op.Name))
    return false;
  // The data operand is a vector register (class VR, VRM2, ...).
  const OperandDesc &D = Op.Operands[0];
  if (!D.isReg() || D.RegClass < 0)
    return false;
  StringRef Class = Env.regInfo().getRegClassName(
      &Env.regInfo().getRegClass(unsigned(D.RegClass)));
  return Class.starts_with("VR");
}

const VectorAccessPlanner::Recipe *
VectorAccessPlanner::recipe(const OpcodeDesc &Op) const {
  auto It = RecipeOf.find(&Op);
  return It == RecipeOf.end() ? nullptr : &Recipes[It->second];
}

Error VectorAccessPlanner::prepare(const OpcodeDesc &Op, const SourceMgr &SM,
                                   SMLoc Loc) {
  if (RecipeOf.count(&Op))
    return Error::success();
  auto Reject = [&](const Twine &Why) {
    return makeError(SM, Loc, "cannot generate '" + Op.Name + "': " + Why);
  };
  std::optional<VectorAccessShape> S = VectorAccessShape::fromName(Op.Name);
  if (!S || !isVectorMemory(Env, Op))
    return Reject("not a vector load or store");
  if (!VLenBits)
    return Reject("VLEN is unknown (no Zvl*b in the target features)");
  Recipe R;
  R.Shape = *S;
  R.BaseOp = Op.MemBaseOp;
  unsigned N = Op.Operands.size();
  if (S->hasMaskOperand())
    R.MaskOp = int(N) - 1;
  if (S->Kind == VectorAccessKind::Strided)
    R.StrideOp = 2;
  if (S->Kind == VectorAccessKind::Indexed)
    R.IndexOp = 2;
  if (R.BaseOp != 1 || N < unsigned(2 + (R.StrideOp >= 0 || R.IndexOp >= 0) +
                                    (R.MaskOp >= 0)))
    return Reject("unexpected operands for a vector load or store");
  if (Memory.isBurstOpcode(Op.Opcode))
    return Reject("vector loads and stores cannot be members of burst "
                  "groups (burst mode plans one scalar-sized access per "
                  "instruction)");
  auto VNumber = [&](unsigned Reg) -> int {
    for (unsigned I = 0; I < 32; ++I)
      if (VReg[I] == Reg)
        return int(I);
    // A register group (V2M2, ...): its first register.
    StringRef Name = Env.registerName(Reg);
    unsigned V;
    if (Name.consume_front("V") && !Name.consumeInteger(10, V) && V < 32)
      return int(V);
    return -1;
  };
  for (unsigned Reg : Registers.primaryCandidates(Op, 0)) {
    int V = VNumber(Reg);
    if (V < 0)
      continue;
    if (S->Kind == VectorAccessKind::WholeRegister)
      R.Whole.push_back({unsigned(V), Reg});
    else
      R.DataRegs |= 1u << V;
  }
  if (!R.DataRegs && R.Whole.empty())
    return Reject("its vector data operand has no usable register after "
                  "reservations");
  R.BaseCands = Registers.primaryCandidates(Op, R.BaseOp);
  if (R.BaseCands.empty())
    return Reject("its base register has no usable register after "
                  "reservations");
  if (R.StrideOp >= 0) {
    for (unsigned Reg : Registers.primaryCandidates(Op, R.StrideOp))
      if (Reg == X0 || Registers.ancillaryMayWrite(Reg))
        R.StrideCands.push_back(Reg);
    if (R.StrideCands.empty())
      return Reject("its stride register has no usable register after "
                    "reservations");
  }
  if (R.IndexOp >= 0) {
    for (unsigned Reg : Registers.primaryCandidates(Op, R.IndexOp)) {
      int V = VNumber(Reg);
      if (V >= 0 && Registers.ancillaryMayWrite(Reg))
        R.IndexRegs |= 1u << V;
    }
    if (!R.IndexRegs)
      return Reject("its index register group must be written by ancillary "
                    "code, and no vector register allows it after "
                    "reservations");
    if (Memory.scratchRegisters().empty())
      return Reject("writing the index offsets needs a scratch register, "
                    "and the reservations leave none");
  }
  // The smallest access this opcode can make: one element (8-bit SEW for
  // the data of indexed accesses), or the whole registers.
  VectorConfig Smallest;
  Smallest.SEW = 8;
  Smallest.VL = 1;
  AccessRequest Req = VectorElementPlanner::request(*S, Smallest, VLenBits);
  MemorySchemeSet &Schemes = Memory.schemes();
  if (!Schemes.admits(Req))
    return Reject("no memory scheme admits " +
                  Twine(S->Kind == VectorAccessKind::WholeRegister
                            ? "its " + utostr(Req.Size) +
                                  "-byte access (whole registers)"
                            : "one " + utostr(Req.Size) +
                                  "-byte element of it") +
                  " aligned to " + utostr(Req.IsaAlign) + ":" +
                  Schemes.explainRejections(Req));
  // The memory planner sets its bases: it knows the base candidates. (Its
  // own admission check, for one byte, is weaker than the one above.)
  MemoryOpcodeInfo Info;
  Info.Op = &Op;
  Info.Size = 1;
  Info.IsaAlign = 1;
  Info.BaseCandidates = R.BaseCands;
  if (Error E = Memory.prepare(Info, SM, Loc))
    return E;
  RecipeOf[&Op] = Recipes.size();
  Recipes.push_back(std::move(R));
  return Error::success();
}

bool VectorAccessPlanner::configOk(const Recipe &R,
                                   const VectorConfig &Cfg) const {
  const VectorAccessShape &S = R.Shape;
  if (S.Kind == VectorAccessKind::WholeRegister)
    return S.EEW <= ELen; // vtype-independent: legal under vill too
  if (Cfg.Vill || Cfg.SEW > ELen)
    return false;
  if (S.Kind == VectorAccessKind::Mask)
    return true;
  if (S.EEW > ELen)
    return false;
  int Emul = Cfg.emulLog2(S.EEW);
  if (Emul < -3 || Emul > 3)
    return false;
  if (S.Kind == VectorAccessKind::Indexed)
    return S.NF * groupRegs(Cfg.LMULLog2) <= 8;
  return S.NF * groupRegs(Emul) <= 8;
}

std::vector<unsigned>
VectorAccessPlanner::dataGroups(const Recipe &R, const VectorConfig &Cfg,
                                bool Masked) const {
  std::vector<unsigned> Out;
  const VectorAccessShape &S = R.Shape;
  if (S.Kind == VectorAccessKind::WholeRegister) {
    for (auto [V, Reg] : R.Whole)
      if (V || !AvoidV0)
        Out.push_back(V);
    return Out;
  }
  Masked |= AvoidV0;
  unsigned G = 1, Fields = S.NF;
  if (S.Kind == VectorAccessKind::UnitStride ||
      S.Kind == VectorAccessKind::Strided)
    G = groupRegs(Cfg.emulLog2(S.EEW));
  else if (S.Kind == VectorAccessKind::Indexed)
    G = groupRegs(Cfg.LMULLog2);
  unsigned Span = G * Fields;
  for (unsigned V = Masked ? G : 0; V + Span <= 32; V += G) {
    uint32_t Need = (Span == 32 ? ~0u : ((1u << Span) - 1) << V);
    if ((R.DataRegs & Need) == Need)
      Out.push_back(V);
  }
  return Out;
}

std::vector<unsigned>
VectorAccessPlanner::indexGroups(const Recipe &R, const VectorConfig &Cfg,
                                 unsigned Data, bool Masked) const {
  std::vector<unsigned> Out;
  Masked |= AvoidV0;
  unsigned G = groupRegs(Cfg.emulLog2(R.Shape.EEW));
  unsigned DataSpan = groupRegs(Cfg.LMULLog2) * R.Shape.NF;
  for (unsigned V = Masked ? G : 0; V + G <= 32; V += G) {
    uint32_t Need = ((1u << G) - 1) << V;
    if ((R.IndexRegs & Need) != Need)
      continue;
    // Never overlapping the data: legal for every EEW pair and NF.
    if (V < Data + DataSpan && Data < V + G)
      continue;
    Out.push_back(V);
  }
  return Out;
}

std::string VectorAccessPlanner::whyNotUnder(const OpcodeDesc &Op,
                                             const VectorConfig &Cfg) {
  const Recipe *R = recipe(Op);
  if (!R)
    return "it was not prepared";
  if (!configOk(*R, Cfg))
    return Cfg.Vill ? "vtype.vill is set"
                    : "its EEW, EMUL or number of fields is illegal under "
                      "this vtype";
  std::vector<unsigned> Data = dataGroups(*R, Cfg, false);
  if (Data.empty())
    return "no vector register group is left for its data after "
           "reservations";
  if (R->Shape.Kind == VectorAccessKind::Indexed &&
      llvm::none_of(Data, [&](unsigned D) {
        return !indexGroups(*R, Cfg, D, false).empty();
      }))
    return "no index register group beside a data group is left after "
           "reservations";
  // vl may be trimmed for the access (emit()): one element must fit.
  VectorConfig One = Cfg;
  One.VL = 1;
  AccessRequest Req = VectorElementPlanner::request(R->Shape, One, VLenBits);
  if (!Memory.schemes().admits(Req))
    return "no memory scheme admits its " + utostr(Req.Size) +
           "-byte access" +
           (R->Shape.Kind == VectorAccessKind::Strided ||
                    R->Shape.Kind == VectorAccessKind::Indexed
               ? " (one element)"
               : "") +
           " aligned to " + utostr(Req.IsaAlign) + ":" +
           Memory.schemes().explainRejections(Req);
  return "";
}

bool VectorAccessPlanner::legalUnder(const OpcodeDesc &Op,
                                     const VectorConfig &Cfg) {
  const Recipe *R = recipe(Op);
  if (!R || !configOk(*R, Cfg))
    return false;
  std::vector<unsigned> Data = dataGroups(*R, Cfg, false);
  if (Data.empty())
    return false;
  if (R->Shape.Kind == VectorAccessKind::Indexed &&
      llvm::none_of(Data, [&](unsigned D) {
        return !indexGroups(*R, Cfg, D, false).empty();
      }))
    return false;
  VectorConfig One = Cfg;
  One.VL = 1;
  return Elements.admits(R->Shape, One, VLenBits);
}

uint64_t VectorAccessPlanner::maxFootprint() const {
  // Indexed: two VSET* with their AVL (3 each), one LUI/ADDI pair and a
  // slide per element, the base (8) and the instruction (a trimmed vl is
  // never needed for indexed accesses, whose size does not depend on vl).
  return (6 + 3 * VectorElementPlanner::MaxIndexSlides + 8 + 1) * 4;
}

unsigned VectorAccessPlanner::scratch(std::initializer_list<unsigned> Avoid) {
  std::vector<unsigned> Ok;
  for (unsigned R : Memory.scratchRegisters())
    if (!Memory.isPinned(R) && !llvm::is_contained(Avoid, R))
      Ok.push_back(R);
  if (Ok.empty())
    report_fatal_error("snipgen internal error: no scratch register for the "
                       "vector index offsets");
  return Ok[RNG.below(Ok.size())];
}

void VectorAccessPlanner::emitVSetVL(uint64_t VL, unsigned SEW, int LMULLog2,
                                     bool TA, bool MA,
                                     std::initializer_list<unsigned> Avoid,
                                     CodeBuffer &Out) {
  VectorConfig C;
  C.SEW = SEW;
  C.LMULLog2 = LMULLog2;
  C.TailAgnostic = TA;
  C.MaskAgnostic = MA;
  MCInst I;
  if (VL < 32) {
    I.setOpcode(OpVSETIVLI);
    I.addOperand(MCOperand::createReg(X0));
    I.addOperand(MCOperand::createImm(int64_t(VL)));
  } else {
    unsigned T = scratch(Avoid);
    Target.materializeValue(Env, T, VL, Out);
    Memory.clobbered(T);
    I.setOpcode(OpVSETVLI);
    I.addOperand(MCOperand::createReg(X0));
    I.addOperand(MCOperand::createReg(T));
  }
  I.addOperand(MCOperand::createImm(C.vtypeImmediate()));
  Out.emit(I);
}

void VectorAccessPlanner::writeIndices(const VectorAccessPlan &P,
                                       const VectorConfig &Cfg,
                                       unsigned IdxEEW, unsigned VIdx,
                                       CodeBuffer &Out) {
  // A temporary vtype with SEW = index EEW and the same VLMAX (LMUL = index
  // EMUL), so vl = VL again; fractional LMULs too small for that SEW
  // (SEW > LMUL * ELEN is reserved) widen to the smallest legal one, which
  // holds the same elements in the same register.
  int Lmul = std::max(Cfg.emulLog2(IdxEEW), log2u(IdxEEW) - log2u(ELen));
  emitVSetVL(Cfg.VL, IdxEEW, Lmul, false, false, {}, Out);
  unsigned T = scratch({});
  auto VX = [&](unsigned Opc) {
    MCInst I;
    I.setOpcode(Opc);
    I.addOperand(MCOperand::createReg(VReg[VIdx]));
    I.addOperand(MCOperand::createReg(VReg[VIdx]));
    I.addOperand(MCOperand::createReg(T));
    I.addOperand(MCOperand::createReg(0)); // unmasked
    Out.emit(I);
  };
  if (P.IndexProgression && !P.IndexStep) {
    // Every offset the same: a splat.
    Target.materializeValue(Env, T, P.Offsets[0], Out);
    MCInst I;
    I.setOpcode(OpVMvVX);
    I.addOperand(MCOperand::createReg(VReg[VIdx]));
    I.addOperand(MCOperand::createReg(T));
    Out.emit(I);
  } else if (P.IndexProgression) {
    // Offsets[0] + i * IndexStep.
    MCInst I;
    I.setOpcode(OpVID);
    I.addOperand(MCOperand::createReg(VReg[VIdx]));
    I.addOperand(MCOperand::createReg(0));
    Out.emit(I);
    if (P.IndexStep != 1) {
      Target.materializeValue(Env, T, P.IndexStep, Out);
      VX(OpVMulVX);
    }
    if (P.Offsets[0]) {
      Target.materializeValue(Env, T, P.Offsets[0], Out);
      VX(OpVAddVX);
    }
  } else {
    // vslide1down VL times: the value slid in at step k ends at element k.
    for (uint64_t K = 0; K < Cfg.VL; ++K) {
      if (K == 0 || P.Offsets[K] != P.Offsets[K - 1])
        Target.materializeValue(Env, T, P.Offsets[K], Out);
      VX(OpSlide);
    }
  }
  Memory.clobbered(T);
  emitVSetVL(Cfg.VL, Cfg.SEW, Cfg.LMULLog2, Cfg.TailAgnostic,
             Cfg.MaskAgnostic, {}, Out);
}

bool VectorAccessPlanner::emit(const OpcodeDesc &Op, const VectorConfig &Cfg,
                               bool Masked, CodeBuffer &Out) {
  const Recipe &R = *recipe(Op);
  const VectorAccessShape &S = R.Shape;
  bool UseMask = Masked && S.hasMaskOperand();
  Memory.beginInstruction(Op, Out);
  uint64_t Before = Out.emitted();

  // Registers: the data group, then (indexed) an index group beside it.
  std::vector<unsigned> Data = dataGroups(R, Cfg, UseMask);
  if (Data.empty() && UseMask) {
    UseMask = false; // no group avoids v0: unmasked instead
    Data = dataGroups(R, Cfg, false);
  }
  if (Data.empty())
    report_fatal_error("snipgen internal error: vector access emitted under "
                       "a configuration it is not legal for");
  unsigned DataV = Data[RNG.below(Data.size())];
  unsigned IndexV = 0;
  if (S.Kind == VectorAccessKind::Indexed) {
    std::vector<unsigned> Idx = indexGroups(R, Cfg, DataV, UseMask);
    for (size_t K = 0; K < Data.size() && Idx.empty(); ++K) {
      DataV = Data[(K + 1) % Data.size()];
      Idx = indexGroups(R, Cfg, DataV, UseMask);
    }
    if (Idx.empty())
      report_fatal_error("snipgen internal error: no index register group "
                         "for a vector indexed access");
    IndexV = Idx[RNG.below(Idx.size())];
  }

  // A unit-stride or mask access of all vl elements that no scheme holds:
  // vl is lowered around the instruction to the largest that fits (the
  // access size grows with vl; one element always fits, see legalUnder).
  VectorConfig Use = Cfg;
  bool Trimmed = false;
  if (Use.VL > 1 && !Elements.admits(S, Use, VLenBits)) {
    uint64_t Lo = 1, Hi = Use.VL - 1;
    while (Lo < Hi) {
      uint64_t Mid = (Lo + Hi + 1) / 2;
      VectorConfig Try = Cfg;
      Try.VL = Mid;
      if (Elements.admits(S, Try, VLenBits))
        Lo = Mid;
      else
        Hi = Mid - 1;
    }
    Use.VL = Lo;
    Trimmed = true;
    ++TrimmedVL;
    emitVSetVL(Use.VL, Cfg.SEW, Cfg.LMULLog2, Cfg.TailAgnostic,
               Cfg.MaskAgnostic, {}, Out);
  }
  std::optional<VectorAccessPlan> P =
      Elements.plan(S, Use, VLenBits, Memory.addressRNG());
  if (!P)
    report_fatal_error("snipgen internal error: a memory scheme admitted a "
                       "vector access but chose no address for it");

  if (S.Kind == VectorAccessKind::Indexed && Use.VL)
    writeIndices(*P, Use, S.EEW, IndexV, Out);
  unsigned Base = Memory.setBase(
      Op, P->Base, R.BaseCands[RNG.below(R.BaseCands.size())], Out);
  unsigned Stride = 0;
  if (S.Kind == VectorAccessKind::Strided) {
    std::vector<unsigned> Ok;
    bool ZeroOk = P->Stride == 0 && llvm::is_contained(R.StrideCands, X0);
    for (unsigned Reg : R.StrideCands)
      if (Reg != X0 && Reg != Base && !Memory.isPinned(Reg))
        Ok.push_back(Reg);
    if (ZeroOk && (Ok.empty() || RNG.chance(0.5))) {
      Stride = X0;
    } else if (Ok.empty()) {
      // Only x0 (or the base) is left: stride 0, every element the first.
      Stride = X0;
      P->Stride = 0;
      std::fill(P->Elements.begin(), P->Elements.end(), P->Elements[0]);
    } else {
      Stride = Ok[RNG.below(Ok.size())];
      Target.materializeValue(Env, Stride, P->Stride, Out);
      Memory.clobbered(Stride);
    }
  }

  MCInst I;
  I.setOpcode(Op.Opcode);
  for (unsigned Idx = 0; Idx < Op.Operands.size(); ++Idx) {
    const OperandDesc &OD = Op.Operands[Idx];
    if (OD.TiedTo >= 0) {
      I.addOperand(I.getOperand(OD.TiedTo));
      continue;
    }
    unsigned Reg = 0;
    if (int(Idx) == R.DataOp) {
      Reg = VReg[DataV];
      if (S.Kind == VectorAccessKind::WholeRegister)
        for (auto [V, WReg] : R.Whole)
          if (V == DataV)
            Reg = WReg;
    } else if (int(Idx) == R.BaseOp) {
      Reg = Base;
    } else if (int(Idx) == R.StrideOp) {
      Reg = Stride;
    } else if (int(Idx) == R.IndexOp) {
      Reg = VReg[IndexV];
    } else if (int(Idx) == R.MaskOp) {
      Reg = UseMask ? VReg[0] : 0;
    }
    I.addOperand(MCOperand::createReg(Reg));
  }

  MemoryAccessRecord Rec;
  Rec.Offset = Out.size();
  Rec.Address = P->Elements[0];
  Rec.Scheme = P->Scheme;
  Rec.Size = P->ElementBytes;
  Rec.Align = P->Align;
  Rec.Vector = true;
  Rec.Elements = P->Elements;
  llvm::sort(Rec.Elements);
  Rec.Elements.erase(std::unique(Rec.Elements.begin(), Rec.Elements.end()),
                     Rec.Elements.end());
  Out.block().MemoryAccesses.push_back(std::move(Rec));
  Emitted += Out.emitted() - Before;
  Out.block().PrimaryOffsets.push_back(static_cast<uint32_t>(Out.size()));
  Out.emit(I);
  Memory.endInstruction(I, Out);
  if (Trimmed) {
    uint64_t Restore = Out.emitted();
    emitVSetVL(Cfg.VL, Cfg.SEW, Cfg.LMULLog2, Cfg.TailAgnostic,
               Cfg.MaskAgnostic, {}, Out);
    Memory.noteAncillary(Out, {});
    Emitted += Out.emitted() - Restore;
  }
  return (S.IsLoad && DataV == 0) ||
         (S.Kind == VectorAccessKind::Indexed && IndexV == 0);
}

} // namespace snipgen
