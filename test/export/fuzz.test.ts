// Mutated files fed to every loader: each must either load or throw an Error naming the problem;
// never crash the process, hang, or break later loads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mutants } from '../helpers/mutants.js';
import * as torch from '../../torchlike/index.js';


function fuzz(name: string, good: Uint8Array, load: (b: Uint8Array) => unknown, count: number): void {
  let loaded = 0;
  let rejected = 0;
  for (const b of mutants(good, count, 1234)) {
    try {
      load(b);
      loaded++;
    } catch (e) {
      expect(e, `${name}: a mutated file threw a non-Error`).toBeInstanceOf(Error);
      expect((e as Error).message.length).toBeGreaterThan(0);
      rejected++;
    }
  }
  expect(loaded + rejected).toBe(count);
  expect(rejected).toBeGreaterThan(0);
}

const fixture = (p: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url)));

describe('loaders survive mutated files', () => {
  it('torch.load (.pt zip + pickle)', () => {
    const good = fixture('pt/checkpoint.pt');
    fuzz('pt', good, (b) => torch.load(b), 300);
    expect((torch.load(good) as { epoch: number }).epoch).toBe(7);
  });
  it('safetensors.load_file', () => {
    const good = torch.safetensors.save_file({ a: torch.ones(3, 4), b: torch.arange(5) });
    fuzz('safetensors', good, (b) => torch.safetensors.load_file(b), 300);
  });
  it('torch.onnx.load', () => {
    const w = torch.ones(3, 2);
    const f = Object.assign((x: torch.Tensor) => x.matmul(w).relu(), { *named_parameters(): Iterable<[string, torch.Tensor]> { yield ['w', w]; } });
    const good = torch.onnx.export(f, torch.ones(1, 3), null);
    fuzz('onnx', good, (b) => torch.onnx.load(b).dispose(), 100);
    const m = torch.onnx.load(good);
    expect((m(torch.ones(1, 3)) as torch.Tensor).shape).toEqual([1, 2]);
  });
});
