'params'
