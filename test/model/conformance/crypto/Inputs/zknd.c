/* Zknd: AES decryption of FIPS-197 appendix C.1 (and C.3 on RV64) back to
   the plaintext. RV64 derives the round keys with aes64ks1i/aes64ks2 (also
   Zknd) and the decryption keys with aes64im; RV32 has no key-schedule
   instruction in Zknd, so it uses the standard's expanded key for
   000102..0f and that key with InvMixColumns applied, as data. */
#include "aes.h"

#if __riscv_xlen == 64
static void decrypt(const uint8_t *in, uint8_t *out, const uint64_t *rk,
                    int rounds) {
  uint64_t s0 = load_le64(in) ^ rk[2 * rounds],
           s1 = load_le64(in + 8) ^ rk[2 * rounds + 1];
  for (int r = rounds - 1; r > 0; --r) {
    uint64_t t0 = OP2("aes64dsm", s0, s1), t1 = OP2("aes64dsm", s1, s0);
    s0 = t0 ^ OP1("aes64im", rk[2 * r]);
    s1 = t1 ^ OP1("aes64im", rk[2 * r + 1]);
  }
  uint64_t t0 = OP2("aes64ds", s0, s1), t1 = OP2("aes64ds", s1, s0);
  store_le64(out, t0 ^ rk[0]);
  store_le64(out + 8, t1 ^ rk[1]);
}

static int check(int base, int bits, const uint8_t *ct) {
  uint8_t key[32], out[16];
  uint64_t rk[30];
  key_bytes(key, bits / 8);
  int rounds = expand_key(key, bits, rk);
  decrypt(ct, out, rk, rounds);
  return bytes_differ(out, Plain, 16) ? base : 0;
}

int main(void) {
  int e;
  if ((e = check(1, 128, Cipher128)) || (e = check(2, 256, Cipher256)))
    return e;
  /* InvMixColumns of FIPS-197 B's round-1 MixColumns output 046681e5
     e0cb199a gives back the ShiftRows output d4bf5d30 e0b452ae. */
  CHECK(3, OP1("aes64im", 0x9a19cbe0e5816604ul), 0xae52b4e0305dbfd4ul);
  CHECK(4, OP2("aes64ds", 0x6363636363636363ul, 0x6363636363636363ul), 0);
  return 0;
}
#else
/* FIPS-197 key expansion of 000102..0f (w[0..43], little-endian words). */
static const uint32_t W[44] = {
    0x03020100u, 0x07060504u, 0x0b0a0908u, 0x0f0e0d0cu, 0xfd74aad6u, 0xfa72afd2u,
    0xf178a6dau, 0xfe76abd6u, 0x0bcf92b6u, 0xf1bd3d64u, 0x00c59bbeu, 0xfeb33068u,
    0x4e74ffb6u, 0xbfc9c2d2u, 0xbf0c596cu, 0x41bf6904u, 0xbcf7f747u, 0x033e3595u,
    0xbc326cf9u, 0xfd8d05fdu, 0xe8a3aa3cu, 0xeb9d9fa9u, 0x57aff350u, 0xaa22f6adu,
    0x7d0f395eu, 0x9692a6f7u, 0xc13d55a7u, 0x6b1fa30au, 0x1a70f914u, 0x8ce25fe3u,
    0x4ddf0a44u, 0x26c0a94eu, 0x35874347u, 0xb9651ca4u, 0xf4ba16e0u, 0xd27abfaeu,
    0xd1329954u, 0x685785f0u, 0x9ced9310u, 0x4e972cbeu, 0x7f1d1113u, 0x174a94e3u,
    0x8ba707f3u, 0xc5302b4du};
/* InvMixColumns of each word of W (the equivalent inverse cipher's keys). */
static const uint32_t WInv[44] = {
    0x0d080f0au, 0x090c0b0eu, 0x05000702u, 0x01040306u, 0xf0df568cu, 0xf9d35d82u,
    0xfcd35a80u, 0xfdd75986u, 0x9902dba0u, 0x60d18622u, 0x9c02dca2u, 0x61d58524u,
    0x91e3c6c7u, 0xf13240e5u, 0x6d309c47u, 0x0ce51963u, 0x04f5a2a8u, 0xf5c7e24du,
    0x98f77e0au, 0x94126769u, 0x2710c42eu, 0xd2d72663u, 0x4a205869u, 0xde323f00u,
    0x8d09e372u, 0x5fdec511u, 0x15fe9d78u, 0xcbcca278u, 0x74fc828du, 0x2b22479cu,
    0x3edcdae4u, 0xf510789cu, 0x63a46213u, 0x4886258fu, 0x765aff6bu, 0x834a87f7u,
    0xbe29aa13u, 0xf6af8f9cu, 0x80f570f7u, 0x03bff700u, 0x49ace762u, 0xbf0368feu,
    0x3ff61809u, 0x3c49ef09u};

/* One column: byte r of column (c - r) % 4 (InvShiftRows). */
#define COLUMN(insn, c, s, k)                                                 \
  ({ uint32_t u_ = (k);                                                       \
     u_ = OP2I(insn, u_, s[(c) % 4], 0);                                      \
     u_ = OP2I(insn, u_, s[((c) + 3) % 4], 1);                                \
     u_ = OP2I(insn, u_, s[((c) + 2) % 4], 2);                                \
     u_ = OP2I(insn, u_, s[((c) + 1) % 4], 3);                                \
     u_; })

int main(void) {
  uint32_t s[4], t[4];
  uint8_t out[16];
  for (int c = 0; c < 4; ++c)
    s[c] = load_le32(Cipher128 + 4 * c) ^ W[40 + c];
  for (int r = 9; r > 0; --r) {
    for (int c = 0; c < 4; ++c)
      t[c] = COLUMN("aes32dsmi", c, s, WInv[4 * r + c]);
    for (int c = 0; c < 4; ++c)
      s[c] = t[c];
  }
  for (int c = 0; c < 4; ++c)
    store_le32(out + 4 * c, COLUMN("aes32dsi", c, s, W[c]));
  if (bytes_differ(out, Plain, 16))
    return 1;
  /* S^-1(63) = 00; {0b 0d 09 0e} * S^-1(00) = {0b 0d 09 0e} * 52. */
  CHECK(2, OP2I("aes32dsi", 0, 0x63, 0), 0);
  CHECK(3, OP2I("aes32dsi", 0x11, 0x6300, 1), 0x11);
  CHECK(4, OP2I("aes32dsmi", 0, 0x00, 0), 0x50a7f451u);
  return 0;
}
#endif
