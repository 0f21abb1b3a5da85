#define _GNU_SOURCE
#include "child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

static int redirect(posix_spawn_file_actions_t *actions, int target, int source, int null_flags) {
    if (source >= 0) {
        return posix_spawn_file_actions_adddup2(actions, source, target);
    }
    return posix_spawn_file_actions_addopen(actions, target, "/dev/null", null_flags, 0);
}

int ledgerport_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[], const char *directory, int output_fd,
                     int error_fd) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) {
        return result;
    }
    result = posix_spawnattr_init(&attributes);
    if (result != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return result;
    }
    result = redirect(&actions, STDIN_FILENO, -1, O_RDONLY);
    if (result == 0) result = redirect(&actions, STDOUT_FILENO, output_fd, O_WRONLY);
    if (result == 0) result = redirect(&actions, STDERR_FILENO, error_fd, O_WRONLY);
    if (result == 0 && directory != NULL) result = posix_spawn_file_actions_addchdir_np(&actions, directory);
    if (result == 0) result = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    // The parent's threads may block or ignore signals (SIGTERM among them), and a child inherits both, so it starts with
    // no signal blocked and every signal at its default action.
    sigset_t none;
    sigset_t all;
    sigemptyset(&none);
    sigfillset(&all);
    if (result == 0) result = posix_spawnattr_setsigmask(&attributes, &none);
    if (result == 0) result = posix_spawnattr_setsigdefault(&attributes, &all);
    if (result == 0) {
        result = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    }
    if (result == 0) result = posix_spawnattr_setpgroup(&attributes, 0);
    if (result == 0) result = posix_spawn(pid, path, &actions, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return result;
}
