/* FIPS-197 appendix C known answers shared by zkne.c and zknd.c. The state
   and round keys are the standard's byte strings loaded little-endian, so a
   32-bit word is one column and a 64-bit register two columns. */
#include "zk.h"

static const uint8_t Plain[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                  0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
/* C.1 AES-128, key 000102..0f. */
static const uint8_t Cipher128[16] = {0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
                                      0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a};
/* C.3 AES-256, key 000102..1f. */
static const uint8_t Cipher256[16] = {0x8e, 0xa2, 0xb7, 0xca, 0x51, 0x67, 0x45, 0xbf,
                                      0xea, 0xfc, 0x49, 0x90, 0x4b, 0x49, 0x60, 0x89};

static inline void key_bytes(uint8_t *k, int n) {
  for (int i = 0; i < n; ++i)
    k[i] = (uint8_t)i;
}

#if __riscv_xlen == 64
static inline uint64_t load_le64(const uint8_t *p) {
  return (uint64_t)load_le32(p) | (uint64_t)load_le32(p + 4) << 32;
}
static inline void store_le64(uint8_t *p, uint64_t v) {
  store_le32(p, (uint32_t)v);
  store_le32(p + 4, (uint32_t)(v >> 32));
}

/* aes64ks1i needs its round number as an immediate. */
static uint64_t ks1i(uint64_t x, int rnum) {
  switch (rnum) {
  case 0: return OP1I("aes64ks1i", x, 0);
  case 1: return OP1I("aes64ks1i", x, 1);
  case 2: return OP1I("aes64ks1i", x, 2);
  case 3: return OP1I("aes64ks1i", x, 3);
  case 4: return OP1I("aes64ks1i", x, 4);
  case 5: return OP1I("aes64ks1i", x, 5);
  case 6: return OP1I("aes64ks1i", x, 6);
  case 7: return OP1I("aes64ks1i", x, 7);
  case 8: return OP1I("aes64ks1i", x, 8);
  case 9: return OP1I("aes64ks1i", x, 9);
  default: return OP1I("aes64ks1i", x, 10);
  }
}

/* Round keys, two registers per round: 11 rounds for AES-128, 15 for
   AES-256 (the scalar crypto spec's key schedule sequences). */
static int expand_key(const uint8_t *key, int bits, uint64_t *rk) {
  if (bits == 128) {
    uint64_t k0 = load_le64(key), k1 = load_le64(key + 8);
    rk[0] = k0, rk[1] = k1;
    for (int r = 0; r < 10; ++r) {
      uint64_t t = ks1i(k1, r);
      k0 = OP2("aes64ks2", t, k0);
      k1 = OP2("aes64ks2", k0, k1);
      rk[2 * r + 2] = k0, rk[2 * r + 3] = k1;
    }
    return 10;
  }
  uint64_t k0 = load_le64(key), k1 = load_le64(key + 8),
           k2 = load_le64(key + 16), k3 = load_le64(key + 24);
  rk[0] = k0, rk[1] = k1, rk[2] = k2, rk[3] = k3;
  for (int r = 0; r < 7; ++r) {
    uint64_t t = ks1i(k3, r);
    k0 = OP2("aes64ks2", t, k0);
    k1 = OP2("aes64ks2", k0, k1);
    rk[4 * r + 4] = k0, rk[4 * r + 5] = k1;
    if (r == 6)
      break;
    t = ks1i(k1, 10); /* AES-256: SubWord without RotWord and Rcon */
    k2 = OP2("aes64ks2", t, k2);
    k3 = OP2("aes64ks2", k2, k3);
    rk[4 * r + 6] = k2, rk[4 * r + 7] = k3;
  }
  return 14;
}
#endif
