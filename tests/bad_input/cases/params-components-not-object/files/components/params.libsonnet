{ global: {}, components: 'none' }
