// kgen's built-in ksonnet-lib: served for `import "k.libsonnet"` (and "k8s.libsonnet")
// when an app has no generated library under lib/ksonnet-lib/<version>/.
// It covers k.core.v1.list and the hand-written constructors of ksonnet-lib (section 8
// of ksonnet-compat.md) with the setters they need; `kgen lib generate` writes the full
// library for a Kubernetes version.
local kind(apiVersion, kindName) = {
  local base = { apiVersion: apiVersion, kind: kindName },
  new():: base,
  mixin:: {
    metadata:: {
      local m(o) = { metadata+: o },
      withName(name):: m({ name: name }),
      withNamespace(ns):: m({ namespace: ns }),
      withLabels(labels):: m({ labels: labels }),
      withLabelsMixin(labels):: m({ labels+: labels }),
      withAnnotations(a):: m({ annotations: a }),
      withAnnotationsMixin(a):: m({ annotations+: a }),
    },
  },
};

local asArray(x) = if std.type(x) == 'array' then x else [x];

local container = {
  new(name, image):: { name: name, image: image },
  withName(name):: self + { name: name },
  withImage(image):: self + { image: image },
  withImagePullPolicy(policy):: self + { imagePullPolicy: policy },
  withCommand(command):: self + { command: asArray(command) },
  withCommandMixin(command):: self + { command+: asArray(command) },
  withArgs(args):: self + { args: asArray(args) },
  withArgsMixin(args):: self + { args+: asArray(args) },
  withEnv(env):: self + { env: asArray(env) },
  withEnvMixin(env):: self + { env+: asArray(env) },
  withPorts(ports):: self + { ports: asArray(ports) },
  withPortsMixin(ports):: self + { ports+: asArray(ports) },
  withVolumeMounts(mounts):: self + { volumeMounts: asArray(mounts) },
  withVolumeMountsMixin(mounts):: self + { volumeMounts+: asArray(mounts) },
  withWorkingDir(dir):: self + { workingDir: dir },
  portsType:: {
    new(containerPort):: { containerPort: containerPort },
    newNamed(containerPort, name):: { containerPort: containerPort, name: name },
  },
  envType:: {
    new(name, value):: { name: name, value: value },
    fromSecretRef(name, secretRefName, secretRefKey):: {
      name: name,
      valueFrom: { secretKeyRef: { name: secretRefName, key: secretRefKey } },
    },
    fromFieldPath(name, fieldPath):: { name: name, valueFrom: { fieldRef: { fieldPath: fieldPath } } },
  },
  volumeMountsType:: {
    new(name, mountPath, readOnly=false):: { name: name, mountPath: mountPath, readOnly: readOnly },
  },
};

local volume = {
  fromConfigMap(name, configMapName, configMapItems):: {
    name: name,
    configMap: { name: configMapName, items: asArray(configMapItems) },
  },
  fromEmptyDir(name, emptyDir={}):: { name: name, emptyDir: emptyDir },
  fromPersistentVolumeClaim(name, claimName):: { name: name, persistentVolumeClaim: { claimName: claimName } },
  fromHostPath(name, hostPath):: { name: name, hostPath: { path: hostPath } },
  fromSecret(name, secretName):: { name: name, secret: { secretName: secretName } },
};

local podTemplateMixin = {
  local t(o) = { spec+: { template+: o } },
  spec:: {
    withReplicas(replicas):: { spec+: { replicas: replicas } },
    template:: {
      spec:: {
        withContainers(containers):: t({ spec+: { containers: asArray(containers) } }),
        withContainersMixin(containers):: t({ spec+: { containers+: asArray(containers) } }),
        withVolumes(volumes):: t({ spec+: { volumes: asArray(volumes) } }),
        withVolumesMixin(volumes):: t({ spec+: { volumes+: asArray(volumes) } }),
        withServiceAccountName(name):: t({ spec+: { serviceAccountName: name } }),
        withRestartPolicy(policy):: t({ spec+: { restartPolicy: policy } }),
        containersType:: container,
        volumesType:: volume,
      },
      metadata:: {
        withLabels(labels):: t({ metadata+: { labels: labels } }),
        withLabelsMixin(labels):: t({ metadata+: { labels+: labels } }),
      },
    },
  },
};

// mapContainers(f) and mapContainersWithName(names, f) on PodSpec-bearing kinds.
local containerMappers = {
  mapContainers(f):: {
    local podContainers = super.spec.template.spec.containers,
    spec+: { template+: { spec+: { containers: std.map(f, podContainers) } } },
  },
  mapContainersWithName(names, f)::
    local nameSet = if std.type(names) == 'array' then std.set(names) else std.set([names]);
    local inNameSet(name) = std.length(std.setInter(nameSet, std.set([name]))) > 0;
    self.mapContainers(function(c) if std.objectHas(c, 'name') && inNameSet(c.name) then f(c) else c),
};

local deployment(apiVersion) = kind(apiVersion, 'Deployment') + containerMappers + {
  new(name, replicas=1, containers, podLabels={ app: 'name' })::
    self.kindBase + containerMappers + {
      metadata: { name: name },
      spec: {
        replicas: replicas,
        template: { metadata: { labels: podLabels }, spec: { containers: asArray(containers) } },
      },
    },
  kindBase:: { apiVersion: apiVersion, kind: 'Deployment' },
  mixin:: super.mixin + podTemplateMixin,
};

local statefulSet(apiVersion) = deployment(apiVersion) + {
  kindBase:: { apiVersion: apiVersion, kind: 'StatefulSet' },
  new(name, replicas=1, containers, volumeClaims=[], podLabels={ app: 'name' })::
    super.new(name, replicas, containers, podLabels) + { spec+: { volumeClaimTemplates: volumeClaims } },
};

local list(apiVersion, kindName) = {
  new(items):: { apiVersion: apiVersion, kind: kindName, items: asArray(items) },
};

local podKind(apiVersion, kindName) = kind(apiVersion, kindName) + containerMappers + {
  mixin:: super.mixin + podTemplateMixin,
};

local appsVersion(v) = {
  deployment:: deployment('apps/' + v),
  statefulSet:: statefulSet('apps/' + v),
  daemonSet:: podKind('apps/' + v, 'DaemonSet'),
  replicaSet:: podKind('apps/' + v, 'ReplicaSet'),
  deploymentList:: list('apps/' + v, 'DeploymentList'),
  statefulSetList:: list('apps/' + v, 'StatefulSetList'),
};

local rbacVersion(v) = {
  local g = 'rbac.authorization.k8s.io/' + v,
  local named(kindName) = kind(g, kindName) + {
    new():: { apiVersion: g, kind: kindName },
    withRules(rules):: self + { rules: asArray(rules) },
    withRulesMixin(rules):: self + { rules+: asArray(rules) },
    withSubjects(subjects):: self + { subjects: asArray(subjects) },
    withSubjectsMixin(subjects):: self + { subjects+: asArray(subjects) },
    mixin:: super.mixin + {
      roleRef:: {
        withApiGroup(group):: { roleRef+: { apiGroup: group } },
        withKind(kindName):: { roleRef+: { kind: kindName } },
        withName(name):: { roleRef+: { name: name } },
      },
    },
    rulesType:: {
      new():: {},
      withApiGroups(groups):: self + { apiGroups: asArray(groups) },
      withResources(resources):: self + { resources: asArray(resources) },
      withVerbs(verbs):: self + { verbs: asArray(verbs) },
    },
    subjectsType:: {
      new():: {},
      withKind(kindName):: self + { kind: kindName },
      withName(name):: self + { name: name },
      withNamespace(ns):: self + { namespace: ns },
    },
  },
  clusterRole:: named('ClusterRole'),
  clusterRoleBinding:: named('ClusterRoleBinding'),
  role:: named('Role'),
  roleBinding:: named('RoleBinding'),
};

{
  __ksonnet: { kubernetesVersion: 'kgen-builtin' },
  core:: {
    v1:: {
      list:: {
        new(items):: { apiVersion: 'v1' } + { kind: 'List' } + self.items(items),
        items(items):: if std.type(items) == 'array' then { items+: items } else { items+: [items] },
      },
      namespace:: kind('v1', 'Namespace') + {
        new(name=''):: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: name } },
      },
      serviceAccount:: kind('v1', 'ServiceAccount') + {
        new(name=''):: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: name } },
      },
      configMap:: kind('v1', 'ConfigMap') + {
        new(name='', data=''):: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: name }, data: data },
      },
      secret:: kind('v1', 'Secret') + {
        new(name='', data='', type='Opaque')::
          { apiVersion: 'v1', kind: 'Secret', metadata: { name: name }, data: data, type: type },
      },
      service:: kind('v1', 'Service') + {
        new(name='', selector='', ports='')::
          { apiVersion: 'v1', kind: 'Service', metadata: { name: name }, spec: { selector: selector, ports: asArray(ports) } },
        mixin:: super.mixin + {
          spec:: {
            portsType:: {
              new(port='', targetPort=''):: { port: port, targetPort: targetPort },
              newNamed(name='', port='', targetPort=''):: { name: name, port: port, targetPort: targetPort },
            },
            withType(type):: { spec+: { type: type } },
          },
        },
      },
      persistentVolumeClaim:: kind('v1', 'PersistentVolumeClaim'),
      pod:: kind('v1', 'Pod'),
      keyToPath:: { new(key='', path=''):: { key: key, path: path } },
      volume:: volume,
      container:: container,
    },
  },
  apps:: { v1beta1:: appsVersion('v1beta1'), v1beta2:: appsVersion('v1beta2'), v1:: appsVersion('v1') },
  extensions:: {
    v1beta1:: {
      deployment:: deployment('extensions/v1beta1'),
      daemonSet:: podKind('extensions/v1beta1', 'DaemonSet'),
      ingress:: kind('extensions/v1beta1', 'Ingress'),
      networkPolicy:: kind('extensions/v1beta1', 'NetworkPolicy'),
    },
  },
  batch:: {
    v1:: { job:: podKind('batch/v1', 'Job') },
    v1beta1:: { cronJob:: kind('batch/v1beta1', 'CronJob') },
  },
  storage:: {
    v1beta1:: { storageClass:: kind('storage.k8s.io/v1beta1', 'StorageClass') },
    v1:: { storageClass:: kind('storage.k8s.io/v1', 'StorageClass') },
  },
  rbac:: { v1:: rbacVersion('v1'), v1beta1:: rbacVersion('v1beta1') },
}
