# lit configuration for snipgen's end-to-end tests.
import os
import shutil
import lit.formats
import lit.util

config.name = "snipgen"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test", ".yaml"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)

site = lit_config.params.get("snipgen_site_config")
if site is None:
    lit_config.fatal("run lit through ctest (snipgen_site_config param missing)")
lit_config.load_config(config, site)
config.test_exec_root = os.path.join(config.snipgen_obj_root, "test")

path = os.pathsep.join([config.snipgen_bin_dir, config.llvm_tools_dir,
                        config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["PATH"] = path
# The probed ISA catalogue's on-disk cache (lib/Target/ISACatalogueCache.cpp):
# one for the test tree, not the user's.
config.environment["SNIPGEN_CACHE_DIR"] = os.path.join(config.test_exec_root, "isa-cache")
# The model's image built without ld.lld (lib/Emit/DirectImage.cpp) is
# compared with ld.lld's in every test that runs the model.
config.environment["SNIPGEN_DIRECT_IMAGE"] = "check"

import sys
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%snipgen_src", config.snipgen_src_root))
config.substitutions.append(("%examples", os.path.join(config.snipgen_src_root, "examples")))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%snipgen_lib", config.snipgen_lib_dir))

# Optional tools: tests that need them say `REQUIRES: <feature>`.
for tool, feature in [("qemu-riscv64", "qemu-riscv64"), ("qemu-riscv32", "qemu-riscv32"),
                      ("riscv64-unknown-elf-objdump", "riscv-binutils"),
                      ("riscv64-unknown-elf-gcc", "riscv-elf-gcc"),
                      ("riscv64-linux-gnu-gcc", "riscv-linux-gcc"),
                      ("dot", "graphviz"), ("ld.lld-22", "lld")]:
    if shutil.which(tool, path=path):
        config.available_features.add(feature)
