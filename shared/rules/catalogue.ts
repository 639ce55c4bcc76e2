// The rule catalogue: every requirement of the 2021 scheme, R01–R41 in id order (DESIGN.md §3).
import { r01, r02, r03 } from './general-applicant';
import { r07, r11, r12, r13, r14 } from './general-admin';
import { r15, r16 } from './general-budget';
import { r04, r05, r06, r08, r09, r10 } from './general-project';
import { r17, r18, r19, r20, r21, r22 } from './so1';
import { r23, r24, r25 } from './so2';
import { r26, r27, r28, r29, r30, r31 } from './so3';
import { r32, r33, r34 } from './so4';
import { r35, r36, r37, r38, r39 } from './so5';
import { r40, r41 } from './so6';
import type { RuleDefinition, RuleId } from './types';

export const ruleCatalogue: readonly RuleDefinition[] = [
  r01, r02, r03, r04, r05, r06, r07, r08, r09, r10,
  r11, r12, r13, r14, r15, r16, r17, r18, r19, r20,
  r21, r22, r23, r24, r25, r26, r27, r28, r29, r30,
  r31, r32, r33, r34, r35, r36, r37, r38, r39, r40,
  r41,
];

export function findRule(id: string): RuleDefinition | undefined {
  return ruleCatalogue.find((rule) => rule.id === id);
}

export function ruleIds(): RuleId[] {
  return ruleCatalogue.map((rule) => rule.id);
}
