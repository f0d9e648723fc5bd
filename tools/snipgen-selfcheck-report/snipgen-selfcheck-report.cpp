//===- snipgen-selfcheck-report.cpp - Read a self-check memory dump -------===//
//
// usage: snipgen-selfcheck-report IMAGE.elf DUMP.bin [-entry=SYM] [-stop=ADDR]
//
// DUMP.bin is the `selfcheck` section as a device left it (raw bytes from the
// section start: REAL-1, ETA-1, REAL-2, ETA-2, ..., each value 16 bytes, or
// VLEN/8 bytes for snippets built with -enable-selfcheck-rvv on a vector
// unit wider than 128 bits: the image's __snippy_selfcheck_data_byte_stride
// when it has one, else -stride, else 16). The tool
// compares every REAL with its ETALON and reports the first mismatching pair
// with the address and disassembly of the instruction it checks. That
// instruction is found by running IMAGE.elf (the linked snippet, e.g.
// -object-type=exec) on the built-in model: the k-th pair is written by the
// k-th executed check, right after the checked instruction, so loops and
// calls map correctly. Exit status: 0 all pairs match, 1 a mismatch,
// 2 bad input.
//===----------------------------------------------------------------------===//
#include "snipgen/Model/Disassembler.h"
#include "snipgen/Model/Runner.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

using namespace llvm;
using namespace snipgen;

static cl::opt<std::string> ImagePath(cl::Positional, cl::Required,
                                      cl::desc("<image.elf>"));
static cl::opt<std::string> DumpPath(cl::Positional, cl::Required,
                                     cl::desc("<selfcheck-dump.bin>"));
static cl::opt<std::string> Entry("entry", cl::init("SnippyFunction"),
                                  cl::desc("Entry symbol or address"));
static cl::opt<std::string>
    Stop("stop", cl::init("0"),
         cl::desc("Stop address (default 0: where a returning snippet goes "
                  "with ra = 0); EBREAK also ends the run"));

static cl::opt<unsigned>
    StrideOpt("stride", cl::init(0),
              cl::desc("Bytes of one REAL or ETALON value (default: the "
                       "image's __snippy_selfcheck_data_byte_stride, else 16)"));

namespace {
unsigned Value = 16, Pair = 32;

struct Site {
  uint64_t PC = 0;
  uint32_t Encoding = 0, Size = 0;
};

// Pair k -> the instruction retired just before the first store of pair k.
class PairMap final : public ModelObserver {
public:
  PairMap(uint64_t Base, uint64_t Size) : Base(Base), Size(Size) {}
  void onMemAccess(uint64_t Addr, uint32_t, uint64_t, bool IsWrite) override {
    if (IsWrite && Addr >= Base && Addr < Base + Size &&
        (Addr - Base) % Pair == 0 && (Addr - Base) / Pair == Sites.size())
      Sites.push_back(Prev);
  }
  void onRetire(uint64_t PC, uint32_t Enc, uint32_t Sz, uint64_t) override {
    Prev = {PC, Enc, Sz};
  }
  std::vector<Site> Sites;

private:
  uint64_t Base, Size;
  Site Prev;
};
} // namespace

static int fail(const Twine &Msg) {
  errs() << "snipgen-selfcheck-report: error: " << Msg << "\n";
  return 2;
}

static std::string hexValue(const uint8_t *P) {
  std::string S = "0x";
  for (unsigned I = Value; I-- > 0;)
    S += utohexstr(P[I] >> 4, true) + utohexstr(P[I] & 15, true);
  return S;
}

int main(int Argc, char **Argv) {
  cl::ParseCommandLineOptions(Argc, Argv, "snipgen self-check dump reader\n");
  // The selfcheck section of the image: its address and size.
  auto Buf = MemoryBuffer::getFile(ImagePath);
  if (!Buf)
    return fail("cannot read '" + ImagePath + "'");
  auto Obj = object::ObjectFile::createObjectFile((*Buf)->getMemBufferRef());
  if (!Obj)
    return fail(toString(Obj.takeError()));
  uint64_t Base = 0, Size = 0;
  for (const object::SectionRef &S : (*Obj)->sections()) {
    auto Name = S.getName();
    if (Name && Name->contains(".selfcheck.")) {
      Base = S.getAddress();
      Size = S.getSize();
    }
  }
  if (!Size)
    return fail("'" + ImagePath + "' has no selfcheck section");
  // The stride: -stride, else the -selfcheck-gv global, else 16.
  Value = StrideOpt;
  for (const object::SymbolRef &Sym : (*Obj)->symbols()) {
    auto Name = Sym.getName();
    // __snippy_selfcheck_data_byte_stride, or __snippy_<entry>_... from
    // -mangle-exported-names.
    if (Value || !Name || !Name->starts_with("__snippy_") ||
        !Name->ends_with("selfcheck_data_byte_stride"))
      continue;
    auto Sec = Sym.getSection();
    auto Addr = Sym.getAddress();
    if (!Sec || !Addr || *Sec == (*Obj)->section_end())
      continue;
    auto Data = (*Sec)->getContents();
    if (!Data)
      continue;
    uint64_t Off = *Addr - (*Sec)->getAddress();
    if (Off + 4 <= Data->size())
      Value = uint8_t((*Data)[Off]) | uint8_t((*Data)[Off + 1]) << 8 |
              uint8_t((*Data)[Off + 2]) << 16 |
              unsigned(uint8_t((*Data)[Off + 3])) << 24;
  }
  if (!Value)
    Value = 16;
  Pair = 2 * Value;
  auto Dump = MemoryBuffer::getFile(DumpPath, /*IsText=*/false,
                                    /*RequiresNullTerminator=*/false);
  if (!Dump)
    return fail("cannot read '" + DumpPath + "'");
  const uint8_t *D =
      reinterpret_cast<const uint8_t *>((*Dump)->getBufferStart());
  uint64_t N = std::min<uint64_t>((*Dump)->getBufferSize(), Size) / Pair;

  uint64_t Bad = N;
  for (uint64_t K = 0; K < N && Bad == N; ++K)
    if (memcmp(D + K * Pair, D + K * Pair + Value, Value) != 0)
      Bad = K;
  if (Bad == N) {
    outs() << "selfcheck: " << N << " pairs match\n";
    return 0;
  }

  auto Image = ElfImage::read(ImagePath);
  if (!Image)
    return fail(toString(Image.takeError()));
  RunOptions RO;
  RO.Entry = Entry;
  RO.Stop = Stop;
  RO.UseToHost = false;
  auto R = Runner::create(*Image, RO);
  if (!R)
    return fail(toString(R.takeError()));
  PairMap Map(Base, Size);
  (*R)->addObserver(Map);
  (*R)->run();
  outs() << "selfcheck: mismatch at pair " << Bad << " (offset 0x"
         << utohexstr(Bad * Pair, true) << "): real=" << hexValue(D + Bad * Pair)
         << " etalon=" << hexValue(D + Bad * Pair + Value) << "\n";
  if (Bad < Map.Sites.size()) {
    const Site &S = Map.Sites[Bad];
    auto Printer = InstructionPrinter::create((*R)->isa());
    outs() << "  checked instruction: 0x" << utohexstr(S.PC, true) << ": "
           << (Printer ? (*Printer)->print(S.Encoding, S.Size, S.PC)
                       : std::string("?"))
           << "\n";
    if (!Printer)
      consumeError(Printer.takeError());
  } else {
    outs() << "  (the model's run wrote only " << Map.Sites.size()
           << " pairs: no instruction known for this one)\n";
  }
  return 1;
}
