//===- BlockLowering.cpp - What each instruction of a direct block becomes ===//
#include "JIT/X86/BlockLowering.h"

#include "llvm/Support/KnownBits.h"
#include <array>
#include <memory>
#include <optional>

using llvm::APInt;
using llvm::KnownBits;

namespace snipgen::model::jit::x86 {

bool directRegReg(Op O) {
  switch (O) {
  case Op::Add: case Op::Sub: case Op::And: case Op::Or: case Op::Xor:
  case Op::Slt: case Op::Sltu: case Op::Sll: case Op::Srl: case Op::Sra:
  case Op::AddW: case Op::SubW: case Op::SllW: case Op::SrlW: case Op::SraW:
  case Op::Mul: case Op::MulW: case Op::Sh1Add: case Op::Sh2Add:
  case Op::Sh3Add: case Op::Andn: case Op::Max: case Op::Min: case Op::Maxu:
  case Op::Minu:
    return true;
  default:
    return false;
  }
}

bool directRegImm(Op O) {
  switch (O) {
  case Op::Add: case Op::And: case Op::Or: case Op::Xor: case Op::Slt:
  case Op::Sltu: case Op::Sll: case Op::Srl: case Op::Sra: case Op::AddW:
  case Op::SllW: case Op::SrlW: case Op::SraW:
    return true;
  default:
    return false;
  }
}

std::bitset<32> Lowered::reads(const Decoded &D, const Rule &R) const {
  std::bitset<32> Set;
  switch (K) {
  case RegReg:
    Set.set(Rs1).set(Rs2);
    break;
  case RegImm:
  case Copy:
  case Load:
    Set.set(Rs1);
    break;
  case Store:
    Set.set(Rs1).set(Rs2);
    break;
  case Control:
    if (R.S == Shape::Branch)
      Set.set(unsigned(D.Ops[0])).set(unsigned(D.Ops[1]));
    else if (R.S == Shape::BranchZero)
      Set.set(unsigned(D.Ops[0]));
    break;
  default:
    break;
  }
  return Set;
}

namespace {

bool fitsInt32(uint64_t V) { return int64_t(V) == int64_t(int32_t(V)); }
uint64_t sext32(uint64_t V) { return uint64_t(int64_t(int32_t(V))); }

// The immediate form of O with a known second source V, if there is one.
bool immediateForm(Op O, uint64_t V, Op &ImmOp, int64_t &Imm) {
  ImmOp = O;
  Imm = int64_t(V);
  switch (O) {
  case Op::Sll: case Op::Srl: case Op::Sra:
    Imm = int64_t(V & 63);
    return true;
  case Op::SllW: case Op::SrlW: case Op::SraW:
    Imm = int64_t(V & 31);
    return true;
  case Op::Add: case Op::And: case Op::Or: case Op::Xor: case Op::Slt:
  case Op::Sltu: case Op::AddW:
    return fitsInt32(V);
  case Op::Sub:
    ImmOp = Op::Add;
    Imm = int64_t(0 - V);
    return fitsInt32(0 - V);
  case Op::SubW: // Only the low word of the difference counts.
    ImmOp = Op::AddW;
    Imm = int64_t(int32_t(uint32_t(0 - V)));
    return true;
  default:
    return false;
  }
}

KnownBits constantBits(uint64_t V) { return KnownBits::makeConstant(APInt(64, V)); }

// The bits of a shift amount: its low Width bits, the rest zero.
KnownBits shiftAmount(KnownBits B, unsigned Width) {
  APInt Mask = APInt::getLowBitsSet(64, Width);
  B.Zero |= ~Mask;
  B.One &= Mask;
  return B;
}

KnownBits word(const KnownBits &B) { return B.trunc(32); }

// What is known of O(A, B)'s bits, by LLVM's KnownBits rules (those
// InstSimplify folds with), for the ops of directRegReg/directRegImm
// mirroring their handlers (RV64).
KnownBits transfer(Op O, const KnownBits &A, const KnownBits &B) {
  auto boolean = [](std::optional<bool> Decided) {
    if (Decided)
      return constantBits(*Decided);
    KnownBits R(64);
    R.Zero = ~APInt(64, 1); // 0 or 1.
    return R;
  };
  switch (O) {
  case Op::Add: return KnownBits::add(A, B);
  case Op::Sub: return KnownBits::sub(A, B);
  case Op::And: return A & B;
  case Op::Or: return A | B;
  case Op::Xor: return A ^ B;
  case Op::Slt: return boolean(KnownBits::slt(A, B));
  case Op::Sltu: return boolean(KnownBits::ult(A, B));
  case Op::Sll: return KnownBits::shl(A, shiftAmount(B, 6));
  case Op::Srl: return KnownBits::lshr(A, shiftAmount(B, 6));
  case Op::Sra: return KnownBits::ashr(A, shiftAmount(B, 6));
  case Op::AddW: return KnownBits::add(word(A), word(B)).sext(64);
  case Op::SubW: return KnownBits::sub(word(A), word(B)).sext(64);
  case Op::SllW: return KnownBits::shl(word(A), word(shiftAmount(B, 5))).sext(64);
  case Op::SrlW: return KnownBits::lshr(word(A), word(shiftAmount(B, 5))).sext(64);
  case Op::SraW: return KnownBits::ashr(word(A), word(shiftAmount(B, 5))).sext(64);
  case Op::Mul: return KnownBits::mul(A, B);
  case Op::MulW: return KnownBits::mul(word(A), word(B)).sext(64);
  case Op::Sh1Add:
  case Op::Sh2Add:
  case Op::Sh3Add: {
    unsigned By = O == Op::Sh1Add ? 1 : O == Op::Sh2Add ? 2 : 3;
    return KnownBits::add(KnownBits::shl(A, constantBits(By)), B);
  }
  case Op::Andn: {
    KnownBits NotB = B;
    std::swap(NotB.Zero, NotB.One);
    return A & NotB;
  }
  case Op::Max: return KnownBits::smax(A, B);
  case Op::Min: return KnownBits::smin(A, B);
  case Op::Maxu: return KnownBits::umax(A, B);
  case Op::Minu: return KnownBits::umin(A, B);
  default:
    return KnownBits(64);
  }
}

class Lowering {
public:
  Lowering(const BlockPlan &Plan, const OpcodeRules &Rules,
           const TargetInfo &T)
      : Plan(Plan), Rules(Rules), T(T) {
    for (unsigned R = 0; R < 32; ++R)
      ValueOf[R] = R; // Each register's entry value is its own.
    Known.set(0);     // x0.
    Bits.fill(KnownBits(64));
    Bits[0] = constantBits(0);
  }

  std::vector<Lowered> run();

private:
  Lowered lower(const Decoded &D, const Rule &R);
  Lowered regReg(Op O, unsigned Rd, unsigned Rs1, unsigned Rs2);
  Lowered regImm(Op O, unsigned Rd, unsigned Rs1, int64_t Imm);
  Lowered copy(unsigned Rd, unsigned Rs);
  Lowered computed(Lowered::Kind K, Op O, unsigned Rd, unsigned Rs1,
                   unsigned Rs2, int64_t Imm);
  Lowered constant(unsigned Rd, uint64_t V);
  bool known(unsigned R, uint64_t &V) const {
    V = Values[R];
    return Known[R];
  }
  bool fold(const Decoded &D, const Rule &R, uint64_t &V);
  void kill(std::vector<Lowered> &Out) const;

  const BlockPlan &Plan;
  const OpcodeRules &Rules;
  const TargetInfo &T;
  std::bitset<32> Known;
  std::array<uint64_t, 32> Values = {};
  // Value numbers: registers with the same number hold the same value.
  std::array<uint32_t, 32> ValueOf;
  std::array<KnownBits, 32> Bits; // What is known of each value's bits.
  uint32_t NextValue = 32;
  std::unique_ptr<Hart> Scratch; // fold() runs handlers on it.
};

Lowered Lowering::constant(unsigned Rd, uint64_t V) {
  Known.set(Rd);
  Values[Rd] = V;
  ValueOf[Rd] = NextValue++;
  Bits[Rd] = constantBits(V);
  Lowered L;
  L.K = Lowered::Constant;
  L.Rd = uint8_t(Rd);
  L.Value = V;
  return L;
}

Lowered Lowering::copy(unsigned Rd, unsigned Rs) {
  uint64_t V;
  if (known(Rs, V))
    return constant(Rd, V);
  Known.reset(Rd);
  ValueOf[Rd] = ValueOf[Rs];
  Bits[Rd] = Bits[Rs];
  Lowered L;
  L.K = Lowered::Copy;
  L.Rd = uint8_t(Rd);
  L.Rs1 = uint8_t(Rs);
  return L;
}

// An instruction whose sources are all known computes a known value: the
// interpreter's own handler computes it, on a scratch hart.
bool Lowering::fold(const Decoded &D, const Rule &R, uint64_t &V) {
  unsigned Sources[2] = {unsigned(D.Ops[1]),
                         R.S == Shape::RegReg ? unsigned(D.Ops[2]) : 0u};
  uint64_t In[2];
  if (!known(Sources[0], In[0]) || !known(Sources[1], In[1]))
    return false;
  if (!Scratch) {
    Scratch = std::make_unique<Hart>();
    Scratch->XLen = T.XLen;
    Scratch->XShift = 64 - T.XLen;
  }
  Scratch->X[0] = 0;
  for (unsigned K = 0; K < 2; ++K)
    if (Sources[K])
      Scratch->X[Sources[K]] = In[K];
  if (D.Fn(*Scratch, D) != StepStatus::Retired)
    return false;
  V = Scratch->X[unsigned(D.Ops[0])];
  return true;
}

Lowered Lowering::regImm(Op O, unsigned Rd, unsigned Rs1, int64_t Imm) {
  bool Shift = O == Op::Sll || O == Op::Srl || O == Op::Sra;
  if (Imm == 0 && (O == Op::Add || O == Op::Or || O == Op::Xor))
    return copy(Rd, Rs1);
  if (Shift && (Imm & 63) == 0)
    return copy(Rd, Rs1);
  if (O == Op::And && (Imm == 0 || Imm == -1))
    return Imm ? copy(Rd, Rs1) : constant(Rd, 0);
  if (O == Op::Or && Imm == -1)
    return constant(Rd, ~0ull);
  if (O == Op::Sltu && Imm == 0) // Nothing is below 0.
    return constant(Rd, 0);
  return computed(Lowered::RegImm, O, Rd, Rs1, 0, Imm);
}

// Rd gets a new value, computed by host code.
Lowered Lowering::computed(Lowered::Kind K, Op O, unsigned Rd, unsigned Rs1,
                           unsigned Rs2, int64_t Imm) {
  Known.reset(Rd);
  ValueOf[Rd] = NextValue++;
  Lowered L;
  L.K = K;
  L.O = O;
  L.Rd = uint8_t(Rd);
  L.Rs1 = uint8_t(Rs1);
  L.Rs2 = uint8_t(Rs2);
  L.Imm = Imm;
  return L;
}

Lowered Lowering::regReg(Op O, unsigned Rd, unsigned Rs1, unsigned Rs2) {
  if (ValueOf[Rs1] == ValueOf[Rs2]) {
    switch (O) {
    case Op::Sub: case Op::Xor: case Op::SubW: case Op::Slt: case Op::Sltu:
      return constant(Rd, 0);
    case Op::And: case Op::Or: case Op::Max: case Op::Min: case Op::Maxu:
    case Op::Minu:
      return copy(Rd, Rs1);
    default:
      break;
    }
  }
  uint64_t K;
  Op ImmOp;
  int64_t Imm;
  if (known(Rs2, K)) {
    if (immediateForm(O, K, ImmOp, Imm))
      return regImm(ImmOp, Rd, Rs1, Imm);
    if (O == Op::Mul && K <= 1)
      return K ? copy(Rd, Rs1) : constant(Rd, 0);
  }
  bool Commutes = O == Op::Add || O == Op::And || O == Op::Or ||
                  O == Op::Xor || O == Op::AddW || O == Op::Mul;
  if (Commutes && known(Rs1, K)) {
    if (O == Op::Mul)
      return regReg(O, Rd, Rs2, Rs1); // The known one second (above).
    if (fitsInt32(K))
      return regImm(O, Rd, Rs2, int64_t(K));
  }
  return computed(Lowered::RegReg, O, Rd, Rs1, Rs2, 0);
}

Lowered Lowering::lower(const Decoded &D, const Rule &R) {
  const Operand *Ops = D.Ops;
  unsigned Rd = unsigned(Ops[0]);
  if (isControl(R.S)) {
    // A link register gets a known value; the jump is emitted at the end.
    unsigned Link = R.S == Shape::Jal ? Rd : R.S == Shape::JumpImm ? R.Link : 0;
    if (Link)
      constant(Link, D.PC + D.Size);
    Lowered L;
    L.K = Lowered::Control;
    L.Rd = uint8_t(Link);
    L.Value = D.PC + D.Size;
    return L;
  }
  if (R.S == Shape::Load || R.S == Shape::Store) {
    Lowered L;
    L.K = R.S == Shape::Load ? Lowered::Load : Lowered::Store;
    L.Rs1 = uint8_t(Ops[1]);
    L.Imm = int64_t(Ops[2]);
    L.Size = R.Size;
    L.Signed = R.Signed;
    if (L.K == Lowered::Store) {
      L.Rs2 = uint8_t(Rd);
    } else if (Rd) { // A load into x0 still checks (it may fault).
      L.Rd = uint8_t(Rd);
      Known.reset(Rd);
      ValueOf[Rd] = NextValue++;
      KnownBits B(64);
      if (!R.Signed && R.Size < 8)
        B.Zero = ~APInt::getLowBitsSet(64, 8 * R.Size);
      Bits[Rd] = B;
    }
    return L;
  }
  if (R.S == Shape::Nop || Rd == 0)
    return Lowered(); // Writes x0 only: no effect.
  uint64_t V;
  if (R.S == Shape::RegReg || R.S == Shape::RegImm) {
    if (fold(D, R, V))
      return constant(Rd, V);
    unsigned Rs1 = unsigned(Ops[1]);
    KnownBits Result =
        transfer(R.O, Bits[Rs1],
                 R.S == Shape::RegReg ? Bits[unsigned(Ops[2])]
                                      : constantBits(uint64_t(int64_t(Ops[2]))));
    if (!Result.hasConflict() && Result.isConstant())
      return constant(Rd, Result.getConstant().getZExtValue());
    Lowered L = R.S == Shape::RegReg
                    ? regReg(R.O, Rd, Rs1, unsigned(Ops[2]))
                    : regImm(R.O, Rd, Rs1, int64_t(Ops[2]));
    if (L.K != Lowered::Constant)
      Bits[Rd] = Result.hasConflict() ? KnownBits(64) : Result;
    return L;
  }
  switch (R.S) {
  case Shape::UpperImm:
    return constant(Rd, sext32(uint64_t(int64_t(Ops[1])) << 12));
  case Shape::AddUpperPC:
    return constant(Rd, D.PC + sext32(uint64_t(int64_t(Ops[1])) << 12));
  case Shape::LoadImm:
    return constant(Rd, uint64_t(int64_t(Ops[1])));
  case Shape::Move:
    return copy(Rd, unsigned(Ops[1]));
  default:
    return Lowered();
  }
}

// Backwards: a result no later instruction reads, and that a later one
// overwrites, is dead (every register is read at the end: the Hart gets
// it).
void Lowering::kill(std::vector<Lowered> &Out) const {
  std::bitset<32> Live;
  Live.set();
  for (size_t I = Out.size(); I-- > 0;) {
    Lowered &L = Out[I];
    const Decoded &D = *Plan.Insts[I];
    const Rule &R = Rules[D.Opcode];
    if (L.K == Lowered::Skip)
      continue;
    if (L.mayExit()) {
      if (L.K == Lowered::Load && !Live[L.Rd])
        L.Rd = 0; // Dead: only the access check is left.
      Live.set(); // Everything reaches the Hart if the block leaves here.
      continue;
    }
    if (L.K != Lowered::Control) {
      if (!Live[L.Rd]) {
        L = Lowered();
        continue;
      }
      Live.reset(L.Rd);
    }
    Live |= L.reads(D, R);
  }
}

std::vector<Lowered> Lowering::run() {
  std::vector<Lowered> Out;
  Out.reserve(Plan.Insts.size());
  for (const Decoded *D : Plan.Insts)
    Out.push_back(lower(*D, Rules[D->Opcode]));
  kill(Out);
  return Out;
}

} // namespace

std::vector<Lowered> lowerBlock(const BlockPlan &Plan, const OpcodeRules &Rules,
                                const TargetInfo &T) {
  return Lowering(Plan, Rules, T).run();
}

} // namespace snipgen::model::jit::x86
