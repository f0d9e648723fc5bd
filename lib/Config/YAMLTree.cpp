//===- YAMLTree.cpp - Build a located YAML tree and print it back ---------===//
//
// Building: llvm::yaml::Stream reports syntax errors through the SourceMgr's
// diagnostic handler; a first pass with a temporary handler captures the
// first one so that it becomes a UserError instead of being printed. The
// second pass builds the tree from the (now known to be valid) text.
//
// Printing (for -E): block style with two-space indentation; short sequences
// of scalars (histogram entries) stay on one line in flow style. Scalars are
// written as they were in the source (same quoting) when that is valid at
// the new place, otherwise double-quoted, so re-parsing gives the same values.
//===----------------------------------------------------------------------===//
#include "YAMLTree.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

using namespace llvm;

namespace snipgen {

const YAMLEntry *YAMLNode::find(StringRef Key) const {
  for (const YAMLEntry &E : Entries)
    if (E.key() == Key)
      return &E;
  return nullptr;
}

std::string YAMLNode::describe() const {
  switch (K) {
  case Kind::Null:
    return "an empty value";
  case Kind::Scalar:
    return "'" + Value + "'";
  case Kind::Sequence:
    return "a sequence";
  case Kind::Mapping:
    return "a mapping";
  }
  return "?";
}

//===----------------------------------------------------------------------===//
// Building
//===----------------------------------------------------------------------===//

namespace {

// Bounds that keep hostile input (alias bombs, deep nesting) from exhausting
// memory or stack; real layouts are orders of magnitude below them.
constexpr size_t MaxNodes = 2'000'000;
constexpr unsigned MaxDepth = 200;

class TreeBuilder {
public:
  TreeBuilder(const SourceMgr &SM, StringRef Buffer)
      : SM(SM), Buffer(Buffer) {}
  Error convert(yaml::Node *N, YAMLNode &Out, SMLoc ContextLoc,
                unsigned Depth);

private:
  Error convertMapping(yaml::MappingNode &M, YAMLNode &Out, unsigned Depth);
  Error countNodes(const YAMLNode &N);
  SMLoc flowOpener(SMLoc Start, char Opener) const;

  const SourceMgr &SM;
  StringRef Buffer;
  // Anchored nodes seen so far in the document, for resolving aliases.
  StringMap<YAMLNode> Anchors;
  size_t NumNodes = 0;
};

} // namespace

// Aliases copy the anchored tree; count the copy so that nested aliases
// cannot multiply the tree beyond the limit.
Error TreeBuilder::countNodes(const YAMLNode &N) {
  if (++NumNodes > MaxNodes)
    return makeError(SM, N.Loc,
                     "layout file is too large (more than " +
                         Twine(MaxNodes) + " YAML nodes after expanding aliases)");
  for (const YAMLNode &Item : N.Items)
    if (Error E = countNodes(Item))
      return E;
  for (const YAMLEntry &Entry : N.Entries)
    if (Error E = countNodes(Entry.Value))
      return E;
  return Error::success();
}

// LLVM starts a flow collection at its first element ("[ADD, 1]" at "ADD",
// "[]" at "]"); messages about the collection should point at its bracket.
SMLoc TreeBuilder::flowOpener(SMLoc Start, char Opener) const {
  const char *P = Start.getPointer();
  if (P < Buffer.begin() || P > Buffer.end())
    return Start;
  while (P > Buffer.begin()) {
    char C = *--P;
    if (C == Opener)
      return SMLoc::getFromPointer(P);
    if (C != ' ' && C != '\t' && C != '\n' && C != '\r')
      break;
  }
  return Start;
}

Error TreeBuilder::convert(yaml::Node *N, YAMLNode &Out, SMLoc ContextLoc,
                           unsigned Depth) {
  // A null node only comes from a syntax error, which the caller reports.
  if (!N)
    return Error::success();
  Out.Loc = N->getSourceRange().Start;
  if (!Out.Loc.isValid())
    Out.Loc = ContextLoc;
  if (Depth > MaxDepth)
    return makeError(SM, Out.Loc,
                     "YAML nesting is deeper than " + Twine(MaxDepth) +
                         " levels");
  if (++NumNodes > MaxNodes)
    return makeError(SM, Out.Loc,
                     "layout file is too large (more than " +
                         Twine(MaxNodes) + " YAML nodes)");

  switch (N->getType()) {
  case yaml::Node::NK_Null:
    Out.K = YAMLNode::Kind::Null;
    break;
  case yaml::Node::NK_Scalar: {
    auto *S = cast<yaml::ScalarNode>(N);
    SmallString<64> Storage;
    Out.K = YAMLNode::Kind::Scalar;
    Out.Value = S->getValue(Storage).str();
    Out.Raw = S->getRawValue();
    break;
  }
  case yaml::Node::NK_BlockScalar:
    // `|` and `>` scalars: keep only the value; the printer quotes it.
    Out.K = YAMLNode::Kind::Scalar;
    Out.Value = cast<yaml::BlockScalarNode>(N)->getValue().str();
    break;
  case yaml::Node::NK_Sequence:
    Out.K = YAMLNode::Kind::Sequence;
    Out.Loc = flowOpener(Out.Loc, '[');
    for (yaml::Node &Item : *cast<yaml::SequenceNode>(N)) {
      Out.Items.emplace_back();
      if (Error E = convert(&Item, Out.Items.back(), Out.Loc, Depth + 1))
        return E;
    }
    break;
  case yaml::Node::NK_Mapping:
    Out.Loc = flowOpener(Out.Loc, '{');
    if (Error E = convertMapping(*cast<yaml::MappingNode>(N), Out, Depth))
      return E;
    break;
  case yaml::Node::NK_Alias: {
    // LLVM's parser leaves aliases unresolved and gives them no useful
    // location; the enclosing key or item is the best place to point at.
    StringRef Name = cast<yaml::AliasNode>(N)->getName();
    auto It = Anchors.find(Name);
    if (It == Anchors.end())
      return makeError(SM, ContextLoc,
                       "unknown YAML alias '*" + Name +
                           "'; an alias must refer to an earlier '&" + Name +
                           "' anchor in the same file");
    Out = It->second;
    if (Error E = countNodes(Out))
      return E;
    return Error::success();
  }
  case yaml::Node::NK_KeyValue:
    return makeInternalError("unexpected YAML key-value node");
  }
  if (!N->getAnchor().empty())
    Anchors[N->getAnchor()] = Out;
  return Error::success();
}

Error TreeBuilder::convertMapping(yaml::MappingNode &M, YAMLNode &Out,
                                  unsigned Depth) {
  Out.K = YAMLNode::Kind::Mapping;
  StringMap<size_t> Seen; // key -> index in Out.Entries
  for (yaml::KeyValueNode &KV : M) {
    yaml::Node *KeyNode = KV.getKey();
    if (!KeyNode)
      return Error::success(); // syntax error, reported by the caller
    YAMLEntry Entry;
    if (Error E = convert(KeyNode, Entry.Key, Out.Loc, Depth + 1))
      return E;
    if (!Entry.Key.isScalar())
      return makeError(SM, Entry.Key.Loc,
                       "a mapping key must be a single plain value, got " +
                           Entry.Key.describe());
    if (Error E = convert(KV.getValue(), Entry.Value, Entry.Key.Loc, Depth + 1))
      return E;
    auto [It, Inserted] = Seen.try_emplace(Entry.key(), Out.Entries.size());
    if (!Inserted) {
      const YAMLEntry &First = Out.Entries[It->second];
      return makeErrorWithNote(SM, Entry.Key.Loc,
                               "duplicate key '" + Entry.key() +
                                   "' (first given at " +
                                   formatLoc(SM, First.Key.Loc) + ")",
                               First.Key.Loc, "first given here");
    }
    Out.Entries.push_back(std::move(Entry));
  }
  return Error::success();
}

namespace {
struct DiagCapture {
  bool Captured = false;
  std::string Text;
};
} // namespace

static void captureFirstDiag(const SMDiagnostic &D, void *Context) {
  auto *Capture = static_cast<DiagCapture *>(Context);
  if (Capture->Captured)
    return;
  Capture->Captured = true;
  raw_string_ostream OS(Capture->Text);
  D.print(/*ProgName=*/nullptr, OS, /*ShowColors=*/false);
  OS.flush();
  while (!Capture->Text.empty() && Capture->Text.back() == '\n')
    Capture->Text.pop_back();
}

// Runs the scanner over the whole buffer with a handler that keeps the first
// syntax error. Error-building helpers print through the SourceMgr too (and
// so through any installed handler), which is why conversion runs in a
// separate pass once the handler is gone.
static Error checkSyntax(SourceMgr &SM, MemoryBufferRef Buffer) {
  DiagCapture Capture;
  SourceMgr::DiagHandlerTy OldHandler = SM.getDiagHandler();
  void *OldContext = SM.getDiagContext();
  SM.setDiagHandler(captureFirstDiag, &Capture);
  {
    yaml::Stream Stream(Buffer, SM, /*ShowColors=*/false);
    Stream.skip();
  }
  SM.setDiagHandler(OldHandler, OldContext);
  if (Capture.Captured)
    return make_error<UserError>(std::move(Capture.Text));
  return Error::success();
}

Expected<YAMLNode> parseYAMLBuffer(SourceMgr &SM, unsigned BufferID) {
  MemoryBufferRef Buffer = SM.getMemoryBuffer(BufferID)->getMemBufferRef();
  if (Error E = checkSyntax(SM, Buffer))
    return E;

  SMLoc FileStart = SMLoc::getFromPointer(Buffer.getBufferStart());
  // Decoding a scalar can still fail ("Unrecognized escape code" in a
  // double-quoted one): keep that diagnostic as the error instead of letting
  // it print and the conversion go on (makeError prints without the
  // handler, so it stays out of the capture).
  DiagCapture Capture;
  SourceMgr::DiagHandlerTy OldHandler = SM.getDiagHandler();
  void *OldContext = SM.getDiagContext();
  SM.setDiagHandler(captureFirstDiag, &Capture);
  auto Restore = make_scope_exit(
      [&] { SM.setDiagHandler(OldHandler, OldContext); });
  yaml::Stream Stream(Buffer, SM, /*ShowColors=*/false);
  TreeBuilder Builder(SM, Buffer.getBuffer());
  YAMLNode Root;
  bool First = true;
  for (yaml::Document &Doc : Stream) {
    yaml::Node *DocRoot = Doc.getRoot();
    if (!First)
      return makeError(
          SM, DocRoot ? DocRoot->getSourceRange().Start : FileStart,
          "a layout file must contain a single YAML document; split the "
          "documents into separate files instead of using '---'");
    First = false;
    Error E = Builder.convert(DocRoot, Root, FileStart, 0);
    if (Capture.Captured) {
      consumeError(std::move(E));
      return make_error<UserError>(std::move(Capture.Text));
    }
    if (E)
      return E;
  }
  if (Capture.Captured)
    return make_error<UserError>(std::move(Capture.Text));
  return Root;
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

static std::string doubleQuoted(StringRef Value) {
  std::string Quoted = "\"";
  Quoted += yaml::escape(Value);
  Quoted += '"';
  return Quoted;
}

std::string quoteYAMLScalar(StringRef Value) {
  bool Plain = !Value.empty() && Value != "-" &&
               all_of(Value, [](char C) {
                 return isAlnum(C) || StringRef("_./+-").contains(C);
               });
  return Plain ? Value.str() : doubleQuoted(Value);
}

// Plain scalars written in block context may contain characters that end a
// scalar inside [..] or {..}.
static bool isSafeInFlow(StringRef Plain) {
  return Plain.find_first_of(",[]{}#") == StringRef::npos &&
         !Plain.contains(": ") && !Plain.ends_with(":");
}

static std::string scalarText(const YAMLNode &N, bool InFlow) {
  StringRef Raw = N.Raw;
  if (!Raw.empty() && Raw.find_first_of("\r\n") == StringRef::npos) {
    bool Quoted = Raw.front() == '"' || Raw.front() == '\'';
    if (Quoted || !InFlow || isSafeInFlow(Raw))
      return Raw.str();
  }
  return doubleQuoted(N.Value);
}

// Sequences of a few scalars read best on one line: `- [ADD, 1.0]`.
constexpr size_t MaxFlowWidth = 72;

static std::optional<std::string> flowText(const YAMLNode &N) {
  if (N.isMapping() && N.Entries.empty())
    return std::string("{}");
  if (!N.isSequence())
    return std::nullopt;
  std::string Text(1, '[');
  for (size_t I = 0; I < N.Items.size(); ++I) {
    if (!N.Items[I].isScalar())
      return std::nullopt;
    if (I)
      Text += ", ";
    Text += scalarText(N.Items[I], /*InFlow=*/true);
  }
  Text += ']';
  if (Text.size() > MaxFlowWidth)
    return std::nullopt;
  return Text;
}

static void printSequenceItem(raw_ostream &OS, const YAMLNode &N,
                              unsigned Indent);

// Elements of a block collection at column Indent; with FirstInline the first
// one continues the current line (after "- ").
static void printElements(raw_ostream &OS, const YAMLNode &N, unsigned Indent,
                          bool FirstInline) {
  bool First = true;
  auto StartLine = [&] {
    if (First && FirstInline)
      OS << ' ';
    else
      OS.indent(Indent);
    First = false;
  };
  for (const YAMLEntry &E : N.Entries) {
    StartLine();
    OS << scalarText(E.Key, /*InFlow=*/false) << ':';
    printYAMLValue(OS, E.Value, Indent + 2);
  }
  for (const YAMLNode &Item : N.Items) {
    StartLine();
    OS << '-';
    printSequenceItem(OS, Item, Indent + 2);
  }
}

void printYAMLValue(raw_ostream &OS, const YAMLNode &N, unsigned Indent) {
  switch (N.K) {
  case YAMLNode::Kind::Null:
    OS << '\n';
    return;
  case YAMLNode::Kind::Scalar:
    OS << ' ' << scalarText(N, /*InFlow=*/false) << '\n';
    return;
  case YAMLNode::Kind::Sequence:
  case YAMLNode::Kind::Mapping:
    if (std::optional<std::string> Flow = flowText(N)) {
      OS << ' ' << *Flow << '\n';
      return;
    }
    OS << '\n';
    printElements(OS, N, Indent, /*FirstInline=*/false);
    return;
  }
}

// After "-": a block collection starts on the same line ("- name: 1").
static void printSequenceItem(raw_ostream &OS, const YAMLNode &N,
                              unsigned Indent) {
  bool BlockCollection = (N.isSequence() || N.isMapping()) && !flowText(N);
  if (BlockCollection)
    printElements(OS, N, Indent, /*FirstInline=*/true);
  else
    printYAMLValue(OS, N, Indent);
}

} // namespace snipgen
