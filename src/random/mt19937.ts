// mt19937 (aten/src/ATen/core/MT19937RNGEngine.h): left/next kept as PyTorch keeps them, so that
// get_state() bytes match torch.get_rng_state().

/** The state size in 32-bit words; Generator's state bytes lay them out one per 8 bytes. */
export const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UMASK = 0x80000000;
const LMASK = 0x7fffffff;
const twist = (u: number, v: number): number => ((((u & UMASK) | (v & LMASK)) >>> 1) ^ (v & 1 ? MATRIX_A : 0)) >>> 0;


/** @internal PyTorch's mt19937 engine: one 32-bit output per u32() call. */
export class MT19937 {
  state = new Uint32Array(N);
  left = 1;
  next = 0;
  constructor(seed: bigint) {
    let s = Number(BigInt.asUintN(32, seed));
    const st = this.state;
    st[0] = s;
    for (let j = 1; j < N; j++) {
      s = (Math.imul(1812433253, s ^ (s >>> 30)) + j) >>> 0;
      st[j] = s;
    }
  }
  private nextState(): void {
    const p = this.state;
    this.left = N;
    this.next = 0;
    let i = 0;
    for (; i < N - M; i++) p[i] = p[i + M] ^ twist(p[i], p[i + 1]);
    for (; i < N - 1; i++) p[i] = p[i + M - N] ^ twist(p[i], p[i + 1]);
    p[i] = p[i + M - N] ^ twist(p[i], p[0]);
  }
  /** The next 32-bit output. */
  u32(): number {
    if (--this.left === 0) this.nextState();
    let y = this.state[this.next++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}
