/** torch.device: only 'cpu' exists here. */
export class device {
  readonly type: string;
  readonly index: number | null;
  constructor(spec: string) {
    const [type, idx] = spec.split(':');
    if (type !== 'cpu') throw new Error(`torchlike runs on the CPU only (got device '${spec}')`);
    this.type = type;
    this.index = idx === undefined ? null : Number(idx);
  }
  toString(): string {
    return this.index === null ? this.type : `${this.type}:${this.index}`;
  }
}
