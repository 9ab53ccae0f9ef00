{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }
