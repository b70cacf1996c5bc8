// PyTorch's error classes and messages, word for word. Texts were taken from /usr/bin/python3
// (PyTorch 1.13) unless marked "2.x": where 1.13 and 2.x differ, the API contract follows 2.x.
import { describe, expect, it } from 'vitest';
import * as torch from '../torchlike/index.js';
import { apply1 } from '../src/dispatch.js';
import { defineOp } from '../src/op.js';
import { sameInfer } from '../src/ops/_common.js';

type ErrorClass = typeof torch.RuntimeError | typeof torch.IndexError;

/** fn throws an error of PyTorch's class (by name and by JS class) with exactly this message. */
function expectError(fn: () => unknown, cls: ErrorClass, message: string): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, `expected ${cls.name}: ${message}`).toBeInstanceOf(Error);
  expect((err as Error).message).toBe(message);
  expect((err as Error).name).toBe(new cls('').name);
  expect(err).toBeInstanceOf(cls);
}
const R = torch.RuntimeError;
const I = torch.IndexError;
const ones = (...s: number[]) => torch.ones(s);

describe('matmul shapes', () => {
  it('2-D × 2-D, via matmul and mm', () => {
    expectError(() => ones(2, 3).matmul(ones(4, 5)), R, 'mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)');
    expectError(() => ones(2, 3).mm(ones(4, 5)), R, 'mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)');
    expectError(() => torch.matmul(ones(2, 3), ones(4, 5)), R, 'mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)');
  });

  it('batched × 2-D folds the batch into the rows', () => {
    expectError(() => ones(2, 2, 3).matmul(ones(4, 5)), R, 'mat1 and mat2 shapes cannot be multiplied (4x3 and 4x5)');
  });

  it('1-D × 1-D', () => {
    expectError(
      () => ones(3).matmul(ones(4)),
      R,
      'inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively',
    );
  });

  it('2-D × 1-D (2.x wording; 1.13 said "size mismatch, got 2, 2x3,4")', () => {
    // FAILS until src/ops/matmul.ts checks the matrix-vector case before lifting the vector.
    expectError(() => ones(2, 3).matmul(ones(4)), R, 'size mismatch, got input (2), mat (2x3), vec (4)');
  });
});

describe('broadcasting', () => {
  it('binary ops', () => {
    const msg = 'The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1';
    expectError(() => ones(2, 3).add(ones(2, 4)), R, msg);
    expectError(() => ones(2, 3).sub(ones(2, 4)), R, msg);
    expectError(() => ones(2, 3).mul(ones(4, 3)), R, 'The size of tensor a (2) must match the size of tensor b (4) at non-singleton dimension 0');
  });

  it('in-place ops cannot grow self', () => {
    expectError(() => ones(2, 3).add_(ones(4, 2, 3)), R, "output with shape [2, 3] doesn't match the broadcast shape [4, 2, 3]");
  });
});

describe('item()', () => {
  it('on more than one element (2.x wording; 1.13 raised ValueError "only one element tensors can be converted to Python scalars")', () => {
    expectError(() => ones(2, 3).item(), R, 'a Tensor with 6 elements cannot be converted to Scalar');
    expectError(() => torch.zeros([0]).item(), R, 'a Tensor with 0 elements cannot be converted to Scalar');
  });
});

describe('dims out of range are IndexErrors', () => {
  const x = () => ones(2, 3);
  const msg = (got: number, r = 2) => `Dimension out of range (expected to be in range of [${-r}, ${r - 1}], but got ${got})`;
  it('reductions, transpose', () => {
    expectError(() => x().sum(2), I, msg(2));
    expectError(() => x().mean(-3), I, msg(-3));
    expectError(() => x().transpose(0, 2), I, msg(2));
  });
  it('size(dim)', () => {
    // FAILS until src/tensor.ts throws IndexError (it throws RuntimeError) in size(dim).
    expectError(() => x().size(2), I, msg(2));
  });
  it('softmax, select, unsqueeze', () => {
    expectError(() => x().softmax(2), I, msg(2));
    expectError(() => x().select(2, 0), I, msg(2));
    expectError(() => x().unsqueeze(3), I, msg(3, 3));
  });
});

describe('dtypes of in-place results', () => {
  it('a float result cannot be written into an integer tensor', () => {
    expectError(() => torch.ones([2, 3], { dtype: torch.int64 }).add_(ones(2, 3)), R, "result type Float can't be cast to the desired output type Long");
    expectError(() => torch.ones([2, 3], { dtype: torch.int64 }).mul_(1.5), R, "result type Float can't be cast to the desired output type Long");
    expectError(() => torch.ones([2, 3], { dtype: torch.int32 }).add_(ones(1)), R, "result type Float can't be cast to the desired output type Int");
  });
  it('the tensor is unchanged after the error', () => {
    const t = torch.ones([2], { dtype: torch.int64 });
    expect(() => t.add_(ones(2))).toThrow();
    expect(t.tolist()).toEqual([1, 1]);
    expect(t._version).toBe(0);
  });
});

describe('view / reshape sizes', () => {
  it('wrong number of elements, -1 that does not divide, two -1s', () => {
    expectError(() => ones(2, 3).view(4, 2), R, "shape '[4, 2]' is invalid for input of size 6");
    expectError(() => ones(2, 3).reshape(4, 2), R, "shape '[4, 2]' is invalid for input of size 6");
    expectError(() => ones(2, 3).view(-1, 4), R, "shape '[-1, 4]' is invalid for input of size 6");
    expectError(() => ones(2, 3).view(-1, -1), R, 'only one dimension can be inferred');
  });
});

describe('failures inside onnxruntime name the op and its inputs', () => {
  it('a session that cannot be built', () => {
    const Bad = defineOp({ name: '_test_no_such_kernel', infer: sameInfer, lower: (g, x) => [g.op1('NoSuchOnnxOp', x)] });
    let err: Error | undefined;
    try {
      apply1(Bad, [ones(2, 3)], undefined);
    } catch (e) {
      err = e as Error;
    }
    expect(err).toBeInstanceOf(torch.RuntimeError);
    expect(err!.message).toMatch(/^_test_no_such_kernel\(float32\[2, 3\]\) failed in onnxruntime: .*NoSuchOnnxOp/s);
  });

  it('a run that fails on these inputs', () => {
    // Reshape to a fixed 7 elements: builds fine, fails at run time for 6 elements.
    const Bad = defineOp({ name: '_test_bad_run', infer: sameInfer, lower: (g, x) => [g.op1('Reshape', [x[0], g.ints([7])])] });
    let err: Error | undefined;
    try {
      apply1(Bad, [torch.ones([2, 3], { dtype: torch.float64 }), torch.ones([3], { dtype: torch.int64 })], undefined);
    } catch (e) {
      err = e as Error;
    }
    expect(err).toBeInstanceOf(torch.RuntimeError);
    expect(err!.message).toMatch(/^_test_bad_run\(float64\[2, 3\], int64\[3\]\) failed in onnxruntime: \S/);
  });
});
