// torch.nn.functional: linear functions.
export {};
