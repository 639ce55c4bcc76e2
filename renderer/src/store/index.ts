// One zustand store made of slices. Components read it through the typed selector hooks in hooks.ts.
import { create } from 'zustand';
import type { SessionSlice } from './session-slice';
import { createSessionSlice } from './session-slice';
import type { ImportSlice } from './import-slice';
import { createImportSlice } from './import-slice';
import type { ApplicationsSlice } from './applications-slice';
import { createApplicationsSlice } from './applications-slice';
import type { AssessmentSlice } from './assessment-slice';
import { createAssessmentSlice } from './assessment-slice';
import type { PanelSlice } from './panel-slice';
import { createPanelSlice } from './panel-slice';
import type { UiSlice } from './ui-slice';
import { createUiSlice } from './ui-slice';

export type StoreState = SessionSlice & ImportSlice & ApplicationsSlice & AssessmentSlice & PanelSlice & UiSlice;

export const useStore = create<StoreState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createImportSlice(...a),
  ...createApplicationsSlice(...a),
  ...createAssessmentSlice(...a),
  ...createPanelSlice(...a),
  ...createUiSlice(...a),
}));
