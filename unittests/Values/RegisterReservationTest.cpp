//===- RegisterReservationTest.cpp - Names, regexes, aliases, groups ------===//
#include "ValueTestUtil.h"
#include "snipgen/Generator/Generator.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/RegisterReservation.h"
#include "llvm/ADT/STLExtras.h"
#include "gtest/gtest.h"
#include <map>

using namespace snipgen;
using namespace llvm;

namespace {

struct Resolved {
  std::map<std::string, unsigned> Bits; // register name -> bits
  std::string Error;
};

Resolved resolve(std::vector<std::pair<std::string, unsigned>> Entries) {
  const ValueTestSubtarget &S = valueSubtarget("+m,+f,+d,+v");
  std::vector<RegisterReservationEntry> E;
  for (auto &[P, B] : Entries)
    E.push_back({P, B, SMLoc()});
  Resolved R;
  auto Out = resolveRegisterReservations(
      E, *S.Env, *S.Target, [&](unsigned I, const Twine &Msg) {
        return createStringError(inconvertibleErrorCode(),
                                 "entry " + Twine(I) + ": " + Msg);
      });
  if (!Out) {
    R.Error = toString(Out.takeError());
    return R;
  }
  for (const ResolvedReservation &X : *Out)
    R.Bits[S.Env->registerName(X.Reg).str()] = X.Bits;
  return R;
}

TEST(RegisterReservationTest, FirstMatchWins) {
  Resolved R = resolve({{"X10", ReserveWrite},
                        {"X1[0-7]", ReserveRead | ReserveWrite}});
  EXPECT_EQ(R.Bits["X10"], unsigned(ReserveWrite));
  EXPECT_EQ(R.Bits["X11"], unsigned(ReserveRead | ReserveWrite));
  EXPECT_EQ(R.Bits["X17"], unsigned(ReserveRead | ReserveWrite));
  // Whole-name matching: "X1[0-7]" matches neither X1 nor X18.
  EXPECT_FALSE(R.Bits.count("X1"));
  EXPECT_FALSE(R.Bits.count("X18"));
}

TEST(RegisterReservationTest, OnePhysicalFPRegister) {
  // F4_F decides f4; F4_D later does not change it.
  Resolved R = resolve({{"F4_F", ReserveWrite}, {"F4_D", ReserveRead}});
  EXPECT_EQ(R.Bits["F4_F"], unsigned(ReserveWrite));
  EXPECT_FALSE(R.Bits.count("F4_D"));
}

TEST(RegisterReservationTest, EmptyAccessReservesNothing) {
  Resolved R = resolve({{"X9", 0}, {"X9|X8", ReserveRead}});
  EXPECT_FALSE(R.Bits.count("X9")); // taken by the empty entry
  EXPECT_EQ(R.Bits["X8"], unsigned(ReserveRead));
}

TEST(RegisterReservationTest, UnknownName) {
  Resolved R = resolve({{"X1", ReserveRead}, {"Y1", ReserveRead}});
  EXPECT_EQ(R.Error.rfind("entry 1: 'Y1' names no register", 0), 0u)
      << R.Error;
}

struct PolicyFixture {
  const ValueTestSubtarget &S = valueSubtarget("+m,+f,+d,+v");
  GeneratorConfig Config;
  RegisterPolicy Policy{*S.Env, *S.Target, Config};
  unsigned reg(StringRef Name) const { return S.Env->findRegister(Name); }
  std::vector<unsigned> candidates(StringRef Op, unsigned Idx) const {
    return Policy.primaryCandidates(*S.Cat->lookup(Op), Idx);
  }
};

TEST(RegisterPolicyReservationTest, HardAndSoft) {
  PolicyFixture F;
  F.Policy.reserve(F.reg("X10"), ReserveWrite);
  F.Policy.reserve(F.reg("X11"), ReserveSoftWrite);
  F.Policy.reserve(F.reg("X12"), ReserveRead);
  F.Policy.reserve(F.reg("X13"), ReserveSoftRead);
  std::vector<unsigned> Dst = F.candidates("ADD", 0);
  std::vector<unsigned> Src = F.candidates("ADD", 1);
  EXPECT_FALSE(is_contained(Dst, F.reg("X10")));
  EXPECT_FALSE(is_contained(Dst, F.reg("X11")));
  EXPECT_TRUE(is_contained(Dst, F.reg("X12")));
  EXPECT_TRUE(is_contained(Src, F.reg("X10")));
  EXPECT_FALSE(is_contained(Src, F.reg("X12")));
  EXPECT_FALSE(is_contained(Src, F.reg("X13")));
  // Ancillary code honours the hard ones only.
  EXPECT_FALSE(F.Policy.ancillaryMayWrite(F.reg("X10")));
  EXPECT_TRUE(F.Policy.ancillaryMayWrite(F.reg("X11")));
  EXPECT_FALSE(F.Policy.ancillaryMayRead(F.reg("X12")));
  EXPECT_TRUE(F.Policy.ancillaryMayRead(F.reg("X13")));
}

TEST(RegisterPolicyReservationTest, FPPrecisionsShareTheRegister) {
  PolicyFixture F;
  F.Policy.reserve(F.reg("F4_H"), ReserveSoftWrite);
  EXPECT_FALSE(is_contained(F.candidates("FADD_D", 0), F.reg("F4_D")));
  EXPECT_FALSE(is_contained(F.candidates("FADD_S", 0), F.reg("F4_F")));
  EXPECT_TRUE(is_contained(F.candidates("FADD_D", 1), F.reg("F4_D")));
}

TEST(RegisterPolicyReservationTest, VectorGroups) {
  PolicyFixture F;
  // v5 lies in the groups starting at v4 (LMUL 2 and 4) and v0 (LMUL 8).
  F.Policy.reserve(F.reg("V5"), ReserveSoftRead | ReserveSoftWrite);
  std::vector<unsigned> Dst = F.candidates("VADD_VV", 0);
  for (StringRef R : {"V0", "V4", "V5"})
    EXPECT_FALSE(is_contained(Dst, F.reg(R))) << R.str();
  for (StringRef R : {"V1", "V2", "V6", "V8"})
    EXPECT_TRUE(is_contained(Dst, F.reg(R))) << R.str();
}

TEST(RegisterPolicyReservationTest, InitRequestCarriesHardReservations) {
  PolicyFixture F;
  F.Policy.reserve(F.reg("X10"), ReserveWrite);
  F.Policy.reserve(F.reg("X11"), ReserveSoftWrite);
  F.Policy.setInitialValues(std::vector<uint64_t>(32, 5),
                            std::vector<uint64_t>(32, 6), 3, 9);
  GenTarget::RegisterInitRequest Req = F.Policy.registerInitRequest();
  EXPECT_FALSE(Req.MayWrite(F.reg("X10")));
  EXPECT_TRUE(Req.MayWrite(F.reg("X11")));
  EXPECT_EQ(Req.XValues[7], 5u);
  EXPECT_EQ(*Req.FRM, 3u);
  EXPECT_EQ(*Req.FFlags, 9u);
}

} // namespace
