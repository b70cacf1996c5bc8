// NumPy dtype descriptors <-> torchlike dtypes. One line per dtype: a dtype torchlike does not have
// at runtime (float16, uint8... until they land in src/dtype.ts) is simply not offered.
import { DTYPES, type DType } from '../../src/dtype.js';

/** [numpy kind + itemsize, torchlike dtype name] */
const TABLE: readonly (readonly [string, string])[] = [
  ['f4', 'float32'],
  ['f8', 'float64'],
  ['f2', 'float16'],
  ['i4', 'int32'],
  ['i8', 'int64'],
  ['i2', 'int16'],
  ['i1', 'int8'],
  ['u1', 'uint8'],
  ['b1', 'bool'],
];

const byName = (name: string): DType | undefined => DTYPES.find((d) => d.name === name);

/** The torchlike dtype for a numpy kind+size ('f4'), or undefined. */
export function dtypeOfCode(code: string): DType | undefined {
  const row = TABLE.find(([c]) => c === code);
  return row ? byName(row[1]) : undefined;
}

/** numpy's descr for a torchlike dtype ('<f4', '|b1'), or undefined (bfloat16: numpy has none). */
export function descrOf(d: DType): string | undefined {
  const row = TABLE.find(([, n]) => n === d.name);
  if (!row) return undefined;
  return (row[0].endsWith('1') ? '|' : '<') + row[0];
}

/** numpy's names of the dtypes torch.from_numpy accepts, for the error message. */
export const NUMPY_NAMES: Readonly<Record<string, string>> = {
  f2: 'float16', f4: 'float32', f8: 'float64', f16: 'float128', c8: 'complex64', c16: 'complex128', c32: 'complex256',
  i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64', u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64', b1: 'bool',
};

