//===- MemoryDump.h - The used addresses as a reusable scheme ---*- C++ -*-===//
//
// --dump-memory-accesses writes every address the snippet's primary
// instructions access, in program order, as an `access-addresses` scheme
// (ordered plain addresses; each burst group as one `burst` address set
// covering its accesses). --dump-memory-accesses-restricted writes them as
// `restricted-addresses` (each address with its access size, once). Both
// are valid layout keys for a later run; the format is llvm-snippy's.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_MEMORYDUMP_H
#define SNIPGEN_GENERATOR_MEMORYDUMP_H

#include <string>

namespace snipgen {

struct Program;

/// False if the program has no recorded memory access.
bool hasMemoryAccesses(const Program &P);
std::string dumpAccessAddresses(const Program &P);
std::string dumpRestrictedAddresses(const Program &P);

} // namespace snipgen

#endif
