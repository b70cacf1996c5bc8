// Mutated files fed to every loader: each must either load or throw an Error naming the problem;
// never crash the process, hang, or break later loads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';

/** Deterministic mutations (xorshift), so a failure reproduces. */
function* mutants(good: Uint8Array, count: number, seed: number): Generator<Uint8Array> {
  let s = seed >>> 0 || 1;
  const rnd = () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) / 2 ** 32);
  for (let i = 0; i < count; i++) {
    const b = Uint8Array.from(good.subarray(0, rnd() < 0.2 ? Math.floor(rnd() * good.length) : good.length));
    const flips = 1 + Math.floor(rnd() * 8);
    for (let k = 0; k < flips && b.length; k++) {
      const at = Math.floor(rnd() * b.length);
      b[at] = rnd() < 0.5 ? Math.floor(rnd() * 256) : [0, 0xff, 0x7f, 0x80][Math.floor(rnd() * 4)];
    }
    yield b;
  }
}

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
