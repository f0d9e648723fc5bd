/* Zksh: SM3 (GB/T 32905) hash of "abc", the standard's example
   66c7f0f4 62eeedd9 d1f2d46b dc10e4e2 4167c487 5cf2f7a2 297da02b 8f4ba8e0,
   with P0 and P1 done by sm3p0/sm3p1. */
#include "zk.h"

static uint32_t p0(uint32_t x) { return (uint32_t)OP1("sm3p0", x); }
static uint32_t p1(uint32_t x) { return (uint32_t)OP1("sm3p1", x); }
static uint32_t rotl(uint32_t x, int n) {
  n &= 31;
  return n ? (x << n) | (x >> (32 - n)) : x;
}

static const uint32_t IV[8] = {0x7380166fu, 0x4914b2b9u, 0x172442d7u,
                               0xda8a0600u, 0xa96f30bcu, 0x163138aau,
                               0xe38dee4du, 0xb0fb0e4eu};
static const uint32_t Want[8] = {0x66c7f0f4u, 0x62eeedd9u, 0xd1f2d46bu,
                                 0xdc10e4e2u, 0x4167c487u, 0x5cf2f7a2u,
                                 0x297da02bu, 0x8f4ba8e0u};

int main(void) {
  uint32_t w[68], w1[64];
  for (int i = 0; i < 16; ++i)
    w[i] = 0;
  w[0] = 0x61626380u; /* "abc" and the padding bit */
  w[15] = 24;         /* message length in bits */
  for (int j = 16; j < 68; ++j)
    w[j] = p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^
           w[j - 6];
  for (int j = 0; j < 64; ++j)
    w1[j] = w[j] ^ w[j + 4];
  uint32_t a = IV[0], b = IV[1], c = IV[2], d = IV[3], e = IV[4], f = IV[5],
           g = IV[6], h = IV[7];
  for (int j = 0; j < 64; ++j) {
    uint32_t t = j < 16 ? 0x79cc4519u : 0x7a879d8au;
    uint32_t ss1 = rotl(rotl(a, 12) + e + rotl(t, j), 7);
    uint32_t ss2 = ss1 ^ rotl(a, 12);
    uint32_t ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    uint32_t gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    uint32_t tt1 = ff + d + ss2 + w1[j];
    uint32_t tt2 = gg + h + ss1 + w[j];
    d = c, c = rotl(b, 9), b = a, a = tt1;
    h = g, g = rotl(f, 19), f = e, e = p0(tt2);
  }
  uint32_t v[8] = {a, b, c, d, e, f, g, h};
  for (int i = 0; i < 8; ++i)
    if ((v[i] ^ IV[i]) != Want[i])
      return 1 + i;
  CHECK(10, (uint32_t)OP1("sm3p0", 1), 0x00020201u);
  CHECK(11, (uint32_t)OP1("sm3p1", 1), 0x00808001u);
  return 0;
}
