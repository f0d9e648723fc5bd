//===- VectorAccessPlan.cpp - Element addresses of vector accesses --------===//
//
// The shapes of the RVV memory opcodes (from their LLVM names) and the
// choice of base, stride and index offsets that keeps every element in one
// memory scheme (include/snipgen/Generator/VectorAccess.h).
//===----------------------------------------------------------------------===//
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Generator/VectorAccess.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

//===----------------------------------------------------------------------===//
// Shapes
//===----------------------------------------------------------------------===//

// Reads a decimal number at the front of S.
static bool eatNumber(StringRef &S, unsigned &N) {
  size_t Len = 0;
  while (Len < S.size() && S[Len] >= '0' && S[Len] <= '9')
    ++Len;
  if (!Len || S.substr(0, Len).getAsInteger(10, N))
    return false;
  S = S.drop_front(Len);
  return true;
}

static bool validEEW(unsigned E) {
  return E == 8 || E == 16 || E == 32 || E == 64;
}

std::optional<VectorAccessShape> VectorAccessShape::fromName(StringRef Name) {
  VectorAccessShape S;
  StringRef R = Name;
  if (R == "VLM_V" || R == "VSM_V") {
    S.Kind = VectorAccessKind::Mask;
    S.IsLoad = R == "VLM_V";
    return S;
  }
  if (!R.consume_front("V"))
    return std::nullopt;
  if (R.consume_front("L"))
    S.IsLoad = true;
  else if (R.consume_front("S"))
    S.IsLoad = false;
  else
    return std::nullopt;
  // Whole-register: VL<n>RE<eew>_V, VS<n>R_V.
  {
    StringRef W = R;
    unsigned N;
    if (eatNumber(W, N) && W.consume_front("R")) {
      S.Kind = VectorAccessKind::WholeRegister;
      S.NF = N;
      if (S.IsLoad) {
        if (!W.consume_front("E") || !eatNumber(W, S.EEW))
          return std::nullopt;
      } else {
        S.EEW = 8;
      }
      if (W != "_V" || (N != 1 && N != 2 && N != 4 && N != 8) ||
          !validEEW(S.EEW))
        return std::nullopt;
      return S;
    }
  }
  // Indexed: (L|S)(U|O)X[SEG<nf>]EI<eew>_V.
  if ((R.starts_with("UX") || R.starts_with("OX"))) {
    S.Kind = VectorAccessKind::Indexed;
    S.Ordered = R[0] == 'O';
    R = R.drop_front(2);
    if (R.consume_front("SEG") && !eatNumber(R, S.NF))
      return std::nullopt;
    if (!R.consume_front("EI") || !eatNumber(R, S.EEW) || R != "_V")
      return std::nullopt;
  } else if (R.consume_front("SSEG") ||
             (R.starts_with("SE") && !R.starts_with("SEG"))) {
    // Strided: (L|S)SE<eew>_V, (L|S)SSEG<nf>E<eew>_V.
    S.Kind = VectorAccessKind::Strided;
    if (R.consume_front("SE")) {
      // plain strided
    } else if (!eatNumber(R, S.NF) || !R.consume_front("E")) {
      return std::nullopt;
    }
    if (!eatNumber(R, S.EEW) || R != "_V")
      return std::nullopt;
  } else {
    // Unit-stride: (L|S)E<eew>[FF]_V, (L|S)SEG<nf>E<eew>[FF]_V.
    S.Kind = VectorAccessKind::UnitStride;
    if (R.consume_front("SEG")) {
      if (!eatNumber(R, S.NF))
        return std::nullopt;
    }
    if (!R.consume_front("E") || !eatNumber(R, S.EEW))
      return std::nullopt;
    if (R == "FF_V" && S.IsLoad)
      S.FaultOnlyFirst = true;
    else if (R != "_V")
      return std::nullopt;
  }
  if (!validEEW(S.EEW) || S.NF < 1 || S.NF > 8)
    return std::nullopt;
  return S;
}

//===----------------------------------------------------------------------===//
// Element planning
//===----------------------------------------------------------------------===//

VectorElementPlanner::VectorElementPlanner(MemorySchemeSet &Schemes,
                                           unsigned XLen)
    : Schemes(Schemes), XLen(XLen),
      Mask(XLen == 32 ? 0xffffffffu : ~uint64_t(0)) {}

unsigned VectorElementPlanner::accessBytes(const VectorAccessShape &S,
                                           const VectorConfig &Cfg,
                                           unsigned VLenBits) {
  uint64_t VL = std::max<uint64_t>(Cfg.VL, 1);
  switch (S.Kind) {
  case VectorAccessKind::UnitStride:
    return unsigned(VL * S.EEW / 8 * S.NF);
  case VectorAccessKind::Strided:
    return S.EEW / 8 * S.NF;
  case VectorAccessKind::Indexed:
    return Cfg.SEW / 8 * S.NF;
  case VectorAccessKind::WholeRegister:
    return S.NF * VLenBits / 8;
  case VectorAccessKind::Mask:
    return unsigned((VL + 7) / 8);
  }
  return 0;
}

static unsigned isaAlign(const VectorAccessShape &S, const VectorConfig &Cfg) {
  return S.Kind == VectorAccessKind::Mask ? 1 : S.dataEEW(Cfg) / 8;
}

AccessRequest VectorElementPlanner::request(const VectorAccessShape &S,
                                           const VectorConfig &Cfg,
                                           unsigned VLenBits) {
  AccessRequest R;
  R.Size = accessBytes(S, Cfg, VLenBits);
  R.IsaAlign = isaAlign(S, Cfg);
  R.AlignOnIsa = true;
  return R;
}

bool VectorElementPlanner::admits(const VectorAccessShape &S,
                                  const VectorConfig &Cfg, unsigned VLenBits) {
  return Schemes.admits(request(S, Cfg, VLenBits));
}

bool VectorElementPlanner::elementOk(unsigned Id, uint64_t Addr,
                                     unsigned Bytes, unsigned Align) const {
  if (Addr % Align || Addr > Mask - Bytes + 1 || Addr + Bytes < Addr)
    return false;
  return Schemes.scheme(Id).allows(Addr, Bytes, false) &&
         Schemes.allowed().contains(Addr, Addr + Bytes);
}

std::optional<uint64_t>
VectorElementPlanner::chooseIn(unsigned Id, unsigned Bytes, unsigned Align,
                               uint64_t Lo, uint64_t Hi, RandomEngine &RNG) {
  AccessRequest R;
  R.Size = Bytes;
  R.IsaAlign = Align;
  R.AlignOnIsa = true;
  R.WindowLo = Lo;
  R.WindowHi = Hi;
  if (Lo > Hi)
    return std::nullopt;
  std::optional<uint64_t> A = Schemes.scheme(Id).choose(R, RNG);
  if (A && !elementOk(Id, *A, Bytes, Align))
    return std::nullopt;
  return A;
}

// Strides from differences between the first element and other addresses
// of the scheme; the first whose VL elements are all in the scheme wins,
// else stride 0 (the first element VL times).
bool VectorElementPlanner::planStride(VectorAccessPlan &P, uint64_t VL,
                                      unsigned Bytes, bool NonNegative,
                                      uint64_t MaxSpan, RandomEngine &RNG) {
  uint64_t A0 = P.Elements[0];
  auto SignExt = [&](uint64_t V) {
    return XLen == 32 ? int64_t(int32_t(uint32_t(V))) : int64_t(V);
  };
  auto Fits = [&](int64_t S) {
    if (NonNegative &&
        (S < 0 || (VL > 1 && uint64_t(S) > MaxSpan / (VL - 1))))
      return false;
    for (uint64_t I = 1; I < VL; ++I)
      if (!elementOk(P.Scheme, (A0 + I * uint64_t(S)) & Mask, Bytes, P.Align))
        return false;
    return true;
  };
  std::vector<int64_t> Cands;
  for (unsigned K = 0; K < 8; ++K) {
    uint64_t Lo = 0, Hi = Mask;
    uint64_t Near = uint64_t(Bytes) * 4 << (2 * (K % 4));
    if (NonNegative) {
      Lo = A0;
      Hi = A0 + std::min(MaxSpan, K < 4 ? Near : MaxSpan);
    } else if (K < 4) {
      Lo = A0 > Near ? A0 - Near : 0;
      Hi = A0 + Near;
    }
    std::optional<uint64_t> A1 = chooseIn(P.Scheme, Bytes, P.Align, Lo,
                                          std::min(Hi, Mask), RNG);
    if (!A1 || *A1 == A0)
      continue;
    int64_t D = SignExt((*A1 - A0) & Mask);
    if (VL > 1) {
      int64_t J = int64_t(RNG.inRangeU(1, VL - 1));
      if (D % int64_t(VL - 1) == 0)
        Cands.push_back(D / int64_t(VL - 1));
      if (D % J == 0)
        Cands.push_back(D / J);
    }
    Cands.push_back(D);
    if (!NonNegative)
      Cands.push_back(-D);
  }
  // Prefer strides whose elements spread over the scheme (the divided ones
  // come first for each sample); start from a random candidate.
  size_t N = Cands.size();
  size_t First = N ? RNG.below(N) : 0;
  P.Stride = 0;
  for (size_t K = 0; K < N; ++K) {
    int64_t S = Cands[(First + K) % N];
    if (S != 0 && Fits(S)) {
      P.Stride = uint64_t(S) & Mask;
      break;
    }
  }
  P.Elements.resize(VL ? VL : 1);
  for (uint64_t I = 1; I < VL; ++I)
    P.Elements[I] = (A0 + I * P.Stride) & Mask;
  return true;
}

std::optional<VectorAccessPlan>
VectorElementPlanner::plan(const VectorAccessShape &S, const VectorConfig &Cfg,
                           unsigned VLenBits, RandomEngine &RNG) {
  AccessRequest R = request(S, Cfg, VLenBits);
  std::optional<unsigned> Id = Schemes.pick(R, RNG);
  if (!Id)
    return std::nullopt;
  VectorAccessPlan P;
  P.Scheme = *Id;
  MemoryScheme &Scheme = Schemes.scheme(*Id);
  P.Align = Scheme.alignment(R);
  P.ElementBytes = R.Size;
  std::optional<uint64_t> A0 = Scheme.choose(R, RNG);
  if (!A0)
    return std::nullopt;
  uint64_t VL = Cfg.VL;
  switch (S.Kind) {
  case VectorAccessKind::UnitStride:
    // QEMU 10.0.2 aborts on a segment fault-only-first load that crosses a
    // page: keep those inside one 4 KiB page when the scheme allows it.
    if (S.FaultOnlyFirst && S.NF > 1 && R.Size <= 4096)
      for (unsigned Try = 0;
           Try < 16 && (*A0 & 4095) + R.Size > 4096; ++Try) {
        uint64_t Page = *A0 & ~uint64_t(4095);
        std::optional<uint64_t> B =
            chooseIn(*Id, R.Size, P.Align, Page, Page + 4096 - R.Size, RNG);
        A0 = B ? B : Scheme.choose(R, RNG);
        if (!A0)
          return std::nullopt;
      }
    [[fallthrough]];
  case VectorAccessKind::WholeRegister:
  case VectorAccessKind::Mask:
    P.Base = *A0;
    P.Elements = {*A0};
    return P;
  case VectorAccessKind::Strided:
    P.Base = *A0;
    P.Elements = {*A0};
    planStride(P, VL, R.Size, /*NonNegative=*/false, Mask, RNG);
    return P;
  case VectorAccessKind::Indexed:
    break;
  }
  // Indexed: unsigned offsets below 2^EEW (and 2^30, so that one LUI/ADDI
  // pair writes each and sign extension never matters) from a base at or
  // below the first element.
  uint64_t Limit = S.EEW >= 31 ? uint64_t(1) << 30 : uint64_t(1) << S.EEW;
  uint64_t Back = RNG.inRangeU(0, std::min<uint64_t>(*A0, Limit / 2));
  P.Base = *A0 - Back;
  P.Elements = {*A0};
  uint64_t Hi = P.Base + (Limit - R.Size);
  if (VL > MaxIndexSlides) {
    P.IndexProgression = true;
    planStride(P, VL, R.Size, /*NonNegative=*/true, Limit - R.Size - Back,
               RNG);
    P.IndexStep = P.Stride;
    P.Stride = 0;
  } else {
    for (uint64_t I = 1; I < VL; ++I) {
      std::optional<uint64_t> A =
          RNG.chance(0.125) ? std::nullopt
                            : chooseIn(*Id, R.Size, P.Align, P.Base,
                                       std::min(Hi, Mask), RNG);
      P.Elements.push_back(A ? *A : P.Elements[RNG.below(I)]);
    }
  }
  for (uint64_t E : P.Elements)
    P.Offsets.push_back((E - P.Base) & Mask);
  return P;
}

} // namespace snipgen
