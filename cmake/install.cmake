# `cmake --install build --prefix P` and the Debian package (cpack -G DEB, scripts/package.sh):
# P/bin/kgen, its shell completions, its man page and the Argo CD plugin files.
#
# The completion scripts and kgen.1 are written into ${KGEN_SHARE_FILES} by the kgen just
# linked (cmd/CMakeLists.txt), from the command tree that parses the flags: no copy to keep.
include(GNUInstallDirs)

install(TARGETS kgen RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${KGEN_SHARE_FILES}/kgen.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${KGEN_SHARE_FILES}/kgen.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME kgen)
install(FILES ${KGEN_SHARE_FILES}/_kgen DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
install(FILES ${KGEN_SHARE_FILES}/kgen.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
# The plugin's files as deploy/argocd has them (the kustomize Component reads its
# neighbours by relative path); the Dockerfile builds from the source, so it stays there.
install(FILES
  ${CMAKE_SOURCE_DIR}/deploy/argocd/plugin.yaml
  ${CMAKE_SOURCE_DIR}/deploy/argocd/kustomization.yaml
  ${CMAKE_SOURCE_DIR}/deploy/argocd/repo-server-patch.yaml
  ${CMAKE_SOURCE_DIR}/deploy/argocd/application.yaml
  DESTINATION ${CMAKE_INSTALL_DATADIR}/kgen/argocd)

# Installing and packaging need kgen and the files above, not the test suite: without
# this, `cpack` would build every test binary first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kgen)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "kgen maintainers <kgen@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "renders, reviews and applies ksonnet (ks) apps")
# The package's long description (CPack indents it under the summary, as Debian's control file wants).
set(CPACK_PACKAGE_DESCRIPTION "kgen replaces ksonnet (ks), the archived Kubernetes manifest generator: it reads ks
app folders as they are and prints the manifests `ks show` printed, edits parameters
and environments as ks did, and applies, diffs and deletes them with its own
Kubernetes client. Includes the man page, shell completions for bash, zsh and fish,
and the Argo CD config management plugin's files (/usr/share/kgen/argocd).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # kgen_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_STRIP_FILES ON)
# Dependencies from the libraries the binary links (dpkg-shlibdeps), plus libcurl, which
# kgen loads with dlopen on its first cluster request (lib/kube/curl_library.h) and
# shlibdeps therefore cannot see.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libcurl4")
# git fetches GitHub registries; ca-certificates verifies cluster and GitHub TLS.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git, ca-certificates")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)
