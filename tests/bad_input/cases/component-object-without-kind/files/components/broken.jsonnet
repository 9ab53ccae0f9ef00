{ apiVersion: 'v1', metadata: { name: 'x' } }
