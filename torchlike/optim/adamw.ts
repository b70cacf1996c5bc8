// torch.optim.AdamW: Adam with decoupled weight decay (default 1e-2), one _adam_step per dtype.
import { Adam } from './adam.js';

/**
 * AdamW (Loshchilov & Hutter): p ← p·(1 - lr·wd), then the Adam step.
 * @example
 * const opt = new optim.AdamW(model.parameters(), { lr: 1e-3, weight_decay: 0.01 });
 */
export class AdamW extends Adam {
  protected static override readonly decoupled: boolean = true;
}
