{global: {}, components: {}}
