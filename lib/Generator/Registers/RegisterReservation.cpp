//===- RegisterReservation.cpp - Reservation patterns to registers --------===//
#include "snipgen/Generator/RegisterReservation.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"
#include <map>

using namespace llvm;

namespace snipgen {

Expected<std::vector<ResolvedReservation>> resolveRegisterReservations(
    ArrayRef<RegisterReservationEntry> Entries, const MCEnvironment &Env,
    const GenTarget &Target,
    function_ref<Error(unsigned, const Twine &)> Fail) {
  std::vector<unsigned> Named = Target.nameableRegisters(Env);
  // Physical register (kind, index) -> first entry that matched it.
  std::map<std::pair<unsigned, unsigned>, unsigned> Taken;
  std::vector<ResolvedReservation> Out;
  for (unsigned EI = 0; EI < Entries.size(); ++EI) {
    const RegisterReservationEntry &E = Entries[EI];
    Regex RE("^(" + E.Pattern + ")$");
    std::string Why;
    if (!RE.isValid(Why))
      return Fail(EI, "invalid regular expression '" + E.Pattern + "': " + Why);
    bool Matched = false;
    for (unsigned R : Named) {
      if (!RE.match(Env.registerName(R)))
        continue;
      Matched = true;
      GenTarget::RegisterFacts F = Target.describeRegister(Env, R);
      auto Key = std::make_pair((unsigned)F.K, F.Index);
      if (F.K == GenTarget::RegisterFacts::Other)
        Key = {~0u, R};
      if (!Taken.emplace(Key, EI).second)
        continue; // an earlier entry decided this register
      if (E.Bits)
        Out.push_back({R, E.Bits, EI});
    }
    if (!Matched)
      return Fail(EI, "'" + E.Pattern +
                          "' names no register; registers are X0-X31, "
                          "F0_H-F31_D (F<n>_H, F<n>_F or F<n>_D for the same "
                          "register) and V0-V31, or a regex over these names");
  }
  return Out;
}

} // namespace snipgen
