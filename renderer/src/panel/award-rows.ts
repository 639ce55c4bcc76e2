// The panel's own allocation as an award list (the rows `vurder awards check` reads), so the ranking screen
// shows the same award-list checks in place (shared/panel/awards.ts) before anything is exported.
import type { AwardCheck, AwardRow } from '../../../shared/panel/awards';
import { checkAwardList } from '../../../shared/panel/awards';
import type { PanelSnapshot } from '../../../shared/panel/types';

export function awardRowsOf(snapshot: PanelSnapshot): AwardRow[] {
  if (snapshot.allocation === null) return [];
  const byId = new Map(snapshot.applications.map((application) => [application.applicationId, application]));
  return snapshot.allocation.lines
    .filter((line) => line.granted > 0)
    .map((line, index) => {
      const application = byId.get(line.applicationId);
      return { line: index + 2, focusArea: line.focusArea, applicant: application?.applicantName ?? line.applicationId, projectTitle: application?.title ?? '', amount: line.granted };
    });
}

export function awardCheckOf(snapshot: PanelSnapshot, scheme: Parameters<typeof checkAwardList>[1]): AwardCheck {
  return checkAwardList(awardRowsOf(snapshot), scheme);
}
