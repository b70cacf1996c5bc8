// The op-export table shared by onnx_ops.test.ts and onnx_opsets.test.ts: small closures over
// the public API (together they reach every registered op), how to export one, and how to
// compare the exported file on onnxruntime with eager.
import { join } from 'node:path';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { _cross_entropy_loss } from '../../src/ops/cross_entropy_loss.js';

const F = torch.nn.functional;
type Out = Tensor | Tensor[];

export interface OpCase {
  name: string;
  fn: (...xs: Tensor[]) => Out;
  /** the closure's inputs for batch size n */
  inputs: (n: number) => Tensor[];
  /** false: a backward graph, exported at a fixed batch size */
  dynamic?: boolean;
  /**
   * Why this graph holds the example's batch size as a constant (a gap in an op's lowering or
   * public function, listed in the export report): exported with a static batch axis so that
   * onnxruntime rejects other sizes instead of computing wrong values.
   */
  bakesBatch?: string;
  /** inputs that need gradients (closures that export a backward graph) */
  grad?: boolean;
}

/** Deterministic, tie-free float values in (-2, 2). */
export const vals = (...shape: number[]): Tensor => {
  const n = shape.reduce((a, b) => a * b, 1);
  return torch.arange(n, { dtype: torch.float32 }).mul(0.731).add(0.3).sin().mul(2).reshape(shape);
};
const pos = (...shape: number[]): Tensor => vals(...shape).abs().add(0.1);
const ints = (hi: number, ...shape: number[]): Tensor => torch.arange(shape.reduce((a, b) => a * b, 1)).mul(7).remainder(hi).reshape(shape);
const bools = (...shape: number[]): Tensor => vals(...shape).gt(0);

/** A closure exporting the gradient of f at x (backward ops appear in the graph). */
const gradOf = (f: (x: Tensor) => Tensor) => (x: Tensor) =>
  torch.enable_grad(() => {
    const y = f(x);
    return torch.autograd.grad(y.mul(vals(...y.shape)).sum(), x)[0]!;
  });

const unary = (name: string, f: (x: Tensor) => Out, mk: (n: number) => Tensor = (n) => vals(n, 5)): OpCase => ({ name, fn: f, inputs: (n) => [mk(n)] });
const binary = (name: string, f: (a: Tensor, b: Tensor) => Out): OpCase => ({ name, fn: f, inputs: (n) => [vals(n, 4), vals(4).mul(1.3).add(0.2)] });

export const CASES: OpCase[] = [
  // elementwise
  ...(['abs', 'ceil', 'floor', 'round', 'trunc', 'cos', 'sin', 'tan', 'tanh', 'sigmoid', 'erf', 'exp', 'neg', 'sign', 'square', 'relu'] as const).map((m) =>
    unary(m, (x) => (x as unknown as Record<string, () => Tensor>)[m]()),
  ),
  ...(['log', 'log1p', 'log2', 'sqrt', 'rsqrt', 'reciprocal'] as const).map((m) => unary(m, (x) => (x as unknown as Record<string, () => Tensor>)[m](), (n) => pos(n, 5))),
  unary('gelu', (x) => F.gelu(x)),
  unary('gelu_tanh', (x) => F.gelu(x, { approximate: 'tanh' })),
  unary('silu', (x) => F.silu(x)),
  unary('mish', (x) => F.mish(x)),
  unary('elu', (x) => F.elu(x, 0.7)),
  unary('leaky_relu', (x) => F.leaky_relu(x, 0.2)),
  unary('hardtanh', (x) => F.hardtanh(x, -0.5, 0.5)),
  unary('relu6', (x) => F.relu6(x.mul(4))),
  unary('hardsigmoid', (x) => F.hardsigmoid(x.mul(3))),
  unary('hardswish', (x) => F.hardswish(x.mul(3))),
  unary('softplus', (x) => F.softplus(x, 2, 1)),
  unary('clamp', (x) => x.clamp(-0.5, 0.7)),
  unary('isnan_isinf_isfinite', (x) => {
    const y = x.div(x.sub(x.round())); // finite, ±inf, nan: 0/0 where x is whole
    return [y.isnan(), y.isinf(), y.isfinite()];
  }),
  unary('logical_not', (x) => x.gt(0).logical_not()),
  unary('bitwise_not', (x) => x.bitwise_not(), (n) => ints(9, n, 4)),
  { name: 'prelu', fn: (x, w) => F.prelu(x, w), inputs: (n) => [vals(n, 3, 4), torch.tensor([0.1, 0.2, 0.3])] },
  binary('add', (a, b) => a.add(b, { alpha: 2 })),
  binary('sub', (a, b) => a.sub(b)),
  binary('mul', (a, b) => a.mul(b)),
  binary('div', (a, b) => a.div(b)),
  binary('div_floor', (a, b) => a.div(b, { rounding_mode: 'floor' })),
  binary('pow', (a, b) => a.abs().pow(b)),
  binary('remainder', (a, b) => a.remainder(b)),
  binary('fmod', (a, b) => a.fmod(b)),
  binary('maximum', (a, b) => a.maximum(b)),
  binary('minimum', (a, b) => a.minimum(b)),
  binary('compare', (a, b) => [a.eq(b), a.ne(b), a.lt(b), a.le(b), a.gt(b), a.ge(b)]),
  binary('logical', (a, b) => [a.gt(0).logical_and(b.gt(0)), a.gt(0).logical_or(b.gt(0)), a.gt(0).logical_xor(b.gt(0))]),
  binary('where', (a, b) => torch.where(a.gt(b), a, b)),
  binary('masked_fill', (a, b) => a.masked_fill(a.gt(b), -1)),
  { name: 'int_ops', fn: (a, b) => [a.div(b, { rounding_mode: 'floor' }), a.remainder(b), a.mul(b), a.relu()], inputs: (n) => [ints(11, n, 4).sub(5), ints(4, 4).add(1)] },
  // reductions
  unary('sum', (x) => [x.sum(), x.sum(1), x.sum(0, true)]),
  unary('mean', (x) => [x.mean(), x.mean(1, true)]),
  unary('prod', (x) => x.prod(1)),
  unary('amax_amin', (x) => [x.amax(1), x.amin([0, 1])]),
  unary('max_min', (x) => [x.max(), x.min(), ...x.max(1), ...x.min(1, true)]),
  unary('arg', (x) => [x.argmax(1), x.argmin(0), x.argmax()]),
  unary('all_any', (x) => [x.gt(0).all(1), x.gt(0).any(), x.gt(-3).all()]),
  unary('count_nonzero', (x) => torch.count_nonzero(x.gt(0.5), 1)),
  unary('logsumexp', (x) => x.logsumexp(1)),
  unary('norm', (x) => [x.norm(), x.norm(1, 1), x.norm(Infinity, 1)]),
  unary('std_var', (x) => [x.std(1), x.var(0, { correction: 0 })]),
  unary('cumsum', (x) => x.cumsum(1)),
  unary('softmax', (x) => [F.softmax(x, 1), F.log_softmax(x, 1)]),
  // shape and indexing
  { ...unary('reshape_view', (x) => x.reshape(x.size(0), 1, -1).view(x.size(0), -1).flatten()) },
  { ...unary('expand', (x) => x.unsqueeze(1).expand(-1, 2, -1), (n) => vals(n, 3)) },
  { name: 'expand_sizes', fn: (x, b) => [b.expand(x.size(0), -1), b.unsqueeze(0).expand_as(x), x.narrow(1, 0, 1).expand(x.size(0), 3), x.unsqueeze(0).expand(2, -1, -1)], inputs: (n) => [vals(n, 4), vals(4)] },
  unary('permute', (x) => [x.permute(2, 0, 1), x.transpose(0, 1), x.movedim(0, 2)], (n) => vals(n, 3, 2)),
  unary('flip_roll', (x) => [x.flip(1), x.roll(1, 1)]),
  unary('repeat_tile', (x) => [x.repeat(2, 1), x.tile([1, 2])]),
  { ...binary('cat_stack', (a, b) => [torch.cat([a, b.expand(a.size(0), -1)], 1), torch.stack([a, a.mul(2)], 1)]) },
  unary('slice_narrow_select', (x) => [x.narrow(1, 1, 2), x.select(1, 2), x.index(':', '1::2'), x.index('...', -1)]),
  unary('squeeze_unsqueeze', (x) => x.unsqueeze(1).unsqueeze(-1).squeeze(-1).squeeze(1)),
  unary('split_chunk_unbind', (x) => [...x.chunk(2, 1), ...x.split([1, 3], 1), ...x.unbind(1)], (n) => vals(n, 4)),
  unary('clone_to', (x) => [x.clone(), x.to(torch.float64), x.to(torch.int64), x.gt(0).to(torch.float32)]),
  unary('tril_triu', (x) => [x.tril(), x.triu(1)], (n) => vals(n, 4, 4)),
  { name: 'gather', fn: (x, i) => x.gather(1, i), inputs: (n) => [vals(n, 5), ints(5, n, 3)] },
  { name: 'scatter', fn: (x, i, s) => [x.scatter(1, i, s), x.scatter(1, i, 2.5)], inputs: (n) => [vals(n, 5), ints(5, n, 1), vals(n, 1)] },
  { name: 'scatter_add', fn: (x, i, s) => x.scatter_add(1, i, s), inputs: (n) => [vals(n, 5), ints(5, n, 3), vals(n, 3)] },
  { name: 'index_select', fn: (x, i) => [x.index_select(1, i), x.index(':', i)], inputs: (n) => [vals(n, 5), torch.tensor([4, 0, 2])] },
  { name: 'take', fn: (x, i) => x.take(i), inputs: (n) => [vals(n, 5), torch.tensor([0, 3, 4])] },
  unary('nonzero', (x) => [x.gt(0.5).nonzero(), x.gt(0).argwhere()]),
  // masked_select computes its positions in JS (nonzeroFlat): the trace freezes the mask.
  { ...unary('masked_select', (x) => x.masked_select(x.gt(0))) },
  { name: 'setIndex', fn: (x) => { const y = x.clone(); y.setIndex([':', 1], 7); y.setIndex([y.lt(-1)], 0); return y; }, inputs: (n) => [vals(n, 4)], dynamic: false },
  { name: 'index_put', fn: (x, v) => [x.index_put([torch.tensor([0, 0, 1])], v, true), x.index_put([torch.tensor([2])], v)], inputs: (n) => [vals(n, 4), vals(4)], dynamic: false },
  { name: 'slice_scatter', fn: (x, s) => torch.slice_scatter(x, s, 1, 0, 4, 2), inputs: (n) => [vals(n, 4), vals(n, 2)] },
  // views (eager: no copy; in graphs: Gather/Slice over positions computed from the input's shape)
  { name: 'diagonal', fn: (x) => [x.diagonal(), x.diagonal(1), x.reshape(-1, 2, 2).diagonal(-1, 1, 2)], inputs: (n) => [vals(n, 4)] },
  { name: 'unfold', fn: (x) => [x.unfold(1, 2, 1), x.unfold(0, 2, 1).sum(-1)], inputs: (n) => [vals(n, 4)] },
  { name: 'as_strided', fn: (x) => torch.as_strided(x, [2, 2], [1, 2], 1), inputs: (n) => [vals(n, 4)], dynamic: false },
  { name: 'as_strided_scatter', fn: (x, s) => torch.as_strided_scatter(x, s, [2, 2], [1, 4], 1), inputs: (n) => [vals(n, 4), vals(2, 2)], dynamic: false },
  { name: 'copy_slices', fn: (x) => { const y = x.mul(1); y.narrow(1, 1, 2).mul_(2); y.t().select(0, 0).zero_(); return y.add(x); }, inputs: (n) => [vals(n, 4)] },
  { name: 'grad_copy_slices', fn: gradOf((x) => { const y = x.mul(1); y.select(1, 2).mul_(x.select(1, 0)); return y.exp(); }), inputs: (n) => [vals(n, 4).requires_grad_()], dynamic: false, grad: true },
  { name: 'embedding', fn: (i, w) => F.embedding(i, w), inputs: (n) => [ints(6, n, 3), vals(6, 4)] },
  // matmul family
  binary('matmul', (a, b) => [a.matmul(b), a.matmul(b.unsqueeze(1)), a.matmul(b.unsqueeze(1).expand(-1, 3))]),
  { name: 'linear', fn: (x, w, b) => [F.linear(x, w, b), F.linear(x.unsqueeze(0), w)], inputs: (n) => [vals(n, 4), vals(3, 4), vals(3)] },
  { name: 'einsum', fn: (a, b) => torch.einsum('bi,ij->bj', a, b), inputs: (n) => [vals(n, 4), vals(4, 3)] },
  { name: 'mv_dot_outer', fn: (a, v) => [torch.mv(a, v), torch.dot(v, v), torch.outer(v, v)], inputs: (n) => [vals(n, 4), vals(4)] },
  { name: 'addmm_baddbmm', fn: (c, a, b) => [torch.addmm(c, a, b, { beta: 0.5, alpha: 2 }), torch.baddbmm(c, a.unsqueeze(0), b.unsqueeze(0))], inputs: (n) => [vals(n, 3), vals(n, 4), vals(4, 3)] },
  // nn functionals
  { name: 'conv2d', fn: (x, w, b) => [F.conv2d(x, w, b, { padding: 1 }), F.conv2d(x, w, null, { stride: 2 })], inputs: (n) => [vals(n, 2, 6, 6), vals(3, 2, 3, 3), vals(3)] },
  { name: 'conv2d_f64', fn: (x, w) => F.conv2d(x, w, null, { padding: 1 }), inputs: (n) => [vals(n, 2, 5, 5).double(), vals(3, 2, 3, 3).double()] },
  { name: 'conv_transpose2d', fn: (x, w, b) => F.conv_transpose2d(x, w, b, { stride: 2, padding: 1 }), inputs: (n) => [vals(n, 2, 4, 4), vals(2, 3, 3, 3), vals(3)] },
  unary('conv1d', (x) => F.conv1d(x, vals(4, 2, 3)), (n) => vals(n, 2, 7)),
  { ...unary('pool', (x) => [F.max_pool2d(x, 2), F.avg_pool2d(x, 2), F.adaptive_avg_pool2d(x, 1), ...F.max_pool2d(x, 3, { stride: 1, padding: 1, return_indices: true })], (n) => vals(n, 2, 4, 4)) },
  { name: 'batch_norm', fn: (x, m, v, w, b) => F.batch_norm(x, m, v, w, b), inputs: (n) => [vals(n, 3, 2, 2), vals(3), pos(3), vals(3), vals(3)] },
  unary('layer_group_norm', (x) => [F.layer_norm(x, [2, 2]), F.group_norm(x, 2)], (n) => vals(n, 4, 2, 2)),
  unary('dropout_eval', (x) => F.dropout(x, 0.5, false)),
  // training-mode batch_norm (batch statistics; the running ones are updated in place)
  { name: 'batch_norm_train', fn: (x, w, b) => F.batch_norm(x, torch.zeros(3), torch.ones(3), w, b, true, 0.1, 1e-5), inputs: (n) => [vals(n, 3, 2, 2), vals(3), vals(3)], dynamic: false },
  { name: 'cross_entropy', fn: (x, t) => [F.cross_entropy(x, t), F.cross_entropy(x, t, { reduction: 'none' }), F.cross_entropy(x, t, { label_smoothing: 0.1 })], inputs: (n) => [vals(n, 5), ints(5, n)] },
  { name: 'nll_loss', fn: (x, t) => [F.nll_loss(F.log_softmax(x, 1), t), F.nll_loss(x, t, { reduction: 'sum' })], inputs: (n) => [vals(n, 5), ints(5, n)] },
  { name: 'bce', fn: (p, t) => [F.binary_cross_entropy(p, t), F.binary_cross_entropy_with_logits(p, t)], inputs: (n) => [vals(n, 3).sigmoid(), vals(n, 3).mul(0.5).add(0.5)] },
  { name: 'regression_losses', fn: (a, b) => [F.mse_loss(a, b), F.l1_loss(a, b), F.smooth_l1_loss(a, b)], inputs: (n) => [vals(n, 3), vals(n, 3).mul(0.3)] },
  // backward ops, exported through gradient graphs
  ...(
    [
      ['relu', (x: Tensor) => x.relu()],
      ['elu', (x: Tensor) => F.elu(x)],
      ['gelu', (x: Tensor) => F.gelu(x)],
      ['silu', (x: Tensor) => F.silu(x)],
      ['mish', (x: Tensor) => F.mish(x)],
      ['leaky_relu', (x: Tensor) => F.leaky_relu(x, 0.1)],
      ['hardtanh', (x: Tensor) => F.hardtanh(x)],
      ['hardsigmoid', (x: Tensor) => F.hardsigmoid(x.mul(3))],
      ['hardswish', (x: Tensor) => F.hardswish(x.mul(3))],
      ['softplus', (x: Tensor) => F.softplus(x)],
      ['softmax', (x: Tensor) => F.softmax(x, 1)],
      ['log_softmax', (x: Tensor) => F.log_softmax(x, 1)],
      ['prelu', (x: Tensor) => F.prelu(x, torch.tensor([0.25]))],
      ['max_pool', (x: Tensor) => F.max_pool2d(x.reshape(x.size(0), 1, 2, 2), 2)],
      ['cross_entropy', (x: Tensor) => F.cross_entropy(x, torch.tensor([1, 0, 3, 2, 1, 0, 3]).narrow(0, 0, x.size(0)))],
      ['nll_loss', (x: Tensor) => F.nll_loss(x, torch.tensor([1, 0, 3, 2, 1, 0, 3]).narrow(0, 0, x.size(0)))],
      ['cross_entropy_ls', (x: Tensor) => _cross_entropy_loss(x, torch.tensor([1, 0, 3, 2, 1, 0, 3]).narrow(0, 0, x.size(0)), null, { reduction: 'mean', ignore_index: -100, smoothing: 0.1 })],
      ['bce', (x: Tensor) => F.binary_cross_entropy(x.sigmoid(), torch.full([x.size(0), 4], 0.3))],
      ['batch_norm', (x: Tensor) => F.batch_norm(x, null, null, torch.tensor([0.5, 2, 1, -1]), null, true)],
      ['layer_norm', (x: Tensor) => F.layer_norm(x, [4], torch.tensor([0.5, 2, 1, -1]), torch.tensor([0.1, 0, 0.2, 0]))],
      ['group_norm', (x: Tensor) => F.group_norm(x, 2, torch.tensor([0.5, 2, 1, -1]))],
      ['embedding', (x: Tensor) => F.embedding(torch.tensor([[0, 2], [2, 1]]), x.narrow(0, 0, 3)).sum(0)],
      ['linear', (x: Tensor) => F.linear(x, torch.tensor([[0.5, 2, 1, -1], [0.1, 0, 0.2, 0.3]]), torch.tensor([0.5, -1]))],
    ] as [string, (x: Tensor) => Tensor][]
  ).map(([n, f]): OpCase => ({ name: `grad_${n}`, fn: gradOf(f), inputs: (b) => [vals(b, 4).requires_grad_()], grad: true, dynamic: false })),
  // sorting group
  unary('sort', (x) => torch.sort(x, 1)),
  unary('sort_desc_dim0', (x) => torch.sort(x, 0, true)),
  unary('sort_nan', (x) => torch.sort(x.div(x.sub(vals(5)).round())), (n) => vals(n, 5)),
  unary('topk', (x) => torch.topk(x, 2)),
  unary('topk_smallest', (x) => torch.topk(x, 3, { largest: false })),
  binary('isclose', (a, b) => torch.isclose(a, b, { rtol: 0.1, atol: 0.5 })),
  unary('isposinf', (x) => torch.isposinf(x.reciprocal())),
  unary('isneginf', (x) => torch.isneginf(x.round().reciprocal())),
  unary('kthvalue', (x) => torch.kthvalue(x, 2, 1)),
  unary('sort_int', (x) => torch.sort(x.mul(3).round().to(torch.int64), 1)),
  // linalg: det lowers to ONNX Det (the other factorizations are eager-only, in NOT_EXPORTED)
  { name: 'linalg_det', fn: (x) => [torch.linalg.det(x), torch.linalg.det(x.narrow(0, 0, 1).squeeze(0))], inputs: (n) => [vals(n, 3, 3).add(torch.eye(3).mul(2))] },
  // building group (issue 8 item 3): composites of existing ops, exported end to end
  { name: 'build_stacks', fn: (a, b) => [torch.hstack([a, b]), torch.vstack([a, b]), torch.dstack([a, b]), torch.column_stack([a, b])], inputs: (n) => [vals(n, 3), vals(n, 3)] },
  { name: 'build_broadcast', fn: (a, b) => torch.broadcast_tensors(a, b), inputs: (n) => [vals(n, 1), vals(4)], bakesBatch: 'broadcast_tensors expands to sizes read in JS' },
  { name: 'build_index_add', fn: (x, s) => [x.index_add(1, torch.tensor([0, 4, 0]), s, { alpha: 2 }), x.index_copy(1, torch.tensor([3, 1]), s.narrow(1, 0, 2))], inputs: (n) => [vals(n, 5), vals(n, 3)] },
  { name: 'build_index_fill', fn: (x) => x.index_fill(1, torch.tensor([2]), -1), inputs: (n) => [vals(n, 5)], bakesBatch: 'index_fill expands its index to sizes read in JS' },
  { name: 'build_take_along_dim', fn: (x, i) => torch.take_along_dim(x, i, 1), inputs: (n) => [vals(n, 5), ints(5, n, 3)] },
  { name: 'build_repeat_interleave', fn: (x) => [x.repeat_interleave(2, { dim: 1 }), x.repeat_interleave(torch.tensor([1, 0, 2]), { dim: 1 })], inputs: (n) => [vals(n, 3)] },
  { name: 'build_diag', fn: (x) => [torch.diag_embed(x, 1), torch.trace(x.narrow(1, 0, 2).t().matmul(x.narrow(1, 0, 2))), x.rot90(1, [0, 1])], inputs: (n) => [vals(n, 3)], dynamic: false },
  // emath group: elementwise math (float32 nodes, and the float64 compositions where ORT has no kernel)
  ...(['asin', 'acos', 'atanh'] as const).map((m) => unary(m, (x) => (x as unknown as Record<string, () => Tensor>)[m](), (n) => vals(n, 5).mul(0.45))),
  ...(['atan', 'sinh', 'cosh', 'asinh', 'expm1', 'exp2'] as const).map((m) => unary(m, (x) => (x as unknown as Record<string, () => Tensor>)[m]())),
  unary('acosh', (x) => x.acosh(), (n) => pos(n, 5).add(1)),
  unary('log10', (x) => x.log10(), (n) => pos(n, 5)),
  ...(['asin', 'acos', 'atanh'] as const).map((m) => unary(`${m}_f64`, (x) => (x as unknown as Record<string, () => Tensor>)[m](), (n) => vals(n, 5).mul(0.45).double())),
  ...(['atan', 'sinh', 'cosh', 'asinh', 'expm1'] as const).map((m) => unary(`${m}_f64`, (x) => (x as unknown as Record<string, () => Tensor>)[m](), (n) => vals(n, 5).double())),
  unary('acosh_f64', (x) => x.acosh(), (n) => pos(n, 5).add(1).double()),
  binary('atan2', (a, b) => torch.atan2(a, b)),
  binary('copysign', (a, b) => torch.copysign(a, b.neg())),
];

/**
 * Registered ops no closure reaches, and why. Optimizer steps are fused training primitives
 * (one node per parameter group update), used by whole-step capture and never by a forward.
 */
export const NOT_EXPORTED: Record<string, string> = {
  unique: 'the output size depends on the values: a pure-JS kernel; export says unique cannot be exported to ONNX',
  _sgd_step: 'optimizer step primitive',
  // scans group: pure-JS eager kernels (data-dependent output length)
  histc: 'eager JS kernel: histc cannot be exported to ONNX',
  bincount: 'eager JS kernel: bincount cannot be exported to ONNX',
  _adam_step: 'optimizer step primitive',
  _adagrad_step: 'optimizer step primitive',
  _adadelta_step: 'optimizer step primitive',
  _rmsprop_step: 'optimizer step primitive',
  _native_batch_norm_legit_no_training: 'eval-mode batch_norm is written with elementwise ops while tracing (normalization.ts), as PyTorch exports it',
  // linalg
  linalg_inv_ex: 'pure-JS eager kernel: ONNX has no node for it (linalg_inv_ex cannot be exported to ONNX)',
  linalg_solve_ex: 'pure-JS eager kernel: ONNX has no node for it (linalg_solve_ex cannot be exported to ONNX)',
  linalg_slogdet: 'pure-JS eager kernel: ONNX has no node for it (linalg_slogdet cannot be exported to ONNX)',
  linalg_cholesky_ex: 'pure-JS eager kernel: ONNX has no node for it (linalg_cholesky_ex cannot be exported to ONNX)',
  linalg_solve_triangular: 'pure-JS eager kernel: ONNX has no node for it (linalg_solve_triangular cannot be exported to ONNX)',
  linalg_qr: 'pure-JS eager kernel: ONNX has no node for it (linalg_qr cannot be exported to ONNX)',
  linalg_eigh: 'pure-JS eager kernel: ONNX has no node for it (linalg_eigh cannot be exported to ONNX)',
  linalg_svd: 'pure-JS eager kernel: ONNX has no node for it (linalg_svd cannot be exported to ONNX)',
};

function flat(o: Out): Tensor[] {
  return o instanceof torch.Tensor ? [o] : o;
}

function sameValues(got: Tensor, want: Tensor): string {
  if (JSON.stringify(got.shape) !== JSON.stringify(want.shape)) return `shape ${JSON.stringify(got.shape)} vs ${JSON.stringify(want.shape)}`;
  if (got.dtype !== want.dtype) return `dtype ${got.dtype.name} vs ${want.dtype.name}`;
  const g = got.reshape(-1).tolist() as (number | boolean)[];
  const w = want.detach().reshape(-1).tolist() as (number | boolean)[];
  for (let i = 0; i < w.length; i++) {
    const a = Number(g[i]);
    const b = Number(w[i]);
    if (Number.isNaN(a) && Number.isNaN(b)) continue;
    if (a === b) continue;
    if (!(Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b)))) return `value ${i}: ${a} vs ${b}`;
  }
  return '';
}

/** Exports one case at `opset`; returns the path. */
export function exportCase(c: OpCase, dir: string, opset = 17, n = 3): string {
  const path = join(dir, `${c.name}.${opset}.onnx`);
  const xs = c.inputs(n);
  const input_names = xs.map((_, i) => `x${i}`);
  const outs = flat(c.fn(...c.inputs(n)));
  const output_names = outs.map((_, i) => `y${i}`);
  const dynamic_axes: Record<string, number[]> = {};
  // Outputs: every axis symbolic (some shapes depend on values: nonzero, masked_select).
  outs.forEach((t, i) => (dynamic_axes[`y${i}`] = t.shape.map((_, j) => j)));
  if (c.dynamic !== false && !c.bakesBatch) input_names.forEach((nm, i) => (xs[i].dim() > 0 && xs[i].shape[0] === n ? (dynamic_axes[nm] = [0]) : null));
  torch.onnx.export(c.fn, xs, path, { opset_version: opset, input_names, output_names, dynamic_axes });
  return path;
}

/** Runs the exported file on ORT and compares with eager, at each batch size; '' when equal. */
export function compareCase(c: OpCase, path: string, sizes: readonly number[]): string {
  const m = torch.onnx.load(path);
  try {
    for (const n of sizes) {
      const want = flat(c.fn(...c.inputs(n)));
      const got = flat(m(...c.inputs(n).map((t) => t.detach())));
      if (got.length !== want.length) return `batch ${n}: ${got.length} outputs vs ${want.length}`;
      for (let i = 0; i < want.length; i++) {
        const d = sameValues(got[i], want[i]);
        if (d) return `batch ${n}, output ${i}: ${d}`;
      }
    }
    return '';
  } finally {
    m.dispose();
  }
}

