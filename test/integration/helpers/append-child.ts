// Child process for the multi-process audit test: appends N entries to the workspace's audit log.
import { appendAudit } from '../../../electron/services/audit/audit-log';

const [dir, count, name] = process.argv.slice(2);
for (let i = 0; i < Number(count); i += 1) await appendAudit(dir ?? '.', { actor: name ?? 'child', action: 'test.append', subject: String(i) });
