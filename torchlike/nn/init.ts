// torch.nn.init
export {};
