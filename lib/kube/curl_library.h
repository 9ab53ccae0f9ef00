// libcurl, loaded when the first cluster request is made rather than at process start
// (internal to the kube stage). Linking libcurl made every kgen command, `show` included,
// 5 ms slower to start (its dependencies' initialisers: gnutls, krb5, ldap...), more than
// an unchanged render takes in all; only cluster commands need it.
#pragma once

#include <curl/curl.h>

namespace kgen::kube {

struct CurlLibrary {
  CURLcode (*global_init)(long flags);
  CURL* (*easy_init)();
  void (*easy_cleanup)(CURL*);
  void (*easy_reset)(CURL*);
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...);
  CURLcode (*easy_perform)(CURL*);
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...);
  const char* (*easy_strerror)(CURLcode);
  curl_slist* (*slist_append)(curl_slist*, const char*);
  void (*slist_free_all)(curl_slist*);
};

// Loads libcurl.so.4 once (and runs curl_global_init). Throws kgen::Error when it is missing.
const CurlLibrary& curl_library();

}  // namespace kgen::kube
