{
  global: {},
  components: {
    // A namespace, a CRD with one custom resource, a Secret: apply order and redaction.
    namespace: { name: 'mixed' },
    widgets: { color: 'blue', password: 'hunter2' },
  },
}
