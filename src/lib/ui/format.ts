// German number formatting for display ("548.000", "1,5"); parsing lives in the domain layer.
// The formatters are built on first use, not when the module loads: the first Intl object of a page
// initialises the locale data (some 20 ms on the machine that runs `npm run bench`), which would delay every page's heading.
let integer: Intl.NumberFormat | undefined;
let oneDecimal: Intl.NumberFormat | undefined;

export const formatInteger = (n: number): string =>
	(integer ??= new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 })).format(n);
export const formatDecimal = (n: number): string =>
	(oneDecimal ??= new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 })).format(n);
