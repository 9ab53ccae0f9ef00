{
  global: {},
  components: {
    'pets-pvc': { name: 'x', }
  
