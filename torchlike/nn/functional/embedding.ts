// torch.nn.functional: embedding functions.
export {};
