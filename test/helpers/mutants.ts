// Deterministic mutations of a good file (xorshift), so a fuzz failure reproduces: truncations
// and byte flips toward 0, 0xff, 0x7f, 0x80 or random values.
export function* mutants(good: Uint8Array, count: number, seed: number): Generator<Uint8Array> {
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
