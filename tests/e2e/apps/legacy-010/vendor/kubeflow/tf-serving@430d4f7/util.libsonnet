{ targetPort: 9000 }
