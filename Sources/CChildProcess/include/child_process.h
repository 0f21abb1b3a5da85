#ifndef LEDGERPORT_CHILD_PROCESS_H
#define LEDGERPORT_CHILD_PROCESS_H

#include <sys/types.h>

// Starts `path` with `argv` and `envp` (both NULL-terminated) through
// posix_spawn, in `directory` when it is not NULL. Standard input reads
// /dev/null; standard output and error go to `output_fd` and `error_fd`, or to
// /dev/null when they are negative. Every other descriptor is closed in the
// child by one closefrom action, so no descriptor list is built while other
// threads open and close descriptors. The child gets a process group of its
// own, no blocked signal and every signal at its default action. Returns 0
// and sets `pid`, or returns the error number.
int ledgerport_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[], const char *directory, int output_fd,
                     int error_fd);

#endif
