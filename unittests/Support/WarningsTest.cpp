#include "snipgen/Support/Warnings.h"
#include "snipgen/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

static std::string errorText(Error E) {
  std::string S;
  handleAllErrors(std::move(E), [&](const ErrorInfoBase &EI) { S = EI.message(); });
  return S;
}

TEST(WarningsTest, NonReproducibleIsErrorByDefault) {
  WarningEngine W;
  EXPECT_TRUE(W.isError(Warning::NonReproducibleExecution));
  EXPECT_FALSE(W.isError(Warning::MemoryAccess));
}

TEST(WarningsTest, NoErrorBeatsWerror) {
  WarningEngine W;
  ASSERT_FALSE(errorText(W.configure({}, {""}, {"no-model-exec,memory-access"})).size());
  EXPECT_TRUE(W.isError(Warning::InstructionHistogram));
  EXPECT_FALSE(W.isError(Warning::NoModelExec));
  EXPECT_FALSE(W.isError(Warning::MemoryAccess));
}

TEST(WarningsTest, UnknownCategoryIsAnError) {
  WarningEngine W;
  std::string Msg = errorText(W.configure({"no-such-thing"}, {}, {}));
  EXPECT_NE(Msg.find("unknown warning category 'no-such-thing'"), std::string::npos);
  EXPECT_NE(Msg.find("memory-access"), std::string::npos);
}

TEST(WarningsTest, DisabledWarningPrintsNothing) {
  WarningEngine W;
  std::string Out;
  raw_string_ostream OS(Out);
  W.setStream(OS);
  ASSERT_FALSE(errorText(W.configure({"memory-access"}, {}, {})).size());
  ASSERT_FALSE(errorText(W.warn(Warning::MemoryAccess, "x")).size());
  ASSERT_FALSE(errorText(W.warn(Warning::NoModelExec, "y")).size());
  EXPECT_EQ(OS.str(), "warning: (no-model-exec) y\n");
  EXPECT_EQ(W.count(Warning::MemoryAccess), 1u);
}

TEST(WarningsTest, ErrorCarriesCategory) {
  WarningEngine W;
  std::string Msg = errorText(W.warn(Warning::NonReproducibleExecution, "z"));
  EXPECT_EQ(Msg, "error: (non-reproducible-execution) z");
}
