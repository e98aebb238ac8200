// Handlers for the mock-interview part of AppApi. The flow lives in
// service/mock/session.ts; history and export are thin reads here.
import type { App, HandlersFor } from './app.ts';
import type { MockHistoryItem } from './contract/index.ts';
import type { mockSchemas } from './contract/mock.ts';
import { reportHtml } from './mock/html.ts';
import { MockService } from './mock/session.ts';

export function mockHandlers(app: App): HandlersFor<typeof mockSchemas> {
  const s = new MockService(app);
  return {
    mockDraw: (a) => s.draw(a),
    mockStart: (a) => s.start(a),
    mockCurrent: () => s.current(),
    mockReveal: (a) => s.reveal(a),
    mockAnswer: (a) => s.answer(a),
    mockFinish: (a) => s.finish(a.mockId, 'finished'),
    mockAbandon: (a) => s.finish(a.mockId, 'abandoned'),
    mockReport: (a) => s.report(a.id),
    mockHistory: (a): MockHistoryItem[] => {
      s.settleNow(); // a mock whose time ran out while nobody looked is closed before listing
      return app.store.mocks.history(a.limit, a.offset).map((r) => ({
        id: r.id,
        status: r.status,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        score: r.score,
        questions: (JSON.parse(r.questions) as unknown[]).length,
        answered: r.answered,
        correct: r.correct,
        timedOut: r.timed_out,
        sections: (JSON.parse(r.config) as { sections: string[][] }).sections,
      }));
    },
    mockExportHtml: (a) => ({ filename: `deeprecall-mock-${a.id}.html`, html: reportHtml(s.report(a.id), a.lang) }),
  };
}
