// Optional cross-check with PyTorch when python3-torch is already installed
// (never installed by the tests): nn.MultiheadAttention parameters, softmax
// with temperature and the sinusoidal table, for a few variants.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../../cards/problems/generate.ts';

const probe = spawnSync('python3', ['-c', 'import torch'], { encoding: 'utf8' });
const hasTorch = probe.status === 0;
const reason = hasTorch ? '' : 'python3-torch is not installed (skipped: the tests never install it)';

const SCRIPT = `
import json, math, sys, torch
out = []
for job in json.load(sys.stdin):
    p = job["params"]
    if job["id"] == "attn.mha.params":
        m = torch.nn.MultiheadAttention(p["d"], p["h"], bias=p["bias"])
        out.append(sum(t.numel() for t in m.parameters()))
    elif job["id"] == "dec.temperature":
        z = torch.tensor(p["z"], dtype=torch.float64)
        out.append(torch.softmax(z / p["T"], 0)[p["k"]].item())
    else:
        pos = torch.arange(p["pos"] + 1, dtype=torch.float64).unsqueeze(1)
        div = torch.exp(torch.arange(0, p["d"], 2, dtype=torch.float64) * (-math.log(10000.0) / p["d"]))
        pe = torch.zeros(p["pos"] + 1, p["d"], dtype=torch.float64)
        pe[:, 0::2] = torch.sin(pos * div)
        pe[:, 1::2] = torch.cos(pos * div)
        out.append(pe[p["pos"], p["j"]].item())
print(json.dumps(out))
`;

describe.skipIf(!hasTorch)(`PyTorch cross-check${reason ? ` — ${reason}` : ''}`, () => {
  it('agrees on 20 variants each of attn.mha.params, dec.temperature and pos.sinusoidal', () => {
    const jobs = ['attn.mha.params', 'dec.temperature', 'pos.sinusoidal'].flatMap((id) => Array.from({ length: 20 }, (_, i) => ({ id, ...generate(id, i + 1) })));
    const r = spawnSync('python3', ['-c', SCRIPT], { input: JSON.stringify(jobs.map((j) => ({ id: j.id, params: j.params }))), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as number[];
    jobs.forEach((j, i) => expect(Math.abs((got[i] as number) - (j.answer as number)), j.id).toBeLessThan(1e-9 * Math.max(1, Math.abs(j.answer as number))));
  });
});
