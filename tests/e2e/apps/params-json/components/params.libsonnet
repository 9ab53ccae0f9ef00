// ks handed params to components as JSON: what a component sees must not depend on
// kgen evaluating params and components in one Jsonnet evaluation.
{
  global: {},
  components: {
    probe: {
      secret:: "hidden fields do not survive JSON",
      obj: {
        name: "orig",
        fullname: self.name + "-job",  // fixed when the params are manifested
        // no labels here: the environment adds them with `labels +:`
      },
    },
  },
}
