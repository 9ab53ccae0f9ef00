local lib = import 'nowhere.libsonnet';
lib.object
