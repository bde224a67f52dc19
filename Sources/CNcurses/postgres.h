#ifndef STPDASH_CPOSTGRES_H
#define STPDASH_CPOSTGRES_H

#include <dlfcn.h>
#include <postgresql/libpq-fe.h>

// The diagnostic field codes (macros of one character) Swift cannot see.
static inline int stp_pg_diag_sqlstate(void) { return 'C'; }
static inline int stp_pg_diag_message(void) { return 'M'; }

// libpq is opened when a team journal is first used, not when the program
// starts: it brings some twenty libraries (TLS, Kerberos, LDAP) that every
// other command would otherwise load, relocate and keep resident (about
// 5 MiB and a few milliseconds a run), and a machine without it can still
// run everything but a shared journal. The functions used, typed from the
// header's own declarations:
#define STP_LIBPQ_FUNCTIONS(X) \
  X(PQconnectdbParams) X(PQsetNoticeProcessor) X(PQstatus) X(PQerrorMessage) X(PQfinish) \
  X(PQexecParams) X(PQclear) X(PQresultStatus) X(PQresultErrorField) X(PQntuples) X(PQnfields) \
  X(PQgetisnull) X(PQgetvalue) X(PQsocket) X(PQconsumeInput) X(PQnotifies) X(PQfreemem)

#define STP_LIBPQ_FIELD(name) __typeof__(&name) name;
typedef struct {
  STP_LIBPQ_FUNCTIONS(STP_LIBPQ_FIELD)
} stp_libpq;
#undef STP_LIBPQ_FIELD

// Fills `pq` with every function, or answers why not (the loader's own
// words, or the first function missing). Opening twice is cheap: the
// loader keeps one copy of the library.
static inline const char *stp_libpq_load(stp_libpq *pq) {
#ifdef __APPLE__
  void *library = dlopen("libpq.5.dylib", RTLD_NOW | RTLD_LOCAL);
#else
  void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
#endif
  if (!library) {
    const char *why = dlerror();
    return why ? why : "libpq cannot be opened";
  }
#define STP_LIBPQ_LOAD(name) \
  pq->name = (__typeof__(&name))dlsym(library, #name); \
  if (!pq->name) return "libpq has no " #name;
  STP_LIBPQ_FUNCTIONS(STP_LIBPQ_LOAD)
#undef STP_LIBPQ_LOAD
  return 0;
}

#endif
