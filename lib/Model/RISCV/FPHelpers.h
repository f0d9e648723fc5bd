//===- FPHelpers.h - Handler templates of the FP extensions ------*- C++ -*-===//
//
// The F, D and Zfh instruction families differ only in the register view of
// their operands (NaN-boxed single/half, or raw double) and in the soft-float
// function they call. These templates spell each family once; the extension
// files instantiate them with a register view and a soft-float function.
//
// The views of the F registers are below; Zfinx/Zdinx/Zhinx instantiate the
// same templates with views of the X registers (XRegViews.h).
//
// Every handler:
// * raises illegal instruction when mstatus.FS is Off, before anything else
//   (F-register views only: with Zfinx FS is hardwired to 0 and does not
//   gate FP instructions);
// * resolves its rm operand (7 = frm); a reserved mode (5, 6, or frm > 4)
//   raises illegal instruction - also for conversions that cannot round,
//   as Spike and QEMU do;
// * writes its result, then ORs the soft-float flags into fflags (which
//   marks mstatus.FS dirty only when a flag is raised; an F register write
//   always does).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_FPHELPERS_H
#define SNIPGEN_LIB_MODEL_RISCV_FPHELPERS_H

#include "Semantics.h"
#include "snipgen/Model/SoftFloat.h"
#include <type_traits>

namespace snipgen::model::fp {

using softfloat::FPEnv;
using softfloat::MulAddKind;
using softfloat::RoundingMode;

// Register views: how a format's value is read from and written to a
// register. A view has Bits, SignMask, read(H, R), write(H, Rd, Bits) and
// InX (true when the format lives in the X registers: no FS check).
struct HalfView {
  using Bits = uint16_t;
  static Bits read(const Hart &H, int64_t R) { return H.halfOf(R); }
  static void write(Hart &H, int64_t Rd, Bits V) {
    H.writeF(Rd, Hart::boxHalf(V));
  }
  static constexpr Bits SignMask = 0x8000;
  static constexpr bool InX = false;
};
struct SingleView {
  using Bits = uint32_t;
  static Bits read(const Hart &H, int64_t R) { return H.singleOf(R); }
  static void write(Hart &H, int64_t Rd, Bits V) {
    H.writeF(Rd, Hart::boxSingle(V));
  }
  static constexpr Bits SignMask = 0x80000000u;
  static constexpr bool InX = false;
};
struct DoubleView {
  using Bits = uint64_t;
  static Bits read(const Hart &H, int64_t R) { return H.F[R]; }
  static void write(Hart &H, int64_t Rd, Bits V) { H.writeF(Rd, V); }
  static constexpr Bits SignMask = 0x8000000000000000ull;
  static constexpr bool InX = false;
};

inline StepStatus illegal(Hart &H, const Decoded &D) {
  return H.raise(Cause::IllegalInstr, D.Encoding);
}

/// Fills Env.Rounding from an rm operand; false for a reserved mode.
inline bool setRounding(const Hart &H, int64_t Rm, FPEnv &Env) {
  int Mode = H.roundingMode(Rm);
  if (Mode < 0)
    return false;
  Env.Rounding = RoundingMode(Mode);
  return true;
}

/// Whether FP instructions on view V may execute (mstatus.FS gates only the
/// F registers).
template <class V> bool fpAllowed(const Hart &H) {
  return V::InX || H.fpEnabled();
}

/// Guard at the top of every FP handler with an rm operand at RmIndex.
#define SNIPGEN_FP_PROLOGUE_RM(V, RmIndex)                                     \
  FPEnv Env;                                                                   \
  if (LLVM_UNLIKELY(!fpAllowed<V>(H) || !setRounding(H, D.Ops[RmIndex], Env))) \
    return illegal(H, D);

#define SNIPGEN_FP_PROLOGUE(V)                                                 \
  if (LLVM_UNLIKELY(!fpAllowed<V>(H)))                                         \
    return illegal(H, D);

inline StepStatus finish(Hart &H, const Decoded &D, const FPEnv &Env) {
  H.accrueFflags(Env.Flags);
  return H.next(D);
}

// --- Arithmetic: rd, rs1, rs2[, rs3], rm ------------------------------------

template <class V, typename V::Bits (*Op)(typename V::Bits, typename V::Bits,
                                          FPEnv &)>
StepStatus binaryRounded(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE_RM(V, 3)
  typename V::Bits R = Op(V::read(H, D.Ops[1]), V::read(H, D.Ops[2]), Env);
  V::write(H, D.Ops[0], R);
  return finish(H, D, Env);
}

template <class V, typename V::Bits (*Op)(typename V::Bits, FPEnv &)>
StepStatus unaryRounded(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE_RM(V, 2)
  typename V::Bits R = Op(V::read(H, D.Ops[1]), Env);
  V::write(H, D.Ops[0], R);
  return finish(H, D, Env);
}

template <class V,
          typename V::Bits (*Op)(typename V::Bits, typename V::Bits,
                                 typename V::Bits, FPEnv &, MulAddKind),
          MulAddKind Kind>
StepStatus fusedMulAdd(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE_RM(V, 4)
  typename V::Bits R = Op(V::read(H, D.Ops[1]), V::read(H, D.Ops[2]),
                          V::read(H, D.Ops[3]), Env, Kind);
  V::write(H, D.Ops[0], R);
  return finish(H, D, Env);
}

// --- No rounding: min/max, sign injection, compares, classify, moves --------

template <class V, typename V::Bits (*Op)(typename V::Bits, typename V::Bits,
                                          FPEnv &)>
StepStatus binaryExact(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE(V)
  FPEnv Env;
  typename V::Bits R = Op(V::read(H, D.Ops[1]), V::read(H, D.Ops[2]), Env);
  V::write(H, D.Ops[0], R);
  return finish(H, D, Env);
}

enum class SignSource { Copy, Negate, Xor };

/// FSGNJ/FSGNJN/FSGNJX: magnitude of rs1, sign from rs2. Never raises;
/// improperly boxed inputs read as the canonical NaN like any other input.
template <class V, SignSource Source>
StepStatus signInject(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE(V)
  using Bits = typename V::Bits;
  Bits A = V::read(H, D.Ops[1]), B = V::read(H, D.Ops[2]);
  Bits Sign = B & V::SignMask;
  if constexpr (Source == SignSource::Negate)
    Sign ^= V::SignMask;
  else if constexpr (Source == SignSource::Xor)
    Sign ^= A & V::SignMask;
  V::write(H, D.Ops[0], Bits((A & ~V::SignMask) | Sign));
  return H.next(D);
}

template <class V, bool (*Op)(typename V::Bits, typename V::Bits, FPEnv &)>
StepStatus compare(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE(V)
  FPEnv Env;
  bool R = Op(V::read(H, D.Ops[1]), V::read(H, D.Ops[2]), Env);
  H.writeX(D.Ops[0], R);
  return finish(H, D, Env);
}

template <class V, uint16_t (*Op)(typename V::Bits)>
StepStatus classify(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE(V)
  H.writeX(D.Ops[0], Op(V::read(H, D.Ops[1])));
  return H.next(D);
}

/// FMV.X.W / FMV.X.H / FMV.X.D: the register's low bits as they are (no
/// unboxing), sign-extended to XLEN.
template <typename BitsT> StepStatus moveToInt(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE(DoubleView)
  using Signed = std::make_signed_t<BitsT>;
  H.writeX(D.Ops[0], uint64_t(int64_t(Signed(BitsT(H.F[D.Ops[1]])))));
  return H.next(D);
}

/// FMV.W.X / FMV.H.X / FMV.D.X: the integer register's low bits, boxed.
template <class V> StepStatus moveFromInt(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE(V)
  V::write(H, D.Ops[0], typename V::Bits(H.X[D.Ops[1]]));
  return H.next(D);
}

// --- Conversions: rd, rs1, rm ----------------------------------------------

template <class To, class From,
          typename To::Bits (*Op)(typename From::Bits, FPEnv &)>
StepStatus convertFloat(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE_RM(To, 2)
  typename To::Bits R = Op(From::read(H, D.Ops[1]), Env);
  To::write(H, D.Ops[0], R);
  return finish(H, D, Env);
}

/// Float -> integer; 32-bit results are sign-extended to XLEN (also for the
/// unsigned forms, as the spec requires).
template <class From, typename IntT, IntT (*Op)(typename From::Bits, FPEnv &)>
StepStatus convertToInt(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE_RM(From, 2)
  IntT R = Op(From::read(H, D.Ops[1]), Env);
  using Signed = std::make_signed_t<IntT>;
  H.writeX(D.Ops[0], uint64_t(int64_t(Signed(R))));
  return finish(H, D, Env);
}

/// Integer -> float; IntT selects which low bits of rs1 are the source and
/// how they extend (W: int32_t, WU: uint32_t, L: int64_t, LU: uint64_t).
template <class To, typename IntT, typename To::Bits (*Op)(IntT, FPEnv &)>
StepStatus convertFromInt(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE_RM(To, 2)
  typename To::Bits R = Op(IntT(H.X[D.Ops[1]]), Env);
  To::write(H, D.Ops[0], R);
  return finish(H, D, Env);
}

// --- Loads and stores: (rd|rs2), rs1, imm (also the compressed forms) ------

template <class V> StepStatus load(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE(V)
  typename V::Bits Value;
  if (!H.load(H.X[D.Ops[1]] + uint64_t(D.Ops[2]), Value))
    return StepStatus::Raised;
  V::write(H, D.Ops[0], Value);
  return H.next(D);
}

/// Stores the register's low bits as they are (no unboxing check).
template <class V> StepStatus store(Hart &H, const Decoded &D) {
  SNIPGEN_FP_PROLOGUE(V)
  if (!H.store(H.X[D.Ops[1]] + uint64_t(D.Ops[2]),
               typename V::Bits(H.F[D.Ops[0]])))
    return StepStatus::Raised;
  return H.next(D);
}

#undef SNIPGEN_FP_PROLOGUE
#undef SNIPGEN_FP_PROLOGUE_RM

} // namespace snipgen::model::fp

#endif
