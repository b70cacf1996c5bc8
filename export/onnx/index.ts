// torch.onnx
export { export_ as export, TrainingMode, type Exportable, type ExportOptions, type Writable } from './export.js';
export { load, type OnnxModule } from './load.js';
