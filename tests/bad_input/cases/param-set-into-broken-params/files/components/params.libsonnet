{ global: {}, components: { 'pets-pvc': { storage: '1Gi', } 
