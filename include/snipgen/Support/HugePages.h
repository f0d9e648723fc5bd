//===- HugePages.h - Large buffers on transparent huge pages ----*- C++ -*-===//
//
// A 1M-instruction run fills tens of MiB of per-instruction records that it
// has reserved up front. On 4 KiB pages that is thousands of page faults,
// a tenth of the run's CPU time; the kernel's transparent huge pages, when
// asked for (the usual "madvise" setting), take one fault per 2 MiB.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_SUPPORT_HUGEPAGES_H
#define SNIPGEN_SUPPORT_HUGEPAGES_H

#include <cstddef>
#include <vector>

namespace snipgen {

/// Asks for huge pages under the 2 MiB-aligned part of [Data, Data + Bytes)
/// (Linux; elsewhere, or for less than 4 MiB, nothing). Only a hint: the
/// memory and its contents do not change.
void adviseHugePages(const void *Data, size_t Bytes);

/// The same for a vector's reserved capacity.
template <typename T> void adviseHugePages(const std::vector<T> &V) {
  adviseHugePages(V.data(), V.capacity() * sizeof(T));
}

} // namespace snipgen

#endif
