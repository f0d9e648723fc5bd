//===- ValueConfig.h - Registers and values as written ----------*- C++ -*-===//
//
// The layout keys (and option files) of the manual's register and value
// chapters, parsed and checked for what can be checked without the target.
// Every entry keeps its location so that later checks (a register name that
// does not exist, an immediate an opcode cannot encode, a value wider than
// the operand it initialises) can point at it.
//
//   register-reservation:  [{<register or regex>: [R|W|RW|SR|SW|SRW ...]}]
//   histograms:            [{reg-type: X|F, values: <valuegram>}]
//   imm-hist:              [[value, weight] ...]
//                        | {opcodes: [{<regex>: [[value, weight] ...] | uniform}]}
//   operands-reinitialization:
//                          [{type: valuegram, weight?, opcodes:
//                             [{<regex>: [{type: uniform|operands, weight?,
//                                          values?: [<value> ...]}]}]}]
//   fpu-config:            {overwrite: {range?: {min, max, weight?,
//                             rounding-mode?}, ieee-half|ieee-single|
//                             ieee-double?: {valuegram}, mode?,
//                             nan-rewrite-ratio?}}
//
// A valuegram is a weighted list of value sources; each entry is a sequence
// [<value>|uniform|bitpattern, weight] or a mapping {type: bitvalue|
// bitpattern|uniform|bitrange, value?, min?, max?, weight?}.
//
// Values (NumericLiteral) follow llvm-snippy: integers in any C base
// (0x, 0b, 0o, a leading 0 is octal), negative decimal integers, and
// floating-point literals - anything with a '.', or inf/nan - with an
// optional h/f/d suffix for half/single/double (default double), decimal or
// hex (0x1.0p-1f), signed (-inff, -nan).
//
// Semantics live in the generator (Generator/RegisterPolicy.h,
// Generator/Valuegram.h, Generator/ImmediateHistogram.h,
// Generator/OperandInit.h, Generator/FPUOverwrite.h).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_CONFIG_VALUECONFIG_H
#define SNIPGEN_CONFIG_VALUECONFIG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SMLoc.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class SourceMgr;
}

namespace snipgen {

/// A value as written in a valuegram, imm-hist or operands list.
struct NumericLiteral {
  /// Integer: the magnitude (two's complement value when Negative).
  /// Floating point: the IEEE bits of the value in FPBits bits.
  uint64_t Bits = 0;
  /// An integer written with '-': sign-extends into wider registers.
  bool Negative = false;
  /// 0 for integers; 16, 32 or 64 for h/f/d floating-point literals.
  unsigned FPBits = 0;
  std::string Text; // as written, for messages
  llvm::SMLoc Loc;

  /// Minimum register width that holds the value (1..64).
  unsigned width() const;
  /// The value as Bits-wide register contents (sign- or zero-extended), or
  /// nullopt if it does not fit.
  std::optional<uint64_t> fitTo(unsigned Bits) const;
};

/// Parses S (see the header comment). Errors name What and S.
llvm::Expected<NumericLiteral> parseNumericLiteral(llvm::StringRef S,
                                                   const llvm::Twine &What);

struct ValuegramEntry {
  enum class Kind { BitValue, BitPattern, Uniform, BitRange };
  Kind K = Kind::Uniform;
  double Weight = 1.0;
  NumericLiteral Value; // BitValue
  uint64_t Min = 0, Max = 0; // BitRange, raw bits
  llvm::SMLoc Loc;
};

struct Valuegram {
  std::vector<ValuegramEntry> Entries;
  llvm::SMLoc Loc;
  /// Widest fixed value (bitvalue, bitrange bound) in bits; 0 if none.
  unsigned widestFixedValue() const;
  /// The first fixed value that does not fit Bits, if any.
  const ValuegramEntry *firstTooWide(unsigned Bits) const;
};

/// `reg-type: X|F` and its valuegram.
struct RegisterClassValuegram {
  std::string RegType;
  Valuegram Values;
  llvm::SMLoc Loc;
};

/// Register values from a file (--valuegram-operands-regs,
/// --initial-regs-yaml) or the layout's `histograms` key: fixed values per
/// register (`registers: [[X7, 0x3], ...]`) and valuegrams per register
/// class (`histograms:`). A class with a valuegram ignores fixed values.
struct RegisterValueSource {
  struct Fixed {
    std::string Name; // "X7", "F0"
    char Class = 'X';
    unsigned Index = 0;
    uint64_t Value = 0;
    llvm::SMLoc Loc;
  };
  std::vector<Fixed> Registers;
  std::vector<RegisterClassValuegram> Histograms;
  /// Owns the file's buffer when read from a file (SMLocs point into it);
  /// null for the layout's own key.
  std::shared_ptr<llvm::SourceMgr> FileSM;
  std::string FileName;

  bool empty() const { return Registers.empty() && Histograms.empty(); }
  const RegisterClassValuegram *histogramFor(llvm::StringRef RegType) const;
  const Fixed *fixedFor(char Class, unsigned Index) const;
};

/// Reads a register-values file. `registers:` entries name X0..X31 or
/// F0..F31; `histograms:` entries have reg-type X or F. Errors are located
/// in the file.
llvm::Expected<RegisterValueSource>
loadRegisterValueFile(llvm::StringRef Path);
/// True if the file's top-level mapping has a `histograms` key (otherwise
/// it is a plain register-state file, read by Observers/RegisterState.h).
bool registerValueFileHasHistograms(llvm::StringRef Path);

/// register-reservation / --reserved-regs-list.
enum ReservationBits : unsigned {
  ReserveRead = 1,       // R: no instruction reads it
  ReserveWrite = 2,      // W: no instruction writes it
  ReserveSoftRead = 4,   // SR: no primary instruction reads it
  ReserveSoftWrite = 8,  // SW: no primary instruction writes it
};
struct RegisterReservationEntry {
  std::string Pattern; // register name or regex (whole-name match)
  unsigned Bits = 0;
  llvm::SMLoc Loc;
};

/// imm-hist.
struct ImmHistSequence {
  std::vector<int64_t> Values;
  std::vector<double> Weights;
  std::vector<llvm::SMLoc> Locs;
  llvm::SMLoc Loc;
};
struct ImmHistRule {
  std::string Pattern;
  bool Uniform = false;
  ImmHistSequence Seq;
  llvm::SMLoc Loc;
};
struct ImmHistConfig {
  bool PerOpcode = false;
  ImmHistSequence General; // !PerOpcode
  std::vector<ImmHistRule> Rules; // PerOpcode
  llvm::SMLoc Loc;
};

/// operands-reinitialization.
struct OperandValueSpec {
  enum class Kind { Uniform, Value, Valuegram };
  Kind K = Kind::Uniform;
  NumericLiteral Value;
  Valuegram VG;
  llvm::SMLoc Loc;
};
struct OpcodeValueSetting {
  enum class Kind { Uniform, Operands };
  Kind K = Kind::Uniform;
  double Weight = 1.0;
  std::vector<OperandValueSpec> Values; // Operands
  llvm::SMLoc Loc;
};
struct OpcodeValueRule {
  std::string Pattern;
  std::vector<OpcodeValueSetting> Settings;
  llvm::SMLoc Loc;
};
struct OperandsReinitSource {
  double Weight = 1.0;
  std::vector<OpcodeValueRule> Rules;
  llvm::SMLoc Loc;
};

/// fpu-config.
enum class FPRoundingMode { RNE, RTZ, RDN, RUP, RMM };
enum class NaNOverwriteMode {
  IfAllOperands,
  IfAnyOperand,
  IfModelDetectedNaN,
  Disabled
};
struct FPOverwriteRange {
  int64_t Min = 0, Max = 0;
  double Weight = 1.0;
  FPRoundingMode RM = FPRoundingMode::RNE;
  llvm::SMLoc Loc;
};
struct FPUOverwriteConfig {
  std::optional<FPOverwriteRange> Range;
  std::optional<Valuegram> Half, Single, Double;
  NaNOverwriteMode Mode = NaNOverwriteMode::IfAllOperands;
  double NaNRewriteRatio = 0.0;
  llvm::SMLoc Loc, ModeLoc;
};

struct ValueConfig {
  std::vector<RegisterReservationEntry> Reservations;
  llvm::SMLoc ReservationLoc; // valid when the key is present
  std::optional<RegisterValueSource> InitialValuegrams; // `histograms`
  std::optional<ImmHistConfig> ImmHist;
  std::vector<OperandsReinitSource> OperandsReinit;
  llvm::SMLoc OperandsReinitLoc;
  std::optional<FPUOverwriteConfig> FPUOverwrite;
  llvm::SMLoc FPUConfigLoc;
};

const char *roundingModeName(FPRoundingMode RM);
const char *nanOverwriteModeName(NaNOverwriteMode M);

} // namespace snipgen

#endif
