#include "wal_buffer_vfs.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

// The maximum number of WAL bytes held unwritten. A commit of 100 events writes about
// 1.6 MB; a larger transaction is written out in runs of this size.
#define BUFFER_LIMIT (4 * 1024 * 1024)

// The maximum length of one write to the wrapped VFS. SQLite's unix VFS keeps
// only the low 17 bits of a write's length (it never writes more than a
// page and a frame header itself), so a run goes out in pieces below 128 KiB.
#define WRITE_LIMIT (124 * 1024)

typedef struct BufferedFile BufferedFile;

// One open file of the wrapped VFS, with its own state in front.
//
// The wrapped VFS's file lives right after this struct, in the same
// allocation SQLite made (the VFS's szOsFile covers both).
struct BufferedFile {
    sqlite3_file base;
    sqlite3_file *wrapped;
    int isWAL;
    // The main database file: its WAL file while that is open, so the
    // shared-memory barrier of a commit can write the buffer out.
    BufferedFile *wal;
    // A WAL file: its main database file, until either closes.
    BufferedFile *database;
    unsigned char *buffer;
    size_t capacity;
    size_t length;
    sqlite3_int64 offset;
    // The error of a write-out that had no caller to return it to (the
    // barrier returns nothing); the next call on the file returns it.
    int pendingError;
};

static sqlite3_vfs bufferVFS;
static const sqlite3_io_methods bufferMethods;

static sqlite3_vfs *wrappedVFS(sqlite3_vfs *vfs) {
    return (sqlite3_vfs *)vfs->pAppData;
}

// Writes `size` bytes at `offset` through the wrapped file, in pieces the wrapped VFS takes whole.
static int writeThrough(BufferedFile *file, const unsigned char *data, size_t size, sqlite3_int64 offset) {
    while (size > 0) {
        size_t piece = size < WRITE_LIMIT ? size : WRITE_LIMIT;
        int rc = file->wrapped->pMethods->xWrite(file->wrapped, data, (int)piece, offset);
        if (rc != SQLITE_OK) {
            return rc;
        }
        data += piece;
        size -= piece;
        offset += (sqlite3_int64)piece;
    }
    return SQLITE_OK;
}

// Writes the buffered run to the file and empties the buffer.
static int writeOut(BufferedFile *file) {
    if (file->length == 0) {
        return SQLITE_OK;
    }
    int rc = writeThrough(file, file->buffer, file->length, file->offset);
    file->length = 0;
    return rc;
}

// Writes the buffer out and returns the first error not yet returned.
static int settle(BufferedFile *file) {
    int rc = writeOut(file);
    if (file->pendingError != SQLITE_OK) {
        rc = file->pendingError;
        file->pendingError = SQLITE_OK;
    }
    return rc;
}

static int reserve(BufferedFile *file, size_t needed) {
    if (needed <= file->capacity) {
        return SQLITE_OK;
    }
    size_t capacity = file->capacity == 0 ? 256 * 1024 : file->capacity;
    while (capacity < needed) {
        capacity *= 2;
    }
    unsigned char *grown = realloc(file->buffer, capacity);
    if (grown == NULL) {
        return SQLITE_IOERR_NOMEM;
    }
    file->buffer = grown;
    file->capacity = capacity;
    return SQLITE_OK;
}

static int bufferedWrite(sqlite3_file *handle, const void *data, int amount, sqlite3_int64 offset) {
    BufferedFile *file = (BufferedFile *)handle;
    if (!file->isWAL) {
        return file->wrapped->pMethods->xWrite(file->wrapped, data, amount, offset);
    }
    size_t size = (size_t)amount;
    int extendsRun = file->length > 0 && offset == file->offset + (sqlite3_int64)file->length;
    // Without memory for a larger buffer, the run is written out and this write goes through unbuffered.
    if (extendsRun && file->length + size <= BUFFER_LIMIT && reserve(file, file->length + size) == SQLITE_OK) {
        memcpy(file->buffer + file->length, data, size);
        file->length += size;
        return SQLITE_OK;
    }

    int rc = settle(file);
    if (rc != SQLITE_OK) {
        return rc;
    }
    if (size > BUFFER_LIMIT || reserve(file, size) != SQLITE_OK) {
        return writeThrough(file, data, size, offset);
    }
    memcpy(file->buffer, data, size);
    file->length = size;
    file->offset = offset;
    return SQLITE_OK;
}

static int bufferedRead(sqlite3_file *handle, void *data, int amount, sqlite3_int64 offset) {
    BufferedFile *file = (BufferedFile *)handle;
    int rc = settle(file);
    if (rc != SQLITE_OK) {
        return rc;
    }
    return file->wrapped->pMethods->xRead(file->wrapped, data, amount, offset);
}

static int bufferedTruncate(sqlite3_file *handle, sqlite3_int64 size) {
    BufferedFile *file = (BufferedFile *)handle;
    int rc = settle(file);
    if (rc != SQLITE_OK) {
        return rc;
    }
    return file->wrapped->pMethods->xTruncate(file->wrapped, size);
}

static int bufferedSync(sqlite3_file *handle, int flags) {
    BufferedFile *file = (BufferedFile *)handle;
    int rc = settle(file);
    if (rc != SQLITE_OK) {
        return rc;
    }
    return file->wrapped->pMethods->xSync(file->wrapped, flags);
}

static int bufferedFileSize(sqlite3_file *handle, sqlite3_int64 *size) {
    BufferedFile *file = (BufferedFile *)handle;
    int rc = settle(file);
    if (rc != SQLITE_OK) {
        return rc;
    }
    return file->wrapped->pMethods->xFileSize(file->wrapped, size);
}

static int bufferedClose(sqlite3_file *handle) {
    BufferedFile *file = (BufferedFile *)handle;
    int rc = settle(file);
    if (file->database != NULL && file->database->wal == file) {
        file->database->wal = NULL;
    }
    if (file->wal != NULL && file->wal->database == file) {
        file->wal->database = NULL;
    }
    free(file->buffer);
    file->buffer = NULL;
    file->capacity = 0;
    int closed = file->wrapped->pMethods->xClose(file->wrapped);
    return rc != SQLITE_OK ? rc : closed;
}

static int bufferedLock(sqlite3_file *handle, int level) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->wrapped->pMethods->xLock(file->wrapped, level);
}

static int bufferedUnlock(sqlite3_file *handle, int level) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->wrapped->pMethods->xUnlock(file->wrapped, level);
}

static int bufferedCheckReservedLock(sqlite3_file *handle, int *reserved) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->wrapped->pMethods->xCheckReservedLock(file->wrapped, reserved);
}

static int bufferedFileControl(sqlite3_file *handle, int operation, void *argument) {
    BufferedFile *file = (BufferedFile *)handle;
    int rc = settle(file);
    if (rc != SQLITE_OK) {
        return rc;
    }
    rc = file->wrapped->pMethods->xFileControl(file->wrapped, operation, argument);
    // Names the VFS stack, outermost first, as SQLite's own shims do.
    if (operation == SQLITE_FCNTL_VFSNAME && rc == SQLITE_OK) {
        char **name = (char **)argument;
        char *stacked = sqlite3_mprintf("%s/%s", LEDGERPORT_WAL_BUFFER_VFS_NAME, *name != NULL ? *name : "");
        sqlite3_free(*name);
        *name = stacked;
    }
    return rc;
}

static int bufferedSectorSize(sqlite3_file *handle) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->wrapped->pMethods->xSectorSize(file->wrapped);
}

static int bufferedDeviceCharacteristics(sqlite3_file *handle) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->wrapped->pMethods->xDeviceCharacteristics(file->wrapped);
}

static int bufferedShmMap(sqlite3_file *handle, int region, int size, int extend, void volatile **memory) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->wrapped->pMethods->xShmMap(file->wrapped, region, size, extend, memory);
}

// Writes the buffer of a main database file's WAL out, keeping an error for the WAL's next call.
static void writeOutWAL(BufferedFile *database) {
    if (database->wal == NULL) {
        return;
    }
    int rc = writeOut(database->wal);
    if (rc != SQLITE_OK && database->wal->pendingError == SQLITE_OK) {
        database->wal->pendingError = rc;
    }
}

// Every lock change of the WAL index writes the buffer out first, so no
// buffer outlives the write lock. After a rollback, the frames the writer
// wrote are in the file before another connection can write over them, as
// they would be without the buffer.
static int bufferedShmLock(sqlite3_file *handle, int offset, int count, int flags) {
    BufferedFile *file = (BufferedFile *)handle;
    writeOutWAL(file);
    return file->wrapped->pMethods->xShmLock(file->wrapped, offset, count, flags);
}

// SQLite calls the barrier between the two copies of the WAL index header
// it writes at a commit, and readers take the commit only once both copies
// agree, so the WAL's buffer is written out here, before that can happen.
static void bufferedShmBarrier(sqlite3_file *handle) {
    BufferedFile *file = (BufferedFile *)handle;
    writeOutWAL(file);
    file->wrapped->pMethods->xShmBarrier(file->wrapped);
}

static int bufferedShmUnmap(sqlite3_file *handle, int deleteFlag) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->wrapped->pMethods->xShmUnmap(file->wrapped, deleteFlag);
}

static int bufferedFetch(sqlite3_file *handle, sqlite3_int64 offset, int amount, void **page) {
    BufferedFile *file = (BufferedFile *)handle;
    int rc = settle(file);
    if (rc != SQLITE_OK) {
        return rc;
    }
    return file->wrapped->pMethods->xFetch(file->wrapped, offset, amount, page);
}

static int bufferedUnfetch(sqlite3_file *handle, sqlite3_int64 offset, void *page) {
    BufferedFile *file = (BufferedFile *)handle;
    return file->wrapped->pMethods->xUnfetch(file->wrapped, offset, page);
}

static const sqlite3_io_methods bufferMethods = {
    3,
    bufferedClose,
    bufferedRead,
    bufferedWrite,
    bufferedTruncate,
    bufferedSync,
    bufferedFileSize,
    bufferedLock,
    bufferedUnlock,
    bufferedCheckReservedLock,
    bufferedFileControl,
    bufferedSectorSize,
    bufferedDeviceCharacteristics,
    bufferedShmMap,
    bufferedShmLock,
    bufferedShmBarrier,
    bufferedShmUnmap,
    bufferedFetch,
    bufferedUnfetch,
};

static int bufferedOpen(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *handle, int flags, int *outFlags) {
    BufferedFile *file = (BufferedFile *)handle;
    memset(file, 0, sizeof(BufferedFile));
    file->wrapped = (sqlite3_file *)&file[1];
    int rc = wrappedVFS(vfs)->xOpen(wrappedVFS(vfs), name, file->wrapped, flags, outFlags);
    if (rc != SQLITE_OK || file->wrapped->pMethods == NULL) {
        // SQLite calls xClose only on files whose methods are set.
        file->base.pMethods = NULL;
        return rc;
    }
    // The methods below call the wrapped file's version 3 methods unchecked.
    if (file->wrapped->pMethods->iVersion < 3) {
        file->wrapped->pMethods->xClose(file->wrapped);
        file->base.pMethods = NULL;
        return SQLITE_CANTOPEN;
    }
    file->base.pMethods = &bufferMethods;

    if ((flags & SQLITE_OPEN_WAL) != 0 && name != NULL) {
        sqlite3_file *database = sqlite3_database_file_object(name);
        if (database != NULL && database->pMethods == &bufferMethods) {
            file->isWAL = 1;
            file->database = (BufferedFile *)database;
            file->database->wal = file;
        }
    }
    return SQLITE_OK;
}

static int forwardDelete(sqlite3_vfs *vfs, const char *name, int syncDirectory) {
    return wrappedVFS(vfs)->xDelete(wrappedVFS(vfs), name, syncDirectory);
}

static int forwardAccess(sqlite3_vfs *vfs, const char *name, int flags, int *result) {
    return wrappedVFS(vfs)->xAccess(wrappedVFS(vfs), name, flags, result);
}

static int forwardFullPathname(sqlite3_vfs *vfs, const char *name, int size, char *output) {
    return wrappedVFS(vfs)->xFullPathname(wrappedVFS(vfs), name, size, output);
}

static void *forwardDlOpen(sqlite3_vfs *vfs, const char *name) {
    return wrappedVFS(vfs)->xDlOpen(wrappedVFS(vfs), name);
}

static void forwardDlError(sqlite3_vfs *vfs, int size, char *message) {
    wrappedVFS(vfs)->xDlError(wrappedVFS(vfs), size, message);
}

static void (*forwardDlSym(sqlite3_vfs *vfs, void *library, const char *symbol))(void) {
    return wrappedVFS(vfs)->xDlSym(wrappedVFS(vfs), library, symbol);
}

static void forwardDlClose(sqlite3_vfs *vfs, void *library) {
    wrappedVFS(vfs)->xDlClose(wrappedVFS(vfs), library);
}

static int forwardRandomness(sqlite3_vfs *vfs, int size, char *output) {
    return wrappedVFS(vfs)->xRandomness(wrappedVFS(vfs), size, output);
}

static int forwardSleep(sqlite3_vfs *vfs, int microseconds) {
    return wrappedVFS(vfs)->xSleep(wrappedVFS(vfs), microseconds);
}

static int forwardCurrentTime(sqlite3_vfs *vfs, double *julianDay) {
    return wrappedVFS(vfs)->xCurrentTime(wrappedVFS(vfs), julianDay);
}

static int forwardGetLastError(sqlite3_vfs *vfs, int size, char *message) {
    return wrappedVFS(vfs)->xGetLastError(wrappedVFS(vfs), size, message);
}

static int forwardCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *milliseconds) {
    return wrappedVFS(vfs)->xCurrentTimeInt64(wrappedVFS(vfs), milliseconds);
}

static pthread_once_t registration = PTHREAD_ONCE_INIT;
static int registrationResult = SQLITE_ERROR;

static void registerOnce(void) {
    sqlite3_vfs *wrapped = sqlite3_vfs_find(NULL);
    // Version 2 gives xCurrentTimeInt64, which the forwarders call.
    if (wrapped == NULL || wrapped->iVersion < 2) {
        registrationResult = SQLITE_ERROR;
        return;
    }
    bufferVFS = (sqlite3_vfs){
        .iVersion = 2,
        .szOsFile = (int)sizeof(BufferedFile) + wrapped->szOsFile,
        .mxPathname = wrapped->mxPathname,
        .zName = LEDGERPORT_WAL_BUFFER_VFS_NAME,
        .pAppData = wrapped,
        .xOpen = bufferedOpen,
        .xDelete = forwardDelete,
        .xAccess = forwardAccess,
        .xFullPathname = forwardFullPathname,
        .xDlOpen = forwardDlOpen,
        .xDlError = forwardDlError,
        .xDlSym = forwardDlSym,
        .xDlClose = forwardDlClose,
        .xRandomness = forwardRandomness,
        .xSleep = forwardSleep,
        .xCurrentTime = forwardCurrentTime,
        .xGetLastError = forwardGetLastError,
        .xCurrentTimeInt64 = forwardCurrentTimeInt64,
    };
    registrationResult = sqlite3_vfs_register(&bufferVFS, 0);
}

int ledgerport_wal_buffer_vfs_register(void) {
    pthread_once(&registration, registerOnce);
    return registrationResult;
}
