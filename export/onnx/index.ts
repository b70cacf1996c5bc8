// torch.onnx
export { export_ as export, TrainingMode, type ExportOptions } from './export.js';
export { load, type OnnxModule } from './load.js';
