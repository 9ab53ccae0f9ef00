// Certificates for the test API server, made at test time with the openssl tool: a CA,
// a server certificate for 127.0.0.1/localhost, and a client certificate.
#pragma once

#include <string>

namespace kgen::testing {

struct TestCertificates {
  std::string ca_cert, ca_key;
  std::string server_cert, server_key;
  std::string client_cert, client_key;  // CN=kgen-test-admin
};

// Writes the files into `dir`; throws std::runtime_error when openssl fails.
TestCertificates make_test_certificates(const std::string& dir);

}  // namespace kgen::testing
