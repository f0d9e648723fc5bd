//===- CFGDump.cpp - Graphviz dot of a generated function -----------------===//
#include "snipgen/Generator/CFGDump.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

std::string cfgDumpFileName(StringRef Basename, StringRef FunctionName) {
  std::string Name = FunctionName.str();
  std::replace(Name.begin(), Name.end(), '/', '_');
  std::string Prefix = Basename.str();
  if (!Prefix.empty() && Prefix.back() != '/')
    Prefix += '_';
  return Prefix + Name + "-cfg-dump.dot";
}

// Text inside a double-quoted dot label.
static std::string escape(StringRef S) {
  std::string Out;
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out;
}

// One "<address>: <instruction>" line per instruction of Bytes.
static void disassemble(raw_ostream &OS, const MCEnvironment &Env,
                        ArrayRef<uint8_t> Bytes, uint64_t Address) {
  for (uint64_t Off = 0; Off < Bytes.size();) {
    MCInst I;
    unsigned Size = Env.decode(Bytes.drop_front(Off), Address + Off, I);
    if (!Size)
      break;
    std::string Text = Env.print(I, Address + Off);
    StringRef T = StringRef(Text).trim();
    OS << utohexstr(Address + Off, true) << ": " << escape(T) << "\\l";
    Off += Size;
  }
}

std::string cfgToDot(const Program &P, const Function &F,
                     const MCEnvironment &Env) {
  std::string S;
  raw_string_ostream OS(S);
  std::string Title = "CFG for '" + F.Name + "' function";
  OS << "digraph \"" << escape(Title) << "\" {\n  label=\"" << escape(Title)
     << "\";\n  node [shape=box, fontname=\"monospace\"];\n";
  unsigned Last = F.Blocks.size() - 1;
  for (unsigned BI = 0; BI < F.Blocks.size(); ++BI) {
    const BasicBlock &B = F.Blocks[BI];
    OS << "  Node" << BI << " [label=\"bb." << BI;
    if (F.Blocks.size() > 1 && BI == 0)
      OS << " (prologue)";
    else if (F.Blocks.size() > 1 && BI == Last)
      OS << " (epilogue)";
    OS << "\\l";
    uint64_t A = B.Address;
    for (const LoopEntry &E : B.LoopEntries) {
      const LoopInfo &LI = F.Loops[E.Loop];
      OS << "loop " << E.Loop
         << (E.StartsLoop ? " entry" : " counter (consecutive loop)")
         << " (depth " << LI.Depth << ", " << LI.Iterations
         << " iterations, starts at 0x" << utohexstr(LI.StartAddress, true)
         << "):\\l";
      disassemble(OS, Env, E.Init.Bytes, A);
      A += E.Init.size() + E.PaddingCode.size();
    }
    disassemble(OS, Env, B.Code, A);
    A += B.Code.size();
    const Terminator &T = B.Term;
    disassemble(OS, Env, T.Pre.Bytes, A);
    A += T.Pre.size();
    if (T.Kind == TerminatorKind::ExternalCall) {
      OS << utohexstr(A, true) << ": call "
         << escape(P.Functions[T.Callee].Name) << " (relocated)\\l";
      A += T.RelocatedSize;
    }
    disassemble(OS, Env, T.Resolved.Bytes, A);
    A += T.Resolved.size();
    disassemble(OS, Env, T.Post.Bytes, A);
    OS << "\"];\n";
  }
  for (unsigned BI = 0; BI < F.Blocks.size(); ++BI) {
    const Terminator &T = F.Blocks[BI].Term;
    auto Edge = [&](unsigned To, StringRef Label, StringRef Style = "") {
      OS << "  Node" << BI << " -> Node" << To << " [label=\"" << Label << "\"";
      if (!Style.empty())
        OS << ", " << Style;
      OS << "];\n";
    };
    switch (T.Kind) {
    case TerminatorKind::FallThrough:
      if (BI != Last)
        Edge(BI + 1, "");
      break;
    case TerminatorKind::Branch:
      Edge(T.Target, "taken");
      Edge(BI + 1, "not taken");
      break;
    case TerminatorKind::Jump:
    case TerminatorKind::IndirectJump:
      Edge(T.Target, "jump");
      break;
    case TerminatorKind::LoopLatch: {
      const LoopInfo &LI = F.Loops[T.Target];
      Edge(LI.First,
           ("loop " + Twine(T.Target) + " x" + Twine(LI.Iterations)).str(),
           "style=dashed, color=blue");
      Edge(BI + 1, "exit");
      break;
    }
    case TerminatorKind::Call:
    case TerminatorKind::ExternalCall:
      Edge(BI + 1, ("after call " + P.Functions[T.Callee].Name).c_str());
      break;
    }
  }
  OS << "}\n";
  return S;
}

} // namespace snipgen
