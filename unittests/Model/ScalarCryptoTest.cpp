//===- ScalarCryptoTest.cpp - Zbkb Zbkc Zbkx Zkne Zknd Zknh Zksed Zksh ----===//
//
// Expected values come from the standards (FIPS-197 appendix A/B round
// values, FIPS 180-4 functions, GB/T 32905/32907 functions) computed
// independently of the model; the RV32 SHA-512 halves are checked against
// the RV64 forms.
//===----------------------------------------------------------------------===//
#include "Decoder.h"
#include "ModelTestUtil.h"
#include "Semantics.h"

#include "llvm/MC/MCInstrInfo.h"
#include <map>
#include <set>

using namespace snipgen;
using namespace snipgen::test;
using snipgen::model::Decoded;
using snipgen::model::Decoder;
using snipgen::model::SemanticTable;

namespace {

constexpr const char *Isa64 =
    "rv64gc_zbkb_zbkc_zbkx_zkne_zknd_zknh_zksed_zksh";
constexpr const char *Isa32 =
    "rv32gc_zbkb_zbkc_zbkx_zkne_zknd_zknh_zksed_zksh";

// --- Registration -------------------------------------------------------------

TEST(ScalarCrypto, EveryOpcodeNameIsRegisteredOnce) {
  SemanticTable All, Crypto;
  model::registerAllSemantics(All);
  model::registerScalarCryptoSemantics(Crypto);
  ASSERT_FALSE(Crypto.entries().empty());
  std::map<std::string, int> Count;
  for (const auto &E : All.entries())
    ++Count[std::string(E.OpcodeName)];
  for (const auto &E : Crypto.entries())
    EXPECT_EQ(Count[std::string(E.OpcodeName)], 1)
        << E.OpcodeName << " is registered more than once";
  // The opcodes shared with Zbb/Zbc stay with Zb.cpp alone.
  for (const char *Shared : {"ROR", "ROL", "RORI", "RORW", "ROLW", "RORIW",
                             "ANDN", "ORN", "XNOR", "REV8_RV32", "REV8_RV64",
                             "CLMUL", "CLMULH"})
    EXPECT_EQ(Count[Shared], 1) << Shared;
}

// Sweeps the OP, OP-IMM, OP-32 and OP-IMM-32 encodings (every value of bits
// 31:20 and funct3, rd/rs1 in {x0, x5}) and returns the opcode names found.
std::set<std::string> sweep(const Decoder &D, std::vector<std::string> &NoHandler) {
  std::set<std::string> Names;
  Decoded Out;
  for (uint32_t Op : {0x13u, 0x33u, 0x1bu, 0x3bu})
    for (uint32_t Hi = 0; Hi < 4096; ++Hi)
      for (uint32_t F3 = 0; F3 < 8; ++F3)
        for (uint32_t Rd : {0u, 5u})
          for (uint32_t Rs1 : {0u, 5u}) {
            uint32_t E = Hi << 20 | Rs1 << 15 | F3 << 12 | Rd << 7 | Op;
            uint8_t B[4] = {uint8_t(E), uint8_t(E >> 8), uint8_t(E >> 16),
                            uint8_t(E >> 24)};
            auto R = D.decode(llvm::ArrayRef<uint8_t>(B, 4), 0, Out);
            if (R == Decoder::Result::Invalid)
              continue;
            std::string Name = D.opcodeName(Out.Opcode).str();
            if (R != Decoder::Result::Ok && !Names.count(Name))
              NoHandler.push_back(Name);
            Names.insert(Name);
          }
  return Names;
}

void checkCatalogue(const char *Isa, std::vector<const char *> Expected) {
  auto D = Decoder::create(Isa, 0);
  ASSERT_TRUE(bool(D)) << llvm::toString(D.takeError());
  std::vector<std::string> NoHandler;
  auto Names = sweep(**D, NoHandler);
  for (const char *N : Expected)
    EXPECT_TRUE(Names.count(N)) << N << " not decodable in " << Isa;
  std::string List;
  for (const std::string &N : NoHandler)
    List += " " + N;
  EXPECT_TRUE(NoHandler.empty()) << "no semantics in " << Isa << ":" << List;
}

TEST(ScalarCrypto, EveryOpcodeOfRV64HasSemantics) {
  checkCatalogue("rv64i_zbkb_zbkc_zbkx_zkne_zknd_zknh_zksed_zksh",
                 {"ANDN", "BREV8", "ORN", "PACK", "PACKH", "PACKW", "REV8_RV64",
                  "ROL", "ROLW", "ROR", "RORI", "RORIW", "RORW", "XNOR",
                  "CLMUL", "CLMULH", "XPERM4", "XPERM8", "AES64DS",
                  "AES64DSM", "AES64IM", "AES64KS1I", "AES64KS2", "AES64ES",
                  "AES64ESM", "SHA256SIG0", "SHA256SIG1", "SHA256SUM0",
                  "SHA256SUM1", "SHA512SIG0", "SHA512SIG1", "SHA512SUM0",
                  "SHA512SUM1", "SM4ED", "SM4KS", "SM3P0", "SM3P1"});
}

TEST(ScalarCrypto, EveryOpcodeOfRV32HasSemantics) {
  checkCatalogue("rv32i_zbkb_zbkc_zbkx_zkne_zknd_zknh_zksed_zksh",
                 {"ANDN", "BREV8", "ORN", "PACK", "PACKH", "REV8_RV32", "ROL",
                  "ROR", "RORI", "UNZIP_RV32", "XNOR", "ZIP_RV32", "CLMUL",
                  "CLMULH", "XPERM4", "XPERM8", "AES32DSI", "AES32DSMI",
                  "AES32ESI", "AES32ESMI", "SHA256SIG0", "SHA256SIG1",
                  "SHA256SUM0", "SHA256SUM1", "SHA512SIG0H", "SHA512SIG0L",
                  "SHA512SIG1H", "SHA512SIG1L", "SHA512SUM0R", "SHA512SUM1R",
                  "SM4ED", "SM4KS", "SM3P0", "SM3P1"});
}

// --- Zbkb / Zbkc / Zbkx -------------------------------------------------------

TEST(ScalarCrypto, PackBrev8RV64) {
  auto T = TestMachine::create(R"(
    li t0, 0x1111111122222222
    li t1, 0x3333333344444444
    pack a0, t0, t1
    li t2, 0x1234
    li s0, 0x5678
    packh a1, t2, s0
    li t2, 0xaaaa5678
    li s0, 0xbbbb9abc
    packw a2, t2, s0
    li s1, 0x01020408102040f0
    brev8 a3, s1
  )", "rv64i_zbkb");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x4444444422222222ull);
  EXPECT_EQ(T->x(a1), 0x7834u);
  EXPECT_EQ(T->x(a2), 0xffffffff9abc5678ull);
  EXPECT_EQ(T->x(a3), 0x804020100804020full);
}

TEST(ScalarCrypto, PackZipUnzipRV32) {
  auto T = TestMachine::create(R"(
    li t0, 0x11112222
    li t1, 0x33334444
    pack a0, t0, t1
    li t2, 0xffff0000
    zip a1, t2
    li s0, 0x0000ff00
    zip a2, s0
    li s1, 0xaaaaaaaa
    unzip a3, s1
    li a4, 0x12345678
    zip a5, a4
    unzip a5, a5
    brev8 t2, a4
  )", "rv32i_zbkb");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x44442222u);
  EXPECT_EQ(T->x(a1), 0xaaaaaaaau);
  EXPECT_EQ(T->x(a2), 0x55550000u);
  EXPECT_EQ(T->x(a3), 0xffff0000u);
  EXPECT_EQ(T->x(a5), 0x12345678u);
  EXPECT_EQ(T->x(t2), 0x482c6a1eu);
}

TEST(ScalarCrypto, SharedZbbZbcOpcodesRunWithOnlyZbkbZbkc) {
  auto T = TestMachine::create(R"(
    li t0, 0x8000000000000001
    rori a0, t0, 1
    andn a1, t0, t0
    li t1, 3
    clmul a2, t1, t1
    li t2, 2
    clmulh a3, t0, t2
    rev8 a4, t1
  )", "rv64i_zbkb_zbkc");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0xc000000000000000ull);
  EXPECT_EQ(T->x(a1), 0u);
  EXPECT_EQ(T->x(a2), 5u);
  EXPECT_EQ(T->x(a3), 1u);
  EXPECT_EQ(T->x(a4), 0x0300000000000000ull);
}

TEST(ScalarCrypto, Xperm) {
  auto T = TestMachine::create(R"(
    li t0, 0x8877665544332211
    li t1, 0x0008ff0102030405
    xperm8 a0, t0, t1
    li t2, 0xfedcba9876543210
    li s0, 0x0123456789abcdef
    xperm4 a1, t2, s0
  )", "rv64i_zbkx");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x1100002233445566ull);
  EXPECT_EQ(T->x(a1), 0x0123456789abcdefull);

  auto T32 = TestMachine::create(R"(
    li t0, 0x44332211
    li t1, 0x00040102
    xperm8 a0, t0, t1
    li t2, 0x76543210
    li s0, 0x0f1e2d3c
    xperm4 a1, t2, s0
  )", "rv32i_zbkx");
  RUN_TO_END(T32);
  EXPECT_EQ(T32->x(a0), 0x11002233u);
  EXPECT_EQ(T32->x(a1), 0x00102030u);
}

// --- AES ------------------------------------------------------------------------
// FIPS-197 appendix B, round 1: state 193de3be a0f4e22b 9ac68d2a e9f84808
// (bytes in memory order; a register holds two columns little-endian).

TEST(ScalarCrypto, Aes64RoundFips197AppendixB) {
  auto T = TestMachine::create(R"(
    li t0, 0x2be2f4a0bee33d19
    li t1, 0x0848f8e92a8dc69a
    aes64esm a0, t0, t1
    aes64esm a1, t1, t0
    aes64es a2, t0, t1
    aes64es a3, t1, t0
    aes64ds a4, a2, a3       # inverts aes64es
    aes64ds a5, a3, a2
    aes64im s0, a0           # InvMixColumns of the MixColumns output
    aes64im s1, a1
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x9a19cbe0e5816604ull); // 046681e5 e0cb199a
  EXPECT_EQ(T->x(a1), 0x4c2606287ad3f848ull); // 48f8d37a 2806264c
  EXPECT_EQ(T->x(a2), 0xae52b4e0305dbfd4ull); // d4bf5d30 e0b452ae
  EXPECT_EQ(T->x(a3), 0xe598271ef11141b8ull);
  EXPECT_EQ(T->x(a4), 0x2be2f4a0bee33d19ull);
  EXPECT_EQ(T->x(a5), 0x0848f8e92a8dc69aull);
  EXPECT_EQ(T->x(s0), 0xae52b4e0305dbfd4ull);
  EXPECT_EQ(T->x(s1), 0xe598271ef11141b8ull);
}

TEST(ScalarCrypto, Aes64DecryptMix) {
  // InvShiftRows, InvSubBytes, InvMixColumns of 00112233..eeff.
  auto T = TestMachine::create(R"(
    li t0, 0x7766554433221100
    li t1, 0xffeeddccbbaa9988
    aes64dsm a0, t0, t1
    aes64dsm a1, t1, t0
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x68397122c100e7ddull);
  EXPECT_EQ(T->x(a1), 0xb041f963a3360e08ull);
}

TEST(ScalarCrypto, Aes64KeyScheduleFips197AppendixA1) {
  // Key 2b7e1516 28aed2a6 abf71588 09cf4f3c; round key 1 is
  // a0fafe17 88542cb1 23a33939 2a6c7605.
  auto T = TestMachine::create(R"(
    li t0, 0xa6d2ae2816157e2b
    li t1, 0x3c4fcf098815f7ab
    aes64ks1i t2, t1, 0
    aes64ks2 a0, t2, t0
    aes64ks2 a1, a0, t1
    aes64ks1i a2, zero, 0
    aes64ks1i a3, zero, 10
    li s0, 0x0000010000000000
    aes64ks1i a4, s0, 9      # RotWord: 0x01 moves to byte 0 -> 7c ^ 36
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0xb12c548817fefaa0ull);
  EXPECT_EQ(T->x(a1), 0x05766c2a3939a323ull);
  EXPECT_EQ(T->x(a2), 0x6363636263636362ull);
  EXPECT_EQ(T->x(a3), 0x6363636363636363ull);
  EXPECT_EQ(T->x(a4), 0x6363634a6363634aull);
}

TEST(ScalarCrypto, Aes64Ks1iReservedRoundNumbersAreIllegal) {
  // aes64ks1i a0, a1, rnum with rnum = 0xB..0xF (the assembler refuses them).
  for (uint32_t Rnum = 0xB; Rnum <= 0xF; ++Rnum) {
    std::string Asm = "li a0, 7\n.word " +
                      std::to_string(0x31059513u | Rnum << 20) + "\n";
    auto T = TestMachine::create(Asm, Isa64);
    ASSERT_TRUE(T);
    EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP) << Rnum;
    EXPECT_EQ(T->M->stopInfo().cause, 2u) << Rnum;
    EXPECT_EQ(T->x(a0), 7u) << "rd must be unchanged";
  }
  auto T = TestMachine::create(".word 0x31a59513\n", Isa64); // rnum 0xA
  RUN_TO_END(T);
}

TEST(ScalarCrypto, Aes32ColumnFips197AppendixB) {
  // Column 0 of round 1's MixColumns output is built from state bytes
  // 0, 5, 10 and 15 (ShiftRows), one per instruction.
  auto T = TestMachine::create(R"(
    li t0, 0xbee33d19
    li t1, 0x2be2f4a0
    li t2, 0x2a8dc69a
    li s0, 0x0848f8e9
    li a0, 0
    aes32esmi a0, a0, t0, 0
    aes32esmi a0, a0, t1, 1
    aes32esmi a0, a0, t2, 2
    aes32esmi a0, a0, s0, 3
    li a1, 0
    aes32esi a1, a1, t0, 0
    aes32esi a1, a1, t1, 1
    aes32esi a1, a1, t2, 2
    aes32esi a1, a1, s0, 3
    li a2, 0
    aes32dsi a2, a2, a1, 0
    aes32dsi a2, a2, a1, 1
    aes32dsi a2, a2, a1, 2
    aes32dsi a2, a2, a1, 3
    li a3, 0
    aes32dsmi a3, a3, a0, 0
    aes32dsmi a3, a3, a0, 1
    aes32dsmi a3, a3, a0, 2
    aes32dsmi a3, a3, a0, 3
  )", Isa32);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0xe5816604u); // 046681e5
  EXPECT_EQ(T->x(a1), 0x305dbfd4u); // d4bf5d30
  EXPECT_EQ(T->x(a2), 0x088df419u); // InvSubBytes undoes it: 19 f4 8d 08
  // InvMixColumns(InvSubBytes(column 046681e5)).
  EXPECT_EQ(T->x(a3), 0x79e030f1u);
}

// --- SHA-2 --------------------------------------------------------------------

TEST(ScalarCrypto, Sha256Functions) {
  auto T = TestMachine::create(R"(
    li t0, 0x6a09e667
    sha256sig0 a0, t0
    sha256sig1 a1, t0
    sha256sum0 a2, t0
    sha256sum1 a3, t0
    li t1, 0xffffffff12345678  # only bits 31:0 are read
    sha256sig0 a4, t1
    sha256sum1 a5, t1
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0xffffffffba0cf582ull); // sign-extended
  EXPECT_EQ(T->x(a1), 0xffffffffcfe5da3cull);
  EXPECT_EQ(T->x(a2), 0xffffffffce20b47eull);
  EXPECT_EQ(T->x(a3), 0x55b65510ull);
  EXPECT_EQ(T->x(a4), 0xffffffffe7fce6eeull);
  EXPECT_EQ(T->x(a5), 0x3561abdaull);
}

TEST(ScalarCrypto, Sha512FunctionsRV64) {
  auto T = TestMachine::create(R"(
    li t0, 0x6a09e667f3bcc908
    sha512sig0 a0, t0
    sha512sig1 a1, t0
    sha512sum0 a2, t0
    sha512sum1 a3, t0
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x3dbae91951caa1dfull);
  EXPECT_EQ(T->x(a1), 0xc8c619e73ee44510ull);
  EXPECT_EQ(T->x(a2), 0x08c4db56aac80c2aull);
  EXPECT_EQ(T->x(a3), 0x259a6cc1643336efull);
}

TEST(ScalarCrypto, Sha512HalvesRV32MatchRV64) {
  // x = 0x6a09e667f3bcc908: hi = 0x6a09e667, lo = 0xf3bcc908.
  auto T = TestMachine::create(R"(
    li t0, 0xf3bcc908
    li t1, 0x6a09e667
    sha512sig0l a0, t0, t1
    sha512sig0h a1, t1, t0
    sha512sig1l a2, t0, t1
    sha512sig1h a3, t1, t0
    sha512sum0r a4, t0, t1
    sha512sum0r a5, t1, t0
    sha512sum1r s0, t0, t1
    sha512sum1r s1, t1, t0
  )", Isa32);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x51caa1dfu);
  EXPECT_EQ(T->x(a1), 0x3dbae919u);
  EXPECT_EQ(T->x(a2), 0x3ee44510u);
  EXPECT_EQ(T->x(a3), 0xc8c619e7u);
  EXPECT_EQ(T->x(a4), 0xaac80c2au);
  EXPECT_EQ(T->x(a5), 0x08c4db56u);
  EXPECT_EQ(T->x(s0), 0x643336efu);
  EXPECT_EQ(T->x(s1), 0x259a6cc1u);
}

// --- SM3 / SM4 ----------------------------------------------------------------

TEST(ScalarCrypto, Sm3Permutations) {
  auto T = TestMachine::create(R"(
    li t0, 0x12345678
    sm3p0 a0, t0
    sm3p1 a1, t0
    li t1, 0x80000001
    sm3p0 a2, t1
    sm3p1 a3, t1
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0xffffffffd6688234ull);
  EXPECT_EQ(T->x(a1), 0x05014549ull);
  EXPECT_EQ(T->x(a2), 0xffffffff80030301ull);
  EXPECT_EQ(T->x(a3), 0xffffffff80c0c001ull);
}

TEST(ScalarCrypto, Sm4ByteSteps) {
  // rs1 ^ rev8(L(rev8(Sbox(byte bs of rs2) << 8*bs))), L' for sm4ks.
  auto T = TestMachine::create(R"(
    li t0, 0x01234567
    li t1, 0x89abcdef
    sm4ed a0, t0, t1, 0
    sm4ed a1, t0, t1, 1
    sm4ed a2, t0, t1, 2
    sm4ed a3, t0, t1, 3
    sm4ks a4, t0, t1, 0
    sm4ks a5, t0, t1, 1
    sm4ks s0, t0, t1, 2
    sm4ks s1, t0, t1, 3
  )", Isa32);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x1331c3f3u);
  EXPECT_EQ(T->x(a1), 0x41331527u);
  EXPECT_EQ(T->x(a2), 0xa824ebc9u);
  EXPECT_EQ(T->x(a3), 0x2afc9a93u);
  EXPECT_EQ(T->x(a4), 0x813307e3u);
  EXPECT_EQ(T->x(a5), 0x032b5567u);
  EXPECT_EQ(T->x(s0), 0x548825f2u);
  EXPECT_EQ(T->x(s1), 0xf6c3db1cu);
}

} // namespace
