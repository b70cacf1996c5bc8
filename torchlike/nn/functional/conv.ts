// torch.nn.functional: conv functions.
export {};
