//===- Runner.h - Load a RISC-V ELF into a model and run it -----*- C++ -*-===//
//
// The runner is independent of the generator: given an ELF file (any
// bare-metal or qemu-user style RISC-V executable) and a model function table
// (built-in or plugin), it maps every PT_LOAD segment to a memory region with
// the segment's rights (or, with RunOptions::FlatMemory, maps one flat
// read/write/execute region over all of them, see flatMemoryRegion), copies
// the file bytes, sets the pc to the entry (ELF
// entry or a named symbol), arms tohost if the ELF has that symbol, attaches
// observers and runs to a stop reason.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_MODEL_RUNNER_H
#define SNIPGEN_MODEL_RUNNER_H

#include "snipgen/Model/Model.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace snipgen {

/// Listens to one model run. All callbacks of one instruction arrive before
/// its onRetire (see ModelAPI.h).
class ModelObserver {
public:
  virtual ~ModelObserver();
  /// False for observers that only need onRunStart/onRunEnd: the model then
  /// runs unobserved, at full speed.
  virtual bool wantsEvents() const { return true; }
  /// Before the first instruction (initial state is final by now).
  virtual void onRunStart(ModelHandle &Model) {}
  virtual void onRegWrite(uint32_t File, uint32_t Index, uint64_t Value) {}
  virtual void onMemAccess(uint64_t Addr, uint32_t Size, uint64_t Value,
                           bool IsWrite) {}
  virtual void onRetire(uint64_t PC, uint32_t Encoding, uint32_t Size,
                        uint64_t NextPC) {}
  virtual void onTrap(uint64_t PC, uint32_t Cause, uint64_t Tval) {}
  /// After the run stopped.
  virtual void onRunEnd(ModelHandle &Model, const snipgen_model_stop_info &) {}
};

/// The parts of an ELF file the runner needs.
struct ElfImage {
  struct Segment {
    uint64_t Address = 0;
    uint64_t MemSize = 0;
    uint32_t Rights = 0; // SNIPGEN_MEM_*
    // File contents (FileSize bytes), in File: not copied.
    llvm::ArrayRef<uint8_t> Bytes;
  };
  std::shared_ptr<llvm::MemoryBuffer> File; // The ELF file (read-only).
  unsigned XLen = 64;
  uint64_t Entry = 0;
  std::string ArchAttribute; // Tag_RISCV_arch, if present.
  std::vector<Segment> Segments;
  std::map<std::string, uint64_t> Symbols; // Named, defined symbols.

  static llvm::Expected<ElfImage> read(llvm::StringRef Path);
  /// A symbol name or a number (0x... or decimal).
  llvm::Expected<uint64_t> resolve(llvm::StringRef NameOrAddress) const;
};

struct RunOptions {
  std::string Isa;                 // Empty: ELF attribute, else rv64gc/rv32gc.
  std::vector<ModelRegion> ExtraRegions; // E.g. a stack.
  /// Extra regions leave to the ELF's segments what those already map
  /// (else an overlap is an error).
  bool ExtraRegionsYield = false;
  std::string Entry;               // Symbol or address; empty: ELF entry.
  std::string Stop;                // Symbol or address; empty: none.
  uint64_t MaxSteps = 1000000000;  // Attempted instructions.
  bool AllowMisaligned = true;
  unsigned CacheBlockBytes = 64;   // Zicbom/Zicboz block size.
  bool UseToHost = true;           // Arm tohost when the symbol exists.
  // Flat memory (as Spike): instead of one region per segment with the
  // segment's rights, one read/write/execute region covering the page-rounded
  // hull of all segments plus FlatExtraBytes after it (zero-filled RAM).
  bool FlatMemory = false;
  uint64_t FlatExtraBytes = DefaultFlatExtraBytes;
  static constexpr uint64_t DefaultFlatExtraBytes = 1 << 20; // 1 MiB
  static constexpr uint64_t MaxFlatBytes = 1ull << 32;       // 4 GiB
  bool VectorAgnosticOnes = false; // RVV agnostic elements: all ones.
};

struct RunResult {
  int Result = SNIPGEN_STEP_ERROR; // enum snipgen_step_result
  std::string Message;
  uint64_t Retired = 0;
  uint64_t ExitCode = 0;
  uint64_t FinalPC = 0;
  // The run ended by a write to tohost (Result is SNIPGEN_STEP_EXIT and
  // tohost holds an odd value); ToHostRaw is the 64-bit value read back from
  // tohost after the run ((code << 1) | 1 in the riscv-tests convention).
  bool ToHostExit = false;
  uint64_t ToHostRaw = 0;
};

class Runner {
public:
  /// Creates the model from API (null: the built-in model) and loads Image
  /// (which must outlive the Runner).
  static llvm::Expected<std::unique_ptr<Runner>>
  create(const ElfImage &Image, const RunOptions &Options,
         const snipgen_model_api *API = nullptr);
  ~Runner();

  ModelHandle &model() { return *Model; }
  /// The ISA string the model was created with.
  const std::string &isa() const { return Isa; }
  const ElfImage &image() const { return Image; }
  /// Observers are called in the order they were added.
  void addObserver(ModelObserver &Obs) { Observers.push_back(&Obs); }
  RunResult run();

private:
  Runner(const ElfImage &Image, const RunOptions &Options)
      : Image(Image), Options(Options) {}
  const ElfImage &Image;
  RunOptions Options;
  std::unique_ptr<ModelHandle> Model;
  std::string Isa;
  std::vector<ModelObserver *> Observers;
  std::optional<uint64_t> ToHost; // Armed tohost address.
};

/// The region -flat-memory maps for Image: [hull base rounded down to 4 KiB,
/// hull end rounded up to 4 KiB + ExtraBytes), read/write/execute, clamped
/// to the XLEN address space. An error if it would exceed
/// RunOptions::MaxFlatBytes (segments too far apart).
llvm::Expected<ModelRegion> flatMemoryRegion(const ElfImage &Image,
                                             uint64_t ExtraBytes);

/// Parses "base:size:rwx" (numbers in C syntax), e.g. "0x80000000:0x1000:rw".
llvm::Expected<ModelRegion> parseRegionSpec(llvm::StringRef Spec);

} // namespace snipgen

#endif
