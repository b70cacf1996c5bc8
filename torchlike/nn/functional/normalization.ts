// torch.nn.functional: normalization functions.
export {};
