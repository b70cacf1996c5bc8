// A port of karpathy/nanoGPT's model.py (GPT: the non-flash CausalSelfAttention — split into
// q/k/v views, view + transpose to heads, batched products of transposed views, masked_fill over
// a slice of the tril buffer, transpose().contiguous().view() back —, GELU MLP, weight tying,
// its init through apply() and named_parameters()) and configure_optimizers' AdamW groups,
// trained 4 steps and checked against PyTorch's numbers (test/fixtures/gen_nanogpt.py).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';

const { nn } = torch;
const F = torch.nn.functional;
const ref = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/nanogpt.json', import.meta.url)), 'utf8'));

interface Config {
  block_size: number;
  vocab_size: number;
  n_layer: number;
  n_head: number;
  n_embd: number;
  dropout: number;
  bias: boolean;
}

class LayerNorm extends nn.Module {
  weight: torch.nn.Parameter;
  bias: torch.nn.Parameter | null;
  constructor(ndim: number, bias: boolean) {
    super();
    this.weight = new nn.Parameter(torch.ones(ndim));
    this.bias = bias ? new nn.Parameter(torch.zeros(ndim)) : null;
  }
  forward(input: Tensor) {
    return F.layer_norm(input, this.weight.shape, this.weight, this.bias, 1e-5);
  }
}

class CausalSelfAttention extends nn.Module {
  c_attn: torch.nn.Linear;
  c_proj: torch.nn.Linear;
  attn_dropout: torch.nn.Dropout;
  resid_dropout: torch.nn.Dropout;
  n_head: number;
  n_embd: number;
  declare bias: Tensor;
  constructor(config: Config) {
    super();
    this.c_attn = new nn.Linear(config.n_embd, 3 * config.n_embd, { bias: config.bias });
    this.c_proj = new nn.Linear(config.n_embd, config.n_embd, { bias: config.bias });
    this.attn_dropout = new nn.Dropout(config.dropout);
    this.resid_dropout = new nn.Dropout(config.dropout);
    this.n_head = config.n_head;
    this.n_embd = config.n_embd;
    const bs = config.block_size;
    this.register_buffer('bias', torch.tril(torch.ones(bs, bs)).view(1, 1, bs, bs));
  }
  forward(x: Tensor) {
    const [B, T, C] = x.size();
    let [q, k, v] = (this.c_attn(x) as Tensor).split(this.n_embd, { dim: 2 });
    k = k.view(B, T, this.n_head, Math.floor(C / this.n_head)).transpose(1, 2);
    q = q.view(B, T, this.n_head, Math.floor(C / this.n_head)).transpose(1, 2);
    v = v.view(B, T, this.n_head, Math.floor(C / this.n_head)).transpose(1, 2);
    let att = q.matmul(k.transpose(-2, -1)).mul(1.0 / Math.sqrt(k.size(-1)));
    att = att.masked_fill(this.bias.index(':', ':', `:${T}`, `:${T}`).eq(0), -Infinity);
    att = F.softmax(att, { dim: -1 });
    att = this.attn_dropout(att) as Tensor;
    let y = att.matmul(v);
    y = y.transpose(1, 2).contiguous().view(B, T, C);
    return this.resid_dropout(this.c_proj(y));
  }
}

class MLP extends nn.Module {
  c_fc: torch.nn.Linear;
  gelu = new nn.GELU();
  c_proj: torch.nn.Linear;
  dropout: torch.nn.Dropout;
  constructor(config: Config) {
    super();
    this.c_fc = new nn.Linear(config.n_embd, 4 * config.n_embd, { bias: config.bias });
    this.c_proj = new nn.Linear(4 * config.n_embd, config.n_embd, { bias: config.bias });
    this.dropout = new nn.Dropout(config.dropout);
  }
  forward(x: Tensor) {
    return this.dropout(this.c_proj(this.gelu(this.c_fc(x))));
  }
}

class Block extends nn.Module {
  ln_1: LayerNorm;
  attn: CausalSelfAttention;
  ln_2: LayerNorm;
  mlp: MLP;
  constructor(config: Config) {
    super();
    this.ln_1 = new LayerNorm(config.n_embd, config.bias);
    this.attn = new CausalSelfAttention(config);
    this.ln_2 = new LayerNorm(config.n_embd, config.bias);
    this.mlp = new MLP(config);
  }
  forward(x: Tensor) {
    x = x.add(this.attn(this.ln_1(x)) as Tensor);
    return x.add(this.mlp(this.ln_2(x)) as Tensor);
  }
}

class GPT extends nn.Module {
  transformer: torch.nn.ModuleDict;
  lm_head: torch.nn.Linear;
  constructor(readonly config: Config) {
    super();
    this.transformer = new nn.ModuleDict({
      wte: new nn.Embedding(config.vocab_size, config.n_embd),
      wpe: new nn.Embedding(config.block_size, config.n_embd),
      drop: new nn.Dropout(config.dropout),
      h: new nn.ModuleList(Array.from({ length: config.n_layer }, () => new Block(config))),
      ln_f: new LayerNorm(config.n_embd, config.bias),
    });
    this.lm_head = new nn.Linear(config.n_embd, config.vocab_size, { bias: false });
    (this.transformer.__getitem__('wte') as torch.nn.Embedding).weight = this.lm_head.weight; // weight tying
    this.apply((m) => this._init_weights(m));
    for (const [pn, p] of this.named_parameters()) if (pn.endsWith('c_proj.weight')) nn.init.normal_(p, 0.0, 0.02 / Math.sqrt(2 * config.n_layer));
  }
  _init_weights(module: torch.nn.Module) {
    if (module instanceof nn.Linear) {
      nn.init.normal_(module.weight, 0.0, 0.02);
      if (module.bias !== null) nn.init.zeros_(module.bias);
    } else if (module instanceof nn.Embedding) nn.init.normal_(module.weight, 0.0, 0.02);
  }
  forward(idx: Tensor, targets: Tensor | null = null): [Tensor, Tensor | null] {
    const [, t] = idx.size();
    const pos = torch.arange(0, t, { dtype: torch.long });
    const tr = (k: string) => this.transformer.__getitem__(k) as unknown as (x: Tensor) => Tensor;
    const tok_emb = tr('wte')(idx);
    const pos_emb = tr('wpe')(pos);
    let x = tr('drop')(tok_emb.add(pos_emb));
    for (const block of this.transformer.__getitem__('h') as unknown as Iterable<(x: Tensor) => Tensor>) x = block(x);
    x = tr('ln_f')(x);
    if (targets !== null) {
      const logits = this.lm_head(x) as Tensor;
      return [logits, F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1), { ignore_index: -1 })];
    }
    return [this.lm_head(x.index(':', [-1], ':')) as Tensor, null];
  }
  configure_optimizers(weight_decay: number, learning_rate: number, betas: [number, number]) {
    const params = [...this.named_parameters()].filter(([, p]) => p.requires_grad);
    const decay = params.filter(([, p]) => p.dim() >= 2).map(([, p]) => p);
    const nodecay = params.filter(([, p]) => p.dim() < 2).map(([, p]) => p);
    return new torch.optim.AdamW([{ params: decay, weight_decay }, { params: nodecay, weight_decay: 0.0 }], { lr: learning_rate, betas });
  }
}

it('nanoGPT: init, forward, loss and 4 AdamW steps give PyTorch\'s numbers', () => {
  torch.manual_seed(1337);
  const config: Config = { block_size: 8, vocab_size: 17, n_layer: 2, n_head: 2, n_embd: 8, dropout: 0.0, bias: true };
  const model = new GPT(config);
  expect((model.transformer.__getitem__('wte') as torch.nn.Embedding).weight).toBe(model.lm_head.weight);
  const n = [...model.parameters()].reduce((s, p) => s + p.numel(), 0);
  expect(n).toBe(ref.n_params);
  const opt = model.configure_optimizers(0.1, 3e-3, [0.9, 0.95]);
  const data = torch.arange(2 * 9).mul(5).add(1).remainder(config.vocab_size);
  const idx = data.view(2, 9).index(':', ':-1').contiguous();
  const targets = data.view(2, 9).index(':', '1:').contiguous();
  const losses: number[] = [];
  for (let step = 0; step < 4; step++) {
    const [, loss] = model(idx, targets) as [Tensor, Tensor];
    opt.zero_grad({ set_to_none: true });
    loss.backward();
    opt.step();
    losses.push(loss.item() as number);
  }
  losses.forEach((l, k) => expect(Math.abs(l - ref.losses[k]), `step ${k}: ${l} vs ${ref.losses[k]}`).toBeLessThan(1e-5));
  model.eval();
  const [last] = torch.no_grad(() => model(idx) as [Tensor, null]);
  expect(last.shape).toEqual(ref.last_shape);
  (last.reshape(-1).tolist() as number[]).forEach((v, k) => expect(Math.abs(v - ref.last_logits[k])).toBeLessThan(1e-5));
});
