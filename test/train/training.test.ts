// Whole training runs vs PyTorch 1.13 (issue 3, scope 8; fixtures/gen_training.py): the same
// initial weights (load_state_dict), the same data and loop give PyTorch's loss at every step
// (rtol 1e-4), its final parameters (rtol 1e-3) and BatchNorm running statistics.
//   mlp: Linear-ReLU-Linear-ReLU-Linear, SGD(momentum 0.9), CrossEntropyLoss, 25 steps through a
//        DataLoader with a seeded shuffle.
//   cnn: Conv2d(bias=False)-BatchNorm2d-ReLU-MaxPool2d-Flatten-Linear, Adam(1e-2), 10 steps, then eval().
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { dec, type EncTensor, expectClose } from '../helpers/fixtures.js';

const { nn, optim } = torch;
const F = torch.nn.functional;
const data = torch.utils.data;

type SD = [string, EncTensor][];
interface Run {
  name: string;
  steps: number;
  lr: number;
  momentum?: number;
  batch_size?: number;
  shuffle_seed?: number;
  init_seed: number;
  init: SD;
  final: SD;
  X: EncTensor;
  y: EncTensor;
  batch_targets?: number[][];
  losses: number[];
  eval_out?: EncTensor;
}
const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/training.json', import.meta.url)), 'utf8')) as { runs: Run[] };
const run = (name: string): Run => fx.runs.find((r) => r.name === name)!;

const toStateDict = (sd: SD): Record<string, Tensor> => Object.fromEntries(sd.map(([k, e]) => [k, dec(e)]));

/** Relative closeness of two loss curves, failing on the first step that is off. */
function expectLossesClose(got: number[], want: number[], rtol: number): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    if (!(Math.abs(g - want[i]) <= rtol * Math.abs(want[i]))) expect.fail(`step ${i}: loss ${g}, PyTorch ${want[i]} (rel. diff ${Math.abs(g - want[i]) / Math.abs(want[i])}, rtol ${rtol})`);
  });
}

function expectStateDictClose(m: torch.nn.Module, want: SD, rtol: number, atol: number, skip: string[] = []): void {
  const got = m.state_dict();
  expect(Object.keys(got), 'state_dict keys in PyTorch order').toEqual(want.map(([k]) => k));
  for (const [k, e] of want) {
    if (skip.includes(k)) continue;
    if (e.dtype === 'int64') expect(got[k].tolist(), k).toEqual(e.data[0]);
    else expectClose(got[k], e, k, rtol, atol);
  }
}

const mlp = () => new nn.Sequential(new nn.Linear(20, 32), new nn.ReLU(), new nn.Linear(32, 16), new nn.ReLU(), new nn.Linear(16, 5));

class SmallCNN extends nn.Module {
  // no bias before BatchNorm: see gen_training.py (with one, its Adam updates are rounding noise)
  conv = new nn.Conv2d(1, 4, 3, { padding: 1, bias: false });
  bn = new nn.BatchNorm2d(4);
  pool = new nn.MaxPool2d(2);
  fc = new nn.Linear(4 * 4 * 4, 3);
  forward(x: Tensor): Tensor {
    return this.fc(torch.flatten(this.pool(torch.relu(this.bn(this.conv(x)))), 1));
  }
}

describe('MLP, SGD with momentum, 25 steps over a shuffled DataLoader', () => {
  const r = run('mlp_sgd_momentum');

  it("every step's loss matches PyTorch's (rtol 1e-4), final parameters too (rtol 1e-3)", () => {
    const model = mlp();
    model.load_state_dict(toStateDict(r.init));
    const loader = new data.DataLoader(new data.TensorDataset(dec(r.X), dec(r.y)), {
      batch_size: r.batch_size,
      shuffle: true,
      generator: new torch.Generator().manual_seed(r.shuffle_seed!),
    });
    const opt = new optim.SGD(model.parameters(), { lr: r.lr, momentum: r.momentum });
    const loss_fn = new nn.CrossEntropyLoss();
    const losses: number[] = [];
    const targets: number[][] = [];
    while (losses.length < r.steps) {
      for (const [xb, yb] of loader as Iterable<Tensor[]>) {
        if (losses.length === r.steps) break;
        opt.zero_grad();
        const loss = loss_fn(model(xb), yb) as Tensor;
        loss.backward();
        opt.step();
        losses.push(loss.item() as number);
        targets.push(yb.tolist() as number[]);
      }
    }
    expect(targets, 'the seeded shuffle feeds the same batches').toEqual(r.batch_targets);
    expectLossesClose(losses, r.losses, 1e-4);
    expect(losses[r.steps - 1]).toBeLessThan(losses[0]);
    expectStateDictClose(model, r.final, 1e-3, 1e-5);
  });

  it('torch.manual_seed(0) then building the model draws the same initial weights as PyTorch', () => {
    torch.manual_seed(r.init_seed);
    expectStateDictClose(mlp(), r.init, 1e-6, 1e-7);
  });
});

describe('Conv + BatchNorm CNN, Adam, 10 steps', () => {
  const r = run('cnn_bn_adam');

  it("every step's loss matches PyTorch's (rtol 1e-4); parameters, running stats and eval output after training", () => {
    const model = new SmallCNN();
    model.load_state_dict(toStateDict(r.init));
    const X = dec(r.X);
    const y = dec(r.y);
    const opt = new optim.Adam(model.parameters(), { lr: r.lr });
    model.train();
    const losses: number[] = [];
    for (let s = 0; s < r.steps; s++) {
      opt.zero_grad();
      const loss = F.cross_entropy(model(X), y);
      loss.backward();
      opt.step();
      losses.push(loss.item() as number);
    }
    expectLossesClose(losses, r.losses, 1e-4);
    // parameters, bn.running_mean / running_var (rtol 1e-3) and num_batches_tracked (exact: 10)
    expectStateDictClose(model, r.final, 1e-3, 1e-5);
    expect(model.bn.num_batches_tracked!.item()).toBe(r.steps);
    model.eval();
    const out = torch.no_grad(() => model(X));
    expectClose(out, r.eval_out!, 'eval-mode output (running stats)', 1e-3, 1e-4);
  });

  it('torch.manual_seed(1) then building the model draws the same initial weights as PyTorch', () => {
    torch.manual_seed(r.init_seed);
    expectStateDictClose(new SmallCNN(), r.init, 1e-6, 1e-7);
  });
});
