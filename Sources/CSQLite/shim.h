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

// Turns off SQLite's memory statistics, which take a global mutex around
// every allocation and free. It works only before SQLite initializes.
static inline int ledgerport_sqlite_config_no_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

// Names the calling thread (at most 15 bytes are kept on Linux). prctl is
// variadic and pthread_setname_np needs _GNU_SOURCE, so Swift reaches
// neither; the SQLite wrapper uses this for its dedicated threads.
#ifdef __linux__
#include <sys/prctl.h>
static inline void ledgerport_name_current_thread(const char *name) {
    prctl(PR_SET_NAME, (unsigned long)name, 0UL, 0UL, 0UL);
}
#else
#include <pthread.h>
static inline void ledgerport_name_current_thread(const char *name) {
    pthread_setname_np(name);
}
#endif

#endif
