#!/bin/sh
# An injected failure on one instruction, operands included:
# reject-insn.sh 'REGEX' ELF exits 1 when a line of the ELF's disassembly
# (without aliases, "mnemonic<TAB>operands") matches the extended REGEX.
if llvm-objdump-22 -d -M no-aliases "$2" | cut -f2- | tr "\t" " " | grep -qE "$1"; then
  echo "$2 holds an instruction matching $1"
  exit 1
fi
exit 0
