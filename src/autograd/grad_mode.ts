// torch.no_grad / enable_grad / set_grad_enabled. Python's context managers become callbacks.
let enabled = true;

export function is_grad_enabled(): boolean {
  return enabled;
}

/** @internal fast check for dispatch */
export const gradMode = {
  get enabled(): boolean {
    return enabled;
  },
};

function withMode<T>(mode: boolean, fn: () => T): T {
  const prev = enabled;
  enabled = mode;
  try {
    return fn();
  } finally {
    enabled = prev;
  }
}

/**
 * Runs `fn` with gradient recording off and returns its value.
 * @example
 * const y = torch.no_grad(() => model(x));
 */
export function no_grad<T>(fn: () => T): T {
  return withMode(false, fn);
}

/** Runs `fn` with gradient recording on (inside no_grad). */
export function enable_grad<T>(fn: () => T): T {
  return withMode(true, fn);
}

/** torch.set_grad_enabled(mode) switches recording; with a callback it applies only inside it. */
export function set_grad_enabled(mode: boolean): void;
export function set_grad_enabled<T>(mode: boolean, fn: () => T): T;
export function set_grad_enabled<T>(mode: boolean, fn?: () => T): T | void {
  if (fn) return withMode(mode, fn);
  enabled = mode;
}
