// Chained builder calls, each with the JSON the ksonnet-lib ks 0.13.1 generated for v1.8.0
// gave (recorded with jsonnet-0.11.2 against `ks init --api-spec file:.../v1.8.0/swagger.json`'s
// lib/ksonnet-lib/v1.8.0). A builder's result keeps the methods of every level mixed into
// it and a chained call writes where its own level does: deployment.new(...).withVolumes(v)
// lands in spec.template.spec, the pod spec being the level new mixed last.
#include "k8slib/expressions.h"

namespace kgen::testing {

const std::vector<LibExpression>& lib_chain_expressions() {
  static const std::vector<LibExpression> table = {
      // after a resource's new: the level new mixed last (the pod spec) takes the call
      {"deployment new then withVolumesMixin", "d.new('web', 1, [c.new('web', 'nginx')], {app: 'web'}).withVolumesMixin([vol.fromEmptyDir('tmp')])", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx","name":"web"}],"volumes":[{"emptyDir":{},"name":"tmp"}]}}}})"},
      {"deployment new then withServiceAccountName", "d.new('web', 1, [], {app: 'web'}).withServiceAccountName('sa')", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[],"serviceAccountName":"sa"}}}})"},
      {"deployment new then pod template labels", "d.new('web').withLabels({tier: 'fe'})", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"tier":"fe"}},"spec":{"containers":[""]}}}})"},
      {"deployment new then pod template labels mixin", "d.new('web', 1, [], {app: 'web'}).withLabelsMixin({tier: 'fe'})", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"web","tier":"fe"}},"spec":{"containers":[]}}}})"},
      {"deployment new then withName reaches the template", "d.new('web').withName('other')", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"name"},"name":"other"},"spec":{"containers":[""]}}}})"},
      {"deployment new then spec level", "d.new('web').withReplicas(3).withMinReadySeconds(5)", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"minReadySeconds":5,"replicas":3,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[""]}}}})"},
      {"deployment new then two levels", "d.new('web').withMinReadySeconds(5).withHostNetwork(true)", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"minReadySeconds":5,"replicas":1,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[""],"hostNetwork":true}}}})"},
      {"deployment new then containers mixin", "d.new('web', 1, c.new('a', 'x')).withContainersMixin(c.new('side', 'busybox'))", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[{"image":"x","name":"a"},{"image":"busybox","name":"side"}]}}}})"},
      {"deployment new then mixinInstance", "d.new('web').mixinInstance({dnsPolicy: 'Default'})", R"({"spec":{"template":{"spec":{"dnsPolicy":"Default"}}}})"},
      {"deployment new then nested pod level", "d.new('web').securityContext.withRunAsUser(1000)", R"({"spec":{"template":{"spec":{"securityContext":{"runAsUser":1000}}}}})"},
      {"deployment new then nested spec level", "d.new('web').strategy.withType('Recreate')", R"({"spec":{"strategy":{"type":"Recreate"}}})"},
      {"deployment new default containers", "d.new('x')", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"x"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[""]}}}})"},
      {"deployment new volumes twice", "d.new('web').withVolumesMixin(vol.fromEmptyDir('a')).withVolumesMixin(vol.fromEmptyDir('b'))", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[""],"volumes":[{"emptyDir":{},"name":"a"},{"emptyDir":{},"name":"b"}]}}}})"},
      {"deployment new node selector and tolerations", "d.new('web').withNodeSelector({disk: 'ssd'}).withTolerations(pod.mixin.spec.tolerationsType.withKey('k').withOperator('Exists'))", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[""],"nodeSelector":{"disk":"ssd"},"tolerations":[{"key":"k","operator":"Exists"}]}}}})"},
      // + of builder results: the level mixed last wins a name, each method writes to its level
      {"plus spec then mixinInstance", "(d.new('web') + d.mixin.spec.withReplicas(3)).mixinInstance({paused: true})", R"({"spec":{"paused":true}})"},
      {"plus spec then pod setter", "(d.new('web') + d.mixin.spec.withReplicas(3)).withVolumes(vol.fromSecret('s', 'creds'))", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":3,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[""],"volumes":[{"name":"s","secret":{"secretName":"creds"}}]}}}})"},
      {"plus metadata then labels", "(d.new('web') + d.mixin.metadata.withNamespace('ns')).withLabels({a: 'b'})", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"labels":{"a":"b"},"name":"web","namespace":"ns"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[""]}}}})"},
      {"metadata levels: outer last", "(d.mixin.spec.template.metadata.withLabels({a: '1'}) + d.mixin.metadata.withName('n')).withAnnotations({b: '2'})", R"({"metadata":{"annotations":{"b":"2"},"name":"n"},"spec":{"template":{"metadata":{"labels":{"a":"1"}}}}})"},
      {"metadata levels: template last", "(d.mixin.metadata.withName('n') + d.mixin.spec.template.metadata.withLabels({a: '1'})).withAnnotations({b: '2'})", R"({"metadata":{"name":"n"},"spec":{"template":{"metadata":{"annotations":{"b":"2"},"labels":{"a":"1"}}}}})"},
      {"nested builder of a sum", "(d.mixin.spec.withReplicas(1) + d.mixin.spec.template.spec.withHostname('h')).template.metadata.withName('t')", R"({"spec":{"template":{"metadata":{"name":"t"}}}})"},
      {"type object after its mixin level", "(d.mixin.spec.template.spec.withHostname('h') + d.mixin.spec.template.specType.withSubdomain('s')).withDnsPolicy('Default')", R"({"dnsPolicy":"Default","spec":{"template":{"spec":{"hostname":"h"}}},"subdomain":"s"})"},
      {"mixin level nested after its type object", "(d.mixin.spec.template.spec.withHostname('h') + d.mixin.spec.template.specType.withSubdomain('s')).securityContext.withFsGroup(1)", R"({"spec":{"template":{"spec":{"securityContext":{"fsGroup":1}}}}})"},
      {"three builders added", "d.new('web', 1, [c.new('a', 'x')]) + d.mixin.spec.template.spec.withVolumes(vol.fromEmptyDir('t')) + d.mixin.spec.template.spec.withServiceAccountName('sa')", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[{"image":"x","name":"a"}],"serviceAccountName":"sa","volumes":[{"emptyDir":{},"name":"t"}]}}}})"},
      {"containers added then renamed", "(c.new('a', 'x') + c.withImage('y')).withName('z')", R"({"image":"y","name":"z"})"},
      // chains after with* and mixin.* paths
      {"mixin path chain", "d.mixin.spec.template.spec.withHostname('h').withSubdomain('s')", R"({"spec":{"template":{"spec":{"hostname":"h","subdomain":"s"}}}})"},
      {"mixin path chain into nested", "d.mixin.spec.template.spec.withHostname('h').securityContext.withFsGroup(1)", R"({"spec":{"template":{"spec":{"securityContext":{"fsGroup":1}}}}})"},
      {"rollingUpdate chain", "d.mixin.spec.strategy.rollingUpdate.withMaxSurge(1).withMaxUnavailable(0)", R"({"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}})"},
      {"strategy then rollingUpdate", "d.mixin.spec.strategy.withType('RollingUpdate').rollingUpdate.withMaxSurge(1)", R"({"spec":{"strategy":{"rollingUpdate":{"maxSurge":1}}}})"},
      {"metadata chain", "d.mixin.metadata.withName('a').withLabels({a: 'b'}).withAnnotationsMixin({x: 'y'})", R"({"metadata":{"annotations":{"x":"y"},"labels":{"a":"b"},"name":"a"}})"},
      {"template metadata chain", "d.mixin.spec.template.metadata.withLabels({a: '1'}).withAnnotations({b: '2'})", R"({"spec":{"template":{"metadata":{"annotations":{"b":"2"},"labels":{"a":"1"}}}}})"},
      {"selector chain", "d.mixin.spec.selector.withMatchLabels({a: 'b'}).withMatchExpressions({key: 'k', operator: 'Exists'})", R"({"spec":{"selector":{"matchExpressions":[{"key":"k","operator":"Exists"}],"matchLabels":{"a":"b"}}}})"},
      {"mixins of mixins", "d.mixin.spec.template.spec.securityContext.mixinInstance({runAsUser: 1}) + d.mixin.spec.template.spec.withHostPid(true) + d.mixin.spec.template.mixinInstance({metadata: {labels: {a: 'b'}}}) + d.mixin.spec.template.metadata.withLabelsMixin({c: 'd'})", R"({"spec":{"template":{"metadata":{"labels":{"a":"b","c":"d"}},"spec":{"hostPID":true,"securityContext":{"runAsUser":1}}}}})"},
      // StatefulSet, Service, ConfigMap, Secret, Namespace, ServiceAccount and other constructors
      {"statefulSet new then pod setter", "k.apps.v1beta1.statefulSet.new('db', 2, [c.new('db', 'pg')], [], {app: 'db'}).withServiceAccountName('db')", R"({"apiVersion":"apps/v1beta1","kind":"StatefulSet","metadata":{"name":"db"},"spec":{"replicas":2,"template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"image":"pg","name":"db"}],"serviceAccountName":"db"}},"volumeClaimTemplates":[]}})"},
      {"statefulSet new then spec setter", "k.apps.v1beta1.statefulSet.new('db', 2, []).withServiceName('db').withVolumeClaimTemplatesMixin([{metadata: {name: 'data'}}])", R"({"apiVersion":"apps/v1beta1","kind":"StatefulSet","metadata":{"name":"db"},"spec":{"replicas":2,"serviceName":"db","template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[]}},"volumeClaimTemplates":["",{"metadata":{"name":"data"}}]}})"},
      {"service new then spec", "svc.new('s', {app: 'x'}, [sport.new(80, 8080)]).withType('NodePort')", R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":80,"targetPort":8080}],"selector":{"app":"x"},"type":"NodePort"}})"},
      {"service new then ports mixin", "svc.new('s', {app: 'x'}, sport.new(80, 8080)).withClusterIp('None').withPortsMixin(sport.newNamed('m', 9090, 9090))", R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"clusterIP":"None","ports":[{"port":80,"targetPort":8080},{"name":"m","port":9090,"targetPort":9090}],"selector":{"app":"x"}}})"},
      {"service new then labels", "svc.new('s', {}, []).withLabels({a: 'b'}).withName('x')", R"({"apiVersion":"v1","kind":"Service","metadata":{"labels":{"a":"b"},"name":"x"},"spec":{"ports":[],"selector":{}}})"},
      {"configMap new then labels", "k.core.v1.configMap.new('cfg', {a: 'b'}).withLabels({app: 'x'})", R"({"apiVersion":"v1","data":{"a":"b"},"kind":"ConfigMap","metadata":{"labels":{"app":"x"},"name":"cfg"}})"},
      {"configMap new then data mixin", "k.core.v1.configMap.new('cfg', {a: 'b'}).withDataMixin({c: 'd'})", R"({"apiVersion":"v1","data":{"a":"b","c":"d"},"kind":"ConfigMap","metadata":{"name":"cfg"}})"},
      {"configMap new default data", "k.core.v1.configMap.new('cfg').withData({x: '1'})", R"({"apiVersion":"v1","data":{"x":"1"},"kind":"ConfigMap","metadata":{"name":"cfg"}})"},
      {"configMap setter then its mixin", "k.core.v1.configMap.withData({a: '1'}).mixin.metadata.withName('x')", R"({"metadata":{"name":"x"}})"},
      {"configMap setter plus mixin", "k.core.v1.configMap.withData({a: '1'}) + k.core.v1.configMap.mixin.metadata.withName('x')", R"({"data":{"a":"1"},"metadata":{"name":"x"}})"},
      {"secret new then type and namespace", "k.core.v1.secret.new('s', {p: 'cA=='}).withType('kubernetes.io/tls').withNamespace('ns')", R"({"apiVersion":"v1","data":{"p":"cA=="},"kind":"Secret","metadata":{"name":"s","namespace":"ns"},"type":"kubernetes.io/tls"})"},
      {"namespace new chain", "k.core.v1.namespace.new('team').withLabels({a: 'b'}).withAnnotationsMixin({x: 'y'})", R"({"apiVersion":"v1","kind":"Namespace","metadata":{"annotations":{"x":"y"},"labels":{"a":"b"},"name":"team"}})"},
      {"serviceAccount new chain", "k.core.v1.serviceAccount.new('sa').withNamespace('ns') + k.core.v1.serviceAccount.withImagePullSecrets({name: 'r'})", R"({"apiVersion":"v1","imagePullSecrets":[{"name":"r"}],"kind":"ServiceAccount","metadata":{"name":"sa","namespace":"ns"}})"},
      {"deploymentRollback new then setter", "k.extensions.v1beta1.deploymentRollback.new('x').withUpdatedAnnotations({a: 'b'})", R"({"apiVersion":"extensions/v1beta1","kind":"DeploymentRollback","name":"x","updatedAnnotations":{"a":"b"}})"},
      {"scale new then replicas", "k.apps.v1beta1.scale.new(2).withReplicas(3)", R"({"apiVersion":"apps/v1beta1","kind":"Scale","spec":{"replicas":3}})"},
      {"container chain", "c.new('a', 'b').withEnvMixin(env.new('X', '1')).withPorts(port.newNamed(80, 'http'))", R"({"env":[{"name":"X","value":"1"}],"image":"b","name":"a","ports":[{"containerPort":80,"name":"http"}]})"},
      {"container default image", "c.new('a')", R"({"image":"","name":"a"})"},
      {"container then its mixin", "c.new('a', 'b').mixin.resources.withLimits({cpu: '1'})", R"({"resources":{"limits":{"cpu":"1"}}})"},
      {"container plus resources chain", "c.new('a', 'b') + c.mixin.resources.withLimits({cpu: '1'}).withRequests({cpu: '0.5'})", R"({"image":"b","name":"a","resources":{"limits":{"cpu":"1"},"requests":{"cpu":"0.5"}}})"},
      {"container probe chain", "c.new('a', 'b') + c.mixin.readinessProbe.httpGet.withPath('/').withPort(80) + c.mixin.readinessProbe.withPeriodSeconds(5)", R"({"image":"b","name":"a","readinessProbe":{"httpGet":{"path":"/","port":80},"periodSeconds":5}})"},
      {"exec command chain", "c.mixin.livenessProbe.exec.withCommand(['true']).withCommandMixin('x')", R"({"livenessProbe":{"exec":{"command":["true","x"]}}})"},
      {"envVar fromSecretRef then withName", "env.fromSecretRef('P', 'creds', 'pw').withName('other')", R"({"name":"P","valueFrom":{"secretKeyRef":{"key":"pw","name":"other"}}})"},
      {"envVar new then value", "env.new('A', 'b').withValue('c')", R"({"name":"A","value":"c"})"},
      {"volume fromConfigMap then withName", "vol.fromConfigMap('cfg', 'mycm', []).withName('x')", R"({"configMap":{"items":[],"name":"x"},"name":"cfg"})"},
      {"volume fromConfigMap then defaultMode", "vol.fromConfigMap('cfg', 'mycm', [vol.mixin.configMap.itemsType.new('a', 'b')]).withDefaultMode(420)", R"({"configMap":{"defaultMode":420,"items":[{"key":"a","path":"b"}],"name":"mycm"},"name":"cfg"})"},
      {"volume fromSecret chain", "vol.fromSecret('s', 'creds').withDefaultMode(256).withItems(vol.mixin.secret.itemsType.new('k', 'p'))", R"({"name":"s","secret":{"defaultMode":256,"items":[{"key":"k","path":"p"}],"secretName":"creds"}})"},
      {"volume fromPersistentVolumeClaim then readOnly", "vol.fromPersistentVolumeClaim('d', 'pvc').withReadOnly(true)", R"({"name":"d","persistentVolumeClaim":{"claimName":"pvc","readOnly":true}})"},
      {"volume fromPersistentVolumeClaim named", "vol.fromPersistentVolumeClaim(name='d', emptyDir='pvc')", R"({"name":"d","persistentVolumeClaim":{"claimName":"pvc"}})"},
      {"volume fromHostPath then path", "vol.fromHostPath('h', '/x').withPath('/y')", R"({"hostPath":{"path":"/y"},"name":"h"})"},
      {"volumeMount chain", "mount.new('v', '/v').withSubPath('x')", R"({"mountPath":"/v","name":"v","readOnly":false,"subPath":"x"})"},
      {"volumeMount readOnly chain", "mount.new('v', '/v', true).withReadOnly(false)", R"({"mountPath":"/v","name":"v","readOnly":false})"},
      {"keyToPath chain", "vol.mixin.secret.itemsType.new('k', 'p').withMode(256)", R"({"key":"k","mode":256,"path":"p"})"},
      {"containerPort chain", "port.new(80).withProtocol('UDP').withHostPort(8080)", R"({"containerPort":80,"hostPort":8080,"protocol":"UDP"})"},
      {"servicePort chain", "sport.newNamed('http', 80, 'http').withNodePort(30080)", R"({"name":"http","nodePort":30080,"port":80,"targetPort":"http"})"},
      {"servicePort default target", "sport.new(80)", R"({"port":80,"targetPort":""})"},
      // nested *Type builders
      {"nested Type builders", "d.mixin.spec.template.spec.containersType.new('a', 'b').withEnv(d.mixin.spec.template.spec.containersType.envType.fromFieldPath('P', 'status.podIP'))", R"({"env":[{"name":"P","valueFrom":{"fieldRef":{"fieldPath":"status.podIP"}}}],"image":"b","name":"a"})"},
      {"Type without constructor", "c.mixin.securityContextType.new()", R"({})"},
      {"Type setters chain", "c.mixin.securityContextType.withPrivileged(true).withRunAsUser(0)", R"({"privileged":true,"runAsUser":0})"},
      {"Type then its mixin", "c.mixin.securityContextType.withPrivileged(true).mixin.capabilities.withAdd('NET_ADMIN')", R"({"capabilities":{"add":["NET_ADMIN"]}})"},
      {"toleration Type chain", "pod.mixin.spec.tolerationsType.withKey('k').withOperator('Exists')", R"({"key":"k","operator":"Exists"})"},
      {"affinity Type mixin", "pod.mixin.spec.affinityType.mixin.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.withNodeSelectorTerms({matchExpressions: [{key: 'a', operator: 'Exists'}]})", R"({"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"a","operator":"Exists"}]}]}}})"},
      {"clusterRole with rules Type", "k.rbac.v1.clusterRole.new() + k.rbac.v1.clusterRole.mixin.metadata.withName('r') + k.rbac.v1.clusterRole.withRules(k.rbac.v1.clusterRole.rulesType.withApiGroups('').withResources(['pods']).withVerbs(['get', 'list']))", R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"r"},"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list"]}]})"},
      {"roleBinding chains", "k.rbac.v1.roleBinding.new() + k.rbac.v1.roleBinding.mixin.roleRef.withKind('Role').withName('r').withApiGroup('rbac.authorization.k8s.io') + k.rbac.v1.roleBinding.withSubjects(k.rbac.v1.roleBinding.subjectsType.withKind('ServiceAccount').withName('sa'))", R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"r"},"subjects":[{"kind":"ServiceAccount","name":"sa"}]})"},
      {"rules Type nonResourceURLs", "k.rbac.v1.clusterRole.rulesType.withNonResourceUrls('/healthz').withVerbsMixin('get')", R"({"nonResourceURLs":["/healthz"],"verbs":["get"]})"},
      {"kind setter then new", "k.rbac.v1.clusterRole.withRules([]) + k.rbac.v1.clusterRole.new()", R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","rules":[]})"},
      {"pod spec chain", "pod.new() + pod.mixin.spec.withContainers(c.new('a', 'x')).withRestartPolicy('Never')", R"({"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"image":"x","name":"a"}],"restartPolicy":"Never"}})"},
      {"job chain", "k.batch.v1.job.mixin.spec.template.spec.withRestartPolicy('Never').withContainers(c.new('a', 'x')) + k.batch.v1.job.mixin.spec.withBackoffLimit(2)", R"({"spec":{"backoffLimit":2,"template":{"spec":{"containers":[{"image":"x","name":"a"}],"restartPolicy":"Never"}}}})"},
      {"cronJob deep chain", "k.batch.v1beta1.cronJob.mixin.spec.jobTemplate.spec.template.spec.withRestartPolicy('OnFailure').withContainers([])", R"({"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[],"restartPolicy":"OnFailure"}}}}}})"},
      // names as ksonnet-lib spelled them; its nested builders wrote the camelCase name as the key
      {"nested builder of an acronym field", "svc.mixin.spec.sessionAffinityConfig.clientIp.withTimeoutSeconds(10)", R"({"spec":{"sessionAffinityConfig":{"clientIp":{"timeoutSeconds":10}}}})"},
      {"Type of an acronym field", "svc.mixin.spec.sessionAffinityConfig.clientIPType.withTimeoutSeconds(1)", R"({"timeoutSeconds":1})"},
      {"volume downwardApi chain", "vol.fromEmptyDir('x') + vol.mixin.downwardApi.withDefaultMode(420).withItems([])", R"({"downwardApi":{"defaultMode":420,"items":[]},"emptyDir":{},"name":"x"})"},
      {"persistentVolume localStorage", "k.core.v1.persistentVolume.new() + k.core.v1.persistentVolume.mixin.spec.localStorage.withPath('/d')", R"({"apiVersion":"v1","kind":"PersistentVolume","spec":{"localStorage":{"path":"/d"}}})"},
      {"persistentVolume localType", "k.core.v1.persistentVolume.mixin.spec.localType.withPath('/d')", R"({"path":"/d"})"},
      // mapContainers after chains
      {"mapContainers after chain", "d.new('w', 1, [c.new('a', 'x')]).withVolumes(vol.fromEmptyDir('t')) + d.mapContainers(function(ct) ct.withImagePullPolicy('Always'))", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"w"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[{"image":"x","imagePullPolicy":"Always","name":"a"}],"volumes":[{"emptyDir":{},"name":"t"}]}}}})"},
      {"chain after mapContainersWithName", "(d.new('w', 1, [c.new('a', 'x'), c.new('b', 'y')]) + d.mapContainersWithName('a', function(ct) ct.withArgs('--v'))).withHostNetwork(true)", R"({"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"w"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[{"args":["--v"],"image":"x","name":"a"},{"image":"y","name":"b"}],"hostNetwork":true}}}})"},
      {"statefulSet mapContainers after chain", "k.apps.v1beta1.statefulSet.new('db', 1, [c.new('db', 'pg')], []).withServiceAccountName('db') + k.apps.v1beta1.statefulSet.mapContainers(function(ct) ct.withEnvMixin(env.new('A', 'b')))", R"({"apiVersion":"apps/v1beta1","kind":"StatefulSet","metadata":{"name":"db"},"spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"name"}},"spec":{"containers":[{"env":[{"name":"A","value":"b"}],"image":"pg","name":"db"}],"serviceAccountName":"db"}},"volumeClaimTemplates":[]}})"},
      // the fields a chained object manifests
      {"a chained object hides its builders", "std.objectFields(d.new('web').withHostNetwork(true))", R"(["apiVersion","kind","metadata","spec"])"},
  };
  return table;
}

}  // namespace kgen::testing
