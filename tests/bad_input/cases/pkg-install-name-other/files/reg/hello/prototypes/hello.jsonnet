// @apiVersion 0.1
// @name io.kgen.pkg.hello
// @description A ConfigMap holding a greeting; the test package of kgen's
//   registry commands.
// @shortDescription A greeting ConfigMap
// @param name string Name of the ConfigMap
// @optionalParam greeting string hello The greeting to store
// @optionalParam replicas number 1 How many times to say it

local hello = import "kgen-test/hello/hello.libsonnet";

hello.configMap(import 'param://name', import 'param://greeting', import 'param://replicas')
