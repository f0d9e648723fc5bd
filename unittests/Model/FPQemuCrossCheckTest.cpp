//===- FPQemuCrossCheckTest.cpp - F/D/Zfh on the model vs qemu-riscv64 ----===//
//
// The soft-float tests compare with x86, which knows nothing of RISC-V's own
// rules (NaN-boxing, canonical NaNs, saturating conversions, fmin/fmax, the
// fma invalid case, fflags). QEMU implements them independently, so every
// F/D/Zfh register-to-register instruction here runs on thousands of operand
// sets, once under qemu-riscv64 and once on the built-in model, and f0, a0
// and fflags must agree bit for bit.
//
// The program under QEMU is generated from one table of instructions: each
// gets an 8-byte stub (the instruction, then a jump back), records of
// operands and frm come in on stdin, results go out on stdout. The model
// executes the very same instruction words, read back from the linked stubs.
// Skipped when the RISC-V assembler, ld.lld or qemu-riscv64 is missing.
//===----------------------------------------------------------------------===//
#include "FPTestUtil.h"
#include "snipgen/Model/Model.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <optional>
#include <vector>

using namespace fptest;
using namespace snipgen;

namespace {

constexpr unsigned RecordsPerInstruction = 1500;
constexpr uint64_t CodeBase = 0x1000;

enum class Source { Fp, Int };
struct Instruction {
  std::string Asm;
  Source From;
  char Format; // operand format for Fp sources: 'h', 's' or 'd'
};

std::vector<Instruction> instructionTable() {
  std::vector<Instruction> T;
  for (char F : {'h', 's', 'd'}) {
    std::string Sfx = std::string(".") + F;
    auto Fp = [&](const std::string &Text) {
      T.push_back({Text, Source::Fp, F});
    };
    for (const char *Op : {"fadd", "fsub", "fmul", "fdiv"})
      Fp(Op + Sfx + " f0, f1, f2, dyn");
    Fp("fsqrt" + Sfx + " f0, f1, dyn");
    for (const char *Op : {"fmadd", "fmsub", "fnmsub", "fnmadd"})
      Fp(Op + Sfx + " f0, f1, f2, f3, dyn");
    for (const char *Op : {"fmin", "fmax", "fsgnj", "fsgnjn", "fsgnjx"})
      Fp(Op + Sfx + " f0, f1, f2");
    for (const char *Op : {"feq", "flt", "fle"})
      Fp(Op + Sfx + " a0, f1, f2");
    Fp("fclass" + Sfx + " a0, f1");
    for (std::string I : {"w", "wu", "l", "lu"}) {
      Fp("fcvt." + I + Sfx + " a0, f1, dyn");
      // GNU as takes no rm on conversions that cannot round (it encodes 0).
      bool Exact = F == 'd' && (I == "w" || I == "wu");
      T.push_back({"fcvt" + Sfx + "." + I + " f0, a1" + (Exact ? "" : ", dyn"),
                   Source::Int, F});
    }
    std::string MoveSfx = F == 's' ? ".w" : Sfx;
    Fp("fmv.x" + MoveSfx + " a0, f1");
    T.push_back({"fmv" + MoveSfx + ".x f0, a1", Source::Int, F});
  }
  for (auto [To, From] : {std::pair{'s', 'd'}, {'d', 's'}, {'h', 's'},
                          {'s', 'h'}, {'h', 'd'}, {'d', 'h'}}) {
    bool Widening = (To == 'd') || (To == 's' && From == 'h');
    T.push_back({std::string("fcvt.") + To + "." + From + " f0, f1" +
                     (Widening ? "" : ", dyn"),
                 Source::Fp, From});
  }
  return T;
}

std::string programText(const std::vector<Instruction> &Table) {
  std::string S = R"(.option norvc
.globl _start
.text
_start:
  la s0, inbuf
  mv s1, zero
read_loop:
  li a0, 0
  add a1, s0, s1
  li a2, 65536
  li a7, 63
  ecall
  blez a0, read_done
  add s1, s1, a0
  j read_loop
read_done:
  add s3, s0, s1
  la s2, outbuf
  la s4, ops
next:
  bgeu s0, s3, finish
  lwu t0, 0(s0)
  lwu t1, 4(s0)
  csrw frm, t1
  csrw fflags, zero
  fld f1, 8(s0)
  fld f2, 16(s0)
  fld f3, 24(s0)
  ld a1, 32(s0)
  fmv.d.x f0, zero
  mv a0, zero
  slli t0, t0, 3
  add t0, t0, s4
  jr t0
common:
  fsd f0, 0(s2)
  sd a0, 8(s2)
  csrr t2, fflags
  sd t2, 16(s2)
  addi s2, s2, 24
  addi s0, s0, 40
  j next
finish:
  la s5, outbuf
write_loop:
  bgeu s5, s2, done
  li a0, 1
  mv a1, s5
  sub a2, s2, s5
  li a7, 64
  ecall
  blez a0, done
  add s5, s5, a0
  j write_loop
done:
  li a0, 0
  li a7, 93
  ecall
.section .opstubs, "ax"
ops:
)";
  for (const Instruction &I : Table)
    S += "  " + I.Asm + "\n  j common\n";
  S += R"(.bss
.balign 16
inbuf: .space 16777216
outbuf: .space 16777216
)";
  return S;
}

struct Record {
  uint32_t Op, Frm;
  uint64_t F1, F2, F3, X;
};
struct Result {
  uint64_t F0, A0, Fflags;
};

uint64_t fpOperand(RandomEngine &R, char Format, uint64_t Related,
                   bool UsePartner) {
  if (R.chance(0.03))
    return R.next(); // improperly boxed for h/s; any double for d
  switch (Format) {
  case 'h': {
    uint16_t V = UsePartner ? F16Desc::partner(R, uint16_t(Related))
                            : F16Desc::operand(R);
    return 0xffffffffffff0000ull | V;
  }
  case 's': {
    uint32_t V = UsePartner ? F32Desc::partner(R, uint32_t(Related))
                            : F32Desc::operand(R);
    return 0xffffffff00000000ull | V;
  }
  default:
    return UsePartner ? F64Desc::partner(R, Related) : F64Desc::operand(R);
  }
}

std::optional<std::string> findTool(std::initializer_list<const char *> Names) {
  for (const char *Name : Names)
    if (auto P = llvm::sys::findProgramByName(Name))
      return *P;
  return std::nullopt;
}

bool runTool(const std::string &Program, std::vector<std::string> Args,
             std::optional<std::string> Stdin = std::nullopt,
             std::optional<std::string> Stdout = std::nullopt) {
  std::vector<llvm::StringRef> Argv = {Program};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::optional<llvm::StringRef> Redirects[3] = {std::nullopt, std::nullopt,
                                                 std::nullopt};
  if (Stdin)
    Redirects[0] = *Stdin;
  if (Stdout)
    Redirects[1] = *Stdout;
  std::string Error;
  int RC = llvm::sys::ExecuteAndWait(Program, Argv, std::nullopt, Redirects,
                                     /*SecondsToWait=*/300, 0, &Error);
  if (RC != 0)
    ADD_FAILURE() << Program << " failed (" << RC << "): " << Error;
  return RC == 0;
}

TEST(FPQemuCrossCheck, RegisterToRegisterInstructions) {
  auto As = findTool({"riscv64-unknown-elf-as", "riscv64-linux-gnu-as"});
  auto Objcopy =
      findTool({"riscv64-unknown-elf-objcopy", "riscv64-linux-gnu-objcopy"});
  auto Ld = findTool({"ld.lld-22", "ld.lld"});
  auto Qemu = findTool({"qemu-riscv64"});
  if (!As || !Objcopy || !Ld || !Qemu)
    GTEST_SKIP() << "needs a RISC-V assembler and objcopy, ld.lld and "
                    "qemu-riscv64";

  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("snipgen-fp-qemu", Dir));
  // SNIPGEN_FP_QEMU_KEEP=1 keeps the program, inputs and outputs for
  // replaying a divergence by hand (qemu-riscv64 -cpu ... prog <in.bin).
  const bool Keep = std::getenv("SNIPGEN_FP_QEMU_KEEP") != nullptr;
  if (Keep)
    std::fprintf(stderr, "keeping %s\n", Dir.c_str());
  struct RemoveOnExit {
    llvm::SmallString<128> &Dir;
    bool Keep;
    ~RemoveOnExit() {
      if (!Keep)
        llvm::sys::fs::remove_directories(Dir);
    }
  } Cleanup{Dir, Keep};
  auto InDir = [&](const char *Name) {
    llvm::SmallString<128> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  };
  const std::vector<Instruction> Table = instructionTable();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(InDir("prog.s"), EC);
    ASSERT_FALSE(EC);
    OS << programText(Table);
  }
  ASSERT_TRUE(runTool(*As, {"-march=rv64gc_zfh", InDir("prog.s"), "-o",
                            InDir("prog.o")}));
  ASSERT_TRUE(runTool(*Ld, {InDir("prog.o"), "-o", InDir("prog")}));
  ASSERT_TRUE(runTool(*Objcopy, {"-O", "binary", "-j", ".opstubs",
                                 InDir("prog"), InDir("stubs.bin")}));
  auto Stubs = llvm::MemoryBuffer::getFile(InDir("stubs.bin"));
  ASSERT_TRUE(bool(Stubs));
  ASSERT_EQ((*Stubs)->getBufferSize(), Table.size() * 8);

  // Operands: every instruction, every rounding mode, fixed seed.
  RandomEngine R(501);
  std::vector<Record> Records;
  for (uint32_t Op = 0; Op < Table.size(); ++Op) {
    for (unsigned I = 0; I < RecordsPerInstruction; ++I) {
      Record Rec;
      Rec.Op = Op;
      Rec.Frm = uint32_t(R.below(5));
      char F = Table[Op].Format;
      Rec.F1 = fpOperand(R, F, 0, false);
      Rec.F2 = fpOperand(R, F, Rec.F1, R.chance(0.5));
      Rec.F3 = fpOperand(R, F, Rec.F2, R.chance(0.3));
      uint64_t X = R.next() >> R.below(64);
      Rec.X = R.chance(0.5) ? X : ~X;
      Records.push_back(Rec);
    }
  }
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(InDir("in.bin"), EC);
    ASSERT_FALSE(EC);
    OS.write(reinterpret_cast<const char *>(Records.data()),
             Records.size() * sizeof(Record));
  }
  // QEMU 7.x spells the property Zfh, later versions zfh.
  bool Ran = false;
  std::string Failures;
  for (const char *Cpu : {"rv64,zfh=true", "rv64,Zfh=true"}) {
    std::string Error;
    std::string Prog = InDir("prog"), In = InDir("in.bin"),
                Out = InDir("out.bin"), Err = InDir("err.txt");
    std::vector<llvm::StringRef> Argv = {*Qemu, "-cpu", Cpu, Prog};
    std::optional<llvm::StringRef> Redirects[3] = {llvm::StringRef(In),
                                                   llvm::StringRef(Out),
                                                   llvm::StringRef(Err)};
    int RC = llvm::sys::ExecuteAndWait(*Qemu, Argv, std::nullopt, Redirects,
                                       300, 0, &Error);
    if (RC == 0) {
      Ran = true;
      break;
    }
    Failures += std::string(" [-cpu ") + Cpu + ": exit " + std::to_string(RC) +
                " " + Error + "]";
  }
  ASSERT_TRUE(Ran) << "qemu-riscv64 did not run the program:" << Failures;
  auto Out = llvm::MemoryBuffer::getFile(InDir("out.bin"));
  ASSERT_TRUE(bool(Out));
  ASSERT_EQ((*Out)->getBufferSize(), Records.size() * sizeof(Result));
  const Result *QemuResults =
      reinterpret_cast<const Result *>((*Out)->getBufferStart());

  ModelConfig Config;
  Config.Isa = "rv64gc_zfh";
  Config.Regions = {{CodeBase, 0x1000, SNIPGEN_MEM_R | SNIPGEN_MEM_X, "code"}};
  auto M = ModelHandle::create(*getBuiltinModelAPI(), Config);
  ASSERT_TRUE(bool(M)) << llvm::toString(M.takeError());
  ModelHandle &Model = **M;
  const snipgen_model_api &API = Model.api();

  std::vector<unsigned> MismatchesPerOp(Table.size(), 0);
  unsigned Reported = 0;
  for (size_t I = 0; I < Records.size(); ++I) {
    const Record &Rec = Records[I];
    uint32_t Word;
    std::memcpy(&Word, (*Stubs)->getBufferStart() + Rec.Op * 8, 4);
    API.write_mem(Model.get(), CodeBase, &Word, 4);
    Model.setPC(CodeBase);
    Model.setF(0, 0);
    Model.setF(1, Rec.F1);
    Model.setF(2, Rec.F2);
    Model.setF(3, Rec.F3);
    Model.setX(10, 0);
    Model.setX(11, Rec.X);
    API.set_csr(Model.get(), 0x002, Rec.Frm);
    API.set_csr(Model.get(), 0x001, 0);
    int Step = API.step(Model.get());
    Result Ours = {Model.f(0), Model.x(10), 0};
    API.get_csr(Model.get(), 0x001, &Ours.Fflags);
    const Result &Q = QemuResults[I];
    if (Step == SNIPGEN_STEP_OK && Ours.F0 == Q.F0 && Ours.A0 == Q.A0 &&
        Ours.Fflags == Q.Fflags)
      continue;
    ++MismatchesPerOp[Rec.Op];
    if (++Reported <= 20)
      ADD_FAILURE() << Table[Rec.Op].Asm << " frm=" << Rec.Frm
                    << " f1=" << hex(Rec.F1) << " f2=" << hex(Rec.F2)
                    << " f3=" << hex(Rec.F3) << " a1=" << hex(Rec.X)
                    << "\n  model: step=" << Step << " f0=" << hex(Ours.F0)
                    << " a0=" << hex(Ours.A0) << " fflags="
                    << flagString(uint8_t(Ours.Fflags)) << "\n  qemu:  f0="
                    << hex(Q.F0) << " a0=" << hex(Q.A0)
                    << " fflags=" << flagString(uint8_t(Q.Fflags));
  }
  for (size_t Op = 0; Op < Table.size(); ++Op)
    EXPECT_EQ(MismatchesPerOp[Op], 0u) << Table[Op].Asm;
}

} // namespace
