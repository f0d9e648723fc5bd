//===- VectorQemuCrossCheckTest.cpp - RVV FP and Zvbb/Zvbc vs qemu-riscv64 -===//
//
// Random single-instruction cases for every vector FP, Zvfh/Zvfbf* and
// Zvbb/Zvbc opcode, run under qemu-riscv64 (QEMU 10) and on the model, which
// must agree on all 32 vector registers, fflags, fa0 (vfmv.f.s), vstart and
// whether the instruction is illegal.
//
// A case: random register contents rich in FP special values, vtype (SEW,
// LMUL, vta, vma), vl, vstart, frm, fa0 and a0. "Wild" cases also patch the
// register fields with any register, use reserved frm values, vstart up to
// VLMAX-1 and SEW/LMUL outside the instruction's range, so the illegal-
// instruction rules are compared too (QEMU's SIGILL is caught by a handler
// that records it and skips the instruction).
//
// The QEMU program is generated: per case it loads v0-v31, fa0, a0, frm,
// vtype/vl and vstart, executes the instruction word, and stores the state.
// The model runs the same word with the same state set directly.
// Skipped when llvm-mc, ld.lld or qemu-riscv64 is missing.
// SNIPGEN_VQEMU_KEEP=1 keeps the generated files.
//===----------------------------------------------------------------------===//
#include "VectorFpTestUtil.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <cstring>
#include <optional>
#include <random>
#include <sstream>

using namespace snipgen;

namespace {

constexpr const char *Mattr = "+v,+zvfh,+zvfbfmin,+zvfbfwma,+zvbb,+zvbc";
constexpr const char *AsmIsa = "rv64imafdv_zvfh_zvfbfmin_zvfbfwma_zvbb_zvbc";

const uint16_t F16[] = {0x0000, 0x8000, 0x3c00, 0xbc00, 0x7c00, 0xfc00,
                        0x7e00, 0x7c01, 0xfe01, 0x7bff, 0xfbff, 0x0001,
                        0x83ff, 0x0400, 0x3800, 0x4100, 0x5cb0, 0xdcb0};
const uint32_t F32[] = {
    0,          0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000,
    0x7fc00000, 0x7f800001, 0xffa00000, 0x7f7fffff, 0xff7fffff, 0x00000001,
    0x807fffff, 0x00800000, 0x3f000000, 0x3fc00000, 0x4b000001, 0xcf000000,
    0x4f800000, 0x33800000, 0x38800000, 0x477fe000, 0x477ff000};
const uint64_t F64[] = {0,
                        1ull << 63,
                        0x3ff0000000000000,
                        0xbff0000000000000,
                        0x7ff0000000000000,
                        0xfff0000000000000,
                        0x7ff8000000000000,
                        0x7ff0000000000001,
                        0xfff4000000000000,
                        0x7fefffffffffffff,
                        0x0000000000000001,
                        0x800fffffffffffff,
                        0x0010000000000000,
                        0x3fe0000000000000,
                        0x43e0000000000000,
                        0xc3e0000000000001,
                        0x47efffffe0000000,
                        0x47effffff0000000,
                        0x3ff0000010000000,
                        0x36a0000000000000,
                        0x380fffffe0000000};

struct Rng {
  std::mt19937_64 G;
  explicit Rng(uint64_t Seed) : G(Seed) {}
  uint64_t bits() { return G(); }
  int range(int Lo, int Hi) { // inclusive
    return Lo + int(G() % uint64_t(Hi - Lo + 1));
  }
  double real() { return double(G() >> 11) * 0x1.0p-53; }
  template <typename T, size_t N> T pick(const T (&A)[N]) {
    return A[G() % N];
  }
};

uint64_t fpValue(unsigned W, Rng &R) {
  double C = R.real();
  uint64_t S = R.bits() & 1;
  if (W == 16) {
    if (C < 0.4)
      return R.pick(F16);
    int E = C < 0.8 ? R.range(0, 30) : R.range(12, 24);
    return S << 15 | uint64_t(E) << 10 | (R.bits() & 0x3ff);
  }
  if (W == 32) {
    if (C < 0.4)
      return R.pick(F32);
    int E = C < 0.7 ? R.range(100, 160) : R.range(0, 254);
    return S << 31 | uint64_t(E) << 23 | (R.bits() & 0x7fffff);
  }
  if (C < 0.4)
    return R.pick(F64);
  int E = C < 0.7 ? R.range(1000, 1090) : R.range(0, 2046);
  return S << 63 | uint64_t(E) << 52 | (R.bits() & ((1ull << 52) - 1));
}

std::vector<uint8_t> regData(unsigned Bytes, Rng &R) {
  std::vector<uint8_t> Out;
  auto Put = [&](uint64_t V, unsigned Size) {
    for (unsigned I = 0; I < Size; ++I)
      Out.push_back(uint8_t(V >> (8 * I)));
  };
  while (Out.size() < Bytes) {
    double C = R.real();
    if (C < 0.25)
      Put(fpValue(64, R), 8);
    else if (C < 0.5) {
      Put(fpValue(32, R), 4);
      Put(fpValue(32, R), 4);
    } else if (C < 0.75) {
      for (int I = 0; I < 4; ++I)
        Put(fpValue(16, R), 2);
    } else if (C < 0.85) {
      const uint64_t Special[] = {0, ~0ull, 1, 1ull << 63};
      Put(R.pick(Special), 8);
    } else
      Put(R.bits(), 8);
  }
  return Out;
}

// --- The instruction templates ------------------------------------------------

struct Template {
  std::string Text; // "{m}" = optional ", v0.t"; IMM5/IMM6 = an immediate.
  std::vector<unsigned> Sews;
  int MaxLmul;
  bool Reduction;
};

std::vector<Template> templates() {
  std::vector<Template> T;
  const std::vector<unsigned> Fp = {16, 32, 64}, Narrow = {16, 32},
                              Int8 = {8, 16, 32}, All = {8, 16, 32, 64};
  auto Add = [&](std::string Text, std::vector<unsigned> Sews, int MaxL,
                 bool Red = false) {
    T.push_back({std::move(Text), std::move(Sews), MaxL, Red});
  };
  for (std::string Op : {"vfadd", "vfsub", "vfmul", "vfdiv", "vfmin", "vfmax",
                         "vfsgnj", "vfsgnjn", "vfsgnjx"}) {
    Add(Op + ".vv v8, v16, v24{m}", Fp, 3);
    Add(Op + ".vf v8, v16, fa0{m}", Fp, 3);
  }
  Add("vfrsub.vf v8, v16, fa0{m}", Fp, 3);
  Add("vfrdiv.vf v8, v16, fa0{m}", Fp, 3);
  for (std::string Op : {"vfmacc", "vfnmacc", "vfmsac", "vfnmsac", "vfmadd",
                         "vfnmadd", "vfmsub", "vfnmsub"}) {
    Add(Op + ".vv v8, v24, v16{m}", Fp, 3);
    Add(Op + ".vf v8, fa0, v16{m}", Fp, 3);
  }
  for (std::string Op :
       {"vfsqrt.v", "vfrec7.v", "vfrsqrt7.v", "vfclass.v", "vfcvt.xu.f.v",
        "vfcvt.x.f.v", "vfcvt.rtz.xu.f.v", "vfcvt.rtz.x.f.v", "vfcvt.f.xu.v",
        "vfcvt.f.x.v"})
    Add(Op + " v8, v16{m}", Fp, 3);
  for (std::string Op : {"vmfeq", "vmfne", "vmflt", "vmfle"}) {
    Add(Op + ".vv v8, v16, v24{m}", Fp, 3);
    Add(Op + ".vf v8, v16, fa0{m}", Fp, 3);
  }
  Add("vmfgt.vf v8, v16, fa0{m}", Fp, 3);
  Add("vmfge.vf v8, v16, fa0{m}", Fp, 3);
  for (const char *Text :
       {"vfmerge.vfm v8, v16, fa0, v0", "vfmv.v.f v8, fa0", "vfmv.s.f v8, fa0",
        "vfmv.f.s fa0, v16", "vfslide1up.vf v8, v16, fa0{m}",
        "vfslide1down.vf v8, v16, fa0{m}"})
    Add(Text, Fp, 3);
  for (std::string Op : {"vfredosum", "vfredusum", "vfredmin", "vfredmax"})
    Add(Op + ".vs v8, v16, v24{m}", Fp, 3, true);
  for (std::string Op : {"vfwredosum", "vfwredusum"})
    Add(Op + ".vs v8, v16, v24{m}", Narrow, 3, true);
  for (std::string Op : {"vfwadd", "vfwsub", "vfwmul"}) {
    Add(Op + ".vv v8, v16, v24{m}", Narrow, 2);
    Add(Op + ".vf v8, v16, fa0{m}", Narrow, 2);
  }
  for (std::string Op : {"vfwadd", "vfwsub"}) {
    Add(Op + ".wv v8, v16, v24{m}", Narrow, 2);
    Add(Op + ".wf v8, v16, fa0{m}", Narrow, 2);
  }
  for (std::string Op : {"vfwmacc", "vfwnmacc", "vfwmsac", "vfwnmsac"}) {
    Add(Op + ".vv v8, v24, v16{m}", Narrow, 2);
    Add(Op + ".vf v8, fa0, v16{m}", Narrow, 2);
  }
  for (std::string Op : {"vfwcvt.xu.f.v", "vfwcvt.x.f.v", "vfwcvt.rtz.xu.f.v",
                         "vfwcvt.rtz.x.f.v", "vfwcvt.f.f.v"})
    Add(Op + " v8, v16{m}", Narrow, 2);
  for (std::string Op : {"vfwcvt.f.xu.v", "vfwcvt.f.x.v", "vfncvt.xu.f.w",
                         "vfncvt.x.f.w", "vfncvt.rtz.xu.f.w",
                         "vfncvt.rtz.x.f.w"})
    Add(Op + " v8, v16{m}", Int8, 2);
  for (std::string Op : {"vfncvt.f.xu.w", "vfncvt.f.x.w", "vfncvt.f.f.w",
                         "vfncvt.rod.f.f.w"})
    Add(Op + " v8, v16{m}", Narrow, 2);
  for (const char *Text :
       {"vfwcvtbf16.f.f.v v8, v16{m}", "vfwmaccbf16.vv v8, v24, v16{m}",
        "vfwmaccbf16.vf v8, fa0, v16{m}", "vfncvtbf16.f.f.w v8, v16{m}"})
    Add(Text, {16}, 2);
  for (const char *Text :
       {"vandn.vv v8, v16, v24{m}", "vandn.vx v8, v16, a0{m}",
        "vrol.vv v8, v16, v24{m}", "vrol.vx v8, v16, a0{m}",
        "vror.vv v8, v16, v24{m}", "vror.vx v8, v16, a0{m}",
        "vror.vi v8, v16, IMM6{m}", "vbrev.v v8, v16{m}", "vbrev8.v v8, v16{m}",
        "vrev8.v v8, v16{m}", "vclz.v v8, v16{m}", "vctz.v v8, v16{m}",
        "vcpop.v v8, v16{m}"})
    Add(Text, All, 3);
  for (const char *Text : {"vwsll.vv v8, v16, v24{m}",
                           "vwsll.vx v8, v16, a0{m}",
                           "vwsll.vi v8, v16, IMM5{m}"})
    Add(Text, Int8, 2);
  for (const char *Text :
       {"vclmul.vv v8, v16, v24{m}", "vclmul.vx v8, v16, a0{m}",
        "vclmulh.vv v8, v16, v24{m}", "vclmulh.vx v8, v16, a0{m}"})
    Add(Text, {64}, 3);
  return T;
}

/// The encoding bit positions (7: vd, 15: vs1, 20: vs2) that hold vector
/// registers in Text, for the wild cases to patch.
std::vector<unsigned> vectorFields(const std::string &Text) {
  std::string Mn = Text.substr(0, Text.find(' '));
  std::vector<std::string> Ops;
  std::stringstream SS(Text.substr(Text.find(' ') + 1));
  for (std::string Op; std::getline(SS, Op, ',');)
    Ops.push_back(Op.substr(Op.find_first_not_of(' ')));
  auto IsV = [](const std::string &O) { return O[0] == 'v' && O != "v0.t"; };
  std::vector<unsigned> F;
  if (IsV(Ops[0]))
    F.push_back(7);
  bool Fma = false;
  for (const char *K : {"macc", "msac", "madd", "msub"})
    Fma |= Mn.find(K) != std::string::npos;
  if (Fma) {
    if (IsV(Ops[1]))
      F.push_back(15);
    if (Ops.size() > 2 && IsV(Ops[2]))
      F.push_back(20);
  } else {
    if (Ops.size() > 1 && IsV(Ops[1]))
      F.push_back(20);
    if (Ops.size() > 2 && IsV(Ops[2]))
      F.push_back(15);
  }
  return F;
}

struct Case {
  std::string Text;
  std::vector<std::pair<unsigned, unsigned>> Patch;
  uint32_t Enc = 0;
  uint64_t VType, VL, VStart, Frm, Fa0, A0;
  std::vector<uint8_t> Regs;
};

std::vector<Case> makeCases(unsigned N, uint64_t Seed, unsigned VLenB,
                            bool Wild) {
  static const std::vector<Template> T = templates();
  Rng R(Seed);
  std::vector<Case> Cases;
  for (unsigned I = 0; I < N; ++I) {
    const Template &Tp = T[R.bits() % T.size()];
    unsigned Sew = Tp.Sews[R.bits() % Tp.Sews.size()];
    if (Wild && R.real() < 0.05)
      Sew = 8u << R.range(0, 3);
    // Fractional LMUL is legal while VLEN * LMUL >= SEW (QEMU 10's rule).
    int MinL = -3;
    while (((VLenB * 8u) >> -MinL) < Sew)
      ++MinL;
    int L = R.range(MinL, Tp.MaxLmul);
    if (Wild && R.real() < 0.1)
      L = R.range(MinL, 3);
    uint64_t Bits = uint64_t(VLenB) * 8;
    uint64_t VlMax = L >= 0 ? (Bits << L) / Sew : (Bits >> -L) / Sew;
    Case C;
    double P = R.real();
    C.VL = P < 0.05 ? 0 : P < 0.4 ? VlMax : uint64_t(R.range(1, int(VlMax)));
    C.VStart = 0;
    bool FmvFS = Tp.Text.rfind("vfmv.f.s", 0) == 0;
    if (!Tp.Reduction && !FmvFS && C.VL > 0 && R.real() < 0.1)
      C.VStart = uint64_t(R.range(0, int(C.VL)));
    bool Masked = R.real() < 0.5;
    std::string Text = Tp.Text;
    auto Replace = [&](const std::string &From, const std::string &To) {
      size_t Pos = Text.find(From);
      if (Pos != std::string::npos)
        Text.replace(Pos, From.size(), To);
    };
    Replace("{m}", Masked ? ", v0.t" : "");
    Replace("IMM6", std::to_string(R.range(0, 63)));
    Replace("IMM5", std::to_string(R.range(0, 31)));
    uint64_t Ta = R.bits() & 1, Ma = R.bits() & 1;
    uint64_t SewCode = Sew == 8 ? 0 : Sew == 16 ? 1 : Sew == 32 ? 2 : 3;
    C.VType = Ma << 7 | Ta << 6 | SewCode << 3 | (unsigned(L) & 7);
    C.Frm = uint64_t(R.range(0, 4));
    if (Wild && R.real() < 0.1)
      C.Frm = uint64_t(R.range(5, 7));
    if (Wild && R.real() < 0.1 && VlMax > 1)
      C.VStart = uint64_t(R.range(0, int(VlMax) - 1));
    unsigned W = Sew >= 16 ? Sew : 16;
    P = R.real();
    if (P < 0.7) {
      uint64_t V = fpValue(W, R);
      C.Fa0 = W < 64 ? (~0ull << W) | V : V;
    } else
      C.Fa0 = P < 0.85 ? R.bits() : fpValue(64, R);
    P = R.real();
    C.A0 = P < 0.34   ? R.bits()
           : P < 0.67 ? uint64_t(R.range(0, 130))
                      : uint64_t(0) - uint64_t(R.range(1, 70));
    if (Wild)
      for (unsigned Bit : vectorFields(Text))
        if (R.real() < 0.5)
          C.Patch.push_back({Bit, unsigned(R.range(0, 31))});
    C.Text = Text;
    C.Regs = regData(32 * VLenB, R);
    Cases.push_back(std::move(C));
  }
  return Cases;
}

std::string programText(const std::vector<Case> &Cases, unsigned VLenB) {
  unsigned RB = 32 * VLenB, In = RB + 16, Out = RB + 32;
  std::ostringstream S;
  S << ".option norvc\n.text\n"
       // SIGILL handler: record it, skip the instruction (uc_mcontext.pc at
       // offset 176 of the riscv64 Linux ucontext).
       "handler:\n  ld t0, 176(a2)\n  addi t0, t0, 4\n  sd t0, 176(a2)\n"
       "  la t0, sigflag\n  li t1, 1\n  sd t1, 0(t0)\n  ret\n"
       ".globl _start\n_start:\n"
       "  la a1, sigact\n  la t0, handler\n  sd t0, 0(a1)\n  li t0, 4\n"
       "  sd t0, 8(a1)\n  li a0, 4\n  li a2, 0\n  li a3, 8\n  li a7, 134\n"
       "  ecall\n"
       // Read all inputs from stdin.
       "  la s0, inbuf\n  li s3, "
    << In * Cases.size()
    << "\nreadloop:\n  beqz s3, readdone\n  li a0, 0\n  mv a1, s0\n  mv a2, s3\n"
       "  li a7, 63\n  ecall\n  blez a0, readdone\n  add s0, s0, a0\n"
       "  sub s3, s3, a0\n  j readloop\nreaddone:\n"
       "  la s0, inbuf\n  la s1, outbuf\n  la s2, sigflag\n";
  for (const Case &C : Cases) {
    S << "  # " << C.Text << "\n";
    for (unsigned G = 0; G < 4; ++G)
      S << "  li t0, " << G * 8 * VLenB << "\n  add t0, t0, s0\n  vl8re8.v v"
        << G * 8 << ", (t0)\n";
    S << "  li t0, " << RB << "\n  add t0, t0, s0\n  fld fa0, 0(t0)\n"
      << "  ld a0, 8(t0)\n  li t1, " << C.Frm << "\n  fsrm t1\n"
      << "  csrwi fflags, 0\n  li t1, " << C.VL << "\n  li t2, " << C.VType
      << "\n  vsetvl t1, t1, t2\n  li t1, " << C.VStart
      << "\n  csrw vstart, t1\n";
    char Word[32];
    snprintf(Word, sizeof(Word), "  .4byte 0x%08x\n", C.Enc);
    S << Word;
    S << "  li t0, " << RB << "\n  add t3, t0, s1\n  csrr t1, fflags\n"
      << "  sd t1, 0(t3)\n  fsd fa0, 8(t3)\n  ld t1, 0(s2)\n  sd t1, 16(t3)\n"
      << "  sd zero, 0(s2)\n  csrr t1, vstart\n  sd t1, 24(t3)\n"
      << "  csrw vstart, zero\n";
    for (unsigned G = 0; G < 4; ++G)
      S << "  li t0, " << G * 8 * VLenB << "\n  add t0, t0, s1\n  vs8r.v v"
        << G * 8 << ", (t0)\n";
    S << "  li t0, " << In << "\n  add s0, s0, t0\n  li t0, " << Out
      << "\n  add s1, s1, t0\n";
  }
  S << "  li a0, 1\n  la a1, outbuf\n  li a2, " << Out * Cases.size()
    << "\n  li a7, 64\n  ecall\n  li a0, 0\n  li a7, 93\n  ecall\n"
    << ".data\n.balign 8\nsigact:\n  .zero 64\nsigflag:\n  .zero 8\n"
    << ".bss\n.balign 16\ninbuf:\n  .zero " << In * Cases.size()
    << "\n.balign 16\noutbuf:\n  .zero " << Out * Cases.size() << "\n";
  return S.str();
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

struct Setup {
  unsigned VLen = 128;
  bool Wild = false;
  bool Ones = false;   // rvv_ta_all_1s / rvv_ma_all_1s, AgnosticOnes
  bool NoZvfh = false; // Zvfhmin only
};

void crossCheck(const Setup &S, unsigned N, uint64_t Seed) {
  auto Mc = findTool({"llvm-mc-22", "llvm-mc"});
  auto Ld = findTool({"ld.lld-22", "ld.lld"});
  auto Qemu = findTool({"qemu-riscv64"});
  if (!Mc || !Ld || !Qemu)
    GTEST_SKIP() << "needs llvm-mc, ld.lld and qemu-riscv64";
  unsigned VLenB = S.VLen / 8, RB = 32 * VLenB;

  std::vector<Case> Cases = makeCases(N, Seed, VLenB, S.Wild);
  {
    std::string All;
    for (const Case &C : Cases)
      All += C.Text + "\n";
    auto Bytes = test::assemble(All, AsmIsa);
    ASSERT_TRUE(bool(Bytes)) << llvm::toString(Bytes.takeError());
    ASSERT_EQ(Bytes->size(), 4 * Cases.size());
    for (size_t I = 0; I < Cases.size(); ++I) {
      uint32_t E;
      std::memcpy(&E, Bytes->data() + 4 * I, 4);
      for (auto [Bit, Reg] : Cases[I].Patch)
        E = (E & ~(31u << Bit)) | (Reg << Bit);
      Cases[I].Enc = E;
    }
  }

  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("snipgen-vqemu", Dir));
  const bool Keep = std::getenv("SNIPGEN_VQEMU_KEEP") != nullptr;
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
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(InDir("prog.s"), EC);
    ASSERT_FALSE(EC);
    OS << programText(Cases, VLenB);
    llvm::raw_fd_ostream In(InDir("in.bin"), EC);
    ASSERT_FALSE(EC);
    for (const Case &C : Cases) {
      In.write(reinterpret_cast<const char *>(C.Regs.data()), C.Regs.size());
      In.write(reinterpret_cast<const char *>(&C.Fa0), 8);
      In.write(reinterpret_cast<const char *>(&C.A0), 8);
    }
  }
  ASSERT_TRUE(runTool(*Mc, {"-triple=riscv64", std::string("-mattr=") + Mattr +
                                ",+m,+a,+f,+d",
                            "-filetype=obj", "-o", InDir("prog.o"),
                            InDir("prog.s")}));
  ASSERT_TRUE(runTool(*Ld, {"-static", "-o", InDir("prog"), InDir("prog.o")}));
  std::string Cpu = "rv64,v=true,vlen=" + std::to_string(S.VLen) +
                    ",elen=64,vext_spec=v1.0,zvfbfmin=true,zvfbfwma=true,"
                    "zvbb=true,zvbc=true," +
                    (S.NoZvfh ? "zvfh=false,zvfhmin=true" : "zvfh=true") +
                    (S.Ones ? ",rvv_ta_all_1s=true,rvv_ma_all_1s=true" : "");
  ASSERT_TRUE(runTool(*Qemu, {"-cpu", Cpu, InDir("prog")}, InDir("in.bin"),
                      InDir("out.bin")));
  auto Out = llvm::MemoryBuffer::getFile(InDir("out.bin"));
  ASSERT_TRUE(bool(Out));
  ASSERT_EQ((*Out)->getBufferSize(), Cases.size() * (RB + 32));

  // The model: one machine, state set per case.
  model::MachineConfig MC;
  MC.Isa = S.NoZvfh ? "rv64gcv_zvfhmin_zvfbfmin_zvfbfwma_zvbb_zvbc"
                    : "rv64gcv_zvfh_zvfbfmin_zvfbfwma_zvbb_zvbc";
  MC.JIT.Enabled = false;
  MC.Regions = {{0x10000, 0x1000, model::RightRead | model::RightExec, "code"}};
  auto M = model::Machine::create(MC);
  ASSERT_TRUE(bool(M)) << llvm::toString(M.takeError());
  model::Machine &Mach = **M;
  unsigned Divergent = 0, Illegal = 0;
  std::string Report;
  for (size_t I = 0; I < Cases.size(); ++I) {
    const Case &C = Cases[I];
    Mach.reset();
    Mach.writeMemory(0x10000, &C.Enc, 4);
    Mach.flushCode();
    model::Hart &H = Mach.H;
    H.V.VLenB = VLenB;
    H.V.AgnosticOnes = S.Ones;
    H.Mstatus |= (1ull << 9) | (1ull << 13);
    H.V.setVType(C.VType, 64);
    H.V.VL = C.VL;
    H.V.VStart = C.VStart;
    H.Frm = uint8_t(C.Frm);
    H.Fflags = 0;
    H.F[10] = C.Fa0;
    H.X[10] = C.A0;
    std::memcpy(H.V.Bytes, C.Regs.data(), RB);
    H.PC = 0x10000;
    Mach.setStopPC(0x10004, true);
    int Status = Mach.run(10, nullptr, false);
    const uint8_t *Q =
        reinterpret_cast<const uint8_t *>((*Out)->getBufferStart()) +
        I * (RB + 32);
    uint64_t QFlags, QFa0, QIll, QVStart;
    std::memcpy(&QFlags, Q + RB, 8);
    std::memcpy(&QFa0, Q + RB + 8, 8);
    std::memcpy(&QIll, Q + RB + 16, 8);
    std::memcpy(&QVStart, Q + RB + 24, 8);
    bool MIll = Status == SNIPGEN_STEP_UNHANDLED_TRAP &&
                Mach.stopInfo().cause == 2;
    Illegal += QIll != 0;
    std::ostringstream D;
    if (!MIll && Status != SNIPGEN_STEP_STOP_PC)
      D << " model stopped with " << Status << ";";
    if (bool(QIll) != MIll)
      D << " illegal: qemu " << bool(QIll) << " model " << MIll << ";";
    if (QFlags != H.Fflags)
      D << " fflags: qemu " << QFlags << " model " << unsigned(H.Fflags)
        << ";";
    if (QFa0 != H.F[10])
      D << " fa0 differs;";
    // QEMU's user-mode signal path leaves vstart 0 after a SIGILL.
    if (!QIll && QVStart != H.V.VStart)
      D << " vstart: qemu " << QVStart << " model " << H.V.VStart << ";";
    for (unsigned Reg = 0; Reg < 32; ++Reg)
      if (std::memcmp(Q + Reg * VLenB, H.V.Bytes + Reg * VLenB, VLenB))
        D << " v" << Reg << " differs;";
    if (!D.str().empty()) {
      ++Divergent;
      if (Divergent <= 10) {
        char Head[160];
        snprintf(Head, sizeof(Head),
                 "\n  %s [0x%08x] vtype=0x%llx vl=%llu vstart=%llu frm=%llu:",
                 C.Text.c_str(), C.Enc, (unsigned long long)C.VType,
                 (unsigned long long)C.VL, (unsigned long long)C.VStart,
                 (unsigned long long)C.Frm);
        Report += Head + D.str();
      }
    }
  }
  EXPECT_EQ(Divergent, 0u) << "of " << Cases.size() << " cases:" << Report;
  if (S.Wild)
    EXPECT_GT(Illegal, Cases.size() / 5) << "wild cases should often trap";
  std::printf("%zu cases (%u illegal in QEMU), %u divergent\n", Cases.size(),
              Illegal, Divergent);
}

TEST(VectorQemuCrossCheck, LegalCasesVlen128) { crossCheck({}, 1500, 1); }

TEST(VectorQemuCrossCheck, LegalCasesVlen256) {
  crossCheck({256, false, false, false}, 800, 2);
}

TEST(VectorQemuCrossCheck, IllegalEncodingsAndConfigurations) {
  crossCheck({128, true, false, false}, 1500, 3);
}

TEST(VectorQemuCrossCheck, AgnosticElementsAllOnes) {
  crossCheck({128, false, true, false}, 800, 4);
}

TEST(VectorQemuCrossCheck, ZvfhminWithoutZvfh) {
  crossCheck({128, true, false, true}, 800, 5);
}

} // namespace
