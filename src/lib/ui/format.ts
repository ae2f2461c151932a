// German number formatting for display ("548.000", "1,5"); parsing lives in the domain layer.
const INTEGER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

export const formatInteger = (n: number): string => INTEGER.format(n);
export const formatDecimal = (n: number): string => ONE_DECIMAL.format(n);
