// Types of bench/bundleSize.js (used by the browser test).
export interface ScriptSize {
  name: string;
  bytes: number;
  gzip: number;
}
export interface BundleMeasure {
  initial: ScriptSize[];
  lazy: ScriptSize[];
  total: number;
  budget: number;
  withinBudget: boolean;
}
export const INITIAL_BUDGET: number;
export function measure(distDir?: string): BundleMeasure;
export function scriptSources(html: string): string[];
export function gzipSize(file: string): number;
