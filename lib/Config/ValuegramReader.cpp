//===- ValuegramReader.cpp - Values, valuegrams, register-value files -----===//
#include "ValuegramReader.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/InputFiles.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

//===-- Literals -----------------------------------------------------------===//

unsigned NumericLiteral::width() const {
  if (FPBits)
    return FPBits;
  if (Negative) // bits of the two's complement value, sign included
    return 65 - llvm::countl_one(Bits);
  return std::max(1u, 64u - (unsigned)llvm::countl_zero(Bits));
}

std::optional<uint64_t> NumericLiteral::fitTo(unsigned Width) const {
  if (width() > Width)
    return std::nullopt;
  uint64_t Mask = Width >= 64 ? ~0ull : (1ull << Width) - 1;
  return Bits & Mask; // negative integers: sign bits cut to Width
}

static Error literalError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

static bool isSpecialFP(StringRef S) {
  S.consume_front("-") || S.consume_front("+");
  return S.starts_with("inf") || S.starts_with("nan");
}

// The precision suffix of a floating-point literal; double by default.
static const fltSemantics &takeFPSuffix(StringRef &S) {
  if (S.consume_back_insensitive("h"))
    return APFloat::IEEEhalf();
  if (S.consume_back_insensitive("f"))
    return APFloat::IEEEsingle();
  S.consume_back_insensitive("d");
  return APFloat::IEEEdouble();
}

static Expected<NumericLiteral> parseFPLiteral(StringRef S, bool Negative,
                                               const Twine &What) {
  StringRef Body = S;
  Body.consume_front("+");
  std::optional<APFloat> F;
  // "inf" ends in 'f' but means double infinity, as in llvm-snippy.
  if (Body == "inf") {
    F = APFloat::getInf(APFloat::IEEEdouble(), Negative);
  } else {
    const fltSemantics &Sem = takeFPSuffix(Body);
    if (Body == "inf")
      F = APFloat::getInf(Sem, Negative);
    else if (Body == "nan")
      F = APFloat::getNaN(Sem, Negative);
    else {
      if (Body.starts_with("-") || Body.starts_with("+"))
        return literalError(What + " '" + S + "' has extraneous sign characters");
      F.emplace(Sem);
      auto Status = F->convertFromString(Body, APFloat::rmNearestTiesToEven);
      if (!Status) {
        consumeError(Status.takeError());
        return literalError(What + " '" + (Negative ? "-" : "") + S +
                            "' is not a valid floating-point literal (such "
                            "as 1.5, 0x1.8p1, 1.0f, -inff or nan)");
      }
      if (Negative)
        F->changeSign();
    }
  }
  NumericLiteral L;
  APInt Bits = F->bitcastToAPInt();
  L.Bits = Bits.getZExtValue();
  L.FPBits = Bits.getBitWidth();
  return L;
}

Expected<NumericLiteral> parseNumericLiteral(StringRef S, const Twine &What) {
  S = S.trim();
  if (S.empty())
    return literalError(What + " must not be empty");
  StringRef Body = S;
  bool Negative = Body.consume_front("-");
  Expected<NumericLiteral> L = [&]() -> Expected<NumericLiteral> {
    if (S.contains('.') || isSpecialFP(S))
      return parseFPLiteral(Body, Negative, What);
    // Integers: C-style bases; a leading 0 means octal (llvm-snippy and
    // YAML 1.1 read it so, and the manual's examples use it).
    unsigned Radix = 10;
    StringRef Digits = Body;
    if (Digits.starts_with_insensitive("0x"))
      Radix = 16, Digits = Digits.drop_front(2);
    else if (Digits.starts_with_insensitive("0b"))
      Radix = 2, Digits = Digits.drop_front(2);
    else if (Digits.starts_with_insensitive("0o"))
      Radix = 8, Digits = Digits.drop_front(2);
    else if (Digits.size() > 1 && Digits.starts_with("0"))
      Radix = 8, Digits = Digits.drop_front(1);
    if (Negative && Radix != 10)
      return literalError(What + " '" + S +
                          "' is negative but not decimal; write negative "
                          "values in decimal");
    uint64_t Magnitude = 0;
    if (Digits.empty() || Digits.getAsInteger(Radix, Magnitude))
      return literalError(What + " '" + S +
                          "' is not a number (expected an integer such as 5, "
                          "-5, 0xff, 0b101, or a floating-point literal such "
                          "as 1.5, 0x1.0p-1f, inf, nan)");
    NumericLiteral R;
    if (Negative) {
      if (Magnitude > (1ull << 63))
        return literalError(What + " '" + S + "' does not fit in 64 bits");
      R.Bits = 0 - Magnitude;
      R.Negative = Magnitude != 0;
    } else {
      R.Bits = Magnitude;
    }
    return R;
  }();
  if (L)
    L->Text = S.str();
  return L;
}

Expected<NumericLiteral> readNumericLiteral(const SourceMgr &SM,
                                            const YAMLNode &N,
                                            const Twine &What) {
  if (Error E = expectScalar(SM, N, What))
    return E;
  auto L = parseNumericLiteral(N.Value, What);
  if (!L)
    return makeError(SM, N.Loc, toString(L.takeError()));
  L->Loc = N.Loc;
  return L;
}

Expected<double> readWeight(const SourceMgr &SM, const YAMLNode &N,
                            const Twine &What) {
  Expected<double> W = parseDouble(SM, N, What);
  if (!W)
    return W.takeError();
  if (*W < 0)
    return makeError(SM, N.Loc,
                     What + " must not be negative, got '" + N.Value + "'");
  return *W == 0 ? 0.0 : *W;
}

//===-- Valuegrams ---------------------------------------------------------===//

unsigned Valuegram::widestFixedValue() const {
  unsigned W = 0;
  for (const ValuegramEntry &E : Entries) {
    if (E.K == ValuegramEntry::Kind::BitValue)
      W = std::max(W, E.Value.width());
    if (E.K == ValuegramEntry::Kind::BitRange)
      W = std::max(W, 64u - (unsigned)countl_zero(E.Max | 1));
  }
  return W;
}

const ValuegramEntry *Valuegram::firstTooWide(unsigned Bits) const {
  for (const ValuegramEntry &E : Entries) {
    if (E.K == ValuegramEntry::Kind::BitValue && !E.Value.fitTo(Bits))
      return &E;
    if (E.K == ValuegramEntry::Kind::BitRange && Bits < 64 &&
        (E.Max >> Bits) != 0)
      return &E;
  }
  return nullptr;
}

static constexpr StringLiteral EntryForms =
    "a valuegram entry is [<value>|uniform|bitpattern, weight] or a mapping "
    "with 'type' (bitvalue, bitpattern, uniform or bitrange)";

static Expected<ValuegramEntry> readSequenceEntry(const SourceMgr &SM,
                                                  const YAMLNode &Item) {
  if (Item.Items.size() != 2)
    return makeError(SM, Item.Loc,
                     Twine(EntryForms) + ", got a sequence of " +
                         Twine(Item.Items.size()) + " elements");
  const YAMLNode &V = Item.Items[0];
  ValuegramEntry E;
  E.Loc = Item.Loc;
  if (Error Err = expectScalar(SM, V, "a valuegram value"))
    return Err;
  auto W = readWeight(SM, Item.Items[1], "the weight of '" + V.Value + "'");
  if (!W)
    return W.takeError();
  E.Weight = *W;
  if (V.Value == "uniform")
    E.K = ValuegramEntry::Kind::Uniform;
  else if (V.Value == "bitpattern")
    E.K = ValuegramEntry::Kind::BitPattern;
  else {
    auto L = readNumericLiteral(SM, V, "a valuegram value");
    if (!L)
      return L.takeError();
    E.K = ValuegramEntry::Kind::BitValue;
    E.Value = std::move(*L);
  }
  return E;
}

static Expected<uint64_t> readBitRangeBound(const SourceMgr &SM,
                                            const YAMLNode &Map, StringRef Key) {
  const YAMLEntry *B = Map.find(Key);
  if (!B)
    return makeError(SM, Map.Loc,
                     "a bitrange valuegram entry needs '" + Key + "'");
  auto L = readNumericLiteral(SM, B->Value, "'" + Key + "' of a bitrange");
  if (!L)
    return L.takeError();
  if (L->Negative || L->FPBits)
    return makeError(SM, B->Value.Loc,
                     "'" + Key + "' of a bitrange must be a non-negative "
                     "integer (raw bits), got '" + B->Value.Value + "'");
  return L->Bits;
}

static Expected<ValuegramEntry> readMappingEntry(const SourceMgr &SM,
                                                 const YAMLNode &Item) {
  static const StringRef TypeNames[] = {"bitvalue", "bitpattern", "uniform",
                                        "bitrange"};
  const YAMLEntry *Type = Item.find("type");
  if (!Type)
    return makeError(SM, Item.Loc,
                     Twine(EntryForms) + "; this mapping has no 'type'");
  if (Error E = expectScalar(SM, Type->Value, "'type' of a valuegram entry"))
    return E;
  ValuegramEntry E;
  E.Loc = Item.Loc;
  StringRef T = Type->Value.Value;
  std::vector<StringRef> Allowed = {"type", "weight"};
  if (T == "bitvalue") {
    E.K = ValuegramEntry::Kind::BitValue;
    Allowed.push_back("value");
  } else if (T == "bitrange") {
    E.K = ValuegramEntry::Kind::BitRange;
    Allowed.push_back("min");
    Allowed.push_back("max");
  } else if (T == "bitpattern") {
    E.K = ValuegramEntry::Kind::BitPattern;
  } else if (T == "uniform") {
    E.K = ValuegramEntry::Kind::Uniform;
  } else {
    return makeError(SM, Type->Value.Loc,
                     "unknown valuegram entry type '" + T + "'" +
                         suggestClosest(T, TypeNames) +
                         "; allowed: bitvalue, bitpattern, uniform, bitrange");
  }
  if (Error Err = checkAllowedKeys(SM, Item, Allowed,
                                   "a " + T + " valuegram entry"))
    return Err;
  if (const YAMLEntry *W = Item.find("weight")) {
    auto Weight = readWeight(SM, W->Value, "'weight' of a valuegram entry");
    if (!Weight)
      return Weight.takeError();
    E.Weight = *Weight;
  }
  if (E.K == ValuegramEntry::Kind::BitValue) {
    const YAMLEntry *V = Item.find("value");
    if (!V)
      return makeError(SM, Item.Loc, "a bitvalue valuegram entry needs 'value'");
    auto L = readNumericLiteral(SM, V->Value, "'value' of a bitvalue");
    if (!L)
      return L.takeError();
    E.Value = std::move(*L);
  }
  if (E.K == ValuegramEntry::Kind::BitRange) {
    auto Min = readBitRangeBound(SM, Item, "min");
    if (!Min)
      return Min.takeError();
    auto Max = readBitRangeBound(SM, Item, "max");
    if (!Max)
      return Max.takeError();
    if (*Min > *Max)
      return makeError(SM, Item.Loc,
                       "'min' (" + Item.find("min")->Value.Value +
                           ") of a bitrange must be less than or equal to "
                           "'max' (" + Item.find("max")->Value.Value + ")");
    E.Min = *Min;
    E.Max = *Max;
  }
  return E;
}

Expected<Valuegram> readValuegram(const SourceMgr &SM, const YAMLNode &N,
                                  const Twine &What) {
  if (Error E = expectSequence(SM, N, What))
    return E;
  if (N.Items.empty())
    return makeError(SM, N.Loc, What + " must contain at least one entry");
  Valuegram VG;
  VG.Loc = N.Loc;
  double Total = 0;
  for (const YAMLNode &Item : N.Items) {
    Expected<ValuegramEntry> E =
        Item.isSequence()  ? readSequenceEntry(SM, Item)
        : Item.isMapping() ? readMappingEntry(SM, Item)
                           : Expected<ValuegramEntry>(makeError(
                                 SM, Item.Loc,
                                 Twine(EntryForms) + ", got " + Item.describe()));
    if (!E)
      return E.takeError();
    Total += E->Weight;
    VG.Entries.push_back(std::move(*E));
  }
  if (Total <= 0)
    return makeError(SM, N.Loc,
                     What + ": every weight is zero; at least one entry needs "
                            "a positive weight");
  return VG;
}

Error readRegisterHistograms(const SourceMgr &SM, const YAMLNode &N,
                             std::vector<RegisterClassValuegram> &Out) {
  if (Error E = expectSequence(SM, N, "'histograms'"))
    return E;
  for (const YAMLNode &Item : N.Items) {
    if (Error E = expectMapping(SM, Item, "a 'histograms' entry"))
      return E;
    if (Error E = checkAllowedKeys(SM, Item, {"reg-type", "values"},
                                   "a 'histograms' entry"))
      return E;
    const YAMLEntry *Type = Item.find("reg-type");
    const YAMLEntry *Values = Item.find("values");
    if (!Type || !Values)
      return makeError(SM, Item.Loc,
                       "a 'histograms' entry needs 'reg-type' and 'values'");
    if (Error E = expectScalar(SM, Type->Value, "'reg-type'"))
      return E;
    StringRef RT = Type->Value.Value;
    if (RT != "X" && RT != "F" && RT != "V")
      return makeError(SM, Type->Value.Loc,
                       "illegal register class '" + RT +
                           "' in a register value histogram; the legal "
                           "classes are X, F and V");
    for (const RegisterClassValuegram &Prev : Out)
      if (Prev.RegType == RT)
        return makeErrorWithNote(SM, Type->Value.Loc,
                                 "reg-type '" + RT + "' is given twice",
                                 Prev.Loc, "first given here");
    auto VG = readValuegram(SM, Values->Value,
                            "'values' of reg-type '" + RT + "'");
    if (!VG)
      return VG.takeError();
    for (const ValuegramEntry &E : VG->Entries)
      if (E.K == ValuegramEntry::Kind::BitValue && E.Value.width() > 64)
        return makeError(SM, E.Loc, "value does not fit in 64 bits");
    Out.push_back({RT.str(), std::move(*VG), Type->Value.Loc});
  }
  return Error::success();
}

Expected<const YAMLEntry *> readSingleEntry(const SourceMgr &SM,
                                            const YAMLNode &N,
                                            const Twine &What) {
  if (!N.isMapping() || N.Entries.size() != 1)
    return makeError(SM, N.Loc,
                     What + " must be a mapping with one entry such as "
                            "'- \"ADDI\": ...', got " +
                         (N.isMapping() ? "a mapping with " +
                                              Twine(N.Entries.size()).str() +
                                              " entries"
                                        : N.describe()));
  return &N.Entries.front();
}

Error checkRegex(const SourceMgr &SM, const YAMLNode &N) {
  if (N.Value.empty())
    return makeError(SM, N.Loc, "a pattern must not be empty");
  Regex RE("^(" + N.Value + ")$");
  std::string Why;
  if (!RE.isValid(Why))
    return makeError(SM, N.Loc,
                     "invalid regular expression '" + N.Value + "': " + Why);
  return Error::success();
}

//===-- Register value files ----------------------------------------------===//

const RegisterClassValuegram *
RegisterValueSource::histogramFor(StringRef RegType) const {
  for (const RegisterClassValuegram &H : Histograms)
    if (H.RegType == RegType)
      return &H;
  return nullptr;
}

const RegisterValueSource::Fixed *RegisterValueSource::fixedFor(char Class,
                                                                unsigned Index) const {
  for (const Fixed &F : Registers)
    if (F.Class == Class && F.Index == Index)
      return &F;
  return nullptr;
}

static Error readFixedRegisters(const SourceMgr &SM, const YAMLNode &N,
                                RegisterValueSource &Out) {
  if (Error E = expectSequence(SM, N, "'registers'"))
    return E;
  for (const YAMLNode &Item : N.Items) {
    if (!Item.isSequence() || Item.Items.size() != 2)
      return makeError(SM, Item.Loc,
                       "a 'registers' entry must be a [name, value] pair such "
                       "as [X7, 0x3], got " + Item.describe());
    const YAMLNode &Name = Item.Items[0];
    if (Error E = expectScalar(SM, Name, "a register name"))
      return E;
    StringRef RegName = Name.Value;
    unsigned Index = 0;
    char Class = RegName.empty() ? 0 : RegName[0];
    if ((Class != 'X' && Class != 'F') ||
        RegName.drop_front().getAsInteger(10, Index) || Index > 31)
      return makeError(SM, Name.Loc,
                       "unknown register '" + RegName +
                           "' (allowed: X0..X31, F0..F31)");
    for (const RegisterValueSource::Fixed &Prev : Out.Registers)
      if (Prev.Class == Class && Prev.Index == Index)
        return makeErrorWithNote(SM, Name.Loc,
                                 "duplicate value for register " + RegName,
                                 Prev.Loc, "first given here");
    auto L = readNumericLiteral(SM, Item.Items[1],
                                "the value of register " + RegName);
    if (!L)
      return L.takeError();
    Out.Registers.push_back({RegName.str(), Class, Index,
                             *L->fitTo(64), Name.Loc});
  }
  return Error::success();
}

static Expected<YAMLNode> parseFile(StringRef Path, SourceMgr &SM) {
  std::string Why;
  auto Buffer = readInputFile(Path, Why);
  if (!Buffer)
    return makeError("cannot read '" + Path + "': " + Why);
  unsigned ID = SM.AddNewSourceBuffer(std::move(*Buffer), SMLoc());
  return parseYAMLBuffer(SM, ID);
}

Expected<RegisterValueSource> loadRegisterValueFile(StringRef Path) {
  RegisterValueSource R;
  R.FileSM = std::make_shared<SourceMgr>();
  R.FileName = Path.str();
  SourceMgr &SM = *R.FileSM;
  auto Root = parseFile(Path, SM);
  if (!Root)
    return Root.takeError();
  if (!Root->isMapping())
    return makeError(SM, Root->Loc,
                     "a register values file must be a mapping with "
                     "'registers' and/or 'histograms', got " +
                         Root->describe());
  if (Error E = checkAllowedKeys(SM, *Root, {"registers", "histograms"},
                                 "a register values file"))
    return E;
  if (const YAMLEntry *Regs = Root->find("registers"))
    if (Error E = readFixedRegisters(SM, Regs->Value, R))
      return E;
  if (const YAMLEntry *Hist = Root->find("histograms"))
    if (Error E = readRegisterHistograms(SM, Hist->Value, R.Histograms))
      return E;
  if (R.empty())
    return makeError(SM, Root->Loc,
                     "a register values file needs a non-empty 'registers' "
                     "or 'histograms' list");
  return R;
}

bool registerValueFileHasHistograms(StringRef Path) {
  SourceMgr SM;
  auto Root = parseFile(Path, SM);
  if (!Root) {
    consumeError(Root.takeError());
    return false;
  }
  return Root->isMapping() && Root->find("histograms");
}

const char *roundingModeName(FPRoundingMode RM) {
  switch (RM) {
  case FPRoundingMode::RNE: return "rne";
  case FPRoundingMode::RTZ: return "rtz";
  case FPRoundingMode::RDN: return "rdn";
  case FPRoundingMode::RUP: return "rup";
  case FPRoundingMode::RMM: return "rmm";
  }
  return "?";
}

const char *nanOverwriteModeName(NaNOverwriteMode M) {
  switch (M) {
  case NaNOverwriteMode::IfAllOperands: return "if-all-operands";
  case NaNOverwriteMode::IfAnyOperand: return "if-any-operand";
  case NaNOverwriteMode::IfModelDetectedNaN: return "if-model-detected-nan";
  case NaNOverwriteMode::Disabled: return "disabled";
  }
  return "?";
}

} // namespace snipgen
