// Round trip TS → ONNX → onnxruntime: build a model, export it with a dynamic batch axis, load the
// file back with torch.onnx.load and compare with eager.
//   node dist/examples/export_onnx.js [out.onnx]
import * as torch from '../torchlike/index.js';

const { nn } = torch;
const path = process.argv[2] ?? 'mlp.onnx';
torch.manual_seed(0);
const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Dropout(0.2), new nn.Linear(128, 10));
torch.onnx.export(model, torch.randn(1, 784), path, {
  input_names: ['x'],
  output_names: ['logits'],
  dynamic_axes: { x: { 0: 'batch' }, logits: { 0: 'batch' } },
});
const loaded = torch.onnx.load(path);
model.eval();
for (const batch of [1, 32]) {
  const x = torch.randn(batch, 784);
  const diff = (loaded(x) as torch.Tensor).sub(torch.no_grad(() => model(x))).abs().max().item();
  console.log(`batch ${batch}: max |onnxruntime - eager| = ${diff}`);
}
console.log(`wrote ${path}`);
