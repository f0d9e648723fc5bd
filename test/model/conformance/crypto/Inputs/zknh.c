/* Zknh: SHA-256 and SHA-512 of "abc" (FIPS 180-4 examples) with the
   sigma/sum functions done by sha256* and, on RV64, sha512*; on RV32 each
   64-bit function is assembled from the sha512sig0h/l, sig1h/l, sum0r and
   sum1r halves. The constants are FIPS 180-4's (cube and square roots of
   the first primes). */
#include "zk.h"

static const uint32_t K256[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u,
    0x923f82a4u, 0xab1c5ed5u, 0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u,
    0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u, 0xe49b69c1u, 0xefbe4786u,
    0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u,
    0x06ca6351u, 0x14292967u, 0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u,
    0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u, 0xa2bfe8a1u, 0xa81a664bu,
    0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au,
    0x5b9cca4fu, 0x682e6ff3u, 0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u,
    0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u
};
static const uint32_t H256[8] = {
    0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
    0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u
};
static const uint64_t K512[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full,
    0xe9b5dba58189dbbcull, 0x3956c25bf348b538ull, 0x59f111f1b605d019ull,
    0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull, 0xd807aa98a3030242ull,
    0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull,
    0xc19bf174cf692694ull, 0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull,
    0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull, 0x2de92c6f592b0275ull,
    0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full,
    0xbf597fc7beef0ee4ull, 0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull,
    0x06ca6351e003826full, 0x142929670a0e6e70ull, 0x27b70a8546d22ffcull,
    0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull,
    0x92722c851482353bull, 0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull,
    0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull, 0xd192e819d6ef5218ull,
    0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull,
    0x34b0bcb5e19b48a8ull, 0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull,
    0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull, 0x748f82ee5defb2fcull,
    0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull,
    0xc67178f2e372532bull, 0xca273eceea26619cull, 0xd186b8c721c0c207ull,
    0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull, 0x06f067aa72176fbaull,
    0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull,
    0x431d67c49c100d4cull, 0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull,
    0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull
};
static const uint64_t H512[8] = {
    0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull,
    0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
    0x510e527fade682d1ull, 0x9b05688c2b3e6c1full,
    0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull
};

static uint32_t sig0(uint32_t x) { return (uint32_t)OP1("sha256sig0", x); }
static uint32_t sig1(uint32_t x) { return (uint32_t)OP1("sha256sig1", x); }
static uint32_t sum0(uint32_t x) { return (uint32_t)OP1("sha256sum0", x); }
static uint32_t sum1(uint32_t x) { return (uint32_t)OP1("sha256sum1", x); }

#if __riscv_xlen == 64
static uint64_t sig0_512(uint64_t x) { return OP1("sha512sig0", x); }
static uint64_t sig1_512(uint64_t x) { return OP1("sha512sig1", x); }
static uint64_t sum0_512(uint64_t x) { return OP1("sha512sum0", x); }
static uint64_t sum1_512(uint64_t x) { return OP1("sha512sum1", x); }
#else
#define HI(x) ((uint32_t)((x) >> 32))
#define LO(x) ((uint32_t)(x))
#define JOIN(h, l) ((uint64_t)(uint32_t)(h) << 32 | (uint32_t)(l))
static uint64_t sig0_512(uint64_t x) {
  return JOIN(OP2("sha512sig0h", HI(x), LO(x)), OP2("sha512sig0l", LO(x), HI(x)));
}
static uint64_t sig1_512(uint64_t x) {
  return JOIN(OP2("sha512sig1h", HI(x), LO(x)), OP2("sha512sig1l", LO(x), HI(x)));
}
static uint64_t sum0_512(uint64_t x) {
  return JOIN(OP2("sha512sum0r", HI(x), LO(x)), OP2("sha512sum0r", LO(x), HI(x)));
}
static uint64_t sum1_512(uint64_t x) {
  return JOIN(OP2("sha512sum1r", HI(x), LO(x)), OP2("sha512sum1r", LO(x), HI(x)));
}
#endif

/* One block of the padded message "abc". */
static void sha256_abc(uint32_t *h) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i)
    w[i] = 0;
  w[0] = 0x61626380u;
  w[15] = 24;
  for (int i = 16; i < 64; ++i)
    w[i] = sig1(w[i - 2]) + w[i - 7] + sig0(w[i - 15]) + w[i - 16];
  uint32_t a = H256[0], b = H256[1], c = H256[2], d = H256[3], e = H256[4],
           f = H256[5], g = H256[6], hh = H256[7];
  for (int i = 0; i < 64; ++i) {
    uint32_t t1 = hh + sum1(e) + ((e & f) ^ (~e & g)) + K256[i] + w[i];
    uint32_t t2 = sum0(a) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
  }
  h[0] = H256[0] + a, h[1] = H256[1] + b, h[2] = H256[2] + c;
  h[3] = H256[3] + d, h[4] = H256[4] + e, h[5] = H256[5] + f;
  h[6] = H256[6] + g, h[7] = H256[7] + hh;
}

static void sha512_abc(uint64_t *h) {
  uint64_t w[80];
  for (int i = 0; i < 16; ++i)
    w[i] = 0;
  w[0] = 0x6162638000000000ull;
  w[15] = 24;
  for (int i = 16; i < 80; ++i)
    w[i] = sig1_512(w[i - 2]) + w[i - 7] + sig0_512(w[i - 15]) + w[i - 16];
  uint64_t a = H512[0], b = H512[1], c = H512[2], d = H512[3], e = H512[4],
           f = H512[5], g = H512[6], hh = H512[7];
  for (int i = 0; i < 80; ++i) {
    uint64_t t1 = hh + sum1_512(e) + ((e & f) ^ (~e & g)) + K512[i] + w[i];
    uint64_t t2 = sum0_512(a) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
  }
  h[0] = H512[0] + a, h[1] = H512[1] + b, h[2] = H512[2] + c;
  h[3] = H512[3] + d, h[4] = H512[4] + e, h[5] = H512[5] + f;
  h[6] = H512[6] + g, h[7] = H512[7] + hh;
}

static const uint32_t Want256[8] = {0xba7816bfu, 0x8f01cfeau, 0x414140deu,
                                    0x5dae2223u, 0xb00361a3u, 0x96177a9cu,
                                    0xb410ff61u, 0xf20015adu};
static const uint64_t Want512[8] = {
    0xddaf35a193617abaull, 0xcc417349ae204131ull, 0x12e6fa4e89a97ea2ull,
    0x0a9eeee64b55d39aull, 0x2192992a274fc1a8ull, 0x36ba3c23a3feebbdull,
    0x454d4423643ce80eull, 0x2a9ac94fa54ca49full};

int main(void) {
  uint32_t h[8];
  uint64_t h5[8];
  sha256_abc(h);
  for (int i = 0; i < 8; ++i)
    if (h[i] != Want256[i])
      return 1 + i;
  sha512_abc(h5);
  for (int i = 0; i < 8; ++i)
    if (h5[i] != Want512[i])
      return 10 + i;
#if __riscv_xlen == 64
  /* The 32-bit results are sign-extended. */
  CHECK(20, OP1("sha256sig0", 0x6a09e667u), 0xffffffffba0cf582ul);
  CHECK(21, OP1("sha256sum1", 0xffffffff6a09e667ul), 0x55b65510ul);
#endif
  return 0;
}
