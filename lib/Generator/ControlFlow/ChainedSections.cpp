//===- ChainedSections.cpp - The entry function over rx sections ----------===//
//
// See ChainedSections.h. planChain() decides the pieces; the control-flow
// generator draws and plans them (drawChainedEntry below) and turns the end
// of every piece but the last into a jump (makeTerminator).
//===----------------------------------------------------------------------===//
#include "ChainedSections.h"
#include "ControlFlowGenerator.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/Generator.h"
#include "snipgen/Generator/PrimarySource.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include <algorithm>
#include <numeric>

using namespace llvm;

namespace snipgen {

Expected<std::vector<ChainPiece>>
planChain(const Layout &L, const GeneratorConfig &Config, RandomEngine &RNG) {
  std::vector<ChainPiece> Pieces;
  if (!Config.ChainedRX)
    return Pieces;
  std::vector<unsigned> Path;
  for (unsigned I = 0; I < L.Sections.size(); ++I)
    if (L.Sections[I].Access.X)
      Path.push_back(I);
  if (Path.empty())
    return makeError("the layout has no executable (rx) section for the code");
  if (Config.ChainedRXSorted)
    std::stable_sort(Path.begin(), Path.end(), [&](unsigned A, unsigned B) {
      return L.Sections[A].Name < L.Sections[B].Name;
    });
  else
    for (size_t I = Path.size(); I > 1; --I)
      std::swap(Path[I - 1], Path[RNG.below(I)]);

  // Shares in proportion to the sizes; the rounding remainder goes to the
  // largest fractions (earlier sections of the path first on ties).
  uint64_t Total = 0;
  for (unsigned S : Path)
    Total += L.Sections[S].Size;
  uint64_t N = Config.NumInstrs;
  std::vector<uint64_t> Share(Path.size());
  std::vector<std::pair<double, size_t>> Frac;
  uint64_t Given = 0;
  for (size_t I = 0; I < Path.size(); ++I) {
    double Exact = double(N) * double(L.Sections[Path[I]].Size) / double(Total);
    Share[I] = static_cast<uint64_t>(Exact);
    Given += Share[I];
    Frac.push_back({Exact - double(Share[I]), I});
  }
  std::stable_sort(Frac.begin(), Frac.end(),
                   [](auto &A, auto &B) { return A.first > B.first; });
  for (size_t K = 0; Given < N; ++K, ++Given)
    ++Share[Frac[K % Frac.size()].second];

  uint64_t Chunk = Config.ChainedRXChunk;
  for (size_t I = 0; I < Path.size(); ++I) {
    if (!Chunk) {
      Pieces.push_back({Path[I], Share[I]});
      continue;
    }
    uint64_t Left = Share[I];
    do {
      uint64_t Take = std::min(Left, Chunk);
      Pieces.push_back({Path[I], Take});
      Left -= Take;
    } while (Left);
  }
  // Chunks: all pieces but the entry's first run in random order (section
  // order with -chained-rx-sorted).
  if (Chunk && !Config.ChainedRXSorted)
    for (size_t I = Pieces.size(); I > 2; --I)
      std::swap(Pieces[I - 1], Pieces[1 + RNG.below(I - 1)]);
  return Pieces;
}

Error ControlFlowGenerator::drawChainedEntry(unsigned Node) {
  FunctionPlan &FP = Plans[Node];
  const BranchesConfig &B = L.ControlFlow.Branches;
  unsigned MaxLoopBlocks = ~0u;
  if (B.PCDistance.Max)
    MaxLoopBlocks = *B.PCDistance.Max / 8 + 1;
  for (unsigned PI = 0; PI < Chain.size(); ++PI) {
    unsigned Begin = FP.Blocks.size();
    BlockPlan Cur;
    for (uint64_t I = 0; I < Chain[PI].Primaries; ++I) {
      const OpcodeDesc &Op = Parts.Source.next(RNG);
      CFRole R = HasControlFlow ? roleOf(Op, Node) : CFRole::None;
      if (R == CFRole::None) {
        Cur.Ops.push_back(&Op);
        continue;
      }
      Cur.CF = &Op;
      Cur.Role = R;
      Cur.Section = static_cast<int>(Chain[PI].Section);
      FP.Blocks.push_back(std::move(Cur));
      Cur = BlockPlan();
    }
    Cur.Section = static_cast<int>(Chain[PI].Section);
    Cur.ChainNext = PI + 1 < Chain.size();
    FP.Blocks.push_back(std::move(Cur));
    unsigned End = FP.Blocks.size();

    // Branches and loops inside the piece.
    std::vector<SlotKind> Slots;
    for (unsigned Blk = Begin; Blk < End; ++Blk) {
      const BlockPlan &BP = FP.Blocks[Blk];
      Slots.push_back(BP.Role == CFRole::CondBranch ? SlotKind::Cond
                      : BP.Role == CFRole::Jump ||
                              BP.Role == CFRole::IndirectJump
                          ? SlotKind::Uncond
                          : SlotKind::None);
    }
    unsigned MaxDist =
        B.BlockDistance.Max
            ? *B.BlockDistance.Max
            : autoMaxBlockDistance(std::max<uint64_t>(Chain[PI].Primaries, 1),
                                   End - Begin, B.LoopRatio);
    BranchPlan Piece = planBranches(Slots, B, MaxDist, RNG, MaxLoopBlocks);
    for (unsigned T : Piece.Target)
      FP.Branches.Target.push_back(T + Begin);
    for (PlannedLoop PL : Piece.Loops) {
      PL.First += Begin;
      PL.Latch += Begin;
      PL.Head += Begin; // where the counter is set up (consecutive-loops)
      FP.Branches.Loops.push_back(PL);
    }
    append_range(FP.Branches.LoopDepth, Piece.LoopDepth);
  }
  return Error::success();
}

} // namespace snipgen
