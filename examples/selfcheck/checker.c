/* The manual's "Self-check Properties to Global Variables" example, made
   whole: link a relocatable snippet built with -selfcheck-gv, call it, walk
   the REAL/ETALON pairs. Prints "selfcheck: N pairs match" or the first
   mismatching pair, and exits 0 / 1. */
#include <stdio.h>
#include <string.h>

extern const unsigned long long *__snippy_selfcheck_section_address;
extern unsigned long long __snippy_selfcheck_section_size;
extern unsigned __snippy_selfcheck_data_byte_stride;
extern void SnippyFunction(void);

static unsigned long long pair_index;

static void start_analysis_report(void) {
  printf("selfcheck: section at %p, %llu bytes, stride %u\n",
         (const void *)__snippy_selfcheck_section_address,
         __snippy_selfcheck_section_size, __snippy_selfcheck_data_byte_stride);
  pair_index = 0;
}

static void print_value(const char *what, const char *p, unsigned n) {
  printf(" %s=0x", what);
  for (unsigned i = n; i-- > 0;)
    printf("%02x", (unsigned char)p[i]);
}

/* Returns nonzero (and reports) when the REAL and ETALON cells differ. */
static int check_two_cells_identity(const char *real, const char *etalon,
                                    unsigned n) {
  if (memcmp(real, etalon, n) == 0) {
    ++pair_index;
    return 0;
  }
  printf("selfcheck: mismatch at pair %llu:", pair_index);
  print_value("real", real, n);
  print_value("etalon", etalon, n);
  printf("\n");
  return 1;
}

static void success_report(void) {
  printf("selfcheck: %llu pairs match\n", pair_index);
}

static int check_selfcheck_section(void) {
  const char *ptr_pos = (const char *)__snippy_selfcheck_section_address;
  unsigned distance_to_next_pair = 2 * __snippy_selfcheck_data_byte_stride;
  start_analysis_report();
  for (const char *end_pos = ptr_pos + __snippy_selfcheck_section_size;
       ptr_pos != end_pos; ptr_pos += distance_to_next_pair)
    if (check_two_cells_identity(ptr_pos,
                                 ptr_pos + __snippy_selfcheck_data_byte_stride,
                                 __snippy_selfcheck_data_byte_stride))
      return 1;
  success_report();
  return 0;
}

/* With an argument: also writes the section (the used pairs) to that file,
   the memory dump snipgen-selfcheck-report reads. */
int main(int argc, char **argv) {
  SnippyFunction();
  if (argc > 1) {
    FILE *f = fopen(argv[1], "wb");
    if (!f)
      return 2;
    fwrite((const void *)__snippy_selfcheck_section_address, 1,
           __snippy_selfcheck_section_size, f);
    fclose(f);
  }
  return check_selfcheck_section();
}
