#include "apiserver/certs.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace kgen::testing {
namespace {

void run(const std::string& command) {
  if (std::system((command + " >/dev/null 2>&1").c_str()) != 0) throw std::runtime_error("failed: " + command);
}

}  // namespace

TestCertificates make_test_certificates(const std::string& dir) {
  TestCertificates c{dir + "/ca.crt", dir + "/ca.key", dir + "/server.crt", dir + "/server.key", dir + "/client.crt", dir + "/client.key"};
  const std::string ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
  run("openssl req -x509 " + ec + " -keyout " + c.ca_key + " -out " + c.ca_cert + " -days 2 -subj /CN=kgen-test-ca");
  {
    std::ofstream ext(dir + "/server.ext");
    ext << "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n";
  }
  run("openssl req " + ec + " -keyout " + c.server_key + " -out " + dir + "/server.csr -subj /CN=kgen-test-apiserver");
  run("openssl x509 -req -in " + dir + "/server.csr -CA " + c.ca_cert + " -CAkey " + c.ca_key +
      " -CAcreateserial -days 2 -out " + c.server_cert + " -extfile " + dir + "/server.ext");
  {
    std::ofstream ext(dir + "/client.ext");
    ext << "extendedKeyUsage=clientAuth\n";
  }
  run("openssl req " + ec + " -keyout " + c.client_key + " -out " + dir + "/client.csr -subj /CN=kgen-test-admin");
  run("openssl x509 -req -in " + dir + "/client.csr -CA " + c.ca_cert + " -CAkey " + c.ca_key +
      " -CAcreateserial -days 2 -out " + c.client_cert + " -extfile " + dir + "/client.ext");
  return c;
}

}  // namespace kgen::testing
