import type { StateCreator } from 'zustand';
import type { StoreState } from './index';

/** A slice creator that sees the whole store (slices call each other's actions). */
export type Slice<T> = StateCreator<StoreState, [], [], T>;
