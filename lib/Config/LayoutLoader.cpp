//===- LayoutLoader.cpp - Read, merge and preprocess layout files ---------===//
//
// Loading happens in four steps (the rules are in Config/Layout.h):
//   1. read every file named on the command line and hand its content keys
//      to their handlers (LayoutKeys.h);
//   2. pick the main `options` (the first main file that has the key) and
//      take `layout-include-dir` from it;
//   3. read includes depth-first, in the order they are written, main file by
//      main file; merge the options of included files;
//   4. merge options by precedence, run the handlers' finish checks and print
//      the merged layout for -E.
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "YAMLTree.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/InputFiles.h"
#include "snipgen/Support/Warnings.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace snipgen {

static constexpr StringLiteral IncludeKey = "include";
static constexpr StringLiteral OptionsKey = "options";

namespace {

struct LoadedFile {
  std::string Path; // as named on the command line, or as resolved
  bool IsMain = false;
  sys::fs::UniqueID ID;
  YAMLNode Root;
  const YAMLEntry *IncludeEntry = nullptr;
  const YAMLEntry *OptionsEntry = nullptr;
};

// A content key of the merged layout, in load order.
struct MergedKey {
  const YAMLEntry *Entry;
  const LoadedFile *File;
};

class LayoutLoader {
public:
  LayoutLoader(Layout &L, const LayoutLoadOptions &LoadOpts,
               WarningEngine &Warnings)
      : L(L), LoadOpts(LoadOpts), Ctx{L, Warnings, LoadOpts.HistogramFromPlugin} {}

  Error load(ArrayRef<std::string> MainFiles);

private:
  const SourceMgr &sm() const { return *L.SM; }
  Error loadMainFile(StringRef Path);
  Expected<LoadedFile *> readFile(StringRef Path, bool IsMain,
                                  sys::fs::UniqueID ID,
                                  function_ref<Error(const Twine &)> Fail);
  Error processKeys(LoadedFile &F);
  Error checkIncludeList(const YAMLEntry &E);
  Error selectMainOptions();
  Error loadIncludes(LoadedFile &F, std::vector<const LoadedFile *> &Chain);
  Expected<std::string> resolveInclude(const LoadedFile &From,
                                       const YAMLNode &Item,
                                       sys::fs::UniqueID &ID);
  const LoadedFile *findLoaded(const sys::fs::UniqueID &ID) const;
  const MergedKey *findKey(StringRef Name) const;
  void printPreprocessed(ArrayRef<ParsedOption> Options);

  Layout &L;
  const LayoutLoadOptions &LoadOpts;
  LayoutBuildContext Ctx;
  std::vector<std::unique_ptr<LoadedFile>> Files; // load order
  std::vector<MergedKey> Keys;
  std::vector<std::string> IncludeDirs;
  const LoadedFile *MainOptionsFile = nullptr;
  std::vector<ParsedOption> MainOptions, IncludedOptions;
};

} // namespace

const LoadedFile *LayoutLoader::findLoaded(const sys::fs::UniqueID &ID) const {
  for (const auto &F : Files)
    if (F->ID == ID)
      return F.get();
  return nullptr;
}

const MergedKey *LayoutLoader::findKey(StringRef Name) const {
  for (const MergedKey &K : Keys)
    if (K.Entry->key() == Name)
      return &K;
  return nullptr;
}

static std::vector<StringRef> knownKeyNames() {
  std::vector<StringRef> Names;
  for (const TopLevelKeyHandler &H : topLevelKeyHandlers())
    Names.push_back(H.Name);
  Names.push_back(IncludeKey);
  Names.push_back(OptionsKey);
  return Names;
}

static std::string knownKeys() { return join(knownKeyNames(), ", "); }

Expected<LoadedFile *>
LayoutLoader::readFile(StringRef Path, bool IsMain, sys::fs::UniqueID ID,
                       function_ref<Error(const Twine &)> Fail) {
  std::string Why;
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = readInputFile(Path, Why);
  if (!Buffer)
    return Fail("cannot read layout file '" + Path + "': " + Why);
  unsigned BufferID = L.SM->AddNewSourceBuffer(std::move(*Buffer), SMLoc());
  Expected<YAMLNode> Root = parseYAMLBuffer(*L.SM, BufferID);
  if (!Root)
    return Root.takeError();
  auto F = std::make_unique<LoadedFile>();
  F->Path = Path.str();
  F->IsMain = IsMain;
  F->ID = ID;
  F->Root = std::move(*Root);
  L.Files.push_back(F->Path);
  Files.push_back(std::move(F));
  return Files.back().get();
}

Error LayoutLoader::loadMainFile(StringRef Path) {
  auto Fail = [&](const Twine &Msg) { return makeError(Msg); };
  sys::fs::UniqueID ID;
  if (std::error_code EC = sys::fs::getUniqueID(Path, ID))
    return Fail("cannot read layout file '" + Path + "': " + EC.message());
  if (const LoadedFile *Same = findLoaded(ID))
    return Fail("layout file '" + Path + "' is given more than once" +
                (Same->Path == Path ? "" : " (also as '" + Same->Path + "')"));
  Expected<LoadedFile *> F = readFile(Path, /*IsMain=*/true, ID, Fail);
  if (!F)
    return F.takeError();
  return processKeys(**F);
}

Error LayoutLoader::checkIncludeList(const YAMLEntry &E) {
  if (E.Value.isNull())
    return Error::success();
  if (Error Err = expectSequence(sm(), E.Value, "'include'"))
    return Err;
  for (const YAMLNode &Item : E.Value.Items) {
    if (Error Err = expectScalar(sm(), Item, "an 'include' entry"))
      return Err;
    if (Item.Value.empty())
      return makeError(sm(), Item.Loc, "an include path must not be empty");
  }
  return Error::success();
}

Error LayoutLoader::processKeys(LoadedFile &F) {
  if (F.Root.isNull())
    return Error::success(); // an empty file contributes nothing
  if (!F.Root.isMapping())
    return makeError(sm(), F.Root.Loc,
                     "a layout file must be a mapping of top-level keys (" +
                         knownKeys() + "), got " + F.Root.describe());
  for (const YAMLEntry &E : F.Root.Entries) {
    StringRef Name = E.key();
    if (Name == IncludeKey) {
      F.IncludeEntry = &E;
      if (Error Err = checkIncludeList(E))
        return Err;
      continue;
    }
    if (Name == OptionsKey) {
      F.OptionsEntry = &E;
      // Main files' options are chosen once all main files are read.
      if (F.IsMain)
        continue;
      std::vector<ParsedOption> Parsed;
      if (Error Err = parseOptionsKey(E, sm(), /*FromInclude=*/true, Parsed))
        return Err;
      if (Error Err = addIncludedOptions(IncludedOptions, std::move(Parsed),
                                         sm()))
        return Err;
      continue;
    }
    ArrayRef<TopLevelKeyHandler> Handlers = topLevelKeyHandlers();
    const TopLevelKeyHandler *H = find_if(
        Handlers, [&](const TopLevelKeyHandler &H) { return H.Name == Name; });
    if (H == Handlers.end())
      return makeError(sm(), E.Key.Loc,
                       "unknown top-level key '" + Name + "'" +
                           suggestClosest(Name, knownKeyNames()) +
                           "; known keys: " + knownKeys());
    if (const MergedKey *First = findKey(Name))
      return makeErrorWithNote(
          sm(), E.Key.Loc,
          "top-level key '" + Name + "' is already given at " +
              formatLoc(sm(), First->Entry->Key.Loc) +
              "; each top-level key may appear only once across all layout "
              "files",
          First->Entry->Key.Loc, "first given here");
    Keys.push_back({&E, &F});
    if (Error Err = H->Parse(E, Ctx))
      return Err;
  }
  return Error::success();
}

Error LayoutLoader::selectMainOptions() {
  for (const auto &F : Files) {
    if (!F->IsMain || !F->OptionsEntry)
      continue;
    if (!MainOptionsFile) {
      MainOptionsFile = F.get();
      if (Error E = parseOptionsKey(*F->OptionsEntry, sm(),
                                    /*FromInclude=*/false, MainOptions))
        return E;
      continue;
    }
    if (Error E = Ctx.Warnings.warn(
            Warning::InconsistentOptions,
            "'options' in " + formatLoc(sm(), F->OptionsEntry->Key.Loc) +
                " are ignored: the first layout file with 'options' (" +
                MainOptionsFile->Path + ") takes precedence"))
      return E;
  }

  // Command-line directories first, then the main file's, which are relative
  // to that file (like include paths) so the layout works from any directory.
  IncludeDirs = LoadOpts.IncludeDirs;
  StringRef IncludeDirOption = optionSpec(OptionID::LayoutIncludeDir).Name;
  for (const ParsedOption &P : MainOptions) {
    if (P.Option.Name != IncludeDirOption)
      continue;
    for (const std::string &Dir : P.Option.Values) {
      if (Dir.empty())
        continue; // rejected later by the option table
      SmallString<256> Resolved(sys::path::parent_path(MainOptionsFile->Path));
      if (sys::path::is_absolute(Dir))
        Resolved = Dir;
      else
        sys::path::append(Resolved, Dir);
      IncludeDirs.push_back(std::string(Resolved));
    }
  }
  return Error::success();
}

Expected<std::string> LayoutLoader::resolveInclude(const LoadedFile &From,
                                                   const YAMLNode &Item,
                                                   sys::fs::UniqueID &ID) {
  StringRef Name = Item.Value;
  std::vector<std::string> Candidates;
  auto AddCandidate = [&](StringRef Dir) {
    SmallString<256> P(Dir);
    sys::path::append(P, Name);
    Candidates.push_back(std::string(P));
  };
  if (sys::path::is_absolute(Name)) {
    Candidates.push_back(Name.str());
  } else {
    AddCandidate(sys::path::parent_path(From.Path));
    for (const std::string &Dir : IncludeDirs)
      AddCandidate(Dir);
  }
  for (const std::string &C : Candidates) {
    sys::fs::file_status Status;
    if (!sys::fs::status(C, Status) && sys::fs::is_regular_file(Status)) {
      ID = Status.getUniqueID();
      return C;
    }
  }
  std::string Hint;
  if (!sys::path::is_absolute(Name) && IncludeDirs.empty())
    Hint = "; add directories to search with --layout-include-dir";
  return makeError(sm(), Item.Loc,
                   "cannot find included file '" + Name +
                       "'; looked for: " + join(Candidates, ", ") + Hint);
}

Error LayoutLoader::loadIncludes(LoadedFile &F,
                                 std::vector<const LoadedFile *> &Chain) {
  if (!F.IncludeEntry)
    return Error::success();
  Chain.push_back(&F);
  for (const YAMLNode &Item : F.IncludeEntry->Value.Items) {
    sys::fs::UniqueID ID;
    Expected<std::string> Path = resolveInclude(F, Item, ID);
    if (!Path)
      return Path.takeError();
    auto OnChain = find_if(
        Chain, [&](const LoadedFile *Step) { return Step->ID == ID; });
    if (OnChain != Chain.end()) {
      std::string Cycle;
      for (auto It = OnChain; It != Chain.end(); ++It)
        Cycle += (*It)->Path + " -> ";
      return makeError(sm(), Item.Loc,
                       "include cycle: " + Cycle + *Path);
    }
    if (const LoadedFile *Same = findLoaded(ID))
      return makeError(sm(), Item.Loc,
                       "'" + *Path + "' is already part of the layout (as '" +
                           Same->Path +
                           "'); a file may be loaded only once, since each "
                           "top-level key may appear only once");
    auto Fail = [&](const Twine &Msg) { return makeError(sm(), Item.Loc, Msg); };
    Expected<LoadedFile *> Child = readFile(*Path, /*IsMain=*/false, ID, Fail);
    if (!Child)
      return Child.takeError();
    if (Error E = processKeys(**Child))
      return E;
    if (Error E = loadIncludes(**Child, Chain))
      return E;
  }
  Chain.pop_back();
  return Error::success();
}

void LayoutLoader::printPreprocessed(ArrayRef<ParsedOption> Options) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << "# Preprocessed layout: includes resolved, options merged.\n";
  for (const MergedKey &K : Keys) {
    OS << "\n# from " << K.File->Path << "\n";
    OS << K.Entry->key() << ':';
    printYAMLValue(OS, K.Entry->Value, 2);
  }
  if (!Options.empty()) {
    std::vector<std::string> Sources;
    for (const ParsedOption &P : Options) {
      std::string File = sm()
                             .getMemoryBuffer(sm().FindBufferContainingLoc(
                                 P.Option.NameLoc))
                             ->getBufferIdentifier()
                             .str();
      if (!is_contained(Sources, File))
        Sources.push_back(File);
    }
    OS << "\n# from " << join(Sources, ", ") << "\n";
    OS << OptionsKey << ":\n";
    for (const ParsedOption &P : Options) {
      OS << "  " << quoteYAMLScalar(P.Option.Name) << ':';
      printYAMLValue(OS, *P.ValueNode, 4);
    }
  }
  OS.flush();
  L.Preprocessed = std::move(Text);
}

Error LayoutLoader::load(ArrayRef<std::string> MainFiles) {
  if (MainFiles.empty())
    return makeError("no layout file given; name one or more YAML layout "
                     "files on the command line");
  for (const std::string &Path : MainFiles)
    if (Error E = loadMainFile(Path))
      return E;
  if (Error E = selectMainOptions())
    return E;

  std::vector<const LoadedFile *> Chain;
  // Files grows while includes are read; main files are at the front.
  size_t NumMain = Files.size();
  for (size_t I = 0; I < NumMain; ++I)
    if (Error E = loadIncludes(*Files[I], Chain))
      return E;

  std::vector<ParsedOption> Options =
      mergeOptions(std::move(MainOptions), std::move(IncludedOptions));
  for (const ParsedOption &P : Options)
    L.Options.push_back(P.Option);

  for (const TopLevelKeyHandler &H : topLevelKeyHandlers()) {
    if (!H.Finish)
      continue;
    const MergedKey *K = findKey(H.Name);
    if (Error E = H.Finish(K ? K->Entry : nullptr, Ctx))
      return E;
  }
  printPreprocessed(Options);
  return Error::success();
}

Expected<Layout> loadLayout(ArrayRef<std::string> Files,
                            const LayoutLoadOptions &LoadOpts,
                            WarningEngine &Warnings) {
  Layout L;
  L.SM = std::make_shared<SourceMgr>();
  if (Error E = LayoutLoader(L, LoadOpts, Warnings).load(Files))
    return E;
  return L;
}

} // namespace snipgen
