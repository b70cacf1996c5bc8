// torch.utils.data
export {};
