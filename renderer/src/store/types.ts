// Types shared by the store slices. Shapes come from the IPC contract; nothing is redefined here.
import type { ResponseOf } from '../../../shared/ipc/contract';
import { ASSESSMENT_STEPS } from '../../../shared/assessment/progress';
import type { AssessmentStep } from '../../../shared/assessment/progress';

export type Settings = ResponseOf<'settings:get'>;
export type WorkspaceSummary = NonNullable<ResponseOf<'workspace:current'>>;
export type RecentWorkspace = ResponseOf<'workspace:recent'>[number];
export type ApplicationSummary = ResponseOf<'applications:list'>[number];
export type ApplicationDetail = ResponseOf<'applications:get'>;
export type ImportResult = ResponseOf<'import:packages'>['results'][number];
export type MyStatus = ApplicationSummary['myStatus'];
export type VerdictValue = NonNullable<ApplicationSummary['verdict']>;

// The tabs are the steps of shared/assessment/progress, impartiality first (forvaltningsloven § 6).
export type AssessmentTab = AssessmentStep;
export const ASSESSMENT_TABS: readonly AssessmentTab[] = ASSESSMENT_STEPS;

export type Route =
  | { name: 'start' }
  | { name: 'list' }
  | { name: 'application'; applicationId: string; tab: AssessmentTab }
  | { name: 'settings' }
  | { name: 'export' }
  | { name: 'verify' }
  | { name: 'panel'; view: PanelView }
  | { name: 'panel-application'; applicationId: string };

/** The panel lead's screens (issue 10), in the order of the work. */
export type PanelView = 'overview' | 'collect' | 'ranking' | 'agreement' | 'export';
export const PANEL_VIEWS: readonly PanelView[] = ['overview', 'collect', 'ranking', 'agreement', 'export'];

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface Notice {
  id: number;
  kind: 'error' | 'success' | 'info';
  text: string;
}
