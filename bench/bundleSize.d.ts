// Types of bench/bundleSize.js (used by the browser test).
export interface ScriptSize {
  name: string;
  bytes: number;
  gzip: number;
}
/** What one start-up path fetches after the initial scripts (gzip), and the sum with them. */
export interface StartPath {
  label: string;
  files: string[];
  gzip: number;
  total: number;
}
export interface BundleMeasure {
  initial: ScriptSize[];
  lazy: ScriptSize[];
  total: number;
  startPaths: StartPath[];
  budget: number;
  withinBudget: boolean;
}
export const INITIAL_BUDGET: number;
export function measure(distDir?: string): BundleMeasure;
export function scriptSources(html: string): string[];
export function gzipSize(file: string): number;
