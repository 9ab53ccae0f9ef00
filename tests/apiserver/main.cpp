// kgen-test-apiserver DIR [NAMESPACE]...: runs the test API server until killed, for
// trying kgen (and kubectl) by hand without a cluster. Writes DIR/kubeconfig (token
// auth) and prints the server's URL.
#include <csignal>
#include <fstream>
#include <iostream>
#include <thread>

#include "apiserver/fake_apiserver.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: kgen-test-apiserver DIR [NAMESPACE]...\n";
    return 2;
  }
  const std::string dir = argv[1];
  kgen::testing::FakeApiServerOptions options;
  options.cert_dir = dir;
  kgen::testing::FakeApiServer server(options);
  for (int i = 2; i < argc; ++i) server.create_namespace(argv[i]);
  std::ofstream(dir + "/kubeconfig") << server.kubeconfig("token");
  std::cout << server.url() << std::endl;
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  int signal = 0;
  sigwait(&signals, &signal);
  return 0;
}
