#ifndef LEDGERPORT_CEPOLL_SHIM_H
#define LEDGERPORT_CEPOLL_SHIM_H

// Linux's epoll, part of glibc: the Glibc module that Swift ships does not import <sys/epoll.h>.
#include <sys/epoll.h>

#endif
