//===- VectorAccess.h - Vector loads and stores in the memory schemes -*- C++ -*-===//
//
// Places RVV loads and stores in the memory schemes under the vector
// configuration the hart holds (VectorConfig), following the manual's "RVV
// Instructions in Memory Schemes":
//  * unit-stride (vle/vse, segment vlseg/vsseg, fault-only-first): one
//    access of VL * EEW/8 * NF contiguous bytes, aligned on one element, in a
//    scheme that admits it;
//  * strided (vlse/vsse, vlsseg/vssseg): every element (its NF fields) lies
//    in the scheme, which admits an element; stride 0 is allowed. The
//    stride comes from differences of the scheme's own addresses and every
//    one of the VL elements is checked;
//  * indexed (vluxei/vloxei/vsuxei/vsoxei and segments): the index register
//    group is written before the instruction with offsets such that
//    base + offset[i] is a scheme address for every element (offsets are
//    unsigned and below 2^index-EEW, and below 2^30);
//  * whole-register (vl<n>re<eew>, vs<n>r): n * VLEN/8 bytes, independent of
//    vtype (legal under vill);
//  * mask (vlm.v/vsm.v): ceil(VL/8) bytes.
// Masked forms plan every one of the VL elements (only active ones access
// memory). Segment fault-only-first loads avoid crossing a 4 KiB page
// (QEMU 10.0.2 aborts on a segment fault-only-first load that crosses one).
//
// The record (MemoryAccessRecord::Vector) lists the element spans; the model
// check proves each element the model reports lies in one of them.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_VECTORACCESS_H
#define SNIPGEN_GENERATOR_VECTORACCESS_H

#include "snipgen/Generator/MemoryScheme.h"
#include "snipgen/Generator/VectorConfig.h"
#include "snipgen/Support/Random.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SMLoc.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class SourceMgr;
}

namespace snipgen {

class CodeBuffer;
class GenTarget;
class MCEnvironment;
class MemoryPlanner;
class MemorySchemeSet;
class RegisterPolicy;
struct OpcodeDesc;

enum class VectorAccessKind : uint8_t {
  UnitStride,
  Strided,
  Indexed,
  WholeRegister,
  Mask
};

/// What an RVV memory opcode does, from its LLVM name.
struct VectorAccessShape {
  VectorAccessKind Kind = VectorAccessKind::UnitStride;
  bool IsLoad = true;
  /// Element width in bits: the data EEW (unit-stride, strided,
  /// whole-register: its EEW; mask: 8) or the index EEW (indexed, whose data
  /// EEW is SEW).
  unsigned EEW = 8;
  /// Fields per element (segments), or registers of a whole-register access.
  unsigned NF = 1;
  bool FaultOnlyFirst = false;
  bool Ordered = false; // indexed-ordered
  static std::optional<VectorAccessShape> fromName(llvm::StringRef Name);
  /// Data element width under Cfg (indexed: SEW).
  unsigned dataEEW(const VectorConfig &Cfg) const {
    return Kind == VectorAccessKind::Indexed ? Cfg.SEW : EEW;
  }
  bool hasMaskOperand() const {
    return Kind != VectorAccessKind::WholeRegister &&
           Kind != VectorAccessKind::Mask;
  }
};

/// Where one vector access goes.
struct VectorAccessPlan {
  unsigned Scheme = 0;
  unsigned Align = 1;     // every element start is aligned to it
  uint64_t Base = 0;      // rs1
  uint64_t Stride = 0;    // strided: rs2 (XLEN bits)
  std::vector<uint64_t> Offsets; // indexed: offset[i] for i < VL
  /// Start of each element span (unit-stride, whole-register, mask: one span
  /// of the whole access).
  std::vector<uint64_t> Elements;
  unsigned ElementBytes = 0;
  /// Indexed with many elements: offsets are Offsets[0] + i * IndexStep
  /// (written with vid.v/vmul.vx/vadd.vx instead of one slide per element).
  bool IndexProgression = false;
  uint64_t IndexStep = 0;
};

/// Chooses the element addresses of vector accesses (no code): the part the
/// unit tests check for every configuration.
class VectorElementPlanner {
public:
  VectorElementPlanner(MemorySchemeSet &Schemes, unsigned XLen);
  /// Indexed accesses with more elements than this use an offset
  /// progression (IndexProgression).
  static constexpr uint64_t MaxIndexSlides = 16;

  /// Bytes of the whole access (unit-stride, whole-register, mask) or of one
  /// element (strided, indexed) under Cfg, and the ISA alignment.
  static unsigned accessBytes(const VectorAccessShape &S,
                              const VectorConfig &Cfg, unsigned VLenBits);
  /// What a scheme must admit: accessBytes, aligned on one element.
  static AccessRequest request(const VectorAccessShape &S,
                               const VectorConfig &Cfg, unsigned VLenBits);
  /// Some scheme holds the access shape under Cfg.
  bool admits(const VectorAccessShape &S, const VectorConfig &Cfg,
              unsigned VLenBits);
  /// A plan; nullopt only when admits() is false.
  std::optional<VectorAccessPlan> plan(const VectorAccessShape &S,
                                       const VectorConfig &Cfg,
                                       unsigned VLenBits, RandomEngine &RNG);
  /// An element of Bytes bytes at Addr is allowed by scheme Id and lies in
  /// the allowed memory, aligned to Align.
  bool elementOk(unsigned Id, uint64_t Addr, unsigned Bytes,
                 unsigned Align) const;

private:
  std::optional<uint64_t> chooseIn(unsigned Id, unsigned Bytes, unsigned Align,
                                   uint64_t Lo, uint64_t Hi,
                                   RandomEngine &RNG);
  bool planStride(VectorAccessPlan &P, uint64_t VL, unsigned Bytes,
                  bool NonNegative, uint64_t MaxSpan, RandomEngine &RNG);
  MemorySchemeSet &Schemes;
  unsigned XLen;
  uint64_t Mask;
};

class VectorAccessPlanner {
public:
  VectorAccessPlanner(const MCEnvironment &Env, const GenTarget &Target,
                      MemoryPlanner &Memory, const RegisterPolicy &Registers,
                      RandomEngine &RNG, unsigned VLenBits);
  ~VectorAccessPlanner();

  /// An RVV load or store this planner handles (by LLVM opcode name).
  static bool isVectorMemory(const MCEnvironment &Env, const OpcodeDesc &Op);
  /// VLEN from the subtarget's Zvl*b features (0 without any).
  static unsigned subtargetVLen(const MCEnvironment &Env);
  /// Histogram-time checks (errors point at Loc): register candidates, burst
  /// groups (not supported for vector accesses), and some scheme holds one
  /// element (a whole-register access: all of it).
  llvm::Error prepare(const OpcodeDesc &Op, const llvm::SourceMgr &SM,
                      llvm::SMLoc Loc);
  /// Whether a prepared Op can be emitted under Cfg: EEW <= ELEN, data EMUL
  /// in [1/8, 8], NF * EMUL <= 8, index EMUL legal, vill only for
  /// whole-register accesses, register groups available, and a scheme holds
  /// the access with vl = 1. It does not depend on vl: a unit-stride or
  /// mask access whose vl elements no scheme holds is emitted with vl
  /// lowered around it (VSET* before and after).
  bool legalUnder(const OpcodeDesc &Op, const VectorConfig &Cfg);
  /// Why Op is not legalUnder(Cfg), for error messages ("" if it is).
  std::string whyNotUnder(const OpcodeDesc &Op, const VectorConfig &Cfg);
  /// Picks every operand (data group aligned to EMUL, index group, base,
  /// stride, v0.t when Masked and the opcode has a mask operand, obeying
  /// the overlap rules), emits the ancillary code (index values, base,
  /// stride, a lowered vl) and the instruction into Out, and records the
  /// access. The hart's vl/vtype are Cfg before and after. Op must be
  /// legalUnder(Cfg).
  /// Returns whether the access wrote v0 (a load's data or an index
  /// group there).
  bool emit(const OpcodeDesc &Op, const VectorConfig &Cfg, bool Masked,
            CodeBuffer &Out);
  /// -riscv-nomask-mode-for-rvv: v0 is never a data or index register.
  void setAvoidV0(bool A) { AvoidV0 = A; }

  /// Worst-case bytes emit() appends.
  uint64_t maxFootprint() const;
  unsigned vlenBits() const { return VLenBits; }
  unsigned elen() const { return ELen; }
  uint64_t emitted() const { return Emitted; }
  /// Accesses emitted with vl lowered around them.
  uint64_t trimmedVL() const { return TrimmedVL; }

private:
  struct Recipe;
  const Recipe *recipe(const OpcodeDesc &Op) const;
  bool configOk(const Recipe &R, const VectorConfig &Cfg) const;
  /// First registers (v-numbers) of the data groups usable under Cfg.
  std::vector<unsigned> dataGroups(const Recipe &R, const VectorConfig &Cfg,
                                   bool Masked) const;
  std::vector<unsigned> indexGroups(const Recipe &R, const VectorConfig &Cfg,
                                    unsigned Data, bool Masked) const;
  unsigned scratch(std::initializer_list<unsigned> Avoid);
  void emitVSetVL(uint64_t VL, unsigned SEW, int LMULLog2, bool TA, bool MA,
                  std::initializer_list<unsigned> Avoid, CodeBuffer &Out);
  void writeIndices(const VectorAccessPlan &P, const VectorConfig &Cfg,
                    unsigned IdxEEW, unsigned VIdx, CodeBuffer &Out);

  bool AvoidV0 = false;
  const MCEnvironment &Env;
  const GenTarget &Target;
  MemoryPlanner &Memory;
  const RegisterPolicy &Registers;
  RandomEngine &RNG;
  unsigned VLenBits;
  unsigned ELen = 64;
  unsigned XLen = 64;
  VectorElementPlanner Elements;
  unsigned VReg[32] = {};
  unsigned X0 = 0;
  llvm::DenseMap<const OpcodeDesc *, unsigned> RecipeOf;
  std::vector<Recipe> Recipes;
  uint64_t Emitted = 0;
  uint64_t TrimmedVL = 0;
  // Opcodes of the ancillary vector code.
  unsigned OpVSETVLI = 0, OpVSETIVLI = 0, OpSlide = 0, OpVID = 0,
           OpVMulVX = 0, OpVAddVX = 0, OpVMvVX = 0;
};

} // namespace snipgen

#endif
