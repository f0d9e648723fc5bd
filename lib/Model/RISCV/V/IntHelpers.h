//===- IntHelpers.h - Shared pieces of the RVV integer classes -*- C++ -*-===//
//
// What the integer, fixed-point, mask, permute and reduction files share on
// top of ElementLoop.h: operand decoding (vm bit, 5-bit immediates), the
// per-SEW dispatch (each handler body is a template on the element type,
// written once and instantiated for SEW 8/16/32/64), the register-overlap
// rules of spec 5.2, fixed-point rounding (spec 3.8), and the epilogue
// (mstatus.VS dirty, observer log of the written registers).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_V_INTHELPERS_H
#define SNIPGEN_LIB_MODEL_RISCV_V_INTHELPERS_H

#include "ElementLoop.h"
#include <initializer_list>
#include <type_traits>

namespace snipgen::model {
// The integer class is split by role over several files; Integer.cpp's
// registerVectorIntegerSemantics calls the others.
void registerVectorIntArithSemantics(SemanticTable &T);     // Integer.cpp
void registerVectorIntWidenSemantics(SemanticTable &T);     // IntegerWiden.cpp
void registerVectorIntCarryCmpSemantics(SemanticTable &T);  // IntegerCarryCompare.cpp
void registerVectorIntMulDivSemantics(SemanticTable &T);    // IntegerMulDiv.cpp
} // namespace snipgen::model

namespace snipgen::model::vec {

/// A 5-bit immediate operand, signed (simm5) or unsigned (uimm5), whatever
/// form the disassembler reported it in.
inline int64_t simm5(int64_t Op) { return int64_t(uint64_t(Op) << 59) >> 59; }
inline uint64_t uimm5(int64_t Op) { return uint64_t(Op) & 31; }

/// Where the second source operand (vs1 / rs1 / imm) of an OPIV*/OPMV*
/// instruction comes from.
enum class Src : uint8_t { V, X, I, UI };

/// Element types.
template <typename T> using S = std::make_signed_t<T>;
template <typename T> struct WideOf;
template <> struct WideOf<uint8_t> { using T = uint16_t; };
template <> struct WideOf<uint16_t> { using T = uint32_t; };
template <> struct WideOf<uint32_t> { using T = uint64_t; };
template <> struct WideOf<uint64_t> { using T = unsigned __int128; };
template <typename T> using W = typename WideOf<T>::T;
/// make_unsigned that also knows __int128 in strict C++ modes.
template <typename SI> struct UnsignedOf { using T = std::make_unsigned_t<SI>; };
template <> struct UnsignedOf<__int128> { using T = unsigned __int128; };
template <typename T> inline constexpr unsigned Bits = sizeof(T) * 8;

/// The scalar second operand (rs1 or imm) truncated to the element type.
/// rs1 is taken as stored (RV32 values are sign-extended to 64 bits, which
/// is the spec's sign extension when SEW > XLEN).
template <typename T, Src From>
inline T scalarOf(const Hart &H, const Decoded &D, unsigned OpIdx) {
  if constexpr (From == Src::X)
    return T(H.X[D.Ops[OpIdx]]);
  else if constexpr (From == Src::I)
    return T(simm5(D.Ops[OpIdx]));
  else if constexpr (From == Src::UI)
    return T(uimm5(D.Ops[OpIdx]));
  else
    return T(0);
}

/// Calls Impl::run<T> for the current SEW after the common prologue
/// (VS enabled, vill clear).
template <typename Impl> StepStatus bySew(Hart &H, const Decoded &D) {
  if (!configOk(H))
    return illegal(H, D);
  switch (H.V.Sew) {
  case 8:
    return Impl::template run<uint8_t>(H, D);
  case 16:
    return Impl::template run<uint16_t>(H, D);
  case 32:
    return Impl::template run<uint32_t>(H, D);
  default:
    return Impl::template run<uint64_t>(H, D);
  }
}

/// Epilogue of an instruction that changed vector state (mstatus.VS
/// dirty). The element walks record the written registers for observers;
/// handlers that write registers otherwise call noteVRegWrites themselves.
inline StepStatus finish(Hart &H, const Decoded &D) {
  markDirty(H);
  return H.next(D);
}

/// Sets vxsat (fixed-point saturation happened).
inline void setVxsat(Hart &H) {
  H.V.Vxsat = 1;
  markDirty(H);
}

/// The hart implements the full V extension (not only a Zve* subset).
inline bool fullV(const Hart &H) { return (H.Misa >> ('v' - 'a')) & 1; }

// --- Register-group rules (spec 5.2) --------------------------------------

/// Registers of a group of EMUL 2^L.
inline unsigned regsOf(int L) { return VectorState::groupRegs(L); }

/// A masked instruction with a non-mask destination must not write v0.
inline bool maskOk(const Decoded &D, unsigned Vd) {
  return !masked(D) || Vd != 0;
}

/// Destination group (Dst, EMUL 2^DL) may share registers with source group
/// (Src, EMUL 2^SL) of a different EEW: when the destination is wider, only
/// in the highest-numbered part of the destination and if the source EMUL is
/// at least 1; when narrower, only in the lowest-numbered part of the
/// source. Equal EEWs may always overlap (do not call this for them).
inline bool overlapOk(unsigned Dst, int DL, unsigned Src, int SL) {
  unsigned DN = regsOf(DL), SN = regsOf(SL);
  if (!groupsOverlap(Dst, DN, Src, SN))
    return true;
  if (DL > SL) // Wider destination.
    return SL >= 0 && Src + SN == Dst + DN;
  return Dst == Src; // Narrower destination (mask results included).
}

/// A mask destination (one register, EEW 1) may overlap a source group only
/// by being its lowest-numbered register.
inline bool maskDstOk(unsigned Vd, unsigned Vs, int L) {
  return Vd == Vs || !groupsOverlap(Vd, 1, Vs, regsOf(L));
}

/// forEachElement for instructions whose body starts at element From rather
/// than vstart (vslideup: destination elements below the offset are left
/// unchanged, whatever the mask policy): walks [max(vstart, From), vl),
/// then applies the tail policy and clears vstart.
template <typename T, typename BodyFn>
inline void forEachElementFrom(Hart &H, unsigned Vd, bool Masked,
                               uint64_t From, uint64_t TailEnd, BodyFn &&Body) {
  VectorState &V = H.V;
  uint64_t VL = V.VL;
  if (V.VStart >= VL) {
    V.VStart = 0;
    return;
  }
  bool FillInactive = V.AgnosticOnes && V.Vma;
  for (uint64_t I = V.VStart > From ? V.VStart : From; I < VL; ++I) {
    if (V.active(Masked, I))
      Body(I);
    else if (FillInactive)
      fillAgnostic<T>(V, Vd, I);
  }
  if (V.AgnosticOnes && V.Vta)
    for (uint64_t I = VL; I < TailEnd; ++I)
      fillAgnostic<T>(V, Vd, I);
  V.VStart = 0;
  noteVRegWrites(H, Vd, regsCovering(V, TailEnd > VL ? TailEnd : VL, sizeof(T)));
}

/// Fills elements [From, To) of register group Vd with ones when the tail
/// policy asks for it (results whose tail starts elsewhere than vl:
/// reductions, vcompress, vmv.s.x).
template <typename T>
inline void fillTail(VectorState &V, unsigned Vd, uint64_t From, uint64_t To) {
  if (V.AgnosticOnes && V.Vta)
    for (uint64_t I = From; I < To; ++I)
      fillAgnostic<T>(V, Vd, I);
}

/// A data source of an instruction: register group base, EMUL (log2) and
/// EEW in bits.
struct SrcGroup {
  unsigned Reg;
  int EmulLog2;
  unsigned Eew;
};

/// Spec 5.2: "a vector register cannot be used to provide source operands
/// with more than one EEW for a single instruction". So when the
/// instruction reads v0 as a mask (vm = 0: masking, or the carry/selector of
/// vadc, vmerge, ...), no data source group may contain v0; and data
/// sources of different EEWs may not overlap. QEMU 10 enforces this for the
/// arithmetic, widening, narrowing, extension, merge, slide and gather
/// forms, but not for vadc/vsbc/vmadc/vmsbc, compares and reductions, so
/// the model checks exactly where QEMU does (those reserved encodings
/// execute).
inline bool sourcesOk(const Decoded &D, std::initializer_list<SrcGroup> Srcs) {
  bool UsesV0 = masked(D);
  for (const SrcGroup *A = Srcs.begin(); A != Srcs.end(); ++A) {
    if (UsesV0 && A->Reg == 0)
      return false;
    for (const SrcGroup *B = A + 1; B != Srcs.end(); ++B)
      if (A->Eew != B->Eew &&
          groupsOverlap(A->Reg, regsOf(A->EmulLog2), B->Reg, regsOf(B->EmulLog2)))
        return false;
  }
  return true;
}
/// Two data sources, the second one only when HasB (a .vv form).
inline bool sourcesOk(const Decoded &D, bool HasB, SrcGroup A, SrcGroup B) {
  return HasB ? sourcesOk(D, {A, B}) : sourcesOk(D, {A});
}

// --- Fixed-point rounding (spec 3.8) --------------------------------------

/// The rounding increment for shifting V right by Shift bits under vxrm
/// mode Rm (0 rnu, 1 rne, 2 rdn, 3 rod). V is unsigned of any width up to
/// 128 bits (signed values pass their two's-complement bits).
template <typename U> inline U roundBit(U V, unsigned Shift, unsigned Rm) {
  if (Shift == 0)
    return 0;
  U Half = (V >> (Shift - 1)) & 1;
  U Below = Shift >= 2 ? (V & ((U(1) << (Shift - 1)) - 1)) != 0 : 0;
  U Lsb = (V >> Shift) & 1;
  U RestNonZero = (V & ((U(1) << Shift) - 1)) != 0;
  switch (Rm & 3) {
  case 0:
    return Half;
  case 1:
    return Half & (Below | Lsb);
  case 2:
    return 0;
  default:
    return (Lsb ^ 1) & RestNonZero;
  }
}

/// Unsigned value V shifted right by Shift with rounding.
template <typename U> inline U roundShiftU(U V, unsigned Shift, unsigned Rm) {
  return (V >> Shift) + roundBit(V, Shift, Rm);
}
/// Signed value V (in type SI) shifted right arithmetically with rounding.
template <typename SI> inline SI roundShiftS(SI V, unsigned Shift, unsigned Rm) {
  using U = typename UnsignedOf<SI>::T;
  return SI((V >> Shift) + SI(roundBit(U(V), Shift, Rm)));
}

// --- Single-width element-wise operations ---------------------------------

/// Per-instruction context an element operation may use: the fixed-point
/// rounding mode, and whether any element saturated (sets vxsat).
struct Fx {
  unsigned Rm = 0;
  bool Sat = false;
};

/// Base of element operations: legal for every SEW. An operation that is
/// not (vmulh* and vsmul at SEW 64 on Zve64*) overrides allowed().
struct OpBase {
  template <typename T> static bool allowed(const Hart &) { return true; }
};

/// vd[i] = Op(vs2[i], vs1[i] | rs1 | imm) for SEW-wide vd, vs2 and second
/// operand: OPIVV/OPIVX/OPIVI/OPMVV/OPMVX single-width arithmetic. Operands
/// are Ops = {vd, vs2, vs1|rs1|imm, vm}.
template <typename Op, Src From> struct Binary {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
             Vs1 = unsigned(D.Ops[2]);
    int L = V.LmulLog2;
    if (!groupOk(Vd, L) || !groupOk(Vs2, L) ||
        (From == Src::V && !groupOk(Vs1, L)) || !maskOk(D, Vd) ||
        !sourcesOk(D, From == Src::V, {Vs2, L, Bits<T>}, {Vs1, L, Bits<T>}) ||
        !Op::template allowed<T>(H))
      return illegal(H, D);
    T Scalar = scalarOf<T, From>(H, D, 2);
    Fx C{V.Vxrm};
    forEachElement<T>(H, Vd, masked(D), V.groupElements(Bits<T>, L),
                      [&](uint64_t I) {
                        T B = From == Src::V ? V.get<T>(Vs1, I) : Scalar;
                        V.set<T>(Vd, I, Op::template f<T>(C, V.get<T>(Vs2, I), B));
                      });
    if (C.Sat)
      setVxsat(H);
    return finish(H, D);
  }
};

// --- Widening and narrowing -----------------------------------------------

/// V zero- or sign-extended to twice its width.
template <bool Signed, typename T> inline W<T> ext(T V) {
  if constexpr (Signed)
    return W<T>(std::make_signed_t<W<T>>(S<T>(V)));
  else
    return W<T>(V);
}

/// The checks every widening instruction shares: 2*SEW <= ELEN, EMUL =
/// 2*LMUL <= 8, destination aligned to EMUL and not v0 when masked.
inline bool widenOk(const Hart &H, const Decoded &D, unsigned Vd) {
  const VectorState &V = H.V;
  return 2 * V.Sew <= V.ELen && V.LmulLog2 < 3 &&
         groupOk(Vd, V.LmulLog2 + 1) && maskOk(D, Vd);
}

/// A narrow (SEW, EMUL = LMUL) source of a widening instruction: aligned,
/// overlapping the wide destination only where spec 5.2 allows.
inline bool narrowSrcOk(const Hart &H, unsigned Vd, unsigned Vs) {
  int L = H.V.LmulLog2;
  return groupOk(Vs, L) && overlapOk(Vd, L + 1, Vs, L);
}

/// vd[i] (2*SEW) = Op(A, B) where A is vs2[i] (2*SEW when WideA, else SEW
/// extended as SignedA says) and B is vs1[i]/rs1 extended as SignedB says:
/// vwadd*, vwsub*, vwmul*. Ops = {vd, vs2, vs1|rs1, vm}.
template <typename Op, Src From, bool WideA, bool SignedA, bool SignedB>
struct Widen {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    if constexpr (sizeof(T) == 8) {
      return illegal(H, D);
    } else {
      VectorState &V = H.V;
      using WT = W<T>;
      unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
               Vs1 = unsigned(D.Ops[2]);
      int L = V.LmulLog2;
      if (!widenOk(H, D, Vd) ||
          !(WideA ? groupOk(Vs2, L + 1) : narrowSrcOk(H, Vd, Vs2)) ||
          (From == Src::V && !narrowSrcOk(H, Vd, Vs1)) ||
          !sourcesOk(D, From == Src::V,
                     {Vs2, WideA ? L + 1 : L, (WideA ? 2 : 1) * Bits<T>},
                     {Vs1, L, Bits<T>}))
        return illegal(H, D);
      T Scalar = scalarOf<T, From>(H, D, 2);
      forEachElement<WT>(
          H, Vd, masked(D), V.groupElements(2 * Bits<T>, L + 1),
          [&](uint64_t I) {
            WT A = WideA ? V.get<WT>(Vs2, I) : ext<SignedA>(V.get<T>(Vs2, I));
            WT B = ext<SignedB>(From == Src::V ? V.get<T>(Vs1, I) : Scalar);
            V.set<WT>(Vd, I, WT(Op::template f<WT>(A, B)));
          });
      return finish(H, D);
    }
  }
};

/// vd[i] (SEW) = Op(vs2[i] (2*SEW), vs1[i] | rs1 | uimm): vnsrl, vnsra,
/// vnclipu, vnclip. Ops = {vd, vs2, vs1|rs1|uimm, vm}.
template <typename Op, Src From> struct Narrow {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    if constexpr (sizeof(T) == 8) {
      return illegal(H, D);
    } else {
      VectorState &V = H.V;
      using WT = W<T>;
      unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
               Vs1 = unsigned(D.Ops[2]);
      int L = V.LmulLog2;
      if (2 * V.Sew > V.ELen || L >= 3 || !groupOk(Vd, L) ||
          !groupOk(Vs2, L + 1) || !overlapOk(Vd, L, Vs2, L + 1) ||
          (From == Src::V && !groupOk(Vs1, L)) || !maskOk(D, Vd) ||
          !sourcesOk(D, From == Src::V, {Vs2, L + 1, 2 * Bits<T>},
                     {Vs1, L, Bits<T>}))
        return illegal(H, D);
      T Scalar = scalarOf<T, From>(H, D, 2);
      Fx C{V.Vxrm};
      forEachElement<T>(H, Vd, masked(D), V.groupElements(Bits<T>, L),
                        [&](uint64_t I) {
                          T B = From == Src::V ? V.get<T>(Vs1, I) : Scalar;
                          V.set<T>(Vd, I, Op::template f<T>(C, V.get<WT>(Vs2, I), B));
                        });
      if (C.Sat)
        setVxsat(H);
      return finish(H, D);
    }
  }
};

} // namespace snipgen::model::vec

#endif
