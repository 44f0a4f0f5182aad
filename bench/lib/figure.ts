/** One benchmark figure, printed next to the baseline measured in the same run. */
export interface Figure {
  name: string;
  unit: string;
  value: number;
  baseline: number;
  ratio: number;
  target: string;
  met: boolean;
}

/** A figure whose ratio is value / baseline, as every figure's is. */
export function figure(name: string, unit: string, value: number, baseline: number, target: string, met: boolean): Figure {
  return { name, unit, value, baseline, ratio: value / baseline, target, met };
}
