/*===- ModelAPI.h - The versioned C interface of RISC-V models ----*- C -*-===*
 *
 * Every instruction-set model snipgen can drive - the built-in one and any
 * plugin given with -model-plugin=<path.so> - is reached through this plain C
 * interface, so a plugin can be written in any language and built with any
 * compiler. A plugin exports one symbol:
 *
 *   const struct snipgen_model_api *snipgen_model_get_api(uint32_t version);
 *
 * snipgen passes the version it was built with (SNIPGEN_MODEL_API_VERSION) and
 * checks the `version` field of the returned table; a plugin that can serve
 * several versions may return the table matching the request.
 *
 * Conventions
 * - All functions take the model handle first. Nothing here allocates memory
 *   that the caller must free; strings returned stay valid until the next call
 *   on the same model.
 * - Integer registers are read and written as XLEN-bit values (on RV32 the
 *   upper 32 bits read as zero and are ignored on write). FP registers are the
 *   raw FLEN-bit contents (single values NaN-boxed in 64-bit registers).
 * - Memory accesses through read_mem/write_mem ignore access rights (they are
 *   the debugger's view) but must lie inside the configured regions.
 * - Callbacks of one instruction arrive in program order, register and memory
 *   effects first, then on_retire. A trapping instruction does not retire: it
 *   produces on_trap instead.
 *===----------------------------------------------------------------------===*/
#ifndef SNIPGEN_MODEL_MODELAPI_H
#define SNIPGEN_MODEL_MODELAPI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bump on any incompatible change of the structures or tables below. */
#define SNIPGEN_MODEL_API_VERSION 1u

#define SNIPGEN_MODEL_GET_API_SYMBOL "snipgen_model_get_api"

/* Access rights of a memory region. */
enum snipgen_mem_rights {
  SNIPGEN_MEM_R = 1,
  SNIPGEN_MEM_W = 2,
  SNIPGEN_MEM_X = 4
};

struct snipgen_model_region {
  uint64_t base;
  uint64_t size;
  uint32_t rights; /* SNIPGEN_MEM_* bits */
  const char *name; /* For reports; may be NULL. */
};

/* What a data access that is not naturally aligned does. */
enum snipgen_misaligned_policy {
  SNIPGEN_MISALIGNED_ALLOW = 0, /* performed like an aligned access */
  SNIPGEN_MISALIGNED_TRAP = 1   /* address-misaligned exception */
};

struct snipgen_model_config {
  uint32_t struct_size; /* sizeof(struct snipgen_model_config) */
  uint32_t xlen;        /* 32 or 64; 0 = take it from the ISA string */
  const char *isa;      /* e.g. "rv64gc_zba_zbb_zbc_zbs_zicond" */
  const struct snipgen_model_region *regions;
  uint32_t num_regions;
  uint32_t misaligned;  /* enum snipgen_misaligned_policy */
  uint64_t hart_id;     /* value of mhartid */
  /* Added after version 1's first release; read only when struct_size
     covers it. */
  uint32_t cache_block_size; /* Zicbom/Zicboz cache block in bytes (a power
                                of two, 8..4096); 0 = 64 */
};

/* Result of step/run, and the reason a run stopped. */
enum snipgen_step_result {
  SNIPGEN_STEP_OK = 0,         /* one instruction retired (step only) */
  SNIPGEN_STEP_TRAP_TAKEN = 1, /* an exception went to the mtvec handler
                                  (step only) */
  SNIPGEN_STEP_STOP_PC = 2,    /* pc reached the stop address; that
                                  instruction was NOT executed */
  SNIPGEN_STEP_EXIT = 3,       /* the program asked to exit: tohost write
                                  or exit ecall; see exit_code */
  SNIPGEN_STEP_EBREAK = 4,     /* EBREAK with no trap handler (mtvec == 0):
                                  a normal end of a bare snippet */
  SNIPGEN_STEP_UNHANDLED_TRAP = 5, /* exception with no trap handler */
  SNIPGEN_STEP_LIMIT = 6,      /* run: the step limit was reached */
  SNIPGEN_STEP_ERROR = 7       /* misuse of the API (see message) */
};

/* Details of the last result other than OK. */
struct snipgen_model_stop_info {
  uint32_t result;     /* enum snipgen_step_result */
  uint32_t cause;      /* mcause of the exception, if any */
  uint64_t pc;         /* pc of the instruction concerned */
  uint64_t tval;       /* mtval of the exception */
  uint64_t exit_code;  /* for SNIPGEN_STEP_EXIT */
  uint64_t addr;       /* faulting data address, if a memory fault */
  uint32_t size;       /* faulting access size, if a memory fault */
  uint32_t encoding;   /* raw bits of the instruction, if fetched */
  const char *message; /* one-line human readable report */
};

/* Register files for on_reg_write and get/set calls. */
enum snipgen_reg_file {
  SNIPGEN_REG_X = 0,
  SNIPGEN_REG_F = 1,
  SNIPGEN_REG_CSR = 2, /* index = CSR number */
  SNIPGEN_REG_V = 3    /* reserved for the vector extension */
};

/* Observer callbacks; any pointer may be NULL. `user` is passed back. */
struct snipgen_model_observer {
  void *user;
  void (*on_reg_write)(void *user, uint32_t file, uint32_t index,
                       uint64_t value);
  void (*on_mem_access)(void *user, uint64_t addr, uint32_t size,
                        uint64_t value, int is_write);
  void (*on_retire)(void *user, uint64_t pc, uint32_t encoding,
                    uint32_t size, uint64_t next_pc);
  void (*on_trap)(void *user, uint64_t pc, uint32_t cause, uint64_t tval);
};

typedef struct snipgen_model snipgen_model;

struct snipgen_model_api {
  uint32_t version;     /* SNIPGEN_MODEL_API_VERSION of the implementation */
  uint32_t struct_size; /* sizeof(struct snipgen_model_api) */
  const char *name;     /* e.g. "snipgen built-in RISC-V model" */

  /* Returns NULL on failure and writes a message into error (if given). */
  snipgen_model *(*create)(const struct snipgen_model_config *config,
                           char *error, size_t error_size);
  void (*destroy)(snipgen_model *model);
  /* Architectural reset: registers and CSRs to their reset values, pc = 0,
     reservation cleared. Memory contents are kept. */
  void (*reset)(snipgen_model *model);

  uint64_t (*get_pc)(snipgen_model *model);
  void (*set_pc)(snipgen_model *model, uint64_t pc);
  uint64_t (*get_x)(snipgen_model *model, uint32_t index);
  void (*set_x)(snipgen_model *model, uint32_t index, uint64_t value);
  uint64_t (*get_f)(snipgen_model *model, uint32_t index);
  void (*set_f)(snipgen_model *model, uint32_t index, uint64_t value);
  /* Return 0 on success, -1 if the CSR does not exist (or is read-only for
     set_csr). */
  int (*get_csr)(snipgen_model *model, uint32_t csr, uint64_t *value);
  int (*set_csr)(snipgen_model *model, uint32_t csr, uint64_t value);
  /* Vector registers (later): VLEN in bytes, 0 when V is absent; get/set
     copy vlenb bytes and return -1 when unsupported. */
  uint32_t (*get_vlenb)(snipgen_model *model);
  int (*get_v)(snipgen_model *model, uint32_t index, void *data, size_t size);
  int (*set_v)(snipgen_model *model, uint32_t index, const void *data,
               size_t size);

  /* Return 0 on success, -1 if [addr, addr+size) is not inside one region. */
  int (*read_mem)(snipgen_model *model, uint64_t addr, void *data,
                  size_t size);
  int (*write_mem)(snipgen_model *model, uint64_t addr, const void *data,
                   size_t size);

  /* Executes one instruction (enum snipgen_step_result). */
  int (*step)(snipgen_model *model);
  /* Executes until a stop reason or max_steps attempted instructions;
     *executed (if given) receives the number of retired instructions. */
  int (*run)(snipgen_model *model, uint64_t max_steps, uint64_t *executed);
  /* Stop before executing the instruction at pc (enabled != 0). */
  void (*set_stop_pc)(snipgen_model *model, uint64_t pc, int enabled);
  /* riscv-tests convention: a store of v with v & 1 to tohost ends the run
     with exit code v >> 1. enabled == 0 turns it off. */
  void (*set_tohost)(snipgen_model *model, uint64_t tohost, int enabled);
  /* Attaches observer callbacks (copied); NULL detaches. */
  void (*set_observer)(snipgen_model *model,
                       const struct snipgen_model_observer *observer);
  void (*get_stop_info)(snipgen_model *model,
                        struct snipgen_model_stop_info *info);
  /* Retired instructions since creation (minstret without CSR writes). */
  uint64_t (*get_instret)(snipgen_model *model);
};

/* The one symbol a model plugin exports. */
typedef const struct snipgen_model_api *(*snipgen_model_get_api_fn)(
    uint32_t version);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* SNIPGEN_MODEL_MODELAPI_H */
