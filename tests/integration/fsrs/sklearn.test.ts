// The metrics against an independent implementation: scikit-learn's log_loss
// and roc_auc_score, and RMSE(bins) restated in Python after srs-benchmark's
// rmse_matrix. Skipped, with the reason, where Debian's python3-sklearn is absent.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { auc, logLoss, rmseBins, type BinnedPoint } from '../../../srs/eval/metrics.ts';
import { mockRng } from '../../../srs/mock/rng.ts';

// Debian's interpreter first: a pyenv/venv python3 on PATH usually lacks the Debian package.
const PY = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0);

const SCRIPT = `
import json, sys, math
import numpy as np
from sklearn.metrics import log_loss, roc_auc_score
d = json.load(sys.stdin)
p = np.array(d['p']); y = np.array(d['y'])
def b(x, a, r, nd): return round(a * r ** math.floor(math.log(max(x, 1e-6)) / math.log(r)), nd)
groups = {}
for pi, yi, dt, i, l in zip(d['p'], d['y'], d['dt'], d['i'], d['l']):
    k = (b(dt, 2.48, 3.62, 2), b(i, 1.99, 1.89, 0), b(l, 1.65, 1.73, 0) if l != 0 else 0)
    g = groups.setdefault(k, [0, 0.0, 0.0]); g[0] += 1; g[1] += pi; g[2] += yi
w = np.array([g[0] for g in groups.values()]); mp = np.array([g[1] / g[0] for g in groups.values()]); my = np.array([g[2] / g[0] for g in groups.values()])
print(json.dumps({'logLoss': log_loss(y, p), 'auc': roc_auc_score(y, p), 'rmseBins': float(np.sqrt(np.sum(w * (my - mp) ** 2) / np.sum(w)))}))
`;

function sample(seed: number, n: number): BinnedPoint[] {
  const rng = mockRng(seed);
  return Array.from({ length: n }, () => {
    const p = Math.round((0.3 + 0.69 * rng.next()) * 100) / 100; // rounded: plenty of ties for AUC
    return { p, y: rng.next() < p ? 1 : 0, deltaT: 1 + Math.floor(rng.next() * 200), i: 2 + Math.floor(rng.next() * 20), lapses: Math.floor(rng.next() * 6) };
  });
}

describe.skipIf(!PY)('metrics equal scikit-learn' + (PY ? '' : ' (skipped: python3 -c "import sklearn" fails; apt-get install python3-sklearn)'), () => {
  it.each([7])('on a seeded sample %i (one Python start: importing sklearn costs seconds)', (seed) => {
    const pts = sample(seed, 5000);
    const input = JSON.stringify({ p: pts.map((x) => x.p), y: pts.map((x) => x.y), dt: pts.map((x) => x.deltaT), i: pts.map((x) => x.i), l: pts.map((x) => x.lapses) });
    const run = spawnSync(PY!, ['-c', SCRIPT], { input, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const ref = JSON.parse(run.stdout) as { logLoss: number; auc: number; rmseBins: number };
    const p = pts.map((x) => x.p);
    const y = pts.map((x) => x.y);
    expect(logLoss(p, y)).toBeCloseTo(ref.logLoss, 10);
    expect(auc(p, y)).toBeCloseTo(ref.auc, 10);
    expect(rmseBins(pts)).toBeCloseTo(ref.rmseBins, 10);
  });
});
