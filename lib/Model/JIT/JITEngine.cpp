//===- JITEngine.cpp - ORC set-up, the block cache, running blocks --------===//
#include "JIT/JITEngine.h"
#include "JIT/BlockTranslator.h"
#include "JIT/LoopForecast.h"
#include "JIT/X86/DirectCompiler.h"
#include "Decoder.h"
#include "Machine.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ExecutionEngine/Orc/CompileUtils.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/ThreadSafeModule.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SmallVectorMemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Transforms/Utils/Local.h"
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>

using namespace llvm;

namespace snipgen::model {

JITOptions JITOptions::fromEnvironment() {
  JITOptions O;
  if (const char *V = std::getenv("SNIPGEN_JIT")) {
    StringRef S(V);
    if (S.equals_insensitive("off") || S == "0" || S.equals_insensitive("no"))
      O.Enabled = false;
    else if (S.equals_insensitive("on") || S == "1" || S.equals_insensitive("yes"))
      O.Enabled = true;
  }
  if (const char *V = std::getenv("SNIPGEN_JIT_VERIFY"))
    O.VerifyIR = StringRef(V) == "1" || StringRef(V).equals_insensitive("on");
  if (const char *V = std::getenv("SNIPGEN_JIT_COMPILER")) {
    StringRef S(V);
    if (S.equals_insensitive("auto"))
      O.Compiler = JITCompiler::Auto;
    else if (S.equals_insensitive("llvm"))
      O.Compiler = JITCompiler::LLVM;
    else if (S.equals_insensitive("direct"))
      O.Compiler = JITCompiler::Direct;
    else
      std::fprintf(stderr, "snipgen: SNIPGEN_JIT_COMPILER=%s is not auto, "
                           "llvm or direct; using auto\n", V);
  }
  if (const char *V = std::getenv("SNIPGEN_JIT_THRESHOLD")) {
    unsigned N = 0;
    if (!StringRef(V).getAsInteger(0, N))
      O.Threshold = N;
  }
  return O;
}

namespace {

/// The code generator's pass pipeline, built once and run on every block's
/// module. ORC's SimpleCompiler builds it afresh for each module, which cost
/// about a quarter of compiling a 10-instruction block. LLVM supports running
/// one codegen PassManager over several modules (llc -compile-twice checks
/// that passes keep no state between runs); the object goes to a buffer that
/// is emptied before each run.
class ReusedPipelineCompiler : public orc::IRCompileLayer::IRCompiler {
public:
  explicit ReusedPipelineCompiler(std::unique_ptr<TargetMachine> TM)
      : IRCompiler(orc::irManglingOptionsFromTargetOptions(TM->Options)),
        TM(std::move(TM)), Stream(Object) {}

  Expected<std::unique_ptr<MemoryBuffer>> operator()(Module &M) override {
    if (!PM) {
      PM = std::make_unique<legacy::PassManager>();
      MCContext *Ctx = nullptr;
      if (TM->addPassesToEmitMC(*PM, Ctx, Stream))
        return createStringError(inconvertibleErrorCode(),
                                 "the host target cannot emit machine code");
    }
    Object.clear();
    PM->run(M);
    return std::make_unique<SmallVectorMemoryBuffer>(
        SmallVector<char, 0>(Object.begin(), Object.end()),
        M.getModuleIdentifier() + "-jitted-objectbuffer",
        /*RequiresNullTerminator=*/false);
  }

private:
  std::unique_ptr<TargetMachine> TM;
  std::unique_ptr<legacy::PassManager> PM;
  SmallVector<char, 0> Object;
  raw_svector_ostream Stream;
};

/// One LLJIT for the whole process: an ORC session and a host
/// TargetMachine cost milliseconds to create, and machines are created
/// often (one per test, per generated snippet). Blocks of all machines live
/// in its main JITDylib under unique names, each module with its own
/// ResourceTracker so that dropping a block frees its code. It is never
/// destroyed, so no machine can outlive it.
class HostCompiler {
public:
  static HostCompiler *get(std::string &Why);

  struct Compiled {
    orc::ResourceTrackerSP Tracker;
    jit::BlockEntry Entry = nullptr;
  };
  Expected<Compiled> add(std::unique_ptr<LLVMContext> Ctx,
                         std::unique_ptr<Module> Mod, StringRef Name);
  void remove(orc::ResourceTrackerSP &Tracker);

private:
  void optimize(Module &Mod);
  std::unique_ptr<orc::LLJIT> JIT;
  // LLJIT without compile threads compiles on the calling thread with a
  // compiler that is not reentrant: one compilation at a time.
  std::mutex Lock;
};

HostCompiler *HostCompiler::get(std::string &Why) {
  static std::once_flag Once;
  static HostCompiler *Instance = nullptr;
  static std::string CreateError;
  std::call_once(Once, [] {
    InitializeNativeTarget();
    InitializeNativeTargetAsmPrinter();
    auto Fail = [](Error E) { CreateError = toString(std::move(E)); };
    auto JTMB = orc::JITTargetMachineBuilder::detectHost();
    if (!JTMB)
      return Fail(JTMB.takeError());
    JTMB->setCodeGenOptLevel(CodeGenOptLevel::None); // See optimize().
    // The host's name and its full feature list (~150 entries) cost about a
    // millisecond per subtarget built (each feature's implied features are
    // walked); compiled blocks are scalar integer code and calls, which
    // need only the baseline and the bit-manipulation features below.
    // Only features the host has are named, so the code runs on it.
    if (JTMB->getTargetTriple().getArch() == Triple::x86_64) {
      SubtargetFeatures Wanted;
      for (const std::string &F : JTMB->getFeatures().getFeatures())
        if (F == "+bmi" || F == "+bmi2" || F == "+lzcnt" || F == "+popcnt" ||
            F == "+cmov" || F == "+cx16")
          Wanted.AddFeature(F);
      JTMB->setCPU("x86-64");
      JTMB->getFeatures() = Wanted;
    }
    // No platform support (static initialisers, atexit, TLS): blocks have
    // none, and the generic platform's per-module bookkeeping costs time on
    // every compile.
    auto J = orc::LLJITBuilder()
                 .setJITTargetMachineBuilder(*JTMB)
                 .setPlatformSetUp(orc::setUpInactivePlatform)
                 .setCompileFunctionCreator(
                     [](orc::JITTargetMachineBuilder B)
                         -> Expected<std::unique_ptr<
                             orc::IRCompileLayer::IRCompiler>> {
                       auto TM = B.createTargetMachine();
                       if (!TM)
                         return TM.takeError();
                       return std::make_unique<ReusedPipelineCompiler>(
                           std::move(*TM));
                     })
                 .create();
    if (!J)
      return Fail(J.takeError());
    auto *C = new HostCompiler();
    C->JIT = std::move(*J);
    Instance = C;
  });
  if (!Instance)
    Why = "cannot start the LLVM JIT: " + CreateError;
  return Instance;
}

// Compile cost decides the set-up, not code quality: measured on the
// benchmark's 1000-instruction block, the O2 pipeline plus SelectionDAG
// took ~90 ms (SelectionDAG alone at -O1 ~35 ms), while the -O0 code
// generator (FastISel) takes ~5 ms, and its code runs within ~25% as fast:
// the translator builds SSA values directly and folds with InstSimplify as
// it goes (BlockTranslator.cpp), so there is little left to optimise.
// FastISel leaves out dead results only one level deep, which DCE finishes
// (registers overwritten before they are read). On a 100M-instruction run
// the O2 compile alone cost more than all the compiled code's running time.
void HostCompiler::optimize(Module &Mod) {
  // What DCEPass does, without the pass manager: the pass builder would
  // link every LLVM pass into snipgen-run (cmake/StaticLLVM.cmake).
  SmallVector<WeakTrackingVH, 64> Dead;
  for (Function &F : Mod)
    for (BasicBlock &BB : F)
      for (Instruction &I : BB)
        if (isInstructionTriviallyDead(&I))
          Dead.emplace_back(&I);
  RecursivelyDeleteTriviallyDeadInstructionsPermissive(Dead);
}

Expected<HostCompiler::Compiled>
HostCompiler::add(std::unique_ptr<LLVMContext> Ctx, std::unique_ptr<Module> Mod,
                  StringRef Name) {
  std::lock_guard<std::mutex> Guard(Lock);
  Mod->setDataLayout(JIT->getDataLayout());
  Mod->setTargetTriple(JIT->getTargetTriple());
  optimize(*Mod);
  // A debugging aid: SNIPGEN_JIT_DUMP=<dir> writes each block's IR, as
  // handed to the code generator, to <dir>/<name>.ll.
  if (const char *D = std::getenv("SNIPGEN_JIT_DUMP")) {
    std::error_code EC;
    raw_fd_ostream OS((std::string(D) + "/" + Name.str() + ".ll"), EC);
    Mod->print(OS, nullptr);
  }
  Compiled C;
  C.Tracker = JIT->getMainJITDylib().createResourceTracker();
  if (Error E = JIT->addIRModule(
          C.Tracker, orc::ThreadSafeModule(std::move(Mod), std::move(Ctx))))
    return E;
  auto Addr = JIT->lookup(Name); // Compiles and links now.
  if (!Addr) {
    consumeError(C.Tracker->remove());
    return Addr.takeError();
  }
  C.Entry = Addr->toPtr<jit::BlockEntry>();
  return C;
}

void HostCompiler::remove(orc::ResourceTrackerSP &Tracker) {
  std::lock_guard<std::mutex> Guard(Lock);
  // Failing to free code only leaks it; the block is unreachable anyway.
  consumeError(Tracker->remove());
  Tracker = nullptr;
}

std::atomic<uint64_t> NextBlockName{0};

} // namespace

// Heat and JitBlock live in what was padding: the decode cache's record
// must not grow for tier 2.
static_assert(sizeof(Decoded) == 64, "Decoded grew");

struct JITEngine::Block {
  jit::BlockEntry Entry = nullptr; // Null: the id is free.
  Decoded *Start = nullptr;
  std::vector<const Decoded *> Insts;
  const Decoded *FallThrough = nullptr;
  uint64_t EndPC = 0;
  uint64_t First = 0, Last = 0; // Code bytes covered (inclusive).
  bool EndsInControl = false;
  orc::ResourceTrackerSP Tracker;            // Compiled by LLVM,
  std::unique_ptr<jit::NativeCode> Native;   // or directly.
};

JITEngine::JITEngine(Machine &M, const JITOptions &Options)
    : M(M), Threshold(uint16_t(std::min(Options.Threshold, 0xfffeu))),
      VerifyIR(Options.VerifyIR), Compiler(Options.Compiler) {
  const Hart &H = M.H;
  Target.XLen = H.XLen;
  Target.AddrMask = H.AddrMask;
  Target.AlignCheck = H.AlignCheck;
  Target.JumpAlignMask = H.JumpAlignMask;
  Blocks.resize(1);
}

JITEngine::~JITEngine() {
  if (Stats.BlocksCompiled && std::getenv("SNIPGEN_JIT_STATS"))
    std::fprintf(stderr,
                 "snipgen jit: %llu blocks (%llu instructions) compiled in "
                 "%.3f s (%llu directly), %llu dropped; %llu block runs "
                 "retired %llu instructions, %llu side exits, %llu "
                 "chained%s%s\n",
                 (unsigned long long)Stats.BlocksCompiled,
                 (unsigned long long)Stats.InstructionsCompiled,
                 Stats.CompileSeconds, (unsigned long long)Stats.DirectBlocks,
                 (unsigned long long)Stats.BlocksDropped,
                 (unsigned long long)Stats.BlockRuns,
                 (unsigned long long)Stats.NativeInstructions,
                 (unsigned long long)Stats.SideExits,
                 (unsigned long long)Stats.Chained,
                 Stats.Error.empty() ? "" : "; stopped: ", Stats.Error.c_str());
  // Only the code is released here: the decode pages may already be gone.
  std::string Ignored;
  for (Block &B : Blocks)
    if (B.Tracker)
      HostCompiler::get(Ignored)->remove(B.Tracker);
}

const Decoded *JITEngine::execute(Hart &H, Decoded &Slot, uint64_t Budget) {
  if (!Slot.JitBlock) {
    compile(Slot);
    if (!Slot.JitBlock)
      return &Slot;
  }
  Decoded *S = &Slot;
  for (;;) {
    const Block &B = Blocks[S->JitBlock];
    if (Budget < B.Insts.size())
      return S; // Near the step limit: interpret.
    uint64_t Result = B.Entry(&H, Budget);
    uint64_t Retired = Result >> 1;
    H.InstRet += Retired;
    ++Stats.BlockRuns;
    Stats.NativeInstructions += Retired;
    if (Result & 1) {
      ++Stats.SideExits;
      return B.Insts[Retired % B.Insts.size()];
    }
    if (!B.EndsInControl) {
      if (!B.FallThrough)
        H.PC = B.EndPC;
      return B.FallThrough;
    }
    // Chain to the next block if it is compiled and in this fetch page (the
    // stop pc's slot is never compiled, and blocks are never dropped while
    // compiled code runs: it writes no executable memory).
    Budget -= Retired;
    S = M.fetchSlot(H.PC);
    if (!S || !S->JitBlock)
      return nullptr;
    ++Stats.Chained;
  }
}

void JITEngine::compile(Decoded &Slot) {
  if (Broken) {
    Slot.Heat = NeverCompile;
    return;
  }
  if (Slot.Fn == decodeOnMiss)
    return; // Decoded when it runs now; the next arrival tries again.
  if (!Rules)
    Rules = &jit::OpcodeRules::get(M.decoder());
  jit::BlockPlan Plan =
      jit::planBlock(Slot, M.fetchPageEnd(), *Rules, M.decoder(), Target);
  if (Plan.Insts.empty()) {
    // An instruction tier 2 does not cover: let its successor be looked up
    // (and counted) so that the code after it can be compiled.
    Slot.Heat = NeverCompile;
    Slot.Next = nullptr;
    return;
  }
  // A block cut short by a slot not decoded yet (its code changed since it
  // last ran) would stay short: wait until the slot has run again. The stop
  // pc's slot is never decoded, and neither is one past the region's end.
  if (const Decoded *F = Plan.FallThrough;
      F && F->Fn == decodeOnMiss && F->PC != M.stopPC()) {
    Region *R = M.findRegion(F->PC, 2);
    if (R && (R->Rights & RightExec))
      return;
  }
  // Entering and leaving compiled code (and the pc lookups around it) costs
  // about what interpreting a few instructions does: measured with loops of
  // k integer instructions between interpreted ones (bench/perf), compiled
  // blocks were 1.2-1.3x slower than interpreting for k = 1-2, 1.0-1.1x for
  // k = 3-6, and faster from k = 8. Shorter blocks stay interpreted unless
  // they loop by themselves (threshold 0, for tests, compiles everything).
  constexpr size_t MinBlockLength = 8;
  if (Threshold != 0 && Plan.Insts.size() < MinBlockLength && !Plan.SelfLoop) {
    Slot.Heat = NeverCompile;
    return;
  }
  if (Slot.Heat < Threshold) {
    // The forecast arrival (wants()): compile now only if the block is a
    // counted self-loop that will come back at least as often as the
    // rent-or-buy rule would wait for; else keep counting.
    if (!Plan.SelfLoop)
      return;
    uint64_t Iterations =
        jit::forecastIterations(Plan, *Rules, M.H.X, Target.XLen);
    if (Iterations < arrivalsNeeded(Plan.Insts.size()))
      return;
    PendingArrivals.erase(&Slot);
    ++Stats.Forecast;
  } else if (!hotEnough(Slot, Plan.Insts.size())) {
    return;
  }
  auto Start = std::chrono::steady_clock::now();
  if (Compiler != JITCompiler::LLVM && !DirectChecked) {
    DirectChecked = true;
    std::string Why;
    if (!jit::directAvailable(Why)) {
      // Auto: LLVM compiles every block. Direct only: nothing is compiled,
      // and the stats say why.
      if (Compiler == JITCompiler::Direct)
        Stats.Error = Why;
      Compiler = Compiler == JITCompiler::Direct ? Compiler : JITCompiler::LLVM;
      DirectMissing = true;
    }
  }
  bool Direct = Compiler != JITCompiler::LLVM && !DirectMissing &&
                jit::directCovers(Plan, *Rules, Target);
  if (Compiler == JITCompiler::Direct && !Direct) {
    Slot.Heat = NeverCompile; // Only direct compilation was asked for.
    return;
  }
  auto Fail = [&](Error E) {
    Stats.Error = toString(std::move(E));
    Broken = true; // Interpreting is always correct; stop trying.
    Slot.Heat = NeverCompile;
  };
  std::unique_ptr<jit::NativeCode> Native;
  HostCompiler::Compiled Compiled;
  if (Direct) {
    auto Code = jit::compileDirect(Plan, *Rules, Target);
    if (!Code)
      return Fail(Code.takeError());
    Native = std::move(*Code);
    Compiled.Entry = Native->entry();
  } else {
    HostCompiler *Host = HostCompiler::get(Stats.Error);
    if (!Host) {
      Broken = true;
      Slot.Heat = NeverCompile;
      return;
    }
    std::string Name = "snipgen_block_" + std::to_string(NextBlockName++);
    auto Ctx = std::make_unique<LLVMContext>();
    auto Mod = jit::translateBlock(Plan, *Rules, Target, *Ctx, Name, VerifyIR);
    if (!Mod)
      return Fail(Mod.takeError());
    auto C = Host->add(std::move(Ctx), std::move(*Mod), Name);
    if (!C)
      return Fail(C.takeError());
    Compiled = std::move(*C);
  }

  uint32_t Id;
  if (!FreeIds.empty()) {
    Id = FreeIds.back();
    FreeIds.pop_back();
  } else {
    Id = uint32_t(Blocks.size());
    Blocks.emplace_back();
  }
  Block &B = Blocks[Id];
  B.Entry = Compiled.Entry;
  B.Tracker = std::move(Compiled.Tracker);
  B.Native = std::move(Native);
  B.Start = &Slot;
  B.Insts = std::move(Plan.Insts);
  B.FallThrough = Plan.FallThrough;
  B.EndPC = Plan.EndPC;
  B.EndsInControl = Plan.EndsInControl;
  B.First = Slot.PC;
  B.Last = B.Insts.back()->PC + (B.Insts.back()->Size - 1);
  Slot.JitBlock = Id;
  ++Live;
  CoveredFirst = std::min(CoveredFirst, B.First);
  CoveredLast = std::max(CoveredLast, B.Last);

  // Where compiled code hands over to the interpreter, make the interpreter
  // return through the pc lookup afterwards (see the file comment of the
  // header). Decode slots are owned by the machine and mutable.
  for (const Decoded *D : B.Insts)
    if (jit::mayExitBefore((*Rules)[D->Opcode].S))
      const_cast<Decoded *>(D)->Next = nullptr;
  if (B.FallThrough)
    const_cast<Decoded *>(B.FallThrough)->Next = nullptr;

  ++Stats.BlocksCompiled;
  Stats.DirectBlocks += Direct;
  Stats.SelfLoops += Plan.SelfLoop;
  Stats.InstructionsCompiled += B.Insts.size();
  Stats.CompileSeconds += std::chrono::duration<double>(
                              std::chrono::steady_clock::now() - Start)
                              .count();
}

// Compiling a block costs about 0.2 ms plus 5 us per instruction (measured:
// 300 9-instruction blocks, and the benchmark's 1000-instruction block);
// interpreting costs about 8 ns per instruction. Compile cost over the cost
// of interpreting one arrival is then about 650 + 21000 / Length arrivals:
// a block is compiled after Threshold x (1 + FixedCostLength / Length)
// arrivals (FixedCostLength: the fixed part of the compile cost in
// instructions' worth of the per-instruction part), so the time spent
// interpreting a block before compiling it is of the order of its compile
// time, and never much more - the classic rent-or-buy balance, which keeps
// a program whose blocks are all just barely hot from paying mostly for
// compilation.
uint64_t JITEngine::arrivalsNeeded(size_t Length) const {
  constexpr uint64_t FixedCostLength = 32;
  return uint64_t(Threshold) + uint64_t(Threshold) * FixedCostLength / Length;
}

bool JITEngine::hotEnough(Decoded &Slot, size_t Length) {
  if (Threshold == 0)
    return true;
  uint64_t Needed = arrivalsNeeded(Length);
  uint64_t &Seen = PendingArrivals[&Slot];
  Seen += uint64_t(Slot.Heat) + 1; // The arrivals wants() counted, and this.
  if (Seen < Needed) {
    // Count the arrivals still needed: wants() calls again after
    // Threshold - Heat + 1 more, so start Heat that far below Threshold
    // (at 0 if more are needed than one round counts), and discount the
    // head start, which the next call's Heat + 1 includes.
    uint64_t Rest = Needed - Seen;
    uint64_t Round = uint64_t(Threshold) + 1;
    uint64_t Start = Rest >= Round ? 0 : Round - Rest;
    Slot.Heat = uint16_t(Start);
    Seen -= Start;
    return false;
  }
  PendingArrivals.erase(&Slot);
  return true;
}

void JITEngine::drop(uint32_t Id) {
  Block &B = Blocks[Id];
  if (B.Start->JitBlock == Id) {
    B.Start->JitBlock = 0;
    B.Start->Heat = 0; // The code changed: count again.
  }
  if (B.Tracker) {
    std::string Ignored;
    HostCompiler::get(Ignored)->remove(B.Tracker);
  }
  B = Block(); // Frees directly compiled code.
  FreeIds.push_back(Id);
  ++Stats.BlocksDropped;
  if (--Live == 0) {
    CoveredFirst = ~0ull;
    CoveredLast = 0;
  }
}

void JITEngine::dropOverlapping(uint64_t First, uint64_t Last) {
  for (uint32_t Id = 1; Id < Blocks.size(); ++Id) {
    const Block &B = Blocks[Id];
    if (B.Entry && First <= B.Last && B.First <= Last)
      drop(Id);
  }
}

void JITEngine::forgetPage(uint64_t Addr, uint64_t Len, const Decoded *Begin,
                           const Decoded *End) {
  invalidate(Addr, Len);
  // Blocks of a page start in it; make sure none is left pointing there.
  for (uint32_t Id = 1; Id < Blocks.size() && Live; ++Id)
    if (Blocks[Id].Entry && Blocks[Id].Start >= Begin && Blocks[Id].Start < End)
      drop(Id);
  if (PendingArrivals.empty())
    return;
  llvm::SmallVector<const Decoded *, 8> Stale;
  for (const auto &KV : PendingArrivals)
    if (KV.first >= Begin && KV.first < End)
      Stale.push_back(KV.first);
  for (const Decoded *D : Stale)
    PendingArrivals.erase(D);
}

void JITEngine::invalidateAll() {
  PendingArrivals.clear(); // The slots are decoded afresh.
  for (uint32_t Id = 1; Id < Blocks.size() && Live; ++Id)
    if (Blocks[Id].Entry)
      drop(Id);
}

} // namespace snipgen::model
