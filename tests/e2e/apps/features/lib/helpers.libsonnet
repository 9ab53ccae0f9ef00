{ label(name):: { app: name } }
