//===- QemuCpu.cpp - QEMU 10 -cpu value for an ISA string -----------------===//
#include "QemuCpu.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/TargetParser/RISCVISAInfo.h"

#include <algorithm>
#include <memory>
#include <vector>

using namespace llvm;

namespace snipgen::qemucheck {

static Error error(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

namespace {
enum class How {
  Default,  // On in QEMU's generic rv32/rv64 CPU: nothing to ask for.
  Umbrella, // LLVM lists its parts separately; those carry the properties.
  Property, // `<name>=true` (QEMU 10 spells the property as LLVM does).
};
struct Known {
  const char *Name;
  How Kind;
};
} // namespace

// Every extension QEMU 10.0's qemu-riscv{32,64} can enable, as LLVM 22 names
// them. Checked against QEMU 10.0.2: each property starts a program with
// `-cpu rv64,<name>=true`.
static const Known KnownExtensions[] = {
    // Base and single letters that the generic CPU has (m, a, f, d, c), and
    // what LLVM lists as implied by them.
    {"i", How::Default}, {"m", How::Default}, {"a", How::Default},
    {"f", How::Default}, {"d", How::Default}, {"c", How::Default},
    {"zicsr", How::Default}, {"zifencei", How::Default},
    {"zicntr", How::Default}, {"zihpm", How::Default},
    {"zmmul", How::Default}, {"zaamo", How::Default},
    {"zalrsc", How::Default}, {"zca", How::Default}, {"zcf", How::Default},
    {"zcd", How::Default},
    // RVA profile names for properties of the implementation that QEMU
    // user mode has (misaligned accesses, cache-coherent instruction fetch,
    // 64-byte blocks and reservation sets) and exposes no switch for.
    {"ziccif", How::Default}, {"ziccamoa", How::Default},
    {"zicclsm", How::Default}, {"ziccrse", How::Default},
    {"za64rs", How::Default}, {"zic64b", How::Default},
    // Groups whose members LLVM lists too.
    {"b", How::Umbrella}, {"zk", How::Umbrella}, {"zkn", How::Umbrella},
    {"zks", How::Umbrella}, {"zvkn", How::Umbrella},
    {"zvknc", How::Umbrella}, {"zvkng", How::Umbrella},
    {"zvks", How::Umbrella}, {"zvksc", How::Umbrella},
    {"zvksg", How::Umbrella},
    // Bit manipulation and scalar crypto.
    {"zba", How::Property}, {"zbb", How::Property}, {"zbc", How::Property},
    {"zbs", How::Property}, {"zbkb", How::Property}, {"zbkc", How::Property},
    {"zbkx", How::Property}, {"zknd", How::Property},
    {"zkne", How::Property}, {"zknh", How::Property},
    {"zksed", How::Property}, {"zksh", How::Property},
    {"zkr", How::Property}, {"zkt", How::Property},
    // Atomics.
    {"zacas", How::Property}, {"zabha", How::Property},
    {"zawrs", How::Property}, {"zama16b", How::Property},
    {"ztso", How::Property},
    // Floating point.
    {"zfa", How::Property}, {"zfh", How::Property},
    {"zfhmin", How::Property}, {"zfbfmin", How::Property},
    {"zfinx", How::Property}, {"zdinx", How::Property},
    {"zhinx", How::Property}, {"zhinxmin", How::Property},
    // Compressed and may-be-operations.
    {"zcb", How::Property}, {"zcmop", How::Property},
    {"zcmp", How::Property}, {"zcmt", How::Property},
    {"zimop", How::Property},
    // Cache blocks, hints, conditional operations.
    {"zicbom", How::Property}, {"zicbop", How::Property},
    {"zicboz", How::Property}, {"zihintntl", How::Property},
    {"zihintpause", How::Property}, {"zicond", How::Property},
    {"svinval", How::Property},
    // Vector.
    {"v", How::Property}, {"zve32x", How::Property},
    {"zve32f", How::Property}, {"zve64x", How::Property},
    {"zve64f", How::Property}, {"zve64d", How::Property},
    {"zvfh", How::Property}, {"zvfhmin", How::Property},
    {"zvfbfmin", How::Property}, {"zvfbfwma", How::Property},
    {"zvbb", How::Property}, {"zvbc", How::Property},
    {"zvkb", How::Property}, {"zvkg", How::Property},
    {"zvkned", How::Property}, {"zvknha", How::Property},
    {"zvknhb", How::Property}, {"zvksed", How::Property},
    {"zvksh", How::Property}, {"zvkt", How::Property},
};

// QEMU's generic CPU has F, D and Zfa on; Zfinx and its relatives exclude
// them, and every FP property that would bring F back.
static const char *const OffWithZfinx[] = {
    "f",      "d",       "zfa",      "zfh",      "zfhmin",
    "zve32f", "zve64f",  "zve64d",   "zvfh",     "zvfhmin",
    "zvfbfmin", "zvfbfwma"};

static constexpr unsigned QemuMinVLen = 128, QemuMaxVLen = 1024;

/// Accepts both user spellings ("rv64gc_zba") and the versioned form of
/// ELF attributes ("rv64i2p1_m2p0_...").
static Expected<std::unique_ptr<RISCVISAInfo>> parseIsa(StringRef Isa) {
  auto Info = RISCVISAInfo::parseArchString(
      Isa, /*EnableExperimentalExtension=*/true,
      /*ExperimentalExtensionVersionCheck=*/false);
  if (Info)
    return Info;
  consumeError(Info.takeError());
  Info = RISCVISAInfo::parseNormalizedArchString(Isa);
  if (!Info)
    return error("cannot parse the ISA string '" + Isa +
                 "': " + toString(Info.takeError()));
  return Info;
}

/// The largest N of the zvlNb extensions listed (0: none).
static unsigned zvlBits(const RISCVISAInfo &Info) {
  unsigned Max = 0;
  for (const auto &Ext : Info.getExtensions()) {
    StringRef Name = Ext.first;
    unsigned N = 0;
    if (Name.consume_front("zvl") && Name.consume_back("b") &&
        !Name.getAsInteger(10, N))
      Max = std::max(Max, N);
  }
  return Max;
}

static IsaFacts factsOf(const RISCVISAInfo &Info) {
  IsaFacts Facts;
  Facts.XLen = Info.getXLen();
  // parseNormalizedArchString leaves FLen unset; the letters still tell.
  Facts.FLen = Info.hasExtension("d")   ? 64
               : Info.hasExtension("f") ? 32
                                        : 0;
  Facts.HasV = Info.hasExtension("v");
  Facts.HasZve = Facts.HasV || Info.hasExtension("zve32x");
  if (Facts.HasZve) {
    Facts.VLen = std::max(QemuMinVLen, zvlBits(Info));
    Facts.ELen = Info.hasExtension("zve64x") ? 64 : 32;
  }
  return Facts;
}

Expected<IsaFacts> isaFacts(StringRef Isa) {
  auto Info = parseIsa(Isa);
  if (!Info)
    return Info.takeError();
  return factsOf(**Info);
}

Expected<std::string> qemuCpuForIsa(StringRef Isa, bool ZveAsV) {
  auto Parsed = parseIsa(Isa);
  if (!Parsed)
    return error("cannot derive a QEMU -cpu value: " +
                 toString(Parsed.takeError()) + " (pass --cpu)");
  const RISCVISAInfo &Info = **Parsed;
  IsaFacts Facts = factsOf(Info);
  bool RVE = Info.hasExtension("e");
  std::string Cpu = (Facts.XLen == 32 ? "rv32" : "rv64");
  if (RVE)
    Cpu += "e";
  std::vector<std::string> Unknown;
  for (const auto &Ext : Info.getExtensions()) {
    StringRef Name = Ext.first;
    if (Name == "e" || (Name.starts_with("zvl") && Name.ends_with("b")))
      continue; // The CPU model, and vlen below.
    // With V, QEMU enables the Zve* it implies itself.
    if ((Facts.HasV || ZveAsV) && Name.starts_with("zve"))
      continue;
    const Known *K = llvm::find_if(
        KnownExtensions, [&](const Known &K) { return Name == K.Name; });
    if (K == std::end(KnownExtensions)) {
      Unknown.push_back(Name.str());
      continue;
    }
    if (K->Kind == How::Property)
      (Cpu += ',') += (Name + "=true").str();
  }
  if (!Unknown.empty()) {
    std::string List;
    for (const std::string &U : Unknown)
      ((List += List.empty() ? "'" : ", '") += U) += "'";
    return error("QEMU cannot enable " +
                 Twine(Unknown.size() == 1 ? "the extension " :
                                             "the extensions ") +
                 List + " of the ISA '" + Isa +
                 "' (qemu-riscv" + Twine(Facts.XLen) +
                 " 10 has no -cpu property for " +
                 (Unknown.size() == 1 ? "it" : "them") +
                 "); pass --cpu=<value> to choose QEMU's CPU yourself");
  }
  bool Zfinx = Info.hasExtension("zfinx");
  if (Zfinx)
    for (const char *Off : OffWithZfinx)
      Cpu += std::string(",") + Off + "=false";
  // QEMU's C with its default D brings Zcd, which excludes Zcmp and Zcmt.
  if (!Zfinx && !Info.hasExtension("d") &&
      (Info.hasExtension("zcmp") || Info.hasExtension("zcmt")))
    Cpu += ",d=false";
  if (Facts.HasZve && !Facts.HasV && ZveAsV)
    Cpu += ",v=true";
  if (Facts.HasZve) {
    unsigned Zvl = zvlBits(Info);
    if (Zvl > QemuMaxVLen)
      return error("QEMU cannot enable 'zvl" + Twine(Zvl) + "b' of the ISA '" +
                   Isa + "': QEMU supports VLEN " + Twine(QemuMinVLen) + ".." +
                   Twine(QemuMaxVLen) + "; pass --cpu=<value> to choose "
                   "QEMU's CPU yourself");
    Cpu += ",vext_spec=v1.0,vlen=" + std::to_string(Facts.VLen) +
           ",elen=" + std::to_string(Facts.ELen);
  }
  return Cpu;
}

} // namespace snipgen::qemucheck
