#include "snipgen/Config/Options.h"
#include "NotYetSupported.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>

using namespace llvm;

namespace snipgen {

static const OptionSpec Specs[] = {
#define SNIPGEN_OPTION(Id, Name, Kind, Default, ValueDesc, Help)               \
  {OptionID::Id, Name, OptionKind::Kind, Default, ValueDesc, Help},
#include "snipgen/Config/Options.def"
};

const OptionSpec &optionSpec(OptionID ID) {
  return Specs[static_cast<size_t>(ID)];
}

/// llvm-snippy's other names of options (cl::alias there).
static const struct {
  StringLiteral Name;
  OptionID Target;
  StringLiteral Help;
} Aliases[] = {
    {"initial-regs", OptionID::InitialRegsYaml, "Alias for -initial-regs-yaml"},
};

std::optional<OptionID> lookupOption(StringRef Name) {
  for (const OptionSpec &S : Specs)
    if (S.Name == Name)
      return S.ID;
  for (const auto &A : Aliases)
    if (A.Name == Name)
      return A.Target;
  return std::nullopt;
}

cl::OptionCategory &snipgenCategory() {
  static cl::OptionCategory Cat("snipgen options");
  return Cat;
}

static bool isListKind(OptionKind K) {
  return K == OptionKind::List || K == OptionKind::OptionalList;
}

// The cl objects that carry command-line values, one per table entry.
struct OptionTable::CLHandles {
  std::vector<std::unique_ptr<cl::Option>> Opts;
  std::vector<std::unique_ptr<cl::alias>> AliasOpts;
  std::unique_ptr<cl::list<std::string>> Positional;
  cl::opt<std::string> &scalar(OptionID ID) {
    return *static_cast<cl::opt<std::string> *>(Opts[(size_t)ID].get());
  }
  cl::list<std::string> &list(OptionID ID) {
    return *static_cast<cl::list<std::string> *>(Opts[(size_t)ID].get());
  }
};

OptionTable::OptionTable() : CL(new CLHandles) {
  for (const OptionSpec &S : Specs) {
    cl::Option *O;
    if (isListKind(S.Kind)) {
      auto *L = new cl::list<std::string>(
          StringRef(S.Name), cl::desc(S.Help), cl::value_desc(S.ValueDesc),
          cl::cat(snipgenCategory()), cl::CommaSeparated);
      if (S.Kind == OptionKind::OptionalList)
        L->setValueExpectedFlag(cl::ValueOptional);
      O = L;
    } else {
      auto *Op = new cl::opt<std::string>(StringRef(S.Name), cl::desc(S.Help),
                                          cl::value_desc(S.ValueDesc),
                                          cl::cat(snipgenCategory()));
      if (S.Kind == OptionKind::Flag || S.Kind == OptionKind::OptionalString)
        Op->setValueExpectedFlag(cl::ValueOptional);
      O = Op;
    }
    CL->Opts.emplace_back(O);
  }
  for (const auto &A : Aliases)
    CL->AliasOpts.push_back(std::make_unique<cl::alias>(
        StringRef(A.Name), cl::desc(A.Help),
        cl::aliasopt(*CL->Opts[(size_t)A.Target]), cl::cat(snipgenCategory())));
  CL->Positional = std::make_unique<cl::list<std::string>>(
      cl::Positional, cl::desc("<layout.yaml>..."), cl::cat(snipgenCategory()));
}

OptionTable::~OptionTable() { delete CL; }

/// Names LLVM's own option parser accepts besides ours (help and version).
static bool isGenericOption(StringRef Name) {
  return Name == "help" || Name == "help-list" || Name == "help-hidden" ||
         Name == "help-list-hidden" || Name == "version" || Name == "h";
}

Error OptionTable::checkOptionNames(int Argc, const char *const *Argv) const {
  // LLVM's parser takes an unknown "-hx" as "-h x" and prints the help with
  // exit status 0; every unknown option must be an error instead.
  for (int I = 1; I < Argc; ++I) {
    StringRef Arg(Argv[I]);
    if (Arg == "--")
      break;
    if (!Arg.starts_with("-") || Arg == "-")
      continue;
    StringRef Name = Arg.ltrim('-').split('=').first;
    if (Arg == "-o" && I + 1 == Argc)
      return makeOptionError("o", "requires a value");
    if (isGenericOption(Name) || Name == "o" || Name == "E")
      continue;
    const OptionSpec *Spec = nullptr;
    if (auto ID = lookupOption(Name))
      Spec = &optionSpec(*ID);
    if (Spec) {
      bool NeedsValue = Spec->Kind != OptionKind::Flag &&
                        Spec->Kind != OptionKind::OptionalString &&
                        Spec->Kind != OptionKind::OptionalList;
      if (NeedsValue && !Arg.contains('=') && I + 1 == Argc)
        return makeOptionError(Spec->Name, "requires a value");
      continue;
    }
    // "-ofile" is -o with its value attached, as LLVM's parser allows.
    if (Arg.starts_with("-o") && !Arg.starts_with("--"))
      continue;
    if (auto Why = notYetSupportedOption(Name))
      return makeError(*Why);
    return makeError("unknown option '" + Arg +
                     "'; run 'snipgen --help' for the list of options");
  }
  return Error::success();
}

Error OptionTable::parseCommandLine(int Argc, const char *const *Argv) {
  if (Error E = checkOptionNames(Argc, Argv))
    return E;
  cl::HideUnrelatedOptions(snipgenCategory());
  cl::SetVersionPrinter([](raw_ostream &OS) { printVersion(OS); });
  std::string Problems;
  raw_string_ostream ProblemStream(Problems);
  bool OK = cl::ParseCommandLineOptions(
      Argc, Argv,
      "snipgen: random instruction test generator for RISC-V\n\n"
      "  Generates legal, reproducible random programs (snippets) from YAML\n"
      "  layouts in the llvm-snippy format.\n",
      &ProblemStream);
  if (!OK) {
    // LLVM writes "<tool>: <problem>" lines; give them our error format.
    SmallVector<StringRef, 4> Lines;
    StringRef(Problems).trim().split(Lines, '\n');
    std::string Text;
    for (StringRef Line : Lines) {
      auto [Tool, Rest] = Line.split(": ");
      if (!Text.empty())
        Text += "\n";
      Text += (Rest.empty() ? Line : Rest).trim().str();
    }
    if (Text.empty())
      Text = "invalid command line (see the message above)";
    return makeError(Text);
  }
  LayoutFiles.assign(CL->Positional->begin(), CL->Positional->end());
  return Error::success();
}

static bool parseBool(StringRef S, bool &Out) {
  std::string L = S.trim().lower();
  if (L.empty() || L == "true" || L == "1" || L == "yes" || L == "on") {
    Out = true;
    return true;
  }
  if (L == "false" || L == "0" || L == "no" || L == "off") {
    Out = false;
    return true;
  }
  return false;
}

static bool parseUnsigned(StringRef S, uint64_t &Out) {
  S = S.trim();
  return !S.empty() && !S.getAsInteger(0, Out);
}

static bool parseInteger(StringRef S, int64_t &Out) {
  S = S.trim();
  return !S.empty() && !S.getAsInteger(0, Out);
}

Error OptionTable::validateCommandLine() {
  for (const OptionSpec &S : Specs) {
    cl::Option *O = CL->Opts[(size_t)S.ID].get();
    if (!O->getNumOccurrences())
      continue;
    std::vector<std::string> Items;
    if (isListKind(S.Kind)) {
      auto &L = CL->list(S.ID);
      Items.assign(L.begin(), L.end());
      // A bare -Werror arrives as one empty item; keep it (it means "all").
    } else {
      Items.push_back(CL->scalar(S.ID).getValue());
    }
    if (Error E = checkAndStore(S.ID, std::move(Items),
                                OptionOrigin::CommandLine, {}, nullptr))
      return E;
  }
  return Error::success();
}

Error OptionTable::setFromLayout(StringRef Name, SMLoc NameLoc,
                                 ArrayRef<std::string> Items,
                                 ArrayRef<SMLoc> ItemLocs,
                                 const SourceMgr &SM) {
  auto ID = lookupOption(Name);
  if (!ID) {
    if (auto Why = notYetSupportedOption(Name))
      return makeError(SM, NameLoc, *Why);
    std::string Known;
    for (const OptionSpec &S : Specs)
      Known += (Known.empty() ? "" : ", ") + std::string(S.Name);
    return makeError(SM, NameLoc,
                     "unknown option '" + Name + "'; known options: " + Known);
  }
  const Value &Cur = value(*ID);
  if (Cur.Origin == OptionOrigin::CommandLine)
    return makeError(SM, NameLoc,
                     "option '" + Name +
                         "' is given both on the command line and in the "
                         "layout; give it in one place only");
  if (Cur.Origin == OptionOrigin::Layout)
    return makeError(SM, NameLoc,
                     "option '" + Name + "' is given more than once");
  return checkAndStore(*ID, std::vector<std::string>(Items.begin(), Items.end()),
                       OptionOrigin::Layout, ItemLocs, &SM);
}

Error OptionTable::checkAndStore(OptionID ID, std::vector<std::string> Items,
                                 OptionOrigin Origin, ArrayRef<SMLoc> Locs,
                                 const SourceMgr *SM) {
  const OptionSpec &S = optionSpec(ID);
  auto Fail = [&](size_t Index, const Twine &Msg) -> Error {
    if (SM && Index < Locs.size())
      return makeError(*SM, Locs[Index],
                       "invalid value for option '" + S.Name + "': " + Msg);
    return makeOptionError(S.Name, Msg);
  };
  if (!isListKind(S.Kind) && Items.size() != 1)
    return Fail(0, "expected a single value, got " + Twine(Items.size()));
  for (size_t I = 0; I < Items.size(); ++I) {
    StringRef V = Items[I];
    switch (S.Kind) {
    case OptionKind::Flag: {
      bool B;
      if (!parseBool(V, B))
        return Fail(I, "'" + V + "'; expected true or false");
      break;
    }
    case OptionKind::Unsigned: {
      uint64_t U;
      if (!parseUnsigned(V, U))
        return Fail(I, "'" + V + "'; expected a non-negative integer");
      break;
    }
    case OptionKind::Integer: {
      int64_t N;
      if (!parseInteger(V, N))
        return Fail(I, "'" + V + "'; expected an integer");
      break;
    }
    case OptionKind::Enum: {
      SmallVector<StringRef, 8> Allowed;
      S.ValueDesc.split(Allowed, '|');
      if (!is_contained(Allowed, V))
        return Fail(I, "'" + V + "'; allowed values: " +
                           join(Allowed.begin(), Allowed.end(), ", "));
      break;
    }
    case OptionKind::List:
      if (V.trim().empty())
        return Fail(I, "empty list element");
      break;
    case OptionKind::String:
    case OptionKind::OptionalString:
    case OptionKind::OptionalList:
      break;
    }
  }
  Value &Dst = Values[(size_t)ID];
  Dst.Origin = Origin;
  Dst.Items = std::move(Items);
  Dst.SM = SM;
  Dst.Loc = Locs.empty() ? SMLoc() : Locs.front();
  return Error::success();
}

bool OptionTable::isSet(OptionID ID) const {
  return value(ID).Origin != OptionOrigin::Default;
}

OptionOrigin OptionTable::origin(OptionID ID) const { return value(ID).Origin; }

bool OptionTable::getFlag(OptionID ID) const {
  bool B = false;
  parseBool(isSet(ID) ? StringRef(value(ID).Items.front())
                      : StringRef(optionSpec(ID).Default),
            B);
  return B;
}

uint64_t OptionTable::getUnsigned(OptionID ID) const {
  uint64_t U = 0;
  parseUnsigned(getString(ID), U);
  return U;
}

int64_t OptionTable::getInteger(OptionID ID) const {
  int64_t N = 0;
  parseInteger(getString(ID), N);
  return N;
}

StringRef OptionTable::getString(OptionID ID) const {
  if (!isSet(ID))
    return optionSpec(ID).Default;
  return value(ID).Items.front();
}

ArrayRef<std::string> OptionTable::getList(OptionID ID) const {
  return value(ID).Items;
}

Error OptionTable::valueError(OptionID ID, const Twine &Msg) const {
  const Value &V = value(ID);
  const OptionSpec &S = optionSpec(ID);
  if (V.Origin == OptionOrigin::Layout && V.SM)
    return makeError(*V.SM, V.Loc,
                     "invalid value for option '" + S.Name + "': " + Msg);
  return makeOptionError(S.Name, Msg);
}

Error OptionTable::errorAt(OptionID ID, const Twine &Msg) const {
  const Value &V = value(ID);
  if (V.Origin == OptionOrigin::Layout && V.SM)
    return makeError(*V.SM, V.Loc, Msg);
  return makeError(Msg);
}

static void printYAMLScalar(raw_ostream &OS, StringRef S) {
  bool Plain = !S.empty() && S.find_first_of(":#{}[],&*!|>'\"%@`") ==
                                 StringRef::npos &&
               S.front() != '-' && S.front() != ' ' && S.back() != ' ';
  if (Plain) {
    OS << S;
    return;
  }
  OS << '"';
  OS.write_escaped(S);
  OS << '"';
}

void OptionTable::dump(raw_ostream &OS) const {
  OS << "options:\n";
  for (const OptionSpec &S : Specs) {
    // Informational switches would change what a re-run does; skip them.
    if (S.ID == OptionID::Preprocess || S.ID == OptionID::DumpOptions ||
        S.ID == OptionID::ListOpcodeNames)
      continue;
    OS << "  " << S.Name << ": ";
    if (isListKind(S.Kind)) {
      OS << "[";
      ListSeparator LS(", ");
      for (const std::string &Item : getList(S.ID)) {
        OS << LS;
        printYAMLScalar(OS, Item);
      }
      OS << "]";
    } else {
      printYAMLScalar(OS, getString(S.ID));
    }
    OS << "\n";
  }
}

} // namespace snipgen
