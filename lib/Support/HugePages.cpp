//===- HugePages.cpp - Large buffers on transparent huge pages ------------===//
#include "snipgen/Support/HugePages.h"
#include <cstdint>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace snipgen {

void adviseHugePages(const void *Data, size_t Bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t Huge = uintptr_t(2) << 20;
  if (!Data || Bytes < 2 * Huge)
    return;
  uintptr_t Lo = (uintptr_t(Data) + Huge - 1) & ~(Huge - 1);
  uintptr_t Hi = (uintptr_t(Data) + Bytes) & ~(Huge - 1);
  if (Hi > Lo)
    (void)madvise(reinterpret_cast<void *>(Lo), Hi - Lo, MADV_HUGEPAGE);
#else
  (void)Data;
  (void)Bytes;
#endif
}

} // namespace snipgen
