/* Zkne: AES-128 and AES-256 encryption of FIPS-197 appendix C.1/C.3, and
   on RV64 the key schedule with aes64ks1i/aes64ks2; on RV32 the key schedule
   uses aes32esi for SubWord. */
#include "aes.h"

#if __riscv_xlen == 64
static void encrypt(const uint8_t *in, uint8_t *out, const uint64_t *rk,
                    int rounds) {
  uint64_t s0 = load_le64(in) ^ rk[0], s1 = load_le64(in + 8) ^ rk[1];
  for (int r = 1; r < rounds; ++r) {
    uint64_t t0 = OP2("aes64esm", s0, s1), t1 = OP2("aes64esm", s1, s0);
    s0 = t0 ^ rk[2 * r], s1 = t1 ^ rk[2 * r + 1];
  }
  uint64_t t0 = OP2("aes64es", s0, s1), t1 = OP2("aes64es", s1, s0);
  store_le64(out, t0 ^ rk[2 * rounds]);
  store_le64(out + 8, t1 ^ rk[2 * rounds + 1]);
}

static int check(int base, int bits, const uint8_t *want) {
  uint8_t key[32], out[16];
  uint64_t rk[30];
  key_bytes(key, bits / 8);
  int rounds = expand_key(key, bits, rk);
  encrypt(Plain, out, rk, rounds);
  return bytes_differ(out, want, 16) ? base : 0;
}

int main(void) {
  /* Round key 10 of C.1: 13111d7f e3944a17 f307a78b 4d2b30c5. */
  uint8_t key[16];
  uint64_t rk[30];
  key_bytes(key, 16);
  expand_key(key, 128, rk);
  CHECK(1, rk[20], 0x174a94e37f1d1113ul);
  CHECK(2, rk[21], 0xc5302b4d8ba707f3ul);
  int e;
  if ((e = check(3, 128, Cipher128)) || (e = check(4, 256, Cipher256)))
    return e;
  /* aes64es/aes64esm read rs1 as columns 0-1 and rs2 as columns 2-3. */
  CHECK(5, OP2("aes64es", 0, 0), 0x6363636363636363ul);
  return 0;
}
#else
static uint32_t sub_word(uint32_t x) {
  uint32_t r = 0;
  r = OP2I("aes32esi", r, x, 0);
  r = OP2I("aes32esi", r, x, 1);
  r = OP2I("aes32esi", r, x, 2);
  r = OP2I("aes32esi", r, x, 3);
  return r;
}

static int expand_key(const uint8_t *key, int nk, uint32_t *w) {
  uint32_t rcon = 1;
  for (int i = 0; i < nk; ++i)
    w[i] = load_le32(key + 4 * i);
  for (int i = nk; i < 4 * (nk + 7); ++i) {
    uint32_t t = w[i - 1];
    if (i % nk == 0) {
      t = sub_word(t >> 8 | t << 24) ^ rcon;
      rcon = (rcon << 1) ^ (rcon & 0x80 ? 0x11b : 0);
    } else if (nk > 6 && i % nk == 4) {
      t = sub_word(t);
    }
    w[i] = w[i - nk] ^ t;
  }
  return nk + 6;
}

/* One column of a round: byte r of column (c + r) % 4 (ShiftRows). */
#define COLUMN(insn, c, s, k)                                                 \
  ({ uint32_t u_ = (k);                                                       \
     u_ = OP2I(insn, u_, s[(c) % 4], 0);                                      \
     u_ = OP2I(insn, u_, s[((c) + 1) % 4], 1);                                \
     u_ = OP2I(insn, u_, s[((c) + 2) % 4], 2);                                \
     u_ = OP2I(insn, u_, s[((c) + 3) % 4], 3);                                \
     u_; })

static void encrypt(const uint8_t *in, uint8_t *out, const uint32_t *w,
                    int rounds) {
  uint32_t s[4], t[4];
  for (int c = 0; c < 4; ++c)
    s[c] = load_le32(in + 4 * c) ^ w[c];
  for (int r = 1; r < rounds; ++r) {
    for (int c = 0; c < 4; ++c)
      t[c] = COLUMN("aes32esmi", c, s, w[4 * r + c]);
    for (int c = 0; c < 4; ++c)
      s[c] = t[c];
  }
  for (int c = 0; c < 4; ++c)
    store_le32(out + 4 * c, COLUMN("aes32esi", c, s, w[4 * rounds + c]));
}

static int check(int base, int nk, const uint8_t *want) {
  uint8_t key[32], out[16];
  uint32_t w[60];
  key_bytes(key, 4 * nk);
  int rounds = expand_key(key, nk, w);
  encrypt(Plain, out, w, rounds);
  return bytes_differ(out, want, 16) ? base : 0;
}

int main(void) {
  int e;
  if ((e = check(1, 4, Cipher128)) || (e = check(2, 8, Cipher256)))
    return e;
  /* S(01) = 7c; column {03 01 01 02} * 7c = 84 7c 7c f8 (bytes 3..0). */
  CHECK(3, OP2I("aes32esmi", 0, 0x01, 0), 0x847c7cf8u);
  CHECK(4, OP2I("aes32esmi", 0, 0x0100, 1), 0x7c7cf884u);
  return 0;
}
#endif
