"""Constants shared by rvv-progen's modules."""
LMUL_NAMES = {-3: "mf8", -2: "mf4", -1: "mf2", 0: "m1", 1: "m2", 2: "m4",
              3: "m8"}
SEWS = (8, 16, 32, 64)
TEXT_BASE = 0x10000
DATA_BASE = 0x100000
STRIDE_MAX = 16     # |stride| in bytes for strided accesses
INDEX_RANGE = 2048  # byte offsets of indexed accesses
# Scalar registers: s0 the middle of the data buffer, s1 an address, t0 the
# vl result, t1/t2 temporaries; a0-a7 and f0-f7 random operands.
SCALARS = ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"]


def log2(n):
    return n.bit_length() - 1
