#!/usr/bin/env bash
# Installs the Debian packages snipgen needs, only those missing.
# Safe to run any number of times. Needs root (or sudo) only when installing.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ python3
  llvm-22-dev llvm-22-tools lld-22 libzstd-dev
  libgtest-dev
  binutils-riscv64-unknown-elf gcc-riscv64-unknown-elf
  gcc-riscv64-linux-gnu libc6-dev-riscv64-cross
  graphviz
  parallel slurm-wlm munge chromium
)

# QEMU 10 (the independent reference model) comes from bookworm-backports;
# Debian 12's own QEMU 7.2 lacks most Z* extensions. We add the suite in a file
# of our own (never touching debian.sources) and take only qemu-user from it.
BACKPORTS_LIST=/etc/apt/sources.list.d/snipgen-bookworm-backports.sources
QEMU_MIN_MAJOR=10

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

qemu_major() {
  qemu-riscv64 --version 2>/dev/null | sed -n 's/.*version \([0-9]*\)\..*/\1/p' | head -1 || true
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

need_qemu=0
major="$(qemu_major)"
if [ -z "$major" ] || [ "$major" -lt "$QEMU_MIN_MAJOR" ]; then
  need_qemu=1
fi

if [ ${#missing[@]} -eq 0 ] && [ $need_qemu -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present, qemu-riscv64 $major"
  exit 0
fi

if [ $need_qemu -eq 1 ] && [ ! -f "$BACKPORTS_LIST" ]; then
  echo "install-deps: adding bookworm-backports for qemu-user"
  $SUDO tee "$BACKPORTS_LIST" >/dev/null <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

$SUDO apt-get update
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
if [ $need_qemu -eq 1 ]; then
  echo "install-deps: installing qemu-user from bookworm-backports"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends \
    -t bookworm-backports qemu-user
  major="$(qemu_major)"
  if [ -z "$major" ] || [ "$major" -lt "$QEMU_MIN_MAJOR" ]; then
    echo "install-deps: error: qemu-riscv64 is version '${major:-none}', need >= $QEMU_MIN_MAJOR" >&2
    exit 1
  fi
fi
