// Round trip Python .pt → torchlike → Python: load a state_dict written by PyTorch's torch.save into
// an equivalent torchlike model, run it, and save it back in PyTorch's zip format.
//   node dist/examples/pt_roundtrip.js in.pt out.pt
import * as torch from '../torchlike/index.js';

const [inPath = 'py.pt', outPath = 'ts.pt'] = process.argv.slice(2);
const model = new torch.nn.Linear(4, 2);
const sd = torch.load(inPath) as Record<string, torch.Tensor>;
console.log('loaded', Object.entries(sd).map(([k, v]) => `${k} ${JSON.stringify(v.shape)}`).join(', '));
model.load_state_dict(sd);
console.log('model(ones(1, 4)) =', torch.no_grad(() => model(torch.ones(1, 4))).toString());
torch.save(model.state_dict(), outPath);
console.log(`saved ${outPath}`);
