export declare function median(values: readonly (number | null | undefined)[]): number | null;
export declare function medians<K extends string>(rows: readonly Record<string, unknown>[], keys: readonly K[]): Record<K, number | null>;
export declare function round(x: number | null | undefined, digits?: number): number | null;
