#ifndef STPDASH_CPOSTGRES_H
#define STPDASH_CPOSTGRES_H

#include <postgresql/libpq-fe.h>

// The diagnostic field codes (macros of one character) Swift cannot see.
static inline int stp_pg_diag_sqlstate(void) { return 'C'; }
static inline int stp_pg_diag_message(void) { return 'M'; }

#endif
