// Handlers for "Check database". Both run on the app's own connection, so in
// browser mode or Electron they see exactly what the running app sees.
import { resolveTemplate } from '../cards/problems/aliases.ts';
import { checkDatabase, repairDatabase, type DoctorContext } from '../db/doctor.ts';
import type { App, HandlersFor } from './app.ts';
import type { doctorSchemas } from './contract/doctor.ts';

export function doctorContext(app: App): DoctorContext {
  const now = app.clock.now();
  return { templateExists: (id) => resolveTemplate(id) !== undefined, now, today: app.review.today(now) };
}

export function doctorHandlers(app: App): HandlersFor<typeof doctorSchemas> {
  return {
    doctor: () => checkDatabase(app.store.db, app.store.file, doctorContext(app)),
    repairDb: () => repairDatabase(app.store.db, app.store.file, doctorContext(app)),
  };
}
