// A clock set back (by hand, a dead CMOS battery, travel) must not move a
// card's schedule twice, and Check database says what happened.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../db/store.ts';
import { App } from '../../../service/app.ts';
import { clockFromEnv, systemClock } from '../../../service/clock.ts';
import { fakeClock } from '../../helpers/drafts.ts';
import { tmpDir } from '../../helpers/tmp.ts';

const DAY = 86_400_000;

async function setup() {
  const store = Store.open(path.join(tmpDir(), 'clock.db'), { create: true });
  const clock = fakeClock();
  const app = new App(store, clock);
  await app.ensureDefaultDeck();
  return { app, api: app.client(), store, clock };
}

describe('a clock that goes back', () => {
  it('does not move a schedule twice; the second answer is a drill', async () => {
    const { api, store, clock } = await setup();
    const card = (await api.nextCard()).card!;
    const first = await api.answer({ cardId: card.id, quality: 5, elapsedMs: 1 });
    expect(first.mode).toBe('review');
    const after = store.reviews.state(card.id);
    clock.advance(-DAY); // yesterday, as far as the app can tell
    const again = await api.answer({ cardId: card.id, quality: 5, elapsedMs: 1 });
    expect(again.mode).toBe('drill');
    expect(store.reviews.state(card.id)).toEqual(after);
    const report = await api.doctor();
    const clockCheck = report.checks.find((c) => c.name === 'clock')!;
    expect(clockCheck.ok).toBe(false);
    expect(clockCheck.samples.join('\n')).toMatch(/clock went back/);
    expect(clockCheck.repairable).toBe(false);
    // Replaying the log gives the stored schedule: the states check agrees with the service.
    expect(report.checks.find((c) => c.name === 'states')!.ok).toBe(true);
  });

  it('flags answers dated in the future once the clock is right again', async () => {
    const { api, clock } = await setup();
    clock.advance(30 * DAY);
    const card = (await api.nextCard()).card!;
    await api.answer({ cardId: card.id, quality: 4, elapsedMs: 1 });
    expect((await api.doctor()).checks.find((c) => c.name === 'clock')!.ok).toBe(true);
    clock.advance(-30 * DAY);
    const check = (await api.doctor()).checks.find((c) => c.name === 'clock')!;
    expect(check.ok).toBe(false);
    expect(check.samples[0]).toMatch(/in the future/);
  });
});

describe('DEEPRECALL_NOW', () => {
  it('starts the clock at the given moment and keeps it ticking', () => {
    let real = 1_000_000;
    const c = clockFromEnv({ DEEPRECALL_NOW: '2027-02-03T04:05:06Z' }, () => real);
    expect(c.now()).toBe(Date.parse('2027-02-03T04:05:06Z'));
    real += 1500;
    expect(c.now()).toBe(Date.parse('2027-02-03T04:05:06Z') + 1500);
    expect(clockFromEnv({ DEEPRECALL_NOW: '1700000000000' }, () => real).now()).toBe(1_700_000_000_000);
  });

  it('falls back to the system clock when unset or unreadable', () => {
    expect(clockFromEnv({})).toBe(systemClock);
    expect(clockFromEnv({ DEEPRECALL_NOW: 'next tuesday' })).toBe(systemClock);
  });
});
