//===- PredecoderCache.cpp - Decode templates kept on disk ----------------===//
#include "PredecoderCache.h"
#include "snipgen/Support/DiskCache.h"
#include "llvm/Support/xxhash.h"
#include <cstring>

using namespace llvm;

namespace snipgen::model {

namespace {

constexpr char Magic[] = "snipgen-predecoder 2\n";

void put(std::string &Out, const void *P, size_t N) {
  Out.append(static_cast<const char *>(P), N);
}

class Reader {
public:
  explicit Reader(StringRef In) : In(In) {}
  bool Bad = false;
  template <class T> T get() {
    T V{};
    if (Bad || sizeof(T) > In.size() - Pos) {
      Bad = true;
      return V;
    }
    std::memcpy(&V, In.data() + Pos, sizeof(T));
    Pos += sizeof(T);
    return V;
  }
  StringRef bytes(size_t N) {
    if (Bad || N > In.size() - Pos) {
      Bad = true;
      return {};
    }
    StringRef S = In.substr(Pos, N);
    Pos += N;
    return S;
  }
  bool atEnd() const { return Pos == In.size(); }

private:
  StringRef In;
  size_t Pos = 0;
};

} // namespace

std::string PredecoderCache::key(unsigned XLen, StringRef Features,
                                 unsigned NumOpcodes) {
  std::string K = Magic;
  K += "xlen " + std::to_string(XLen) + "\nfeatures " + Features.str() +
       "\nopcodes " + std::to_string(NumOpcodes) + "\n";
  K += diskCacheIdentity();
  return K;
}

std::string PredecoderCache::serialize(const Predecoder &P, StringRef Key) {
  std::string Out;
  uint32_t KeySize = uint32_t(Key.size());
  put(Out, &KeySize, 4);
  Out += Key;
  uint32_t N = uint32_t(P.Templates.size());
  put(Out, &N, 4);
  for (const Predecoder::Template &T : P.Templates) {
    put(Out, &T.Mask, 4);
    put(Out, &T.Match, 4);
    put(Out, &T.Opcode, 4);
    uint8_t Bytes[4] = {T.Size, T.NumOps, uint8_t(T.Reject),
                        T.NumRuns};
    put(Out, Bytes, 4);
    put(Out, T.Base, sizeof(T.Base));
    // The learned runs only; finishRuns() rebuilds constants and padding.
    for (unsigned K = 0; K < T.NumRuns; ++K) {
      const Predecoder::Run &R = T.Runs[K];
      uint8_t F[2] = {R.Op, R.Shift};
      put(Out, F, 2);
      put(Out, &R.Mask, 4);
      put(Out, &R.Mult, 4);
    }
  }
  appendDiskCacheChecksum(Out);
  return Out;
}

bool PredecoderCache::deserialize(StringRef Data, StringRef Key,
                                  unsigned NumOpcodes,
                                  function_ref<Handler(unsigned)> HandlerOf,
                                  Predecoder::ReferenceFn Reference,
                                  Predecoder &P) {
  if (!P.Templates.empty() || !dropDiskCacheChecksum(Data))
    return false;
  Reader R(Data);
  uint32_t KeySize = R.get<uint32_t>();
  if (R.bytes(KeySize) != Key || R.Bad)
    return false;
  uint32_t N = R.get<uint32_t>();
  if (R.Bad || N > 8192)
    return false;
  std::vector<Predecoder::Template> Loaded;
  Loaded.reserve(N);
  for (uint32_t I = 0; I < N; ++I) {
    Predecoder::Template T;
    T.Mask = R.get<uint32_t>();
    T.Match = R.get<uint32_t>();
    T.Opcode = R.get<uint32_t>();
    T.Size = R.get<uint8_t>();
    T.NumOps = R.get<uint8_t>();
    uint8_t Reject = R.get<uint8_t>();
    uint8_t Runs = R.get<uint8_t>();
    for (int64_t &B : T.Base)
      B = R.get<int64_t>();
    if (R.Bad || T.Opcode >= NumOpcodes || (T.Size != 2 && T.Size != 4) ||
        T.NumOps > MaxOperands || Reject > 1 || (T.Match & ~T.Mask) != 0 ||
        (T.Size == 2 && (T.Mask >> 16) != 0xffff))
      return false;
    T.Reject = Reject;
    if (Runs > Predecoder::MaxRuns)
      return false;
    for (unsigned K = 0; K < Runs; ++K) {
      Predecoder::Run &Run = T.Runs[K];
      Run.Op = R.get<uint8_t>();
      Run.Shift = R.get<uint8_t>();
      Run.Mask = R.get<uint32_t>();
      Run.Mult = R.get<int32_t>();
      if (R.Bad || Run.Op >= T.NumOps || Run.Mask == 0 ||
          Run.Shift >= 8u * T.Size ||
          (uint64_t(Run.Mask) << Run.Shift) >> (8u * T.Size) != 0)
        return false;
    }
    T.NumRuns = Runs;
    if (T.Reject && Runs != 0)
      return false;
    if (!Predecoder::finishRuns(T) && !T.Reject)
      return false;
    T.Fn = HandlerOf(T.Opcode);
    // The template still answers as LLVM does on its own pattern.
    if (!T.Reject) {
      Decoded Want, Got;
      if (!Reference(T.Match, T.Size, Want))
        return false;
      P.apply(T, T.Match, Got);
      if (Want.Opcode != Got.Opcode || Want.NumOps != Got.NumOps ||
          !std::equal(Want.Ops, Want.Ops + Want.NumOps, Got.Ops))
        return false;
    }
    Loaded.push_back(std::move(T));
  }
  if (!R.atEnd())
    return false;
  for (Predecoder::Template &T : Loaded)
    P.insert(std::move(T));
  return true;
}

} // namespace snipgen::model
