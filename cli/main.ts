// The `torchlike` command line: inspect, run, compare, convert. Exit codes: 0 ok, 1 mismatch,
// 2 bad input or usage. `main` is a library function (tests call it); bin/torchlike.mjs wraps it.
import { SingleBar } from 'cli-progress';
import { parseArgs, numberOpt, UsageError, type OptionSpec, type Parsed } from './args.js';
import { compare, formatCompare } from './compare.js';
import { convert } from './convert.js';
import { formatInspect, inspect } from './inspect.js';
import { formatRun, run } from './run.js';
import { diverge, formatDiverge } from './diverge.js';

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** show a progress bar on long comparisons (an interactive terminal) */
  progress?: boolean;
}

const HELP: Record<string, string> = {
  main: `usage: torchlike <command> [options]

commands:
  inspect FILE            what a .onnx / .pt / .safetensors / .npy / .npz file holds
  run MODEL.onnx          run a model on inputs from tensor files
  compare A B             assert_close per key of two tensor files or folders
  convert IN OUT          between .pt, .safetensors, .npz (and .npy for one tensor)
  diverge MODEL.onnx      the first module whose output differs from a PyTorch hook dump

options for every command: --json (machine-readable output), --help
exit codes: 0 ok, 1 mismatch (compare, diverge, run --expect), 2 bad input or usage`,
  inspect: `usage: torchlike inspect FILE [--json]

.onnx: opsets, inputs and outputs with dtypes and shapes, nodes by type, parameter count.
.pt, .safetensors, .npy, .npz: keys with shapes and dtypes, parameter count.
Nothing in the file runs.`,
  run: `usage: torchlike run MODEL.onnx --input NAME=FILE [--input ...] [--output OUT] [--expect REF]
                     [--rtol R --atol A] [--json]

  --input NAME=FILE   a tensor file with one tensor for input NAME (FILE alone: an .npz/.pt/
                      .safetensors whose keys are input names, or one tensor per input in order)
  --output OUT        write the outputs by name (.npz, .pt, .safetensors; .npy for one output)
  --expect REF        compare the outputs with REF's tensors by name (exit 1 on mismatch)`,
  compare: `usage: torchlike compare A B [--rtol R --atol A] [--equal-nan] [--no-check-dtype] [--verbose] [--json]

A and B are two tensor files (.pt, .npy, .npz, .safetensors) or two folders of them (matched by
relative path). Each key is compared with torch.testing.assert_close (PyTorch's default
tolerances per dtype unless --rtol and --atol are given). Exit 1 if any key differs or is missing.`,
  convert: `usage: torchlike convert IN OUT [--json]

Converts between .pt, .safetensors and .npz (.npy for a single tensor), by extension.
Nested .pt checkpoints become dotted keys; non-tensor entries (epoch, ...) are reported as skipped.`,
  diverge: `usage: torchlike diverge MODEL.onnx --input NAME=FILE [--input ...] --reference DUMP.pt
                         [--rtol R --atol A] [--json]

DUMP.pt is torch.save of {module name: output} from PyTorch forward hooks (see the README).
Each module's output is found through the module scopes in the node names (/layer1/layer1.0/conv1/Conv),
exposed as an extra graph output and compared; exit 1 names the first module past tolerance.`,
};

const SPECS: Record<string, OptionSpec> = {
  inspect: {},
  run: { values: ['output', 'expect', 'rtol', 'atol'], repeat: ['input'], flags: ['equal-nan', 'no-check-dtype'] },
  compare: { values: ['rtol', 'atol'], flags: ['equal-nan', 'no-check-dtype', 'verbose'] },
  convert: {},
  diverge: { values: ['reference', 'rtol', 'atol'], repeat: ['input'], flags: ['equal-nan', 'no-check-dtype'] },
};
const ARITY: Record<string, number> = { inspect: 1, run: 1, compare: 2, convert: 2, diverge: 1 };

const closeOpts = (p: Parsed) => ({
  rtol: numberOpt(p, 'rtol'), atol: numberOpt(p, 'atol'),
  equal_nan: p.flags.has('equal-nan'), check_dtype: !p.flags.has('no-check-dtype'),
});

/** A progress bar on stderr for long comparisons (many keys or many elements), else nothing. */
function progressBar(enabled: boolean) {
  let bar: SingleBar | null = null;
  return (done: number, total: number, elements: number, totalElements: number): void => {
    if (!enabled || (total < 20 && totalElements < 10_000_000)) return;
    if (!bar) {
      bar = new SingleBar({ format: 'comparing [{bar}] {value}/{total} keys', stream: process.stderr, clearOnComplete: true });
      bar.start(total, 0);
    }
    bar.update(done);
    if (done === total) bar.stop();
  };
}

/**
 * Runs the torchlike command line with `argv` (without node and the script); returns the exit code.
 * @example
 * const code = main(['compare', 'out.npz', 'ref.npz', '--json'], { out: console.log, err: console.error });
 */
export function main(argv: readonly string[], io: CliIO): number {
  const [verb, ...rest] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    (verb ? io.out : io.err)(HELP.main);
    return verb ? 0 : 2;
  }
  if (!SPECS[verb]) {
    io.err(`torchlike: unknown command '${verb}'\n\n${HELP.main}`);
    return 2;
  }
  let p: Parsed;
  try {
    p = parseArgs(rest, SPECS[verb]);
    if (p.flags.has('help')) {
      io.out(HELP[verb]);
      return 0;
    }
    if (p.positionals.length !== ARITY[verb]) throw new UsageError(`${verb} takes ${ARITY[verb]} argument${ARITY[verb] > 1 ? 's' : ''}, got ${p.positionals.length}`);
  } catch (e) {
    io.err(`torchlike ${verb}: ${(e as Error).message}\n\n${HELP[verb]}`);
    return 2;
  }
  const json = p.flags.has('json');
  const emit = (obj: unknown, text: string) => io.out(json ? JSON.stringify(obj, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2) : text);
  try {
    const [a, b] = p.positionals;
    if (verb === 'inspect') {
      const r = inspect(a);
      emit(r, formatInspect(r));
      return 0;
    }
    if (verb === 'convert') {
      const r = convert(a, b);
      emit(r, `wrote ${r.output}: ${r.tensors} tensor${r.tensors === 1 ? '' : 's'}`);
      if (r.skipped.length && !json) io.err(`skipped ${r.skipped.length} non-tensor entr${r.skipped.length === 1 ? 'y' : 'ies'}: ${r.skipped.join(', ')}`);
      return 0;
    }
    if (verb === 'run') {
      const r = run(a, p.values.get('input') ?? [], p.values.get('output')?.[0] ?? null, p.values.get('expect')?.[0] ?? null, closeOpts(p));
      emit(r, formatRun(r) + (r.comparison ? `\n\ncompared with ${r.comparison.b}:\n${formatCompare(r.comparison, false)}` : ''));
      return r.comparison && !r.comparison.ok ? 1 : 0;
    }
    if (verb === 'diverge') {
      const ref = p.values.get('reference')?.[0];
      if (!ref) throw new UsageError('diverge needs --reference DUMP.pt');
      const r = diverge(a, p.values.get('input') ?? [], ref, closeOpts(p));
      emit(r, formatDiverge(r));
      return r.first_divergent === null ? 0 : 1;
    }
    // compare
    const r = compare(a, b, { ...closeOpts(p), onProgress: progressBar(io.progress === true && !json) });
    emit(r, formatCompare(r, p.flags.has('verbose')));
    return r.ok ? 0 : 1;
  } catch (e) {
    io.err(`torchlike ${verb}: error: ${(e as Error).message}`);
    return 2;
  }
}
