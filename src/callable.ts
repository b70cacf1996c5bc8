// API.md rule 3: the few PyTorch classes that Python calls like functions (torch.device, torch.Size,
// torch.Generator) work with and without `new`. A Proxy keeps `instanceof`, statics and subclassing.

/** A class that also constructs when called as a function. */
export type Callable<C extends abstract new (...args: any) => any> = C & ((...args: ConstructorParameters<C>) => InstanceType<C>);

/**
 * Makes `cls(...)` mean `new cls(...)`; `new`, `instanceof` and `extends` behave as for `cls`.
 * @example
 * export const device = callable(DeviceImpl); // torch.device('cpu') and new torch.device('cpu')
 */
export function callable<C extends new (...args: any[]) => any>(cls: C): Callable<C> {
  return new Proxy(cls, {
    apply: (target, _this, args) => Reflect.construct(target, args),
  }) as Callable<C>;
}
