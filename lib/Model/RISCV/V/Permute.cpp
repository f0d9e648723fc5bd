//===- Permute.cpp - RVV: slides, gathers, compress, whole-register moves -===//
//
// Spec 16.3-16.6. vslideup/vslide1up, vrgather* and vcompress may not
// overlap their destination with their sources; vslidedown reads zero past
// VLMAX; gather indices >= VLMAX read zero; vcompress needs vstart = 0 and
// treats elements past the packed ones as tail. vfslide1up/down are in
// Float*.cpp. vmv<nr>r.v copy whole registers: EEW = SEW, EVL =
// NREG*VLEN/SEW, vstart counted in SEW elements; they need a valid vtype
// (QEMU 10 and the spec's "operate as if EEW=SEW").
//===----------------------------------------------------------------------===//
#include "IntHelpers.h"
#include "VectorSemantics.h"

namespace snipgen::model {
namespace vec {
namespace {

/// The XLEN-bit unsigned offset / index operand of a .vx or .vi form.
template <Src From> uint64_t offsetOf(const Hart &H, const Decoded &D) {
  return From == Src::X ? H.xu(D.Ops[2]) : uimm5(D.Ops[2]);
}

/// vslideup.v[xi] vd, vs2, off: vd[i] = vs2[i - off] for i >= off.
template <Src From> struct SlideUp {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    int L = V.LmulLog2;
    if (!groupOk(Vd, L) || !groupOk(Vs2, L) ||
        groupsOverlap(Vd, regsOf(L), Vs2, regsOf(L)) || !maskOk(D, Vd) ||
        !sourcesOk(D, {{Vs2, L, Bits<T>}}))
      return illegal(H, D);
    uint64_t Off = offsetOf<From>(H, D);
    forEachElementFrom<T>(H, Vd, masked(D), Off, V.groupElements(Bits<T>, L),
                          [&](uint64_t I) {
                            V.set<T>(Vd, I, V.get<T>(Vs2, I - Off));
                          });
    return finish(H, D);
  }
};

/// vslidedown.v[xi] vd, vs2, off: vd[i] = i + off < VLMAX ? vs2[i + off]
/// : 0. The destination may overlap the source (reads run ahead).
template <Src From> struct SlideDown {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    int L = V.LmulLog2;
    if (!groupOk(Vd, L) || !groupOk(Vs2, L) || !maskOk(D, Vd) ||
        !sourcesOk(D, {{Vs2, L, Bits<T>}}))
      return illegal(H, D);
    uint64_t Off = offsetOf<From>(H, D), VLMax = V.vlmax();
    forEachElement<T>(H, Vd, masked(D), V.groupElements(Bits<T>, L),
                      [&](uint64_t I) {
                        bool In = Off < VLMax && I < VLMax - Off;
                        V.set<T>(Vd, I, In ? V.get<T>(Vs2, I + Off) : T(0));
                      });
    return finish(H, D);
  }
};

/// vslide1up.vx: vd[0] = rs1, vd[i] = vs2[i - 1] (no overlap).
/// vslide1down.vx: vd[i] = vs2[i + 1], vd[vl - 1] = rs1.
template <bool Up> struct Slide1 {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    int L = V.LmulLog2;
    if (!groupOk(Vd, L) || !groupOk(Vs2, L) || !maskOk(D, Vd) ||
        (Up && groupsOverlap(Vd, regsOf(L), Vs2, regsOf(L))) ||
        !sourcesOk(D, {{Vs2, L, Bits<T>}}))
      return illegal(H, D);
    T X = T(H.X[D.Ops[2]]);
    uint64_t VL = V.VL;
    forEachElement<T>(H, Vd, masked(D), V.groupElements(Bits<T>, L),
                      [&](uint64_t I) {
                        T R;
                        if (Up)
                          R = I == 0 ? X : V.get<T>(Vs2, I - 1);
                        else
                          R = I + 1 == VL ? X : V.get<T>(Vs2, I + 1);
                        V.set<T>(Vd, I, R);
                      });
    return finish(H, D);
  }
};

/// vrgather.vv vd, vs2, vs1 (index EEW = SEW), vrgatherei16.vv (index EEW
/// 16, EMUL = 16/SEW * LMUL), vrgather.vx/.vi: vd[i] = idx >= VLMAX ? 0 :
/// vs2[idx]. vd may overlap neither source.
template <Src From, bool Ei16> struct Gather {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
             Vs1 = unsigned(D.Ops[2]);
    int L = V.LmulLog2;
    // log2(SEW / 8) is 0..3; EMUL of the 16-bit indices = LMUL * 16 / SEW.
    int SewLog = V.Sew == 8 ? 0 : V.Sew == 16 ? 1 : V.Sew == 32 ? 2 : 3;
    int IdxL = Ei16 ? L + 1 - SewLog : L;
    if (!groupOk(Vd, L) || !groupOk(Vs2, L) || !maskOk(D, Vd) ||
        groupsOverlap(Vd, regsOf(L), Vs2, regsOf(L)))
      return illegal(H, D);
    if (From == Src::V &&
        (IdxL > 3 || IdxL < -3 || !groupOk(Vs1, IdxL) ||
         groupsOverlap(Vd, regsOf(L), Vs1, regsOf(IdxL))))
      return illegal(H, D);
    if (!sourcesOk(D, From == Src::V, {Vs2, L, Bits<T>},
                   {Vs1, IdxL, Ei16 ? 16u : Bits<T>}))
      return illegal(H, D);
    uint64_t VLMax = V.vlmax();
    uint64_t Scalar = From == Src::V ? 0 : offsetOf<From>(H, D);
    forEachElement<T>(H, Vd, masked(D), V.groupElements(Bits<T>, L),
                      [&](uint64_t I) {
                        uint64_t Idx = Scalar;
                        if (From == Src::V)
                          Idx = Ei16 ? V.get<uint16_t>(Vs1, I) : uint64_t(V.get<T>(Vs1, I));
                        V.set<T>(Vd, I, Idx < VLMax ? V.get<T>(Vs2, Idx) : T(0));
                      });
    return finish(H, D);
  }
};

/// vcompress.vm vd, vs2, vs1: packs the elements of vs2[0..vl) whose vs1
/// bit is set into vd[0..n); vd[n..] are tail.
struct Compress {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
             Vs1 = unsigned(D.Ops[2]);
    int L = V.LmulLog2;
    if (V.VStart != 0 || !groupOk(Vd, L) || !groupOk(Vs2, L) ||
        groupsOverlap(Vd, regsOf(L), Vs2, regsOf(L)) ||
        groupsOverlap(Vd, regsOf(L), Vs1, 1))
      return illegal(H, D);
    if (V.VL != 0) {
      uint64_t N = 0;
      for (uint64_t I = 0; I < V.VL; ++I)
        if (V.bit(Vs1, I))
          V.set<T>(Vd, N++, V.get<T>(Vs2, I));
      fillTail<T>(V, Vd, N, V.groupElements(Bits<T>, L));
      noteVRegWrites(H, Vd, regsOf(L));
    }
    return finish(H, D);
  }
};

/// vmv<NReg>r.v vd, vs2.
template <unsigned NReg> struct MoveWhole {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    if (Vd % NReg != 0 || Vs2 % NReg != 0)
      return illegal(H, D);
    uint64_t Bytes = uint64_t(NReg) * V.VLenB;
    uint64_t Start = V.VStart * sizeof(T);
    if (Start < Bytes) {
      if (Vd != Vs2)
        std::memmove(V.reg(Vd) + Start, V.reg(Vs2) + Start, Bytes - Start);
      noteVRegWrites(H, Vd, NReg);
    }
    V.VStart = 0;
    return finish(H, D);
  }
};

} // namespace
} // namespace vec

using namespace vec;

void registerVectorPermuteSemantics(SemanticTable &T) {
  T.add("VSLIDEUP_VX", bySew<SlideUp<Src::X>>);
  T.add("VSLIDEUP_VI", bySew<SlideUp<Src::UI>>);
  T.add("VSLIDEDOWN_VX", bySew<SlideDown<Src::X>>);
  T.add("VSLIDEDOWN_VI", bySew<SlideDown<Src::UI>>);
  T.add("VSLIDE1UP_VX", bySew<Slide1<true>>);
  T.add("VSLIDE1DOWN_VX", bySew<Slide1<false>>);
  T.add("VRGATHER_VV", bySew<Gather<Src::V, false>>);
  T.add("VRGATHER_VX", bySew<Gather<Src::X, false>>);
  T.add("VRGATHER_VI", bySew<Gather<Src::UI, false>>);
  T.add("VRGATHEREI16_VV", bySew<Gather<Src::V, true>>);
  T.add("VCOMPRESS_VM", bySew<Compress>);
  T.add("VMV1R_V", bySew<MoveWhole<1>>);
  T.add("VMV2R_V", bySew<MoveWhole<2>>);
  T.add("VMV4R_V", bySew<MoveWhole<4>>);
  T.add("VMV8R_V", bySew<MoveWhole<8>>);
}

} // namespace snipgen::model
