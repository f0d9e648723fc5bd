/* Helpers of the scalar-crypto conformance programs: one instruction per
   macro (inline asm, so the compiler cannot fold it away), and CHECK, which
   makes main return the check's number on a mismatch. */
#include <stdint.h>

typedef unsigned long xlen_t; /* XLEN bits with lp64 / ilp32 */

#define OP1(insn, a)                                                          \
  ({ xlen_t r_; __asm__(insn " %0, %1" : "=r"(r_) : "r"((xlen_t)(a))); r_; })
#define OP2(insn, a, b)                                                       \
  ({ xlen_t r_;                                                               \
     __asm__(insn " %0, %1, %2" : "=r"(r_) : "r"((xlen_t)(a)), "r"((xlen_t)(b))); \
     r_; })
#define OP1I(insn, a, imm)                                                    \
  ({ xlen_t r_;                                                               \
     __asm__(insn " %0, %1, %2" : "=r"(r_) : "r"((xlen_t)(a)), "i"(imm));     \
     r_; })
#define OP2I(insn, a, b, imm)                                                 \
  ({ xlen_t r_;                                                               \
     __asm__(insn " %0, %1, %2, %3"                                           \
             : "=r"(r_) : "r"((xlen_t)(a)), "r"((xlen_t)(b)), "i"(imm));      \
     r_; })

#define CHECK(n, got, want)                                                   \
  do {                                                                        \
    if ((xlen_t)(got) != (xlen_t)(want))                                      \
      return (n);                                                             \
  } while (0)

static inline uint32_t load_le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}
static inline uint32_t load_be32(const uint8_t *p) {
  return (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 |
         (uint32_t)p[0] << 24;
}
static inline void store_le32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}
static inline void store_be32(uint8_t *p, uint32_t v) {
  p[3] = (uint8_t)v; p[2] = (uint8_t)(v >> 8);
  p[1] = (uint8_t)(v >> 16); p[0] = (uint8_t)(v >> 24);
}
static inline int bytes_differ(const uint8_t *a, const uint8_t *b, int n) {
  for (int i = 0; i < n; ++i)
    if (a[i] != b[i])
      return 1;
  return 0;
}
