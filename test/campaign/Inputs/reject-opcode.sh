#!/bin/sh
# An injected failure: reject-opcode.sh MNEMONIC ELF exits 1 when the ELF's
# code holds MNEMONIC (disassembled without aliases), else 0.
if llvm-objdump-22 -d -M no-aliases "$2" | awk '{print $3}' | grep -qx "$1"; then
  echo "$2 holds $1"
  exit 1
fi
exit 0
