//===- JITDifferentialTest.cpp - Compiled tier == interpreter on random code ===//
//
// Random programs of RV64/RV32 I, M, C, Zba, Zbb, Zbs, Zicond instructions
// (plus loads/stores, forward branches and jumps, direct and indirect, CSR
// reads of minstret and Zbc instructions that the compiled tier leaves to
// the interpreter; with FP, F/D/Zfh arithmetic, which compiled code calls
// the interpreter's handlers for, frm changes that make dynamic-rounding
// instructions raise inside compiled blocks, and FP loads/stores) run in a counted loop twice: interpreted only, and with
// every block compiled on its first arrival. Registers, pc, instret, stop
// reports and memory must be identical - after the whole run and after a
// random step limit. A failure prints the seed and the program.
//
// SNIPGEN_JIT_DIFF_PROGRAMS=N runs N programs per configuration instead of
// the default (for longer campaigns).
//===----------------------------------------------------------------------===//
#include "JITTestUtil.h"
#include "JIT/X86/DirectCompiler.h"

#include <algorithm>
#include <cstdlib>
#include <random>

using namespace snipgen;
using namespace snipgen::test;
using namespace snipgen::test::jit;

namespace {

// x2 (sp) and x8 (s0) point into the data region for compressed loads and
// stores, x26 for the others; x27 counts the iterations.
constexpr unsigned Reserved[] = {2, 8, 26, 27};

struct Item {
  Item(std::string Text = "", unsigned Size = 4)
      : Text(std::move(Text)), Size(Size) {}
  std::string Text;
  unsigned Size;
  unsigned Skip = 0;         // Forward control: items jumped over.
  std::string Label;         // Forward control: label after the skipped items.
  bool IndirectFixup = false; // "jalr rd, %OFFSET%(rt)" resolved later.
};

class ProgramGenerator {
public:
  /// MisalignedPercent: chance that a plain load/store offset is not a
  /// multiple of the access size.
  ProgramGenerator(uint64_t Seed, bool RV32, bool Compressed,
                   unsigned MisalignedPercent, bool FP = false,
                   bool DirectSubset = false)
      : Rng(Seed), RV32(RV32), Compressed(Compressed),
        MisalignedPercent(MisalignedPercent), FP(FP),
        DirectSubset(DirectSubset) {}

  /// ControlPercent: share of body items that are branches and jumps (0
  /// makes the loop one block that iterates inside compiled code).
  std::string generate(unsigned BodyItems, unsigned Iterations,
                       unsigned ControlPercent);

private:
  uint64_t pick(uint64_t N) { return Rng() % N; }
  bool chance(unsigned Percent) { return pick(100) < Percent; }
  // Appending (not "x" + ...) avoids a GCC 12 -Wrestrict false positive.
  static std::string prefixed(const char *P, uint64_t N) {
    std::string S = P;
    S += std::to_string(N);
    return S;
  }
  std::string reg(unsigned R) { return prefixed("x", R); }
  unsigned anyReg() { return unsigned(pick(32)); }
  unsigned destReg() {
    if (chance(3))
      return 0; // Writes to x0 are dropped.
    for (;;) {
      unsigned R = 1 + unsigned(pick(31));
      if (std::find(std::begin(Reserved), std::end(Reserved), R) ==
          std::end(Reserved))
        return R;
    }
  }
  unsigned compressedDest() { return 9 + unsigned(pick(7)); } // x9..x15
  unsigned compressedSource() { return 8 + unsigned(pick(8)); }
  int64_t imm12() { return int64_t(pick(4096)) - 2048; }
  uint64_t interestingValue();
  Item aluItem();
  Item compressedItem();
  Item memoryItem();
  Item fpItem();
  Item controlItem(unsigned Index, unsigned Remaining);

  std::mt19937_64 Rng;
  bool RV32, Compressed;
  unsigned MisalignedPercent;
  bool FP;
  // Only what the direct compiler covers (X86/DirectCompiler.h), besides
  // the block-ending splitters and indirect jumps.
  bool DirectSubset;
  bool Splitters = true; // Emit instructions that end compiled blocks.
  unsigned Labels = 0;
};

uint64_t ProgramGenerator::interestingValue() {
  static const uint64_t Special[] = {
      0, 1, ~0ull, 0x8000000000000000ull, 0x7fffffffffffffffull,
      0xffffffff80000000ull, 0x7fffffff, 0x80000000, 0xffffffff, 2, 31, 32,
      63, 64, 0x8000, 0xff};
  uint64_t V = chance(50) ? Special[pick(std::size(Special))]
                          : chance(50) ? Rng() : pick(200) - 100;
  return RV32 ? uint64_t(int64_t(int32_t(V))) : V;
}

Item ProgramGenerator::aluItem() {
  static const char *const RegReg64[] = {
      "add", "sub", "and", "or", "xor", "slt", "sltu", "sll", "srl", "sra",
      "addw", "subw", "sllw", "srlw", "sraw", "mul", "mulh", "mulhu",
      "mulhsu", "div", "divu", "rem", "remu", "mulw", "divw", "divuw",
      "remw", "remuw", "sh1add", "sh2add", "sh3add", "add.uw", "sh1add.uw",
      "sh2add.uw", "sh3add.uw", "andn", "orn", "xnor", "max", "min", "maxu",
      "minu", "rol", "ror", "rolw", "rorw", "bclr", "bset", "binv", "bext",
      "czero.eqz", "czero.nez"};
  static const char *const RegReg32[] = {
      "add", "sub", "and", "or", "xor", "slt", "sltu", "sll", "srl", "sra",
      "mul", "mulh", "mulhu", "mulhsu", "div", "divu", "rem", "remu",
      "sh1add", "sh2add", "sh3add", "andn", "orn", "xnor", "max", "min",
      "maxu", "minu", "rol", "ror", "bclr", "bset", "binv", "bext",
      "czero.eqz", "czero.nez"};
  static const char *const Unary64[] = {"clz", "ctz", "cpop", "clzw", "ctzw",
                                        "cpopw", "sext.b", "sext.h",
                                        "zext.h", "orc.b", "rev8"};
  static const char *const Unary32[] = {"clz", "ctz", "cpop", "sext.b",
                                        "sext.h", "zext.h", "orc.b", "rev8"};
  static const char *const Imm[] = {"addi", "andi", "ori", "xori", "slti",
                                    "sltiu"};
  // Shift-like immediates: name, and whether the amount is < 32 always.
  static const std::pair<const char *, bool> Shift64[] = {
      {"slli", false}, {"srli", false}, {"srai", false}, {"rori", false},
      {"bclri", false}, {"bseti", false}, {"binvi", false}, {"bexti", false},
      {"slli.uw", false}, {"slliw", true}, {"srliw", true}, {"sraiw", true},
      {"roriw", true}};
  static const char *const Shift32[] = {"slli", "srli", "srai", "rori",
                                        "bclri", "bseti", "binvi", "bexti"};
  static const char *const Direct64[] = {
      "add", "sub", "and", "or", "xor", "slt", "sltu", "sll", "srl", "sra",
      "addw", "subw", "sllw", "srlw", "sraw", "mul", "mulw", "sh1add",
      "sh2add", "sh3add", "andn", "max", "min", "maxu", "minu"};
  static const std::pair<const char *, bool> DirectShift64[] = {
      {"slli", false}, {"srli", false}, {"srai", false},
      {"slliw", true}, {"srliw", true}, {"sraiw", true}};
  std::string D = reg(destReg()), A = reg(anyReg()), B = reg(anyReg());
  // The same register as both sources now and then: x - x, x & x...
  if (chance(10))
    B = A;
  if (DirectSubset) {
    switch (pick(8)) {
    case 0: case 1: case 2: case 3:
      return {std::string(Direct64[pick(std::size(Direct64))]) + " " + D +
              ", " + A + ", " + B};
    case 4: {
      auto [Name, Word] = DirectShift64[pick(std::size(DirectShift64))];
      return {std::string(Name) + " " + D + ", " + A + ", " +
              std::to_string(pick(Word ? 32 : 64))};
    }
    case 5:
      return {std::string(chance(50) ? "lui " : "auipc ") + D + ", " +
              std::to_string(pick(1 << 20))};
    default:
      break; // Immediates, below.
    }
  }
  switch (DirectSubset ? 5 : pick(10)) {
  case 0:
  case 1:
  case 2:
  case 3:
    return {std::string(RV32 ? RegReg32[pick(std::size(RegReg32))]
                             : RegReg64[pick(std::size(RegReg64))]) +
            " " + D + ", " + A + ", " + B};
  case 4:
    return {std::string(RV32 ? Unary32[pick(std::size(Unary32))]
                             : Unary64[pick(std::size(Unary64))]) +
            " " + D + ", " + A};
  case 5:
  case 6:
    if (!RV32 && chance(20))
      return {"addiw " + D + ", " + A + ", " + std::to_string(imm12())};
    return {std::string(Imm[pick(std::size(Imm))]) + " " + D + ", " + A +
            ", " + std::to_string(imm12())};
  case 7: {
    if (RV32)
      return {std::string(Shift32[pick(std::size(Shift32))]) + " " + D +
              ", " + A + ", " + std::to_string(pick(32))};
    auto [Name, Word] = Shift64[pick(std::size(Shift64))];
    return {std::string(Name) + " " + D + ", " + A + ", " +
            std::to_string(pick(Word ? 32 : 64))};
  }
  case 8:
    return {std::string(chance(50) ? "lui " : "auipc ") + D + ", " +
            std::to_string(pick(1 << 20))};
  default:
    if (!Splitters)
      return {"add " + D + ", " + A + ", " + B};
    // Instructions the compiled tier leaves to the interpreter: they end
    // blocks in the middle of straight-line code.
    switch (pick(4)) {
    case 0: return {"csrr " + D + ", minstret"};
    case 1: return {"csrw mscratch, " + A};
    case 2: return {"csrr " + D + ", mscratch"};
    default: return {"clmul " + D + ", " + A + ", " + B};
    }
  }
}

Item ProgramGenerator::compressedItem() {
  unsigned D = destReg();
  if (D == 0)
    D = 1;
  unsigned S = 1 + unsigned(pick(31));
  std::string CD = reg(compressedDest()), CS = reg(compressedSource());
  switch (pick(RV32 ? 10 : 12)) {
  case 0: return {"c.add " + reg(D) + ", " + reg(S), 2};
  case 1: return {"c.mv " + reg(D) + ", " + reg(S), 2};
  case 2: return {"c.li " + reg(D) + ", " + std::to_string(int(pick(64)) - 32), 2};
  case 3: {
    unsigned Imm = pick(2) ? 1 + unsigned(pick(31)) : 0xfffe0 + unsigned(pick(32));
    return {"c.lui " + reg(D == 2 ? 1 : D) + ", " + std::to_string(Imm), 2};
  }
  case 4: {
    int Imm = int(pick(63)) - 32;
    return {"c.addi " + reg(D) + ", " + std::to_string(Imm >= 0 ? Imm + 1 : Imm), 2};
  }
  case 5:
    return {"c.slli " + reg(D) + ", " + std::to_string(1 + pick(RV32 ? 31 : 63)), 2};
  case 6: {
    static const char *const Ops[] = {"c.srli", "c.srai"};
    return {std::string(Ops[pick(2)]) + " " + CD + ", " +
                std::to_string(1 + pick(RV32 ? 31 : 63)), 2};
  }
  case 7:
    return {"c.andi " + CD + ", " + std::to_string(int(pick(64)) - 32), 2};
  case 8: {
    static const char *const Ops[] = {"c.sub", "c.xor", "c.or", "c.and"};
    return {std::string(Ops[pick(4)]) + " " + CD + ", " + CS, 2};
  }
  case 9: return {"c.nop", 2};
  case 10: {
    static const char *const Ops[] = {"c.addw", "c.subw"};
    return {std::string(Ops[pick(2)]) + " " + CD + ", " + CS, 2};
  }
  default:
    return {"c.addiw " + reg(D) + ", " + std::to_string(int(pick(64)) - 32), 2};
  }
}

Item ProgramGenerator::memoryItem() {
  struct Access {
    const char *Name;
    unsigned Size;
    bool Store, Only64;
  };
  static const Access Plain[] = {
      {"lb", 1, false, false}, {"lh", 2, false, false}, {"lw", 4, false, false},
      {"ld", 8, false, true},  {"lbu", 1, false, false}, {"lhu", 2, false, false},
      {"lwu", 4, false, true}, {"sb", 1, true, false},  {"sh", 2, true, false},
      {"sw", 4, true, false},  {"sd", 8, true, true}};
  if (Compressed && chance(30)) {
    // c.lw/c.sw (x8 base, 0..124), c.lwsp/c.swsp (sp, 0..252); d forms on
    // RV64 with 8-byte scaled offsets.
    bool Double = !RV32 && chance(50), Store = chance(50), Sp = chance(50);
    unsigned Off = (Double ? 8 : 4) * unsigned(pick(Sp ? 64 : 32));
    std::string Name = std::string("c.") + (Store ? "s" : "l") +
                       (Double ? "d" : "w") + (Sp ? "sp" : "");
    std::string Data = Sp ? reg(Store ? anyReg() : std::max(1u, destReg()))
                          : reg(Store ? compressedSource() : compressedDest());
    return {Name + " " + Data + ", " + std::to_string(Off) + "(" +
                (Sp ? "x2" : "x8") + ")",
            2};
  }
  const Access *A;
  do
    A = &Plain[pick(std::size(Plain))];
  while (RV32 && A->Only64);
  int64_t Off = int64_t(pick(4096 - 8)) - 2048; // Stays inside the region.
  if (!chance(MisalignedPercent))
    Off &= ~int64_t(A->Size - 1); // x26 is 8-byte aligned.
  std::string Data = reg(A->Store ? anyReg() : destReg());
  return {std::string(A->Name) + " " + Data + ", " + std::to_string(Off) + "(x26)"};
}

Item ProgramGenerator::controlItem(unsigned Index, unsigned Remaining) {
  Item I;
  I.Skip = unsigned(pick(std::min(Remaining, 6u) + 1));
  I.Label = prefixed("L", Labels++);
  static const char *const Branches[] = {"beq", "bne", "blt", "bge", "bltu",
                                         "bgeu"};
  switch (pick(Compressed ? 6 : 4)) {
  case 0:
  case 1:
    I.Text = std::string(Branches[pick(6)]) + " " + reg(anyReg()) + ", " +
             reg(anyReg()) + ", " + I.Label;
    return I;
  case 2:
    I.Text = "jal " + reg(destReg()) + ", " + I.Label;
    return I;
  case 3: {
    // auipc rt, 0 ; jalr rd, off(rt) with off = 8 + skipped bytes (rt holds
    // the auipc's own address).
    unsigned T = destReg();
    if (T == 0)
      T = 1;
    I.Text = "auipc " + reg(T) + ", 0\njalr " + reg(destReg()) + ", %OFFSET%(" +
             reg(T) + ")";
    I.Size = 8;
    I.IndirectFixup = true;
    return I;
  }
  case 4:
    I.Text = std::string(chance(50) ? "c.beqz " : "c.bnez ") +
             reg(compressedSource()) + ", " + I.Label;
    I.Size = 2;
    return I;
  default:
    I.Text = RV32 && chance(50) ? "c.jal " + I.Label : "c.j " + I.Label;
    I.Size = 2;
    return I;
  }
}

Item ProgramGenerator::fpItem() {
  static const char *const Binary[] = {"fadd", "fsub", "fmul", "fdiv",
                                       "fmin", "fmax", "fsgnj", "fsgnjn",
                                       "fsgnjx"};
  static const char *const Fused[] = {"fmadd", "fmsub", "fnmadd", "fnmsub"};
  static const char *const Compare[] = {"feq", "flt", "fle"};
  static const char *const Rounding[] = {"", ", rne", ", rtz", ", rdn",
                                         ", rup", ", rmm", ", dyn"};
  static const char *const Types[] = {".d", ".s", ".h"};
  auto F = [&] { return prefixed("f", pick(32)); };
  std::string T = Types[pick(3)];
  std::string RM = Rounding[pick(std::size(Rounding))];
  std::string D = reg(destReg()), A = reg(anyReg());
  switch (pick(12)) {
  case 0:
  case 1:
  case 2: {
    std::string Op = Binary[pick(std::size(Binary))];
    bool HasRM = Op == "fadd" || Op == "fsub" || Op == "fmul" || Op == "fdiv";
    return {Op + T + " " + F() + ", " + F() + ", " + F() + (HasRM ? RM : "")};
  }
  case 3:
  case 4:
    return {std::string(Fused[pick(std::size(Fused))]) + T + " " + F() + ", " +
            F() + ", " + F() + ", " + F() + RM};
  case 5:
    return {"fsqrt" + T + " " + F() + ", " + F() + RM};
  case 6: {
    static const char *const Conv[] = {"fcvt.s.d", "fcvt.d.s", "fcvt.h.s",
                                       "fcvt.s.h", "fcvt.d.h", "fcvt.h.d"};
    std::string Op = Conv[pick(std::size(Conv))];
    bool Widening = Op == "fcvt.d.s" || Op == "fcvt.s.h" || Op == "fcvt.d.h";
    return {Op + " " + F() + ", " + F() + (Widening ? "" : RM)};
  }
  case 7:
    return {std::string(Compare[pick(std::size(Compare))]) + T + " " + D +
            ", " + F() + ", " + F()};
  case 8:
    if (chance(30))
      return {"fclass" + T + " " + D + ", " + F()};
    return {std::string(RV32 || chance(50) ? "fcvt.w" : "fcvt.l") +
            (chance(50) ? "u" : "") + T + " " + D + ", " + F() + RM};
  case 9:
    if (chance(30))
      return {std::string(RV32 ? "fmv.x.w " : chance(50) ? "fmv.x.d " : "fmv.x.h ") +
              D + ", " + F()};
    return {"fcvt" + T + (RV32 || chance(50) ? ".w" : ".l") +
            (chance(50) ? "u " : " ") + F() + ", " + A + RM};
  case 10:
    return {std::string(RV32 ? "fmv.w.x " : chance(50) ? "fmv.d.x " : "fmv.h.x ") +
            F() + ", " + A};
  default:
    if (!Splitters)
      return {"fsgnj.d " + F() + ", " + F() + ", " + F()};
    // Interpreted FP instructions: loads, stores and fcsr writes (an
    // invalid frm makes the next dynamic-rounding instruction raise, also
    // inside a compiled block).
    switch (pick(4)) {
    case 0: return {"fld " + F() + ", " + std::to_string(8 * pick(64)) + "(x26)"};
    case 1: return {"fsd " + F() + ", " + std::to_string(8 * pick(64)) + "(x26)"};
    case 2: return {"csrwi frm, " + std::to_string(chance(20) ? 5 + pick(3) : pick(5))};
    default: return {"csrwi fflags, " + std::to_string(pick(32))};
    }
  }
}

std::string ProgramGenerator::generate(unsigned BodyItems, unsigned Iterations,
                                       unsigned ControlPercent) {
  Splitters = ControlPercent != 0;
  std::string S;
  for (unsigned R = 1; R < 32; ++R)
    if (std::find(std::begin(Reserved), std::end(Reserved), R) ==
        std::end(Reserved))
      S += "li " + reg(R) + ", " + std::to_string(int64_t(interestingValue())) + "\n";
  S += "li x8, " + std::to_string(DataBase) + "\n";
  S += "li x2, " + std::to_string(DataBase + 0x200) + "\n";
  S += "li x26, " + std::to_string(DataBase + 0x800) + "\n";
  if (FP)
    for (unsigned R = 0; R < 32; ++R)
      S += (RV32 ? "fcvt.d.w " : "fmv.d.x ") + prefixed("f", R) + ", " +
           reg(1 + unsigned(pick(31))) + "\n";
  S += "li x27, " + std::to_string(Iterations) + "\nloop:\n";
  std::vector<Item> Body;
  for (unsigned I = 0; I < BodyItems; ++I) {
    unsigned Kind = unsigned(pick(100));
    if (Kind < ControlPercent)
      Body.push_back(controlItem(I, BodyItems - I - 1));
    else if (Kind < ControlPercent + 18)
      Body.push_back(memoryItem());
    else if (Compressed && Kind < ControlPercent + 33)
      Body.push_back(compressedItem());
    else if (FP && Kind < ControlPercent + 63)
      Body.push_back(fpItem());
    else
      Body.push_back(aluItem());
  }
  // Labels go before the first item after the skipped ones (or at the end).
  std::vector<std::vector<std::string>> LabelsAt(Body.size() + 1);
  for (size_t I = 0; I < Body.size(); ++I) {
    Item &It = Body[I];
    if (It.Label.empty())
      continue;
    size_t To = std::min(Body.size(), I + 1 + It.Skip);
    LabelsAt[To].push_back(It.Label);
    if (It.IndirectFixup) {
      unsigned Bytes = 8;
      for (size_t J = I + 1; J < To; ++J)
        Bytes += Body[J].Size;
      // Without C a misaligned target now and then: JALR must leave the
      // block and let the interpreter raise.
      if (!Compressed && chance(5))
        Bytes += 2;
      It.Text.replace(It.Text.find("%OFFSET%"), 8, std::to_string(Bytes));
    }
  }
  for (size_t I = 0; I <= Body.size(); ++I) {
    for (const std::string &L : LabelsAt[I])
      S += L + ":\n";
    if (I < Body.size())
      S += Body[I].Text + "\n";
  }
  S += "addi x27, x27, -1\nbne x27, x0, loop\n";
  return S;
}

unsigned programCount(unsigned Default) {
  if (const char *V = std::getenv("SNIPGEN_JIT_DIFF_PROGRAMS"))
    return unsigned(std::strtoul(V, nullptr, 10));
  return Default;
}

struct Config {
  const char *Isa;
  bool RV32, Compressed, AllowMisaligned;
  bool FP = false;
  model::JITCompiler Compiler = model::JITCompiler::Auto;
  bool DirectSubset = false;
};

void runCampaign(const Config &C, unsigned Programs, uint64_t SeedBase) {
  uint64_t Native = 0, Retired = 0, Blocks = 0, LimitRuns = 0, Completed = 0,
           SelfLoops = 0, Direct = 0;
  double CompileSeconds = 0;
  for (unsigned P = 0; P < Programs; ++P) {
    uint64_t Seed = SeedBase + P;
    ProgramGenerator Gen(Seed, C.RV32, C.Compressed,
                         C.AllowMisaligned ? 50 : 3, C.FP, C.DirectSubset);
    std::mt19937_64 Shape(Seed * 7919);
    // A quarter of the programs without branches: their loop is a block
    // that iterates by itself (leaving early at memory side exits).
    std::string Asm = Gen.generate(8 + unsigned(Shape() % 40),
                                   1 + unsigned(Shape() % 30),
                                   P % 4 == 3 ? 0 : 12);
    TierOptions Interp{false, 0, C.AllowMisaligned};
    TierOptions Jit{true, 0, C.AllowMisaligned, C.Compiler};
    auto A = makeMachine(Asm, C.Isa, Interp);
    auto B = makeMachine(Asm, C.Isa, Jit);
    ASSERT_TRUE(A && B);
    uint64_t RA = 0, RB = 0;
    int ResA = A->run(1000000, &RA), ResB = B->run(1000000, &RB);
    std::string Diff = differences(*A, *B);
    ASSERT_TRUE(Diff.empty() && ResA == ResB && RA == RB)
        << C.Isa << " seed " << Seed << ": " << ResA << " vs " << ResB << "\n"
        << Diff << A->stopInfo().message << "\n" << Asm;
    ASSERT_TRUE(B->jit()->stats().Error.empty()) << B->jit()->stats().Error;
    Completed += ResB == SNIPGEN_STEP_STOP_PC;
    Native += B->jit()->stats().NativeInstructions;
    CompileSeconds += B->jit()->stats().CompileSeconds;
    Blocks += B->jit()->stats().BlocksCompiled;
    Direct += B->jit()->stats().DirectBlocks;
    SelfLoops += B->jit()->stats().SelfLoops;
    Retired += RB;

    // The same program stopped by a step limit somewhere inside.
    if (P % 3 == 0 && RA > 1) {
      uint64_t Limit = 1 + Shape() % (RA - 1);
      auto LA = makeMachine(Asm, C.Isa, Interp);
      auto LB = makeMachine(Asm, C.Isa, Jit);
      ASSERT_TRUE(LA && LB);
      int LResA = LA->run(Limit, nullptr), LResB = LB->run(Limit, nullptr);
      std::string LDiff = differences(*LA, *LB);
      ASSERT_TRUE(LDiff.empty() && LResA == LResB)
          << C.Isa << " seed " << Seed << " limit " << Limit << "\n"
          << LDiff << "\n" << Asm;
      ++LimitRuns;
    }
  }
  // The comparison means something only if compiled code did the work, and
  // that of the compiler under test.
  EXPECT_GT(Native, Retired / 2) << C.Isa;
  if (C.Compiler == model::JITCompiler::LLVM) {
    EXPECT_EQ(Direct, 0u);
  } else if (C.Compiler == model::JITCompiler::Direct) {
    EXPECT_EQ(Direct, Blocks);
  }
  if (C.DirectSubset && C.Compiler != model::JITCompiler::LLVM) {
    EXPECT_GT(Direct, Blocks / 2) << C.Isa;
  }
  std::printf("[ %-33s ] %u programs (%llu ran to the end, %llu also with "
              "a step limit), %llu blocks (%llu self-loops, %llu direct) "
              "compiled in %.1f s, %llu of %llu instructions native\n",
              C.Isa, Programs, (unsigned long long)Completed,
              (unsigned long long)LimitRuns,
              (unsigned long long)Blocks, (unsigned long long)SelfLoops,
              (unsigned long long)Direct,
              CompileSeconds,
              (unsigned long long)Native,
              (unsigned long long)Retired);
}

TEST(JITDifferential, RandomProgramsRV64) {
  runCampaign({"rv64gc_zba_zbb_zbc_zbs_zicond", false, true, true},
              programCount(250), 1000);
}

// The direct compiler alone (blocks it does not cover stay interpreted), on
// programs of what it covers, with and without C.
TEST(JITDifferential, RandomProgramsRV64DirectCompiler) {
  if (std::string Why; !model::jit::directAvailable(Why))
    GTEST_SKIP() << Why;
  Config C{"rv64gc_zba_zbb_zbs_zicond", false, true, true};
  C.Compiler = model::JITCompiler::Direct;
  C.DirectSubset = true;
  runCampaign(C, programCount(250), 7000);
  C.Isa = "rv64im_zba_zbb_zbs_zicsr";
  C.Compressed = false;
  runCampaign(C, programCount(100), 8000);
}

// LLVM alone, also for the blocks the direct compiler would take.
TEST(JITDifferential, RandomProgramsRV64LLVMOnly) {
  Config C{"rv64gc_zba_zbb_zbs_zicond", false, true, true};
  C.Compiler = model::JITCompiler::LLVM;
  C.DirectSubset = true;
  runCampaign(C, programCount(60), 9000);
}

TEST(JITDifferential, RandomProgramsRV64WithoutCompressed) {
  // No C: jump targets need 4-byte alignment, so JALR can leave a block.
  runCampaign({"rv64im_zba_zbb_zbc_zbs_zicond_zicsr", false, false, true},
              programCount(80), 2000);
}

TEST(JITDifferential, RandomProgramsRV64MisalignedTraps) {
  runCampaign({"rv64gc_zba_zbb_zbc_zbs_zicond", false, true, false},
              programCount(80), 3000);
}

TEST(JITDifferential, RandomProgramsRV64FP) {
  runCampaign({"rv64gc_zfh_zba_zbb_zbc_zbs_zicond", false, true, true, true},
              programCount(150), 5000);
}

TEST(JITDifferential, RandomProgramsRV32FP) {
  runCampaign({"rv32gc_zfh_zba_zbb_zbc_zbs_zicond", true, true, true, true},
              programCount(80), 6000);
}

TEST(JITDifferential, RandomProgramsRV32) {
  runCampaign({"rv32gc_zba_zbb_zbc_zbs_zicond", true, true, true},
              programCount(150), 4000);
}

} // namespace
