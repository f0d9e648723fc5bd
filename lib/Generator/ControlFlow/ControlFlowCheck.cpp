//===- ControlFlowCheck.cpp - Proving loops and calls on the model --------===//
#include "snipgen/Generator/ControlFlowCheck.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace snipgen {

static std::string hex(uint64_t V) { return "0x" + utohexstr(V); }

ControlFlowCheck::ControlFlowCheck(const ControlFlowMap &Map) : Map(Map) {
  for (unsigned I = 0; I < Map.Loops.size(); ++I) {
    const ControlFlowMap::Loop &L = Map.Loops[I];
    At[L.Start].push_back({Kind::LoopStart, I});
    // Every instruction of the latch may be the one that leaves the loop
    // (a taken inverted branch or the fall-through of the backward one).
    for (uint64_t PC = L.LatchBegin; PC < L.LatchEnd; PC += 2)
      At[PC].push_back({Kind::LatchInstr, I});
  }
  for (unsigned I = 0; I < Map.Calls.size(); ++I)
    At[Map.Calls[I].LinkPC].push_back({Kind::CallLink, I});
  for (unsigned I = 0; I < Map.Returns.size(); ++I)
    At[Map.Returns[I]].push_back({Kind::Return, I});
  Count.assign(Map.Loops.size(), 0);
  Seen.resize(Map.Loops.size());
}

void ControlFlowCheck::fail(const std::string &Msg) {
  if (Problem.empty())
    Problem = Msg;
}

void ControlFlowCheck::onRetire(uint64_t PC, uint32_t, uint32_t,
                                uint64_t NextPC) {
  auto It = At.find(PC);
  if (It == At.end())
    return;
  for (const Action &A : It->second) {
    switch (A.K) {
    case Kind::LoopStart:
      ++Count[A.Index];
      break;
    case Kind::LatchInstr: {
      const ControlFlowMap::Loop &L = Map.Loops[A.Index];
      if (NextPC != L.Exit)
        break;
      ++LoopExits;
      Seen[A.Index].push_back(Count[A.Index]);
      if (Count[A.Index] != L.Iterations)
        fail("the loop starting at " + hex(L.Start) + " ran " +
             std::to_string(Count[A.Index]) + " iterations, " +
             std::to_string(L.Iterations) + " were planned");
      Count[A.Index] = 0;
      break;
    }
    case Kind::CallLink:
      Shadow.push_back(Map.Calls[A.Index].ReturnTo);
      break;
    case Kind::Return:
      ++Returns;
      if (Shadow.empty()) {
        fail("the return at " + hex(PC) + " has no matching call");
        break;
      }
      if (NextPC != Shadow.back())
        fail("the return at " + hex(PC) + " goes to " + hex(NextPC) +
             " instead of " + hex(Shadow.back()));
      Shadow.pop_back();
      break;
    }
  }
}

Error ControlFlowCheck::verdict() {
  if (Problem.empty() && !Shadow.empty())
    fail(std::to_string(Shadow.size()) +
         " call(s) did not return (innermost return address " +
         hex(Shadow.back()) + ")");
  if (Problem.empty())
    return Error::success();
  return makeInternalError("control-flow check on the model failed: " +
                           Problem);
}

} // namespace snipgen
