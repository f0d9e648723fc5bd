//===- YAMLAccessors.cpp - Typed reads of YAML tree nodes -----------------===//
//
// Each helper either returns the value or one located error that says what
// was expected, what was found and what is allowed.
//===----------------------------------------------------------------------===//
#include "YAMLTree.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"
#include <cmath>
#include <limits>

using namespace llvm;

namespace snipgen {

Error makeErrorWithNote(const SourceMgr &SM, SMLoc Loc, const Twine &Msg,
                        SMLoc NoteLoc, const Twine &NoteMsg) {
  std::string Text;
  raw_string_ostream OS(Text);
  // GetMessage + print, unlike SourceMgr::PrintMessage, never diverts the
  // text to a diagnostic handler installed on SM.
  SM.GetMessage(Loc, SourceMgr::DK_Error, Msg).print(nullptr, OS, false);
  SM.GetMessage(NoteLoc, SourceMgr::DK_Note, NoteMsg).print(nullptr, OS, false);
  OS.flush();
  while (!Text.empty() && Text.back() == '\n')
    Text.pop_back();
  return make_error<UserError>(std::move(Text));
}

std::string suggestClosest(StringRef Word, ArrayRef<StringRef> Candidates) {
  StringRef Best;
  unsigned BestDistance = std::max<unsigned>(1, Word.size() / 3) + 1;
  for (StringRef C : Candidates) {
    unsigned D = Word.edit_distance_insensitive(C);
    if (D < BestDistance) {
      BestDistance = D;
      Best = C;
    }
  }
  if (Best.empty())
    return "";
  return (" (did you mean '" + Best + "'?)").str();
}

Error expectMapping(const SourceMgr &SM, const YAMLNode &N, const Twine &What) {
  if (N.isMapping())
    return Error::success();
  return makeError(SM, N.Loc,
                   What + " must be a mapping (key: value), got " +
                       N.describe());
}

Error expectSequence(const SourceMgr &SM, const YAMLNode &N,
                     const Twine &What) {
  if (N.isSequence())
    return Error::success();
  return makeError(SM, N.Loc,
                   What + " must be a sequence (- item or [a, b]), got " +
                       N.describe());
}

Error expectScalar(const SourceMgr &SM, const YAMLNode &N, const Twine &What) {
  if (N.isScalar())
    return Error::success();
  return makeError(SM, N.Loc,
                   What + " must be a single value, got " + N.describe());
}

namespace {
enum class IntStatus { OK, Malformed, LeadingZero, TooLarge };
} // namespace

// Digits with an optional 0x/0o/0b radix prefix; no sign.
static IntStatus parseMagnitude(StringRef S, uint64_t &Out) {
  unsigned Radix = 10;
  if (S.size() > 2 && S[0] == '0' && StringRef("xXoObB").contains(S[1])) {
    char P = toLower(S[1]);
    Radix = P == 'x' ? 16 : P == 'o' ? 8 : 2;
    S = S.drop_front(2);
  } else if (S.size() > 1 && S[0] == '0') {
    // YAML 1.1 reads "010" as octal, YAML 1.2 as decimal; refuse to guess.
    return all_of(S, isDigit) ? IntStatus::LeadingZero : IntStatus::Malformed;
  }
  if (S.empty())
    return IntStatus::Malformed;
  uint64_t Value = 0;
  for (char C : S) {
    unsigned Digit = hexDigitValue(C);
    if (Digit >= Radix)
      return IntStatus::Malformed;
    if (Value > (std::numeric_limits<uint64_t>::max() - Digit) / Radix)
      return IntStatus::TooLarge;
    Value = Value * Radix + Digit;
  }
  Out = Value;
  return IntStatus::OK;
}

static Error intError(const SourceMgr &SM, const YAMLNode &N, const Twine &What,
                      IntStatus Status, bool AllowNegative) {
  const char *Kind = AllowNegative ? "an integer" : "a non-negative integer";
  switch (Status) {
  case IntStatus::LeadingZero:
    return makeError(SM, N.Loc,
                     What + " has an ambiguous leading zero in '" + N.Value +
                         "'; write it without the zero for decimal or with "
                         "0o for octal");
  case IntStatus::TooLarge:
    return makeError(SM, N.Loc,
                     What + " '" + N.Value + "' does not fit in 64 bits");
  default:
    return makeError(SM, N.Loc,
                     What + " must be " + Kind +
                         " (decimal, 0x hex, 0o octal or 0b binary), got " +
                         N.describe());
  }
}

Expected<uint64_t> parseUnsigned(const SourceMgr &SM, const YAMLNode &N,
                                 const Twine &What) {
  if (!N.isScalar())
    return intError(SM, N, What, IntStatus::Malformed, false);
  StringRef S = N.Value;
  if (S.starts_with("-") && S.size() > 1)
    return makeError(SM, N.Loc,
                     What + " must not be negative, got '" + S + "'");
  uint64_t Value = 0;
  IntStatus Status = parseMagnitude(S, Value);
  if (Status != IntStatus::OK)
    return intError(SM, N, What, Status, false);
  return Value;
}

Expected<int64_t> parseSigned(const SourceMgr &SM, const YAMLNode &N,
                              const Twine &What) {
  if (!N.isScalar())
    return intError(SM, N, What, IntStatus::Malformed, true);
  StringRef S = N.Value;
  bool Negative = S.consume_front("-");
  uint64_t Magnitude = 0;
  IntStatus Status = parseMagnitude(S, Magnitude);
  uint64_t Limit = uint64_t(std::numeric_limits<int64_t>::max()) + Negative;
  if (Status == IntStatus::OK && Magnitude > Limit)
    Status = IntStatus::TooLarge;
  if (Status != IntStatus::OK)
    return intError(SM, N, What, Status, true);
  if (!Negative)
    return int64_t(Magnitude);
  return Magnitude == Limit ? std::numeric_limits<int64_t>::min()
                            : -int64_t(Magnitude);
}

// [+-] digits [. digits] [e [+-] digits], or [+-] . digits [...]: what people
// write for weights. Rejects inf/nan/hex floats that strtod would accept.
static bool isDecimalNumber(StringRef S) {
  S.consume_front("-") || S.consume_front("+");
  size_t IntDigits = 0, FracDigits = 0;
  while (IntDigits < S.size() && isDigit(S[IntDigits]))
    ++IntDigits;
  S = S.drop_front(IntDigits);
  if (S.consume_front(".")) {
    while (FracDigits < S.size() && isDigit(S[FracDigits]))
      ++FracDigits;
    S = S.drop_front(FracDigits);
  }
  if (IntDigits + FracDigits == 0)
    return false;
  if (S.consume_front("e") || S.consume_front("E")) {
    S.consume_front("-") || S.consume_front("+");
    if (S.empty() || !all_of(S, isDigit))
      return false;
    return true;
  }
  return S.empty();
}

Expected<double> parseDouble(const SourceMgr &SM, const YAMLNode &N,
                             const Twine &What) {
  double Value = 0;
  // getAsDouble goes through APFloat, so it does not depend on the locale.
  if (!N.isScalar() || !isDecimalNumber(N.Value) ||
      StringRef(N.Value).getAsDouble(Value, /*AllowInexact=*/true))
    return makeError(SM, N.Loc,
                     What + " must be a number such as 1, 1.0 or .5, got " +
                         N.describe());
  if (!std::isfinite(Value))
    return makeError(SM, N.Loc, What + " '" + N.Value + "' is out of range");
  return Value;
}

Expected<bool> parseBool(const SourceMgr &SM, const YAMLNode &N,
                         const Twine &What) {
  if (N.isScalar())
    if (std::optional<bool> B = yaml::parseBool(N.Value))
      return *B;
  return makeError(SM, N.Loc,
                   What + " must be true or false, got " + N.describe());
}

Error checkAllowedKeys(const SourceMgr &SM, const YAMLNode &N,
                       ArrayRef<StringRef> Allowed, const Twine &What) {
  for (const YAMLEntry &E : N.Entries) {
    if (is_contained(Allowed, E.key()))
      continue;
    return makeError(SM, E.Key.Loc,
                     "unknown key '" + E.key() + "' in " + What +
                         suggestClosest(E.key(), Allowed) + "; allowed keys: " +
                         join(Allowed, ", "));
  }
  return Error::success();
}

} // namespace snipgen
