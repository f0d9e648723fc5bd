"""rvv-progen's modules (tools/rvv-progen.py is the command)."""
