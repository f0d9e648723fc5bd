//===- RegisterCache.cpp - Guest X registers held in host registers -------===//
#include "JIT/X86/RegisterCache.h"

#include <cassert>

namespace snipgen::model::jit::x86 {

// Built backwards: an instruction's reads come after its write in the
// walk, so an instruction that reads and writes R reads it (rd = rd op rs).
// A value is Killed only if no side exit comes before its overwrite.
NextUse::NextUse(const std::vector<std::bitset<32>> &Reads,
                 const std::vector<std::bitset<32>> &Writes,
                 const std::vector<bool> &MayExit) {
  size_t N = Reads.size();
  Table.assign((N + 1) * 32, NotAgain);
  for (size_t I = N; I-- > 0;) {
    uint16_t *Row = &Table[I * 32];
    const uint16_t *Next = &Table[(I + 1) * 32];
    for (unsigned R = 0; R < 32; ++R) {
      Row[R] = Next[R];
      if (Writes[I][R])
        Row[R] = Killed;
      if (Reads[I][R])
        Row[R] = uint16_t(I);
      if (MayExit[I] && Row[R] == Killed)
        Row[R] = NotAgain; // The exit needs the value.
    }
  }
}

RegisterCache::RegisterCache(Assembler &A, const NextUse &Uses, Gpr Hart,
                             int32_t XOffset, std::vector<Gpr> Allocatable)
    : A(A), Uses(Uses), Hart(Hart), XOffset(XOffset),
      Allocatable(std::move(Allocatable)) {
  HostOf.fill(NoGpr);
  GuestOf.fill(-1);
}

void RegisterCache::bindHost(unsigned R, Gpr H) {
  HostOf[R] = H;
  GuestOf[H] = int8_t(R);
}

// A known value needs no store: flush() writes it, or a later write
// makes it dead.
void RegisterCache::evict(Gpr H, size_t Index) {
  unsigned G = unsigned(GuestOf[H]);
  if (Uses.at(Index, G) == NextUse::Killed) {
    Dirty.reset(G);
  } else if (Dirty[G] && !Known[G]) {
    A.store(Hart, homeOf(G), H);
    Dirty.reset(G);
  }
  HostOf[G] = NoGpr;
  GuestOf[H] = -1;
}

void RegisterCache::defineConstant(unsigned R, uint64_t V) {
  assert(R != 0 && "x0 is never written");
  if (Gpr H = HostOf[R]; H != NoGpr) {
    HostOf[R] = NoGpr;
    GuestOf[H] = -1;
  }
  Known.set(R);
  Value[R] = V;
  Dirty.set(R);
}

// A free register if there is one, else the one whose guest is needed
// furthest ahead (a clean one among equals: no store).
Gpr RegisterCache::take(size_t Index, uint32_t KeepHosts) {
  Gpr Victim = NoGpr;
  uint32_t BestKey = 0;
  for (Gpr H : Allocatable) {
    if (KeepHosts & bit(H))
      continue;
    if (GuestOf[H] < 0) {
      Used |= bit(H);
      return H;
    }
    unsigned G = unsigned(GuestOf[H]);
    uint32_t Key = (uint32_t(Uses.at(Index, G)) << 1) | !Dirty[G];
    if (Victim == NoGpr || Key > BestKey) {
      Victim = H;
      BestKey = Key;
    }
  }
  assert(Victim != NoGpr && "more registers kept than allocatable");
  evict(Victim, Index);
  return Victim;
}

Gpr RegisterCache::read(unsigned R, size_t Index, uint32_t KeepHosts) {
  if (HostOf[R] != NoGpr)
    return HostOf[R];
  Gpr H = take(Index, KeepHosts);
  if (Known[R])
    A.movImm(H, Value[R]);
  else
    A.load(H, Hart, homeOf(R));
  DefinedAt[H] = 0;
  bindHost(R, H);
  return H;
}

Gpr RegisterCache::defineHost(unsigned R, size_t Index, Gpr SrcA, Gpr SrcB) {
  assert(R != 0 && "x0 is never written");
  Gpr H = HostOf[R];
  if (H == NoGpr) {
    uint32_t KeepHosts = (SrcA != NoGpr ? bit(SrcA) : 0) |
                         (SrcB != NoGpr ? bit(SrcB) : 0);
    for (Gpr S : {SrcA, SrcB}) {
      if (S == NoGpr)
        continue;
      unsigned G = unsigned(GuestOf[S]);
      uint16_t Next = Uses.at(Index + 1, G);
      if (Next == NextUse::Killed || Next == NextUse::NotAgain) {
        evict(S, Index + 1);
        H = S;
        break;
      }
    }
    if (H == NoGpr)
      H = take(Index + 1, KeepHosts);
    bindHost(R, H);
  }
  Known.reset(R);
  Dirty.set(R);
  DefinedAt[H] = uint32_t(Index + 1);
  return H;
}

void RegisterCache::defineInto(unsigned R, Gpr H, size_t Index) {
  assert(R != 0 && GuestOf[H] < 0 && "x0, or a bound register");
  if (Gpr Old = HostOf[R]; Old != NoGpr)
    GuestOf[Old] = -1; // Its value is overwritten: nothing to store.
  bindHost(R, H);
  Known.reset(R);
  Dirty.set(R);
  DefinedAt[H] = uint32_t(Index + 1);
}

void RegisterCache::writeBack(const State &S) {
  for (unsigned R = 1; R < 32; ++R)
    if (S.Dirty[R] && S.HostOf[R] != NoGpr)
      A.store(Hart, homeOf(R), S.HostOf[R]);
  for (unsigned R = 1; R < 32; ++R) {
    if (!S.Dirty[R] || S.HostOf[R] != NoGpr)
      continue;
    assert(S.Known[R] && "a stale register is cached or known");
    uint64_t V = S.Value[R];
    if (int64_t(V) == int64_t(int32_t(V))) {
      A.storeImm(Hart, homeOf(R), int32_t(V));
    } else {
      A.movImm(RAX, V);
      A.store(Hart, homeOf(R), RAX);
    }
  }
}

void RegisterCache::flush(size_t End, uint32_t KeepHosts) {
  for (unsigned R = 1; R < 32; ++R) {
    if (!Dirty[R])
      continue;
    if (HostOf[R] == NoGpr && Known[R] &&
        int64_t(Value[R]) == int64_t(int32_t(Value[R]))) {
      A.storeImm(Hart, homeOf(R), int32_t(Value[R]));
    } else {
      Gpr H = HostOf[R] != NoGpr ? HostOf[R] : read(R, End, KeepHosts);
      A.store(Hart, homeOf(R), H);
    }
    Dirty.reset(R);
  }
}

} // namespace snipgen::model::jit::x86
