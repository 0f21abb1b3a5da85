#ifndef LEDGERPORT_CSQLITE_SHIM_H
#define LEDGERPORT_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro that Swift cannot import: it tells
// SQLite to copy a bound buffer before the bind call returns.
static inline sqlite3_destructor_type ledgerport_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

// sqlite3_config is variadic, so each use gets a fixed-signature wrapper.
static inline int ledgerport_sqlite_config_multithread(void) {
    return sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
}

#endif
