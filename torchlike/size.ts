// torch.Size: a shape. Shapes are plain number[] (API.md rule 7); Size is an Array, so it goes
// wherever a shape does.
import { callable } from '../src/callable.js';

const pyType = (v: unknown): string => (typeof v === 'number' ? 'float' : typeof v === 'string' ? 'str' : typeof v);

class SizeImpl extends Array<number> {
  // Array methods (map, slice...) give plain arrays, not Sizes built from a length.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  constructor(sizes: Iterable<number> = []) {
    super();
    let i = 0;
    for (const s of sizes) {
      if (typeof s !== 'number' || !Number.isInteger(s)) throw new TypeError(`torch.Size() takes an iterable of 'int' (item ${i} is '${pyType(s)}')`);
      this.push(s);
      i++;
    }
  }
  /** The number of elements of a tensor of this shape. */
  numel(): number {
    return this.reduce((a, b) => a * b, 1);
  }
  override toString(): string {
    return `torch.Size([${this.join(', ')}])`;
  }
}

/**
 * torch.Size(sizes): callable with or without `new`.
 * @example
 * torch.Size([2, 3]).numel(); // 6
 * torch.zeros(torch.Size([2, 3]));
 */
export const Size = callable(SizeImpl);
export type Size = SizeImpl;
