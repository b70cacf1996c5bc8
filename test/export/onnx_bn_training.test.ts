// Training-mode BatchNorm export with a dynamic batch axis: the running-variance update uses the
// unbiased factor momentum·n/(n − 1) of the batch that runs, not of the example batch the trace saw.
// The model returns its running statistics after the forward, so the graph outputs the updated
// buffers (the exporter writes in-place buffer updates as the values they alias).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { vals } from './onnx_cases.js';
import { checkModels, hasOnnx } from './onnx_python.js';

const nn = torch.nn;

class BNWithStats extends nn.Module {
  bn = new nn.BatchNorm2d(3, { momentum: 0.3 });
  override forward(x: Tensor): Tensor[] {
    return [this.bn(x) as Tensor, this.bn.running_mean!, this.bn.running_var!];
  }
}

const input = (n: number): Tensor => vals(n, 3, 4, 2).mul(1.5).add(0.2);

function maxDiff(a: Tensor, b: Tensor): number {
  expect(a.shape).toEqual(b.shape);
  return a.sub(b).abs().max().item() as number;
}

describe('torch.onnx.export of BatchNorm2d in TrainingMode.TRAINING, dynamic batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-onnx-bn-train-'));
  const path = join(dir, 'bn_train.onnx');
  const m = new BNWithStats();
  // Non-default starting statistics and affine parameters.
  torch.no_grad(() => {
    m.bn.running_mean!.copy_(torch.tensor([0.5, -0.2, 0.1]));
    m.bn.running_var!.copy_(torch.tensor([1.5, 0.7, 2.0]));
    m.bn.weight!.copy_(torch.tensor([1.2, 0.8, -0.5]));
    m.bn.bias!.copy_(torch.tensor([0.1, 0.0, 0.3]));
  });
  const start = new Map(Object.entries(m.state_dict()).map(([k, v]) => [k, (v as Tensor).clone()]));

  it('exported output and updated running stats equal eager at batch sizes 2, 3 (traced) and 7', () => {
    torch.onnx.export(m as never, input(3), path, {
      training: torch.onnx.TrainingMode.TRAINING,
      input_names: ['x'],
      output_names: ['y', 'running_mean', 'running_var'],
      dynamic_axes: { x: { 0: 'batch' }, y: { 0: 'batch' } },
    });
    const sess = torch.onnx.load(path);
    try {
      for (const n of [2, 3, 7]) {
        m.load_state_dict(start);
        m.train();
        const want = torch.no_grad(() => m(input(n))) as Tensor[];
        const got = sess(input(n)) as Tensor[];
        expect(got.length).toBe(3);
        want.forEach((w, i) => expect(maxDiff(got[i], w), `batch ${n}, output ${i}`).toBeLessThan(1e-5));
      }
      m.load_state_dict(start);
    } finally {
      sess.dispose();
    }
  });

  it('eager running_var uses momentum·n/(n − 1) for its own batch (unchanged by the lowering)', () => {
    for (const n of [2, 5]) {
      m.load_state_dict(start);
      m.train();
      const x = input(n);
      torch.no_grad(() => m(x));
      const cnt = n * 4 * 2;
      const v = x.permute(1, 0, 2, 3).reshape(3, -1).var(1, { correction: 0 });
      const want = start.get('bn.running_var')!.mul(0.7).add(v.mul((0.3 * cnt) / (cnt - 1)));
      expect(maxDiff(m.bn.running_var!, want)).toBeLessThan(1e-6);
    }
    m.load_state_dict(start);
  });

  it.runIf(hasOnnx)('passes onnx.checker.check_model(full_check=True)', () => {
    expect(Object.values(checkModels([path]))).toEqual(['']);
  });
});
