//===- Predecoder.cpp - Decode templates learned from LLVM ----------------===//
#include "Predecoder.h"

#include <algorithm>

namespace snipgen::model {

bool Predecoder::agrees(const Template &T, uint32_t Encoding,
                        ReferenceFn Reference) {
  Decoded Want, Got;
  if (!Reference(Encoding, T.Size, Want))
    return false;
  apply(T, Encoding, Got);
  if (Want.Opcode != Got.Opcode || Want.NumOps != Got.NumOps)
    return false;
  for (unsigned I = 0; I < Want.NumOps; ++I)
    if (Want.Ops[I] != Got.Ops[I])
      return false;
  return true;
}

bool Predecoder::finishRuns(Template &T) {
  bool Fits = true;
  // Runs come sorted by operand (learn() finds them operand by operand).
  for (unsigned I = 0; I < T.NumRuns; ++I) {
    Run &R = T.Runs[I];
    bool Continues = I > 0 && T.Runs[I - 1].Op == R.Op;
    R.Keep = Continues;
    int64_t Add = Continues ? 0 : T.Base[R.Op];
    R.Add = int32_t(Add);
    Fits &= R.Add == Add;
  }
  for (unsigned I = T.NumRuns; I < MaxRuns; ++I) {
    Run &R = T.Runs[I];
    R.Mult = 0;
    R.Mask = 0;
    R.Shift = 0;
    if (I == 0) { // No operand bits: Ops[0] = its constant.
      R.Op = 0;
      R.Keep = 0;
      R.Add = int32_t(T.Base[0]);
      Fits &= R.Add == T.Base[0];
    } else { // The previous run's operand again, unchanged.
      R.Op = T.Runs[I - 1].Op;
      R.Keep = 1;
      R.Add = 0;
    }
  }
  // Every value an operand can take must fit an Operand (32 bits): bound
  // it by its constant plus the largest magnitude of each run.
  int64_t Lo[MaxOperands], Hi[MaxOperands];
  for (unsigned Op = 0; Op < MaxOperands; ++Op)
    Lo[Op] = Hi[Op] = T.Base[Op];
  for (unsigned I = 0; I < T.NumRuns; ++I) {
    const Run &R = T.Runs[I];
    int64_t Extreme = int64_t(R.Mask) * R.Mult;
    (Extreme < 0 ? Lo : Hi)[R.Op] += Extreme;
  }
  for (unsigned Op = 0; Op < MaxOperands; ++Op) {
    Fits &= Operand::fits(Lo[Op]) && Operand::fits(Hi[Op]);
    T.Init[Op] = T.Base[Op];
  }
  return Fits;
}

void Predecoder::insert(Template T) {
  uint32_t Id = uint32_t(Templates.size());
  if (T.Reject)
    ++Rejected;
  // Every bucket whose key bits agree with the template's fixed bits.
  uint32_t KeyMask = T.Size == 4 ? 0x707f : 0xe003;
  uint32_t SubMask = T.Size == 4 ? 0xfe000000u : 0x1c60u;
  unsigned NumSubKeys = T.Size == 4 ? SubKeys : 32;
  for (uint32_t Key = 0; Key < 1024; ++Key) {
    uint32_t Bits = T.Size == 4 ? ((Key >> 7 & 7) << 12 | (Key & 0x7f))
                                : ((Key >> 2 & 7) << 13 | (Key & 3));
    if (T.Size == 2 && Key >= Buckets16)
      break;
    if (((Bits ^ T.Match) & T.Mask & KeyMask) != 0)
      continue;
    Bucket &B = Index[bucketOf(Bits, T.Size)];
    B.List.push_back({T.Mask, T.Match, Id, T.Reject});
    if (B.List.size() < 2)
      continue;
    // Split (again) by the second-level key, keeping the order.
    B.Split.reset(new llvm::SmallVector<Entry, 1>[SubKeys]);
    for (unsigned K = 0; K < NumSubKeys; ++K) {
      uint32_t Sub = subKeyBits(K, T.Size);
      for (const Entry &E : B.List)
        if (((Sub ^ E.Match) & E.Mask & SubMask) == 0)
          B.Split[K].push_back(E);
    }
  }
  Templates.push_back(std::move(T));
}

void Predecoder::learn(uint32_t E0, unsigned Size, const Decoded &Ref,
                       ReferenceFn Reference) {
  // Templates are few (one or a few per opcode in use); this bounds the
  // work a stream of odd encodings can cause.
  if (Templates.size() >= 8192)
    return;
  Template T;
  T.Size = uint8_t(Size);
  T.Opcode = Ref.Opcode;
  T.NumOps = Ref.NumOps;
  T.Fn = Ref.Fn;
  unsigned Bits = Size * 8;
  // Weight of bit I in operand K (0: the bit does not feed K).
  int64_t Weight[32][MaxOperands] = {};
  uint32_t OperandBits[MaxOperands] = {};
  for (unsigned I = 0; I < Bits; ++I) {
    uint32_t E1 = E0 ^ (1u << I);
    Decoded D1;
    bool Operand = false;
    if (Reference(E1, Size, D1) && D1.Opcode == Ref.Opcode &&
        D1.NumOps == Ref.NumOps) {
      int64_t Sign = (E0 >> I & 1) ? -1 : 1;
      for (unsigned K = 0; K < Ref.NumOps; ++K)
        if (int64_t Delta = D1.Ops[K] - Ref.Ops[K]) {
          Weight[I][K] = Delta * Sign;
          OperandBits[K] |= 1u << I;
          Operand = true;
        }
    }
    if (!Operand)
      T.Mask |= 1u << I;
  }
  if (Size == 2)
    T.Mask |= 0xffff0000u; // The upper half is not part of the encoding.
  T.Match = E0 & T.Mask;
  unsigned RunsFound = 0;
  bool Representable = true; // Weights and constants fit a Run.
  for (unsigned K = 0; K < Ref.NumOps; ++K) {
    T.Base[K] = Ref.Ops[K];
    for (unsigned I = 0; I < Bits; ++I)
      if (E0 >> I & 1)
        T.Base[K] -= Weight[I][K];
    // Runs of consecutive bits whose weights double.
    for (unsigned I = 0; I < Bits;) {
      if (!Weight[I][K]) {
        ++I;
        continue;
      }
      unsigned Width = 1;
      while (I + Width < Bits &&
             Weight[I + Width][K] == Weight[I][K] * (int64_t(1) << Width) &&
             Width < 31)
        ++Width;
      if (T.NumRuns < MaxRuns) {
        Run &R = T.Runs[T.NumRuns];
        R.Mult = int32_t(Weight[I][K]);
        Representable &= R.Mult == Weight[I][K];
        R.Mask = (1u << Width) - 1;
        R.Op = uint8_t(K);
        R.Shift = uint8_t(I);
      }
      ++RunsFound; // Counted past MaxRuns too.
      T.NumRuns = uint8_t(std::min<unsigned>(RunsFound, MaxRuns));
      I += Width;
    }
  }

  Representable &= finishRuns(T) && RunsFound <= MaxRuns;

  // Check it against LLVM on encodings of its space.
  auto Random = [&] {
    Rng ^= Rng << 13, Rng ^= Rng >> 7, Rng ^= Rng << 17;
    return uint32_t(Rng);
  };
  uint32_t Free = ~T.Mask & (Size == 4 ? ~0u : 0xffffu);
  // A template that cannot hold its runs: its encodings go to LLVM.
  bool Good = Representable && agrees(T, E0, Reference);
  auto Check = [&](uint32_t E) {
    if (Good)
      Good = agrees(T, T.Match | (E & Free), Reference);
  };
  auto Deposit = [](uint32_t FieldMask, uint32_t Value) {
    uint32_t Out = 0; // Value's low bits spread over FieldMask's bits.
    for (unsigned I = 0, J = 0; I < 32; ++I)
      if (FieldMask >> I & 1)
        Out |= (Value >> J++ & 1) << I;
    return Out;
  };
  uint32_t AllOperandBits = Free;
  for (unsigned K = 0; K < T.NumOps && Good; ++K) {
    uint32_t F = OperandBits[K];
    if (!F)
      continue;
    unsigned N = unsigned(__builtin_popcount(F));
    // Every value with the other operands at zero: where LLVM has special
    // encodings (hints with rd = x0, UNIMP = csrrw x0, cycle, x0, prefetch =
    // ori x0, rs1, imm with imm[4:0] = 0, pause = fence w, 0, NTL hints).
    if (N <= 12)
      for (uint32_t V = 0; V < (1u << N) && Good; ++V)
        Check((E0 & ~AllOperandBits) | Deposit(F, V));
    if (N <= 6) {
      for (uint32_t V = 0; V < (1u << N); ++V)
        Check((E0 & ~F) | Deposit(F, V));
      continue;
    }
    Check(E0 & ~F);
    Check(E0 | F);
    for (unsigned J = 0; J < N; ++J) {
      Check((E0 & ~F) | Deposit(F, 1u << J));
      Check((E0 | F) & ~Deposit(F, 1u << J));
    }
    for (unsigned J = 0; J < 8; ++J)
      Check((E0 & ~F) | (Random() & F));
  }
  // Operands at zero together, the others random.
  for (unsigned Set = 0; Set < (1u << T.NumOps) && Good; ++Set)
    for (unsigned J = 0; J < 2; ++J) {
      uint32_t E = Random();
      for (unsigned K = 0; K < T.NumOps; ++K)
        if (Set >> K & 1)
          E &= ~OperandBits[K];
      Check(E);
    }
  for (unsigned J = 0; J < 32; ++J)
    Check(Random());
  if (!Good) {
    T.Reject = true;
    T.NumRuns = 0;
    finishRuns(T);
  }
  insert(std::move(T));
}

} // namespace snipgen::model
