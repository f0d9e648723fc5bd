//===- BlockTranslator.cpp - A planned block to LLVM IR -------------------===//
//
// One emit case per operand Shape, and one IR expression per Op. Each
// expression is the interpreter handler's C++ expression written with
// IRBuilder (see I.cpp, M.cpp, Zb.cpp, Zicond.cpp): when a handler changes,
// change its twin here; the differential test (JITDifferentialTest.cpp)
// compares the two tiers on random programs.
//
// Registers are SSA values from the start (no stack homes, no mem2reg): Cur
// holds each X register's current value, loaded from the Hart in the entry
// block on first use; in a self-loop a register's value at the top of an
// iteration is a phi of the entry load and the value at the end of the
// previous iteration (phis that carry nothing are folded away at the end).
// The builder folds with InstSimplify as it goes, so a value known to be a
// constant (x ^ x, x - x, then everything computed from it) never reaches
// the code generator, as QEMU's TCG optimizer folds constants. Exits are
// filled in last, once the set of registers the block writes is known: a
// straight-line block stores at an exit the registers written before it, a
// self-loop every register it writes (an earlier iteration may have), with
// the values current at the exit.
//
// LLVM IR has no undefined-behaviour-free division by zero or INT_MIN / -1,
// so divisions use a divisor of 1 in those cases and select the RISC-V
// answer afterwards. Shift amounts are masked exactly as the handlers mask
// them, which also keeps them below the bit width (no poison).
//===----------------------------------------------------------------------===//
#include "JIT/BlockTranslator.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/InstSimplifyFolder.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include <array>
#include <bitset>
#include "llvm/Support/raw_ostream.h"
#include <cstddef>

using namespace llvm;

namespace snipgen::model::jit {
namespace {

uint64_t sext32(uint64_t V) { return uint64_t(int64_t(int32_t(V))); }

class Translator {
public:
  Translator(const OpcodeRules &Rules, const TargetInfo &T, Module &M,
             StringRef Name);
  void translate(const BlockPlan &Plan);
  Function *function() const { return F; }

private:
  struct Window {
    Value *Base = nullptr, *Limit = nullptr, *Host = nullptr;
  };

  struct Exit {
    BasicBlock *Block;
    uint64_t Index;          // Instructions of this iteration retired.
    std::bitset<32> Written; // Registers written before it.
    std::array<Value *, 32> Values; // Cur at the exit.
  };

  Value *c(uint64_t V) { return B.getInt64(V); }
  Value *hartField(IRBuilderBase &IRB, size_t Offset) {
    return IRB.CreateConstInBoundsGEP1_64(IRB.getInt8Ty(), Hart, Offset);
  }
  Value *entryValue(int64_t R);
  PHINode *headPhi(int64_t R);
  Value *x(int64_t R);
  void define(int64_t R, Value *V);
  void setX(int64_t R, Value *V);
  void finishPhis();
  void sideExitIf(Value *Cond);
  void storeRegisters(const std::bitset<32> &Which,
                      const std::array<Value *, 32> &Values);
  void fillExits();
  Window &window(bool ForStore);
  Value *hostAddress(const Rule &R, Value *Base, int64_t Imm, bool ForStore);

  // Views of a 64-bit register value, as the handlers take them.
  Value *lo32(Value *V) { return B.CreateTrunc(V, B.getInt32Ty()); }
  Value *sext32v(Value *V32) { return B.CreateSExt(V32, B.getInt64Ty()); }
  Value *zext32v(Value *V) { return B.CreateAnd(V, c(0xffffffffull)); }
  Value *xu(Value *V) { return T.XLen == 32 ? zext32v(V) : V; }
  Value *shamt(Value *V) { return B.CreateAnd(V, c(T.XLen - 1)); }
  Value *intrinsic(Intrinsic::ID ID, Type *Ty, ArrayRef<Value *> Args) {
    return B.CreateIntrinsic(ID, {Ty}, Args);
  }

  Value *binary(Op O, Value *A, Value *V);
  Value *mulDiv(Op O, Value *A, Value *V);
  Value *bitManip(Op O, Value *A, Value *V);
  Value *unary(Op O, Value *A);
  Value *condition(Cond C, Value *A, Value *V);
  uint64_t target(uint64_t PC, int64_t Offset) const {
    return (PC + uint64_t(Offset)) & T.AddrMask;
  }
  Value *indirectTarget(Value *Sum);
  void emit(const Decoded &D, const Rule &R);
  void callHandler(const Decoded &D, const Rule &R);

  const OpcodeRules &Rules;
  const TargetInfo &T;
  LLVMContext &Ctx;
  IRBuilder<InstSimplifyFolder> B;
  Function *F = nullptr;
  Value *Hart = nullptr, *Budget = nullptr;
  BranchInst *EntryEnd = nullptr; // Register and window loads go before it.
  BasicBlock *EntryBlock = nullptr, *LoopHead = nullptr, *Latch = nullptr;
  bool SelfLoop = false;
  std::array<Value *, 32> Cur = {};     // Current value of each X register.
  std::array<Value *, 32> Loaded = {};  // Its load in the entry block.
  std::array<PHINode *, 32> Head = {};  // Self-loops: its phi at the top.
  PHINode *Done = nullptr; // Self-loops: instructions of finished iterations.
  std::bitset<32> Written;
  std::vector<Exit> Exits;
  Window LoadWindow, StoreWindow;
  uint64_t Index = 0;            // The instruction being translated.
  Value *NextPC = nullptr;       // Set by the closing branch or jump,
  Value *Taken = nullptr;        // with whether it transfers control.
};

Translator::Translator(const OpcodeRules &Rules, const TargetInfo &T,
                       Module &M, StringRef Name)
    : Rules(Rules), T(T), Ctx(M.getContext()),
      B(M.getContext(), InstSimplifyFolder(M.getDataLayout())) {
  auto *FT = FunctionType::get(B.getInt64Ty(), {B.getPtrTy(), B.getInt64Ty()},
                               false);
  F = Function::Create(FT, GlobalValue::ExternalLinkage, Name, M);
  // Guest memory never overlaps the Hart, so register values may stay in
  // host registers across guest loads and stores.
  F->addParamAttr(0, Attribute::NoAlias);
  F->addParamAttr(0, Attribute::NonNull);
  F->addFnAttr(Attribute::NoUnwind);
  Hart = F->getArg(0);
  Budget = F->getArg(1);
  EntryBlock = BasicBlock::Create(Ctx, "entry", F);
  B.SetInsertPoint(EntryBlock);
  LoopHead = BasicBlock::Create(Ctx, "i0", F);
  EntryEnd = B.CreateBr(LoopHead);
  B.SetInsertPoint(LoopHead);
}

Value *Translator::entryValue(int64_t R) {
  if (!Loaded[R]) {
    IRBuilder<> Entry(EntryEnd);
    Loaded[R] = Entry.CreateLoad(
        B.getInt64Ty(), hartField(Entry, offsetof(model::Hart, X) + 8 * R));
  }
  return Loaded[R];
}

PHINode *Translator::headPhi(int64_t R) {
  if (!Head[R]) {
    IRBuilder<> Top(LoopHead, LoopHead->begin());
    Head[R] = Top.CreatePHI(B.getInt64Ty(), 2, "x" + Twine(R));
    Head[R]->addIncoming(entryValue(R), EntryBlock);
    Head[R]->addIncoming(Budget, Latch); // A placeholder; see translate().
  }
  return Head[R];
}

Value *Translator::x(int64_t R) {
  if (R == 0)
    return c(0);
  if (!Cur[R])
    Cur[R] = SelfLoop ? headPhi(R) : entryValue(R);
  return Cur[R];
}

// A self-loop carries every register it writes from one iteration to the
// next: an exit before the write stores the previous iteration's value.
void Translator::define(int64_t R, Value *V) {
  if (SelfLoop)
    headPhi(R);
  Cur[R] = V;
  Written.set(R);
}

// Hart::writeX: sign-extend from XLEN, never write x0.
void Translator::setX(int64_t R, Value *V) {
  if (R == 0)
    return;
  if (T.XLen == 32)
    V = sext32v(lo32(V));
  define(R, V);
}

// Latch values of the loop phis; a phi whose register the loop does not
// write stands for the entry load.
void Translator::finishPhis() {
  // All latch values first: Cur may name another register's phi, which only
  // its uses (not Cur) follow when it is folded away below.
  for (unsigned R = 1; R < 32; ++R)
    if (Head[R])
      Head[R]->setIncomingValueForBlock(Latch, Cur[R]);
  for (unsigned R = 1; R < 32; ++R) {
    PHINode *P = Head[R];
    if (P && P->getIncomingValueForBlock(Latch) == P) {
      P->replaceAllUsesWith(Loaded[R]);
      P->eraseFromParent();
    }
  }
}

void Translator::sideExitIf(Value *Cond) {
  BasicBlock *Exit = BasicBlock::Create(Ctx, "exit" + Twine(Index), F);
  BasicBlock *Cont = BasicBlock::Create(Ctx, "i" + Twine(Index), F);
  B.CreateCondBr(Cond, Exit, Cont, MDBuilder(Ctx).createUnlikelyBranchWeights());
  Exits.push_back({Exit, Index, Written, Cur});
  B.SetInsertPoint(Cont);
}

void Translator::storeRegisters(const std::bitset<32> &Which,
                                const std::array<Value *, 32> &Values) {
  for (unsigned R = 1; R < 32; ++R)
    if (Which[R])
      B.CreateStore(Values[R] ? Values[R] : headPhi(R),
                    hartField(B, offsetof(model::Hart, X) + 8 * R));
}

// Returns (retired << 1) | 1: the interpreter continues at instruction
// retired % length of the block.
void Translator::fillExits() {
  for (const Exit &E : Exits) {
    B.SetInsertPoint(E.Block);
    storeRegisters(SelfLoop ? Written : E.Written, E.Values);
    Value *Retired = c(E.Index);
    if (Done)
      Retired = B.CreateAdd(Done, Retired);
    B.CreateRet(B.CreateOr(B.CreateShl(Retired, 1), c(1)));
  }
}

// The windows cannot change while compiled code runs (only the interpreter's
// slow paths install them), so each is read once per block.
Translator::Window &Translator::window(bool ForStore) {
  Window &W = ForStore ? StoreWindow : LoadWindow;
  if (!W.Base) {
    IRBuilder<> Entry(EntryEnd);
    size_t At = ForStore ? offsetof(model::Hart, StoreWindow)
                         : offsetof(model::Hart, LoadWindow);
    W.Base = Entry.CreateLoad(B.getInt64Ty(),
                              hartField(Entry, At + offsetof(AccessWindow, Base)));
    W.Limit = Entry.CreateLoad(
        B.getInt64Ty(), hartField(Entry, At + offsetof(AccessWindow, Limit)));
    W.Host = Entry.CreateLoad(
        B.getPtrTy(), hartField(Entry, At + offsetof(AccessWindow, Host)));
  }
  return W;
}

// Hart::load/store's fast path; anything else leaves to the interpreter,
// whose slow path handles faults, observers, tohost and executable memory.
Value *Translator::hostAddress(const Rule &R, Value *Base, int64_t Imm,
                               bool ForStore) {
  Value *Addr = B.CreateAnd(B.CreateAdd(Base, c(uint64_t(Imm))), c(T.AddrMask));
  Window &W = window(ForStore);
  Value *Off = B.CreateSub(Addr, W.Base);
  Value *Ok = B.CreateICmpULT(Off, W.Limit);
  if (uint64_t AlignBits = (R.Size - 1) & T.AlignCheck)
    Ok = B.CreateAnd(Ok, B.CreateICmpEQ(B.CreateAnd(Addr, c(AlignBits)), c(0)));
  sideExitIf(B.CreateNot(Ok));
  return B.CreateGEP(B.getInt8Ty(), W.Host, Off);
}

Value *Translator::condition(Cond C, Value *A, Value *V) {
  switch (C) {
  case Cond::Eq: return B.CreateICmpEQ(A, V);
  case Cond::Ne: return B.CreateICmpNE(A, V);
  case Cond::Lt: return B.CreateICmpSLT(A, V);
  case Cond::Ge: return B.CreateICmpSGE(A, V);
  case Cond::Ltu: return B.CreateICmpULT(A, V);
  case Cond::Geu: return B.CreateICmpUGE(A, V);
  }
  llvm_unreachable("condition");
}

// I.cpp's ALU and Zicond.cpp.
Value *Translator::binary(Op O, Value *A, Value *V) {
  switch (O) {
  case Op::Add: return B.CreateAdd(A, V);
  case Op::Sub: return B.CreateSub(A, V);
  case Op::And: return B.CreateAnd(A, V);
  case Op::Or: return B.CreateOr(A, V);
  case Op::Xor: return B.CreateXor(A, V);
  // select, not zext: FastISel turns zext i1 into setcc + and + movzx (three
  // dependent host instructions), select into cmp + cmov (one after the
  // compare). On the benchmark's dependency chain this was 15% of the time.
  case Op::Slt: return B.CreateSelect(B.CreateICmpSLT(A, V), c(1), c(0));
  case Op::Sltu: return B.CreateSelect(B.CreateICmpULT(A, V), c(1), c(0));
  case Op::Sll: return B.CreateShl(A, shamt(V));
  case Op::Srl: return B.CreateLShr(xu(A), shamt(V));
  case Op::Sra: return B.CreateAShr(A, shamt(V));
  case Op::AddW: return sext32v(lo32(B.CreateAdd(A, V)));
  case Op::SubW: return sext32v(lo32(B.CreateSub(A, V)));
  case Op::SllW: return sext32v(B.CreateShl(lo32(A), lo32(B.CreateAnd(V, c(31)))));
  case Op::SrlW: return sext32v(B.CreateLShr(lo32(A), lo32(B.CreateAnd(V, c(31)))));
  case Op::SraW: return sext32v(B.CreateAShr(lo32(A), lo32(B.CreateAnd(V, c(31)))));
  case Op::CzeroEqz: return B.CreateSelect(B.CreateICmpEQ(V, c(0)), c(0), A);
  case Op::CzeroNez: return B.CreateSelect(B.CreateICmpNE(V, c(0)), c(0), A);
  default:
    break;
  }
  if (O >= Op::Mul && O <= Op::RemuW)
    return mulDiv(O, A, V);
  return bitManip(O, A, V);
}

// M.cpp.
Value *Translator::mulDiv(Op O, Value *A, Value *V) {
  Type *I64 = B.getInt64Ty(), *I128 = B.getInt128Ty();
  auto high128 = [&](bool SignedA, bool SignedB) {
    Value *WA = SignedA ? B.CreateSExt(A, I128) : B.CreateZExt(A, I128);
    Value *WB = SignedB ? B.CreateSExt(V, I128) : B.CreateZExt(V, I128);
    return B.CreateTrunc(B.CreateLShr(B.CreateMul(WA, WB), 64), I64);
  };
  Value *Zero = B.CreateICmpEQ(V, c(0));
  // Divisor 1 where RISC-V defines the result without dividing.
  auto safe = [&](Value *Special, Value *Divisor) {
    return B.CreateSelect(Special, ConstantInt::get(Divisor->getType(), 1),
                          Divisor);
  };
  switch (O) {
  case Op::Mul: return B.CreateMul(A, V);
  case Op::Mulh:
    if (T.XLen == 32)
      return B.CreateAShr(B.CreateMul(A, V), 32);
    return high128(true, true);
  case Op::Mulhu:
    if (T.XLen == 32)
      return B.CreateLShr(B.CreateMul(zext32v(A), zext32v(V)), 32);
    return high128(false, false);
  case Op::Mulhsu:
    if (T.XLen == 32)
      return B.CreateAShr(B.CreateMul(A, zext32v(V)), 32);
    return high128(true, false);
  case Op::Div:
  case Op::Rem: {
    Value *Overflow = B.CreateAnd(B.CreateICmpEQ(A, c(1ull << 63)),
                                  B.CreateICmpEQ(V, c(~0ull)));
    Value *D = safe(B.CreateOr(Zero, Overflow), V);
    if (O == Op::Div)
      return B.CreateSelect(Zero, c(~0ull),
                            B.CreateSelect(Overflow, A, B.CreateSDiv(A, D)));
    return B.CreateSelect(Zero, A,
                          B.CreateSelect(Overflow, c(0), B.CreateSRem(A, D)));
  }
  case Op::Divu:
  case Op::Remu: {
    Value *UA = xu(A), *UB = xu(V);
    Value *UZero = B.CreateICmpEQ(UB, c(0));
    Value *D = safe(UZero, UB);
    if (O == Op::Divu)
      return B.CreateSelect(UZero, c(~0ull), B.CreateUDiv(UA, D));
    return B.CreateSelect(UZero, UA, B.CreateURem(UA, D));
  }
  case Op::MulW: return sext32v(B.CreateMul(lo32(A), lo32(V)));
  case Op::DivW:
  case Op::RemW:
  case Op::DivuW:
  case Op::RemuW: {
    Value *X = lo32(A), *Y = lo32(V);
    Value *YZero = B.CreateICmpEQ(Y, B.getInt32(0));
    if (O == Op::DivuW)
      return B.CreateSelect(YZero, c(~0ull),
                            sext32v(B.CreateUDiv(X, safe(YZero, Y))));
    if (O == Op::RemuW)
      return sext32v(B.CreateSelect(YZero, X, B.CreateURem(X, safe(YZero, Y))));
    Value *Overflow = B.CreateAnd(B.CreateICmpEQ(X, B.getInt32(0x80000000u)),
                                  B.CreateICmpEQ(Y, B.getInt32(~0u)));
    Value *D = safe(B.CreateOr(YZero, Overflow), Y);
    if (O == Op::DivW)
      return B.CreateSelect(
          YZero, c(~0ull),
          B.CreateSelect(Overflow, sext32v(X), sext32v(B.CreateSDiv(X, D))));
    return B.CreateSelect(
        YZero, sext32v(X),
        B.CreateSelect(Overflow, c(0), sext32v(B.CreateSRem(X, D))));
  }
  default:
    llvm_unreachable("not a multiply or divide");
  }
}

// Zb.cpp (Zba, Zbb, Zbs).
Value *Translator::bitManip(Op O, Value *A, Value *V) {
  Type *I32 = B.getInt32Ty(), *I64 = B.getInt64Ty();
  auto bit = [&]() { return B.CreateShl(c(1), shamt(V)); };
  // rotl/rotr on the XLEN-bit value (RV32: of the low word, zero-extended).
  auto rotate = [&](bool Left, Value *X, unsigned Width) {
    Intrinsic::ID ID = Left ? Intrinsic::fshl : Intrinsic::fshr;
    if (Width == 32) {
      Value *X32 = lo32(X);
      return intrinsic(ID, I32, {X32, X32, lo32(B.CreateAnd(V, c(31)))});
    }
    return intrinsic(ID, I64, {X, X, B.CreateAnd(V, c(63))});
  };
  switch (O) {
  case Op::Sh1Add: return B.CreateAdd(B.CreateShl(A, 1), V);
  case Op::Sh2Add: return B.CreateAdd(B.CreateShl(A, 2), V);
  case Op::Sh3Add: return B.CreateAdd(B.CreateShl(A, 3), V);
  case Op::AddUW: return B.CreateAdd(zext32v(A), V);
  case Op::Sh1AddUW: return B.CreateAdd(B.CreateShl(zext32v(A), 1), V);
  case Op::Sh2AddUW: return B.CreateAdd(B.CreateShl(zext32v(A), 2), V);
  case Op::Sh3AddUW: return B.CreateAdd(B.CreateShl(zext32v(A), 3), V);
  case Op::SllUW: return B.CreateShl(zext32v(A), B.CreateAnd(V, c(63)));
  case Op::Andn: return B.CreateAnd(A, B.CreateNot(V));
  case Op::Orn: return B.CreateOr(A, B.CreateNot(V));
  case Op::Xnor: return B.CreateNot(B.CreateXor(A, V));
  case Op::Max: return B.CreateSelect(B.CreateICmpSGT(A, V), A, V);
  case Op::Min: return B.CreateSelect(B.CreateICmpSLT(A, V), A, V);
  case Op::Maxu: return B.CreateSelect(B.CreateICmpUGT(A, V), A, V);
  case Op::Minu: return B.CreateSelect(B.CreateICmpULT(A, V), A, V);
  case Op::Rol:
  case Op::Ror:
    return B.CreateZExt(rotate(O == Op::Rol, A, T.XLen), I64);
  case Op::RolW:
  case Op::RorW:
    return sext32v(rotate(O == Op::RolW, A, 32));
  case Op::Bclr: return B.CreateAnd(A, B.CreateNot(bit()));
  case Op::Bset: return B.CreateOr(A, bit());
  case Op::Binv: return B.CreateXor(A, bit());
  case Op::Bext: return B.CreateAnd(B.CreateLShr(xu(A), shamt(V)), c(1));
  default:
    llvm_unreachable("not a two-operand bit-manipulation op");
  }
}

Value *Translator::unary(Op O, Value *A) {
  Type *I8 = B.getInt8Ty(), *I16 = B.getInt16Ty(), *I32 = B.getInt32Ty(),
       *I64 = B.getInt64Ty();
  // count*_zero of 0 is the width: the intrinsics' "zero is poison" is off.
  auto count = [&](Intrinsic::ID ID, Value *V) -> Value * {
    Type *Ty = V->getType();
    Value *N = ID == Intrinsic::ctpop ? intrinsic(ID, Ty, {V})
                                      : intrinsic(ID, Ty, {V, B.getFalse()});
    return B.CreateZExt(N, I64);
  };
  switch (O) {
  case Op::Clz:
    return count(Intrinsic::ctlz, T.XLen == 32 ? lo32(A) : A);
  case Op::Ctz:
    return count(Intrinsic::cttz, T.XLen == 32 ? lo32(A) : A);
  case Op::Cpop: return count(Intrinsic::ctpop, xu(A));
  case Op::ClzW: return count(Intrinsic::ctlz, lo32(A));
  case Op::CtzW: return count(Intrinsic::cttz, lo32(A));
  case Op::CpopW: return count(Intrinsic::ctpop, lo32(A));
  case Op::SextB: return B.CreateSExt(B.CreateTrunc(A, I8), I64);
  case Op::SextH: return B.CreateSExt(B.CreateTrunc(A, I16), I64);
  case Op::ZextH: return B.CreateAnd(A, c(0xffff));
  case Op::OrcB: {
    // Each non-zero byte of the XLEN-bit value becomes 0xff.
    auto *Bytes = FixedVectorType::get(I8, 8);
    Value *V = B.CreateBitCast(xu(A), Bytes);
    Value *NonZero = B.CreateICmpNE(V, Constant::getNullValue(Bytes));
    return B.CreateBitCast(B.CreateSExt(NonZero, Bytes), I64);
  }
  case Op::Rev8:
    if (T.XLen == 32)
      return B.CreateZExt(intrinsic(Intrinsic::bswap, I32, {lo32(A)}), I64);
    return intrinsic(Intrinsic::bswap, I64, {A});
  default:
    llvm_unreachable("not a unary op");
  }
}

// Hart::jump's target for JALR / C_JR / C_JALR: bit 0 cleared, masked to
// XLEN; a misaligned target leaves the block so the interpreter raises.
Value *Translator::indirectTarget(Value *Sum) {
  Value *Target = B.CreateAnd(Sum, c(~1ull & T.AddrMask));
  sideExitIf(B.CreateICmpNE(B.CreateAnd(Target, c(T.JumpAlignMask)), c(0)));
  return Target;
}

void Translator::emit(const Decoded &D, const Rule &R) {
  const Operand *Ops = D.Ops;
  uint64_t PC = D.PC, Link = PC + D.Size;
  switch (R.S) {
  case Shape::Unsupported:
    llvm_unreachable("planBlock admits only supported opcodes");
  case Shape::RegReg:
    setX(Ops[0], binary(R.O, x(Ops[1]), x(Ops[2])));
    return;
  case Shape::RegImm:
    setX(Ops[0], binary(R.O, x(Ops[1]), c(uint64_t(Ops[2]))));
    return;
  case Shape::Unary:
    setX(Ops[0], unary(R.O, x(Ops[1])));
    return;
  case Shape::UpperImm:
    setX(Ops[0], c(sext32(uint64_t(Ops[1]) << 12)));
    return;
  case Shape::AddUpperPC:
    setX(Ops[0], c(PC + sext32(uint64_t(Ops[1]) << 12)));
    return;
  case Shape::LoadImm:
    setX(Ops[0], c(uint64_t(Ops[1])));
    return;
  case Shape::Move:
    setX(Ops[0], x(Ops[1]));
    return;
  case Shape::Nop:
    return;
  case Shape::Load: {
    Value *Host = hostAddress(R, x(Ops[1]), Ops[2], /*ForStore=*/false);
    Value *V = B.CreateAlignedLoad(B.getIntNTy(8 * R.Size), Host, Align(1));
    setX(Ops[0], R.Signed ? B.CreateSExt(V, B.getInt64Ty())
                          : B.CreateZExt(V, B.getInt64Ty()));
    return;
  }
  case Shape::Store: {
    Value *Data = B.CreateTrunc(x(Ops[0]), B.getIntNTy(8 * R.Size));
    Value *Host = hostAddress(R, x(Ops[1]), Ops[2], /*ForStore=*/true);
    B.CreateAlignedStore(Data, Host, Align(1));
    return;
  }
  case Shape::Branch:
    Taken = condition(R.C, x(Ops[0]), x(Ops[1]));
    NextPC = B.CreateSelect(Taken, c(target(PC, Ops[2])), c(Link));
    return;
  case Shape::BranchZero:
    Taken = condition(R.C, x(Ops[0]), c(0));
    NextPC = B.CreateSelect(Taken, c(target(PC, Ops[1])), c(Link));
    return;
  case Shape::Jal:
    setX(Ops[0], c(Link));
    NextPC = c(target(PC, Ops[1]));
    Taken = B.getTrue();
    return;
  case Shape::JumpImm:
    if (R.Link)
      setX(R.Link, c(Link));
    NextPC = c(target(PC, Ops[0]));
    Taken = B.getTrue();
    return;
  case Shape::Jalr: // Reads rs1 before writing rd (they may be the same).
    NextPC = indirectTarget(B.CreateAdd(x(Ops[1]), c(uint64_t(Ops[2]))));
    setX(Ops[0], c(Link));
    return;
  case Shape::JumpReg:
    NextPC = indirectTarget(x(Ops[0]));
    if (R.Link)
      setX(R.Link, c(Link));
    return;
  case Shape::Call:
    callHandler(D, R);
    return;
  }
}

// The run loop's step for one slot, for handlers that touch only F
// registers, fcsr, mstatus.FS, the pending event and (ReadsX/WritesX) X
// registers: the X source (Ops[1]) goes to the Hart before the call (its
// home may be ahead of the Hart, also from an earlier iteration of a
// self-loop), the written X register (Ops[0]) comes back after. A raising handler changed nothing,
// so the block leaves before the instruction and the interpreter raises.
void Translator::callHandler(const Decoded &D, const Rule &R) {
  if (R.ReadsX && D.Ops[1] != 0)
    B.CreateStore(x(D.Ops[1]),
                  hartField(B, offsetof(model::Hart, X) + 8 * D.Ops[1]));
  B.CreateStore(c(D.PC), hartField(B, offsetof(model::Hart, PC)));
  auto *FT = FunctionType::get(B.getInt8Ty(), {B.getPtrTy(), B.getPtrTy()},
                               false);
  static_assert(sizeof(StepStatus) == 1, "handlers return one byte");
  Value *Fn = ConstantExpr::getIntToPtr(
      B.getInt64(reinterpret_cast<uintptr_t>(D.Fn)), B.getPtrTy());
  Value *Slot = ConstantExpr::getIntToPtr(
      B.getInt64(reinterpret_cast<uintptr_t>(&D)), B.getPtrTy());
  CallInst *Status = B.CreateCall(FT, Fn, {Hart, Slot});
  Status->addFnAttr(Attribute::NoUnwind);
  sideExitIf(B.CreateICmpNE(
      Status, B.getInt8(uint8_t(StepStatus::Retired))));
  if (R.WritesX && D.Ops[0] != 0) {
    define(D.Ops[0],
           B.CreateLoad(B.getInt64Ty(),
                        hartField(B, offsetof(model::Hart, X) + 8 * D.Ops[0])));
  }
}

// Returns retired << 1; the next pc is in the Hart if the block ends in a
// branch or jump.
void Translator::translate(const BlockPlan &Plan) {
  uint64_t Length = Plan.Insts.size();
  // The phis at the top of a self-loop get their values from the latch only
  // once the body is translated. Until then they take an opaque placeholder
  // (the budget argument) from it: InstSimplify folds an operation on a phi
  // when it folds to the same value for every incoming value, which must not
  // happen on the entry value alone.
  SelfLoop = Plan.SelfLoop;
  if (SelfLoop) {
    Latch = BasicBlock::Create(Ctx, "latch", F);
    IRBuilder<> Top(LoopHead);
    Done = Top.CreatePHI(B.getInt64Ty(), 2, "done");
    Done->addIncoming(c(0), EntryBlock);
    Done->addIncoming(Budget, Latch);
  }
  for (Index = 0; Index < Length; ++Index) {
    const Decoded &D = *Plan.Insts[Index];
    emit(D, Rules[D.Opcode]);
  }
  Value *Retired = c(Length);
  if (Plan.SelfLoop) {
    // Go round again if the branch is taken and the step budget (at least
    // one iteration when the block was entered) allows another iteration.
    Retired = B.CreateAdd(Done, c(Length));
    Value *Again = B.CreateAnd(
        Taken, B.CreateICmpUGE(B.CreateSub(Budget, Retired), c(Length)));
    BasicBlock *Leave = BasicBlock::Create(Ctx, "leave", F);
    B.CreateCondBr(Again, Latch, Leave);
    B.SetInsertPoint(Latch);
    Done->setIncomingValueForBlock(Latch, Retired);
    B.CreateBr(LoopHead);
    B.SetInsertPoint(Leave);
    storeRegisters(Written, Cur);
    if (Plan.EndsInControl)
      B.CreateStore(NextPC, hartField(B, offsetof(model::Hart, PC)));
    B.CreateRet(B.CreateShl(Retired, 1));
    fillExits();
    finishPhis();
    return;
  }
  storeRegisters(Written, Cur);
  if (Plan.EndsInControl)
    B.CreateStore(NextPC, hartField(B, offsetof(model::Hart, PC)));
  B.CreateRet(B.CreateShl(Retired, 1));
  fillExits();
}

} // namespace

Expected<std::unique_ptr<Module>>
translateBlock(const BlockPlan &Plan, const OpcodeRules &Rules,
               const TargetInfo &T, LLVMContext &Ctx, StringRef Name,
               bool Verify) {
  auto M = std::make_unique<Module>(Name, Ctx);
  Translator Tr(Rules, T, *M, Name);
  Tr.translate(Plan);
  std::string Problems;
  raw_string_ostream OS(Problems);
  if (Verify && verifyFunction(*Tr.function(), &OS))
    return createStringError(inconvertibleErrorCode(),
                             "compiled-tier translation of the block at 0x" +
                                 utohexstr(Plan.Insts.front()->PC) +
                                 " is invalid IR: " + Problems);
  return M;
}

} // namespace snipgen::model::jit
