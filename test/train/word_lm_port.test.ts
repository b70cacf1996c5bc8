// A port of pytorch/examples' word_language_model/main.py data pipeline and training loop
// (batchify: narrow/view/t/contiguous; get_batch: slices and view(-1); the manual SGD update
// p.data.add_(p.grad, alpha=-lr) through .data), with an embedding + linear model in place of
// the LSTM, checked against PyTorch's numbers (test/fixtures/gen_word_lm.py).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';

const { nn } = torch;
const ref = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/word_lm.json', import.meta.url)), 'utf8'));

it('word_language_model: batchify, get_batch and the manual SGD loop give PyTorch\'s losses', () => {
  torch.manual_seed(1111);
  const [ntokens, bptt, bsz, lr, clip] = [50, 7, 4, 20.0, 0.25];
  const corpus = torch.arange(403).mul(7).add(3).remainder(ntokens);

  function batchify(data: Tensor, bsz: number): Tensor {
    const nbatch = Math.floor(data.size(0) / bsz);
    data = data.narrow(0, 0, nbatch * bsz);
    data = data.view(bsz, -1).t().contiguous();
    return data;
  }
  class Model extends nn.Module {
    encoder = new nn.Embedding(ntokens, 8);
    decoder = new nn.Linear(8, ntokens);
    forward(x: Tensor) {
      return this.decoder(torch.tanh(this.encoder(x)));
    }
  }
  function get_batch(source: Tensor, i: number): [Tensor, Tensor] {
    const seq_len = Math.min(bptt, source.size(0) - 1 - i);
    const data = source.index(`${i}:${i + seq_len}`);
    const target = source.index(`${i + 1}:${i + 1 + seq_len}`).view(-1);
    return [data, target];
  }

  const train_data = batchify(corpus, bsz);
  expect([train_data.shape, train_data.stride()]).toEqual([ref.train_data_shape, ref.train_data_stride]);
  expect(train_data.index(':', 0).tolist()).toEqual(ref.first_column);
  const model = new Model();
  const criterion = new nn.CrossEntropyLoss();
  const losses: number[] = [];
  for (let i = 0; i < train_data.size(0) - 1; i += bptt) {
    const [data, targets] = get_batch(train_data, i);
    expect(data.untyped_storage().data_ptr()).toBe(train_data.untyped_storage().data_ptr()); // a view, as in PyTorch
    model.zero_grad();
    const output = model(data) as Tensor;
    const loss = criterion(output.view(-1, ntokens), targets) as Tensor;
    loss.backward();
    nn.utils.clip_grad_norm_(model.parameters(), clip);
    for (const p of model.parameters()) p.data.add_(p.grad!, { alpha: -lr });
    losses.push(loss.item() as number);
  }
  expect(losses.length).toBe(ref.losses.length);
  losses.forEach((l, k) => expect(Math.abs(l - ref.losses[k]), `step ${k}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(ref.losses[k]))));
  const bias = model.decoder.bias!.tolist() as number[];
  bias.forEach((b, k) => expect(Math.abs(b - ref.decoder_bias[k])).toBeLessThan(1e-5));
});
