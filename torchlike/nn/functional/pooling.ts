// torch.nn.functional: pooling functions.
export {};
