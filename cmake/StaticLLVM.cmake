# Which LLVM the snipgen libraries link: the shared libLLVM, or Debian's LLVM
# archives for executables that ask for them.
#
# Why: a process linked to libLLVM.so spends 10-15 ms before main() in the
# dynamic loader (thousands of symbol relocations, libLLVM's dependencies such
# as libicudata and libz3, page faults over a 100 MB library) and in the
# static constructors of every LLVM component. snipgen-run's whole job on a
# 100M-instruction loop is a few tens of milliseconds, so that start-up was a
# third of it (bench/perf, issue 14). Linked from the archives, the executable
# holds only the components it uses and starts in about a millisecond.
#
# How: the libraries' link interface names SNIPGEN_LLVM_LINK, a generator
# expression evaluated on the executable being linked; it picks the
# snipgenLLVMStatic interface library when the executable's
# SNIPGEN_STATIC_LLVM property is true, libLLVM otherwise. An executable must
# never get both (two copies of LLVM's option registry abort at start-up).
#
# SNIPGEN_STATIC_LLVM=OFF at configure time links everything to libLLVM.

option(SNIPGEN_STATIC_LLVM
  "Link snipgen and snipgen-run against LLVM's static archives (faster start-up)" ON)

# Components the snipgen executables use: the RISC-V MC layer (encoder,
# disassembler, assembler parser), ORC and the host code generator (the
# model's JIT), the object reader and TransformUtils (the JIT's dead-code
# sweep). The linker takes only the members of each archive referenced.
set(SNIPGEN_STATIC_LLVM_COMPONENTS
  orcjit native riscvdesc riscvdisassembler riscvasmparser riscvinfo
  mcdisassembler mcparser object transformutils targetparser support)

set(SNIPGEN_STATIC_LLVM_USABLE OFF)
if(SNIPGEN_STATIC_LLVM)
  llvm_map_components_to_libnames(SNIPGEN_STATIC_LLVM_LIBS
    ${SNIPGEN_STATIC_LLVM_COMPONENTS})
  set(SNIPGEN_STATIC_LLVM_USABLE ON)
  foreach(lib ${SNIPGEN_STATIC_LLVM_LIBS})
    if(NOT TARGET ${lib})
      set(SNIPGEN_STATIC_LLVM_USABLE OFF)
      message(STATUS "LLVM archive target ${lib} missing: linking libLLVM")
      break()
    endif()
    get_target_property(loc ${lib} LOCATION)
    if(NOT EXISTS "${loc}")
      set(SNIPGEN_STATIC_LLVM_USABLE OFF)
      message(STATUS "LLVM archive ${loc} missing: linking libLLVM")
      break()
    endif()
  endforeach()
endif()

if(SNIPGEN_STATIC_LLVM_USABLE)
  add_library(snipgenLLVMStatic INTERFACE)
  target_link_libraries(snipgenLLVMStatic INTERFACE ${SNIPGEN_STATIC_LLVM_LIBS})
  # libLLVMSupport's link interface names libz3.so (Debian builds LLVM with
  # Z3 for the static analyser); nothing snipgen-run uses references it.
  target_link_options(snipgenLLVMStatic INTERFACE "LINKER:--as-needed")
  set(SNIPGEN_LLVM_LINK
    "$<IF:$<BOOL:$<TARGET_PROPERTY:SNIPGEN_STATIC_LLVM>>,snipgenLLVMStatic,LLVM>")
else()
  set(SNIPGEN_LLVM_LINK LLVM)
endif()

# Marks an executable to link the LLVM archives (when they are usable). It is
# also linked without PIE (nothing is gained by relocating its ~200,000
# pointers at every start) and with libstdc++ and libgcc from their archives:
# binding LLVM's thousands of references to libstdc++.so cost 1-2 ms of every
# start. Plugins are loaded through C interfaces, so a plugin with its own
# libstdc++.so shares no C++ objects with the executable.
function(snipgen_link_llvm_statically target)
  if(SNIPGEN_STATIC_LLVM_USABLE)
    set_target_properties(${target} PROPERTIES SNIPGEN_STATIC_LLVM ON)
    target_link_options(${target} PRIVATE -no-pie -static-libstdc++ -static-libgcc)
  endif()
endfunction()
