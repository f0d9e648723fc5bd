//===- CallGraphTest.cpp - Generated call graphs --------------------------===//
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CallGraph.h"
#include "snipgen/Support/Random.h"
#include "gtest/gtest.h"
#include <functional>

using namespace snipgen;

namespace {
CallGraph generate(unsigned Number, unsigned Layers, unsigned Density,
                   bool Force, uint64_t Seed) {
  Layout L;
  CallGraphOptions O;
  O.FunctionNumber = Number;
  O.FunctionLayers = Layers;
  O.Density = Density;
  O.ForceConnect = Force;
  RandomEngine RNG(Seed);
  return llvm::cantFail(buildCallGraph(L, O, RNG));
}

std::vector<bool> reachable(const CallGraph &G) {
  std::vector<bool> R(G.Nodes.size(), false);
  std::function<void(unsigned)> Mark = [&](unsigned N) {
    if (R[N])
      return;
    R[N] = true;
    for (unsigned C : G.Nodes[N].Callees)
      Mark(C);
  };
  Mark(0);
  return R;
}
} // namespace

TEST(CallGraphTest, GeneratedGraphsAreLayeredDAGs) {
  for (uint64_t Seed = 1; Seed <= 50; ++Seed) {
    CallGraph G = generate(16, 4, 5, false, Seed);
    ASSERT_EQ(G.Nodes.size(), 16u);
    EXPECT_EQ(G.Nodes[0].Name, "SnippyFunction");
    EXPECT_EQ(G.Nodes[1].Name, "fun0");
    EXPECT_LE(G.depth(), 4u);
    std::vector<unsigned> Order = G.topologicalOrder();
    std::vector<unsigned> Pos(G.Nodes.size());
    for (unsigned I = 0; I < Order.size(); ++I)
      Pos[Order[I]] = I;
    for (unsigned N = 0; N < G.Nodes.size(); ++N)
      for (unsigned C : G.Nodes[N].Callees)
        EXPECT_LT(Pos[N], Pos[C]) << "callers come first";
  }
}

TEST(CallGraphTest, DensityZeroAndForceConnect) {
  EXPECT_FALSE(generate(8, 2, 0, false, 1).hasEdges());
  for (uint64_t Seed = 1; Seed <= 50; ++Seed) {
    CallGraph G = generate(12, 3, 1, true, Seed);
    for (bool R : reachable(G))
      EXPECT_TRUE(R) << "seed " << Seed;
  }
  EXPECT_EQ(generate(1, 1, 5, true, 1).Nodes.size(), 1u);
}

TEST(CallGraphTest, SameSeedSameGraph) {
  CallGraph A = generate(10, 3, 5, true, 7), B = generate(10, 3, 5, true, 7);
  EXPECT_EQ(A.toYaml(), B.toYaml());
  EXPECT_EQ(A.toDot(), B.toDot());
}
