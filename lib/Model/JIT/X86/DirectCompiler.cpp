//===- DirectCompiler.cpp - Integer blocks to x86-64 without LLVM's codegen ===//
//
// Each instruction mirrors its interpreter handler (I.cpp, M.cpp, Zb.cpp,
// C.cpp), as BlockTranslator.cpp's IR does; JITDifferentialTest runs both
// compilers against the interpreter on random programs.
//
// Host register use: RDI holds the Hart (the first argument), RSI the
// budget left (the second); the cache allocates the other thirteen,
// caller-saved ones first so that short blocks save nothing. A self-loop
// keeps the budget it was entered with on the stack.
//===----------------------------------------------------------------------===//
#include "JIT/X86/DirectCompiler.h"
#include "JIT/X86/BlockLowering.h"
#include "JIT/X86/RegisterCache.h"
#include "JIT/X86/X86Encoder.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Memory.h"
#include <cstdio>
#include <cstdlib>
#include <bitset>
#include <cstddef>
#include <optional>
#include <cstring>

using namespace llvm;

namespace snipgen::model::jit {

NativeCode::~NativeCode() {
  sys::MemoryBlock Block(Base, Size);
  // Failing to unmap only leaks the block's pages.
  (void)sys::Memory::releaseMappedMemory(Block);
}

namespace {
using namespace x86;

constexpr Gpr HartReg = RDI, LeftReg = RSI;
const std::vector<Gpr> &allocatable() {
  static const std::vector<Gpr> Order = {RAX, RCX, RDX, R8,  R9,  R10, R11,
                                         RBX, RBP, R12, R13, R14, R15};
  return Order;
}
constexpr uint32_t CalleeSaved = (1u << RBX) | (1u << RBP) | (1u << R12) |
                                 (1u << R13) | (1u << R14) | (1u << R15);

bool covered(const Rule &R) {
  switch (R.S) {
  case Shape::RegReg: return directRegReg(R.O);
  case Shape::RegImm: return directRegImm(R.O);
  case Shape::UpperImm: case Shape::AddUpperPC: case Shape::LoadImm:
  case Shape::Move: case Shape::Nop: case Shape::Branch:
  case Shape::BranchZero: case Shape::Jal: case Shape::JumpImm:
  case Shape::Load: case Shape::Store:
    return true;
  default:
    return false;
  }
}

CC conditionCode(Cond C) {
  switch (C) {
  case Cond::Eq: return CC::E;
  case Cond::Ne: return CC::NE;
  case Cond::Lt: return CC::L;
  case Cond::Ge: return CC::GE;
  case Cond::Ltu: return CC::B;
  case Cond::Geu: return CC::AE;
  }
  return CC::E;
}

class Compiler {
public:
  Compiler(const X86Encoder &E, const BlockPlan &Plan, const OpcodeRules &Rules,
           const TargetInfo &T, const std::vector<Lowered> &Lowering,
           const NextUse &Uses)
      : E(E), Plan(Plan), Rules(Rules), T(T), Lowering(Lowering), A(E),
        Cache(A, Uses, HartReg, int32_t(offsetof(Hart, X)), allocatable()) {}

  SmallVector<char, 0> compile();

private:
  void instruction(size_t I, const Lowered &L);
  void regReg(size_t I, Op O, unsigned Rd, unsigned Rs1, unsigned Rs2);
  void regImm(size_t I, Op O, unsigned Rd, unsigned Rs1, int64_t Imm);
  void move(size_t I, unsigned Rd, unsigned Rs);
  void commutative(XOp O, Gpr D, Gpr X, Gpr Y);
  void add(Gpr D, Gpr X, Gpr Y);
  void sub(Gpr D, Gpr X, Gpr Y);
  void select(CC TakeX, Gpr D, Gpr X, Gpr Y);
  void setIf(size_t I, unsigned Rd, CC C, Gpr X, Gpr Y, int64_t Imm);
  void end(size_t I, const Decoded &D, const Rule &R, const Lowered &L);
  void storePC(uint64_t V);
  void leave(std::optional<size_t> ExitBefore = std::nullopt);
  void memory(size_t I, const Lowered &L);

  /// Where compiled code leaves before instruction Index, with what it
  /// must write back first.
  struct SideExit {
    Assembler::Label Label;
    size_t Index;
    RegisterCache::State Stale;
  };
  std::vector<SideExit> Exits;

  const X86Encoder &E;
  const BlockPlan &Plan;
  const OpcodeRules &Rules;
  const TargetInfo &T;
  const std::vector<Lowered> &Lowering;
  Assembler A;
  RegisterCache Cache;
  Assembler::Label Head = 0;
};

// Into a register of its own, the operand computed earlier is copied and
// the later one (more likely on the block's longest dependency chain)
// combined with it, so the copy is off that chain.
void Compiler::commutative(XOp O, Gpr D, Gpr X, Gpr Y) {
  if (D == X)
    return A.tied(O, D, Y);
  if (D == Y)
    return A.tied(O, D, X);
  if (Cache.definedAt(X) > Cache.definedAt(Y))
    std::swap(X, Y);
  A.mov(D, X);
  A.tied(O, D, Y);
}

// mov + add rather than lea: the host renames the copy away, while a
// two-register lea with RBP or R13 as base takes a displacement and is a
// slow three-component lea on some hosts.
void Compiler::add(Gpr D, Gpr X, Gpr Y) {
  commutative(XOp::ADD64rr, D, X, Y);
}

void Compiler::sub(Gpr D, Gpr X, Gpr Y) {
  if (X == Y)
    return A.movImm(D, 0);
  if (D == X)
    return A.tied(XOp::SUB64rr, D, Y);
  if (D == Y) { // D = -Y + X
    A.unary(XOp::NEG64r, D);
    return A.tied(XOp::ADD64rr, D, X);
  }
  if (Cache.definedAt(X) > Cache.definedAt(Y)) { // X later: D = -Y + X.
    A.mov(D, Y);
    A.unary(XOp::NEG64r, D);
    return A.tied(XOp::ADD64rr, D, X);
  }
  A.mov(D, X);
  A.tied(XOp::SUB64rr, D, Y);
}

// D = TakeX(X, Y) ? X : Y, after cmp X, Y.
void Compiler::select(CC TakeX, Gpr D, Gpr X, Gpr Y) {
  if (D == Y) {
    A.cmp(X, Y);
    return A.cmov(TakeX, D, X);
  }
  if (D != X)
    A.mov(D, X);
  A.cmp(X, Y);
  A.cmov(invert(TakeX), D, Y);
}

// D = (X cond Y/Imm) ? 1 : 0. Zeroing D first and setting its low byte
// after the compare keeps one host instruction after the compare on the
// dependency chain (no zero-extension, no merge with D's old value); that
// needs D apart from the sources, so the cache is not asked to reuse one.
void Compiler::setIf(size_t I, unsigned Rd, CC C, Gpr X, Gpr Y, int64_t Imm) {
  Gpr D = Cache.defineHost(Rd, I, NoGpr, NoGpr);
  auto Compare = [&] { Y != NoGpr ? A.cmp(X, Y) : A.cmpImm(X, int32_t(Imm)); };
  if (D == X || D == Y) { // rd is a source: it has its own host register.
    Compare();
    A.setcc(C, D);
    return A.zeroExtend8(D);
  }
  A.movImm(D, 0);
  Compare();
  A.setcc(C, D);
}

void Compiler::regReg(size_t I, Op O, unsigned Rd, unsigned Rs1,
                      unsigned Rs2) {
  Gpr X = Cache.read(Rs1, I, 0);
  Gpr Y = Cache.read(Rs2, I, RegisterCache::bit(X));
  if (O == Op::Slt || O == Op::Sltu)
    return setIf(I, Rd, O == Op::Slt ? CC::L : CC::B, X, Y, 0);
  Gpr D = Cache.defineHost(Rd, I, X, Y);
  switch (O) {
  case Op::Add: return add(D, X, Y);
  case Op::Sub: return sub(D, X, Y);
  case Op::And: return commutative(XOp::AND64rr, D, X, Y);
  case Op::Or: return commutative(XOp::OR64rr, D, X, Y);
  case Op::Xor: return commutative(XOp::XOR64rr, D, X, Y);
  case Op::Mul: return commutative(XOp::IMUL64rr, D, X, Y);
  // The host's 64-bit shifts take the count modulo 64, RV64's rule.
  case Op::Sll: return A.three(XOp::SHLX64rr, D, X, Y);
  case Op::Srl: return A.three(XOp::SHRX64rr, D, X, Y);
  case Op::Sra: return A.three(XOp::SARX64rr, D, X, Y);
  // W forms: the low 32 bits of the 64-bit result, sign-extended; 32-bit
  // shifts take the count modulo 32 and read the low word only.
  case Op::AddW: add(D, X, Y); return A.movsxd(D, D);
  case Op::SubW: sub(D, X, Y); return A.movsxd(D, D);
  case Op::MulW: commutative(XOp::IMUL64rr, D, X, Y); return A.movsxd(D, D);
  case Op::SllW: A.three(XOp::SHLX32rr, D, X, Y); return A.movsxd(D, D);
  case Op::SrlW: A.three(XOp::SHRX32rr, D, X, Y); return A.movsxd(D, D);
  case Op::SraW: A.three(XOp::SARX32rr, D, X, Y); return A.movsxd(D, D);
  case Op::Sh1Add: return A.lea(D, Y, X, 2, 0);
  case Op::Sh2Add: return A.lea(D, Y, X, 4, 0);
  case Op::Sh3Add: return A.lea(D, Y, X, 8, 0);
  case Op::Andn: return A.three(XOp::ANDN64rr, D, Y, X); // ~Y & X
  case Op::Max: return select(CC::G, D, X, Y);
  case Op::Min: return select(CC::L, D, X, Y);
  case Op::Maxu: return select(CC::A, D, X, Y);
  case Op::Minu: return select(CC::B, D, X, Y);
  default:
    break;
  }
  llvm_unreachable("directCovers admitted an op without code");
}

void Compiler::regImm(size_t I, Op O, unsigned Rd, unsigned Rs1,
                      int64_t Imm) {
  Gpr X = Cache.read(Rs1, I, 0);
  // The immediate is sign-extended for both compares, as in RISC-V.
  if (O == Op::Slt || O == Op::Sltu)
    return setIf(I, Rd, O == Op::Slt ? CC::L : CC::B, X, NoGpr, Imm);
  Gpr D = Cache.defineHost(Rd, I, X, NoGpr);
  // Into a register of its own (D != X), the source goes in last: the
  // immediate is copied first, off X's dependency chain (a register copy
  // on it costs a cycle on hosts that do not rename copies away).
  auto logical = [&](XOp WithImm, XOp WithReg) {
    if (D == X)
      return A.tiedImm(WithImm, D, Imm);
    A.movImm(D, uint64_t(Imm));
    A.tied(WithReg, D, X);
  };
  auto shift = [&](XOp WithImm, XOp ByReg, unsigned Mask) {
    if (D == X)
      return A.tiedImm(WithImm, D, Imm & Mask);
    A.movImm(D, uint64_t(Imm & Mask));
    A.three(ByReg, D, X, D);
  };
  switch (O) {
  case Op::Add:
    if (D == X)
      return Imm ? A.tiedImm(XOp::ADD64ri32, D, Imm) : void();
    return A.lea(D, X, NoGpr, 1, int32_t(Imm));
  case Op::And: return logical(XOp::AND64ri32, XOp::AND64rr);
  case Op::Or: return logical(XOp::OR64ri32, XOp::OR64rr);
  case Op::Xor: return logical(XOp::XOR64ri32, XOp::XOR64rr);
  case Op::Sll: return shift(XOp::SHL64ri, XOp::SHLX64rr, 63);
  case Op::Srl: return shift(XOp::SHR64ri, XOp::SHRX64rr, 63);
  case Op::Sra: return shift(XOp::SAR64ri, XOp::SARX64rr, 63);
  case Op::AddW:
    A.lea(D, X, NoGpr, 1, int32_t(Imm), /*Bits32=*/true);
    return A.movsxd(D, D);
  case Op::SllW: shift(XOp::SHL32ri, XOp::SHLX32rr, 31); return A.movsxd(D, D);
  case Op::SrlW: shift(XOp::SHR32ri, XOp::SHRX32rr, 31); return A.movsxd(D, D);
  case Op::SraW: shift(XOp::SAR32ri, XOp::SARX32rr, 31); return A.movsxd(D, D);
  default:
    break;
  }
  llvm_unreachable("directCovers admitted an op without code");
}

void Compiler::move(size_t I, unsigned Rd, unsigned Rs) {
  Gpr X = Cache.read(Rs, I, 0);
  Gpr H = Cache.defineHost(Rd, I, X, NoGpr);
  if (H != X)
    A.mov(H, X);
}

void Compiler::instruction(size_t I, const Lowered &L) {
  switch (L.K) {
  case Lowered::Skip:
    return;
  case Lowered::Constant:
    return Cache.defineConstant(L.Rd, L.Value);
  case Lowered::Copy:
    return move(I, L.Rd, L.Rs1);
  case Lowered::RegReg:
    return regReg(I, L.O, L.Rd, L.Rs1, L.Rs2);
  case Lowered::RegImm:
    return regImm(I, L.O, L.Rd, L.Rs1, L.Imm);
  case Lowered::Load:
  case Lowered::Store:
    return memory(I, L);
  case Lowered::Control: {
    const Decoded &D = *Plan.Insts[I];
    return end(I, D, Rules[D.Opcode], L);
  }
  }
}

// Hart::load/store's fast path: the access inside the window (and aligned
// where misaligned accesses trap); anything else leaves the block before
// the instruction, and the interpreter's slow path handles it.
void Compiler::memory(size_t I, const Lowered &L) {
  bool IsLoad = L.K == Lowered::Load;
  size_t Window = IsLoad ? offsetof(Hart, LoadWindow) : offsetof(Hart, StoreWindow);
  auto Field = [&](size_t At) { return int32_t(Window + At); };
  Gpr Base = Cache.read(L.Rs1, I, 0);
  Gpr Data = IsLoad ? NoGpr : Cache.read(L.Rs2, I, RegisterCache::bit(Base));
  Gpr Addr = Cache.scratch(I, RegisterCache::bit(Base) |
                                  (Data != NoGpr ? RegisterCache::bit(Data) : 0));
  Exits.push_back({A.newLabel(), I, Cache.state()});
  Assembler::Label Out = Exits.back().Label;
  A.lea(Addr, Base, NoGpr, 1, int32_t(L.Imm)); // RV64: AddrMask is all ones.
  if (uint64_t AlignBits = (L.Size - 1) & T.AlignCheck) {
    A.testImm(Addr, int32_t(AlignBits));
    A.jcc(CC::NE, Out);
  }
  A.tiedMem(XOp::SUB64rm, Addr, HartReg, Field(offsetof(AccessWindow, Base)));
  A.cmpMem(Addr, HartReg, Field(offsetof(AccessWindow, Limit)));
  A.jcc(CC::AE, Out);
  A.tiedMem(XOp::ADD64rm, Addr, HartReg, Field(offsetof(AccessWindow, Host)));
  if (!IsLoad)
    return A.storeSized(Addr, Data, L.Size);
  if (L.Rd == 0)
    return; // Only the check: the value goes nowhere.
  A.loadSized(Addr, Addr, L.Size, L.Signed);
  Cache.defineInto(L.Rd, Addr, I);
}

void Compiler::storePC(uint64_t V) {
  int32_t At = int32_t(offsetof(Hart, PC));
  if (int64_t(V) == int64_t(int32_t(V)))
    return A.storeImm(HartReg, At, int32_t(V));
  A.movImm(RAX, V); // Every guest register is in the Hart by now.
  A.store(HartReg, At, RAX);
}

// Restores what the prologue saved and returns RAX; a self-loop computes
// retired << 1 from the budget it was entered with.
// ExitBefore: a side exit before that instruction ((retired << 1) | 1,
// retired counting this iteration's instructions before it), or the end.
void Compiler::leave(std::optional<size_t> ExitBefore) {
  uint64_t Here = ExitBefore ? *ExitBefore : Plan.Insts.size();
  if (Plan.SelfLoop) {
    A.pop(RAX);
    A.tied(XOp::SUB64rr, RAX, LeftReg); // Finished iterations' instructions.
    if (ExitBefore) {
      if (Here)
        A.tiedImm(XOp::ADD64ri32, RAX, int64_t(Here));
      A.lea(RAX, RAX, RAX, 1, 1);
    } else {
      A.tied(XOp::ADD64rr, RAX, RAX);
    }
  } else {
    A.movImm(RAX, (Here << 1) | (ExitBefore ? 1 : 0));
  }
  const std::vector<Gpr> &Order = allocatable();
  for (auto It = Order.rbegin(); It != Order.rend(); ++It)
    if (Cache.usedHosts() & CalleeSaved & RegisterCache::bit(*It))
      A.pop(*It);
  A.ret();
}

// The closing branch or jump (the last instruction of the plan).
void Compiler::end(size_t I, const Decoded &D, const Rule &R,
                   const Lowered &L) {
  const Operand *Ops = D.Ops;
  uint64_t Link = D.PC + D.Size;
  auto Target = [&](int64_t Offset) {
    return (D.PC + uint64_t(Offset)) & T.AddrMask;
  };
  bool Conditional = R.S == Shape::Branch || R.S == Shape::BranchZero;
  Gpr X = NoGpr, Y = NoGpr;
  uint64_t To;
  if (R.S == Shape::Branch) {
    X = Cache.read(unsigned(Ops[0]), I, 0);
    Y = Cache.read(unsigned(Ops[1]), I, RegisterCache::bit(X));
    To = Target(Ops[2]);
  } else if (R.S == Shape::BranchZero) {
    X = Cache.read(unsigned(Ops[0]), I, 0);
    To = Target(Ops[1]);
  } else {
    To = Target(R.S == Shape::Jal ? Ops[1] : Ops[0]);
  }
  if (L.Rd) // The link register of JAL / C_JAL.
    Cache.defineConstant(L.Rd, L.Value);
  Cache.flush(Plan.Insts.size(), (X != NoGpr ? RegisterCache::bit(X) : 0) |
                                     (Y != NoGpr ? RegisterCache::bit(Y) : 0));
  auto Compare = [&] {
    if (Y != NoGpr)
      A.cmp(X, Y);
    else
      A.test(X, X);
  };
  CC Taken = conditionCode(R.C);
  Assembler::Label Out = A.newLabel(), Other = A.newLabel();
  if (Plan.SelfLoop) {
    A.tiedImm(XOp::SUB64ri32, LeftReg, int64_t(Plan.Insts.size()));
    if (Conditional) {
      Compare();
      A.jcc(invert(Taken), Other); // Falls out of the loop.
    }
    A.cmpImm(LeftReg, int32_t(Plan.Insts.size()));
    A.jcc(CC::AE, Head);
    storePC(To); // Taken, but the budget has no room for an iteration.
  } else if (Conditional) {
    Compare();
    A.jcc(invert(Taken), Other);
    storePC(To);
  } else {
    storePC(To);
  }
  A.jmp(Out);
  A.bind(Other);
  if (Conditional)
    storePC(Link);
  A.bind(Out);
  leave();
}

SmallVector<char, 0> Compiler::compile() {
  Head = A.newLabel();
  A.bind(Head);
  size_t N = Plan.Insts.size();
  for (size_t I = 0; I < N; ++I)
    instruction(I, Lowering[I]);
  if (!Plan.EndsInControl) {
    Cache.flush(N, 0);
    leave();
  }
  for (const SideExit &X : Exits) {
    A.bind(X.Label);
    Cache.writeBack(X.Stale);
    leave(X.Index);
  }
  SmallVector<char, 0> Body = A.finish();
  // The prologue is known only now (the registers used); jumps inside the
  // body are relative, so it goes in front unchanged.
  Assembler P(E);
  for (Gpr G : allocatable())
    if (Cache.usedHosts() & CalleeSaved & RegisterCache::bit(G))
      P.push(G);
  if (Plan.SelfLoop)
    P.push(LeftReg); // The budget at entry: leave() computes what retired.
  SmallVector<char, 0> Code = P.finish();
  Code.append(Body.begin(), Body.end());
  return Code;
}

} // namespace

bool directAvailable(std::string &Why) {
  return X86Encoder::get(Why) != nullptr;
}

bool directCovers(const BlockPlan &Plan, const OpcodeRules &Rules,
                  const TargetInfo &T) {
  if (T.XLen != 64 || T.AddrMask != ~0ull || Plan.Insts.empty() ||
      Plan.Insts.size() >= NextUse::NotAgain)
    return false;
  for (const Decoded *D : Plan.Insts)
    if (!covered(Rules[D->Opcode]))
      return false;
  return true;
}

Expected<std::unique_ptr<NativeCode>>
compileDirect(const BlockPlan &Plan, const OpcodeRules &Rules,
              const TargetInfo &T) {
  std::string Why;
  const X86Encoder *E = X86Encoder::get(Why);
  if (!E)
    return createStringError(inconvertibleErrorCode(), Why);
  std::vector<Lowered> Lowering = lowerBlock(Plan, Rules, T);
  std::vector<std::bitset<32>> Reads, Writes;
  std::vector<bool> MayExit;
  Reads.reserve(Plan.Insts.size());
  Writes.reserve(Plan.Insts.size());
  for (size_t I = 0; I < Plan.Insts.size(); ++I) {
    const Decoded &D = *Plan.Insts[I];
    const Lowered &L = Lowering[I];
    Reads.push_back(L.reads(D, Rules[D.Opcode]));
    Writes.emplace_back();
    if (L.K != Lowered::Skip && L.Rd)
      Writes.back().set(L.Rd);
    MayExit.push_back(L.mayExit());
  }
  NextUse Uses(Reads, Writes, MayExit);
  SmallVector<char, 0> Code =
      Compiler(*E, Plan, Rules, T, Lowering, Uses).compile();

  // A debugging aid, like LLVM blocks' IR: SNIPGEN_JIT_DUMP=<dir> writes the
  // code to <dir>/direct_<first pc>.bin (objdump -D -b binary -mi386:x86-64).
  if (const char *Dir = std::getenv("SNIPGEN_JIT_DUMP")) {
    std::string Path = std::string(Dir) + "/direct_" +
                       utohexstr(Plan.Insts.front()->PC) + ".bin";
    if (FILE *F = std::fopen(Path.c_str(), "wb")) {
      std::fwrite(Code.data(), 1, Code.size(), F);
      std::fclose(F);
    }
  }
  std::error_code EC;
  sys::MemoryBlock Block = sys::Memory::allocateMappedMemory(
      Code.size(), nullptr, sys::Memory::MF_READ | sys::Memory::MF_WRITE, EC);
  if (EC)
    return createStringError(EC, "cannot map memory for compiled code");
  std::memcpy(Block.base(), Code.data(), Code.size());
  auto Native = std::make_unique<NativeCode>(Block.base(),
                                             Block.allocatedSize());
  if ((EC = sys::Memory::protectMappedMemory(
           Block, sys::Memory::MF_READ | sys::Memory::MF_EXEC)))
    return createStringError(EC, "cannot make compiled code executable");
  sys::Memory::InvalidateInstructionCache(Block.base(), Code.size());
  return Native;
}

} // namespace snipgen::model::jit
