{
  global: {},
  components: {
    // Component-level parameters, defined initially from 'ks prototype use ...'
    // Each object below should correspond to a component in the components/ directory
    "pets-pvc": {
      accessMode: 'ReadWriteMany',
      name: 'pets-pvc',
      storage: '20Gi',
      storageClassName: 'ontap-Ã(gold',
    },
    "get-data-job": {
      mountPath: '/pets_data',
      name: 'get-data-job',
      pvc: 'pets-pvc',
      urlAnnotations: 'http://www.robots.ox.ac.uk/~vgg/data/pets/data/annotations.tar.gz',
      urlData: 'http://www.robots.ox.ac.uk/~vgg/data/pets/data/images.tar.gz',
      urlModel: 'http://download.tensorflow.org/models/object_detection/faster_rcnn_resnet101_coco_2018_01_28.tar.gz',
      urlPipelineConfig: 'https://raw.githubusercontent.com/kubeflow/examples/master/object_detection/conf/faster_rcnn_resnet101_pets.config',
    },
    "decompress-data-job": {
      mountPath: '/pets_data',
      name: 'decompress-data-job',
      pathToAnnotations: '/pets_data/annotations.tar.gz',
      pathToDataset: '/pets_data/images.tar.gz',
      pathToModel: '/pets_data/faster_rcnn_resnet101_coco_2018_01_28.tar.gz',
      pvc: 'pets-pvc',
    },
    "create-pet-record-job": {
      dataDirPath: '/pets_data',
      image: 'lcastell/pets_object_detection',
      mountPath: '/pets_data',
      name: 'create-pet-record-job',
      outputDirPath: '/pets_data',
      pvc: 'pets-pvc',
    },
  },
}