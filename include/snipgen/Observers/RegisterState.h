//===- RegisterState.h - Register-state YAML (llvm-snippy format) -*- C++ -*-===//
//
// The format llvm-snippy writes for --dump-registers-yaml and
// --dump-initial-registers-yaml and reads with --initial-regs-yaml, so files
// interchange:
//
//   ---
//   registers:
//     - [ X0, 0x0000000000000000 ]
//     ...
//     - [ F31, 0x0000000000000000 ]
//     - [ PC, 0x0000000080000000 ]
//   ...
//
// One [name, value] pair per register: groups X (XLEN bits), F (FLEN bits,
// absent without F), V (VLEN bits, absent without a vector unit: the
// register's bytes as one little-endian number, so element 0 is in the
// lowest digits), then PC; values are hex, zero-padded to the register
// width. On reading, values may be in any C-style base, groups may
// be partial, and PC is ignored with a warning (as llvm-snippy does).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_OBSERVERS_REGISTERSTATE_H
#define SNIPGEN_OBSERVERS_REGISTERSTATE_H

#include "snipgen/Model/Model.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace snipgen {

struct RegisterState {
  unsigned XLen = 64;
  unsigned FLen = 0; // 0: no FP registers.
  std::vector<std::optional<uint64_t>> X = std::vector<std::optional<uint64_t>>(32);
  std::vector<std::optional<uint64_t>> F = std::vector<std::optional<uint64_t>>(32);
  std::optional<uint64_t> PC;
  unsigned VLenB = 0; // 0: no vector registers.
  /// Vector register contents, little-endian bytes (VLenB of them when
  /// captured; as many as the value needs when read from YAML).
  std::vector<std::optional<std::vector<uint8_t>>> V =
      std::vector<std::optional<std::vector<uint8_t>>>(32);

  /// Whether the values fit the model (vector values no wider than VLEN,
  /// and a vector unit present when V registers are given).
  llvm::Error checkFits(ModelHandle &Model) const;

  /// Reads every register of Model (XLEN/FLEN taken from misa).
  static RegisterState capture(ModelHandle &Model);
  /// Writes the registers present here into Model (x0 and PC are skipped).
  void apply(ModelHandle &Model) const;

  /// Note (optional): a comment for register I of file 'X' or 'F', or null.
  void writeYaml(llvm::raw_ostream &OS,
                 llvm::function_ref<const char *(char File, unsigned I)> Note =
                     nullptr) const;
  /// Parses Text (named BufferName in messages). Warnings (e.g. an ignored
  /// PC) are appended to Warnings.
  static llvm::Expected<RegisterState>
  parseYaml(llvm::StringRef Text, llvm::StringRef BufferName,
            std::vector<std::string> *Warnings = nullptr);
  static llvm::Expected<RegisterState>
  readYamlFile(llvm::StringRef Path,
               std::vector<std::string> *Warnings = nullptr);
};

} // namespace snipgen

#endif
