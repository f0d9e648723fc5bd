//===- InitialRegisters.cpp - The planned initial register state ----------===//
#include "snipgen/Generator/InitialRegisters.h"
#include "snipgen/Generator/Valuegram.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/Support/SourceMgr.h"
#include <bit>

using namespace llvm;

namespace snipgen {

Expected<InitialRegisterPlan>
planInitialRegisters(const MCEnvironment &Env, const GenTarget &Target,
                     const RegisterValueSource *Source, const SourceMgr *SM,
                     bool ZeroBase, RandomEngine &RNG) {
  InitialRegisterPlan P;
  const MCSubtargetInfo &STI = Env.subtargetInfo();
  P.XLen = Env.selection().XLen;
  P.FLen = STI.checkFeatures("+d") ? 64 : STI.checkFeatures("+f") ? 32 : 0;
  // A double register that only FCVT.D.W can fill (RV32 with D).
  bool IntegralDoubles = false;
  if (P.FLen == 64)
    if (unsigned D0 = Env.findRegister("F0_D"))
      IntegralDoubles = Target.writeRegisterScratchCount(Env, D0) < 0;

  // The random base is drawn in a fixed order whatever overlays follow, so
  // adding a valuegram for one class does not change the other's values.
  for (unsigned I = 1; I < 32; ++I) {
    uint64_t V = RNG.next();
    P.X[I] = ZeroBase ? 0 : V & lowBitsMask(P.XLen);
  }
  for (unsigned I = 0; I < 32; ++I) {
    uint64_t V = RNG.next();
    if (IntegralDoubles)
      V = std::bit_cast<uint64_t>((double)(int32_t)V);
    P.F[I] = ZeroBase || !P.FLen ? 0 : V & lowBitsMask(P.FLen);
  }
  P.FRM = (unsigned)RNG.below(5);
  P.FFlags = (unsigned)RNG.below(32);
  if (!Source)
    return P;

  for (const RegisterValueSource::Fixed &Fx : Source->Registers) {
    if (Fx.Class == 'X' && Fx.Index != 0)
      P.X[Fx.Index] = Fx.Value & lowBitsMask(P.XLen);
    if (Fx.Class == 'F' && P.FLen)
      P.F[Fx.Index] = Fx.Value & lowBitsMask(P.FLen);
  }
  if (const RegisterClassValuegram *H = Source->histogramFor("X")) {
    if (const ValuegramEntry *Wide = H->Values.firstTooWide(P.XLen))
      return makeError(*SM, Wide->Loc,
                       "this value does not fit the " + Twine(P.XLen) +
                           "-bit X registers");
    ValuegramSampler S(H->Values);
    for (unsigned I = 1; I < 32; ++I)
      P.X[I] = S.draw(P.XLen, RNG);
  }
  if (const RegisterClassValuegram *H = Source->histogramFor("V")) {
    unsigned VLen = 0;
    if (unsigned V0 = Env.findRegister("V0"))
      VLen = Target.describeRegister(Env, V0).Bits;
    if (!VLen)
      return makeError(*SM, H->Loc,
                       "reg-type V needs vector registers (the V or a Zve* "
                       "extension)");
    ValuegramSampler S(H->Values);
    P.V.resize(32);
    for (unsigned I = 0; I < 32; ++I)
      P.V[I] = S.drawWide(VLen / 8, RNG);
  }
  if (const RegisterClassValuegram *H = Source->histogramFor("F")) {
    if (!P.FLen)
      return makeError(*SM, H->Loc,
                       "reg-type F needs FP registers (the F or D extension)");
    if (IntegralDoubles)
      return makeError(*SM, H->Loc,
                       "F register values from a valuegram need RV64 (on "
                       "RV32 with D only integral doubles can be made)");
    if (const ValuegramEntry *Wide = H->Values.firstTooWide(P.FLen))
      return makeError(*SM, Wide->Loc,
                       "this value does not fit the " + Twine(P.FLen) +
                           "-bit F registers");
    ValuegramSampler S(H->Values);
    for (unsigned I = 0; I < 32; ++I)
      P.F[I] = S.draw(P.FLen, RNG);
  }
  return P;
}

} // namespace snipgen
