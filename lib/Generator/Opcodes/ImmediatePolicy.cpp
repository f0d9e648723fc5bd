#include "snipgen/Generator/ImmediatePolicy.h"
#include "snipgen/Target/ISACatalogue.h"

namespace snipgen {

ImmediatePolicy::~ImmediatePolicy() = default;

int64_t ImmediatePolicy::choose(const OpcodeDesc &Op, unsigned OperandIdx,
                                RandomEngine &RNG) const {
  return Op.Operands[OperandIdx].Imm.draw(RNG);
}

} // namespace snipgen
