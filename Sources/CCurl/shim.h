#ifndef LEDGERPORT_CCURL_SHIM_H
#define LEDGERPORT_CCURL_SHIM_H

#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot
// call; each wrapper fixes one argument type.
static inline CURLcode ledgerport_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ledgerport_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ledgerport_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ledgerport_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*ledgerport_curl_write_callback)(char *data, size_t size, size_t count, void *context);

// Also serves CURLOPT_HEADERFUNCTION, whose callback has the same signature.
static inline CURLcode ledgerport_curl_setopt_write_function(CURL *handle, CURLoption option, ledgerport_curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

typedef int (*ledgerport_curl_xferinfo_callback)(void *context, curl_off_t download_total, curl_off_t download_now,
                                                 curl_off_t upload_total, curl_off_t upload_now);

static inline CURLcode ledgerport_curl_setopt_xferinfo_function(CURL *handle, ledgerport_curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

static inline CURLcode ledgerport_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode ledgerport_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
