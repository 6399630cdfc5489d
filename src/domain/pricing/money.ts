// Integer money arithmetic. Amounts are minor units (grosze for PLN, cents for USD);
// rates are integers in basis points (1/100 of a percent) or ten-thousandths.

/** Rounds half away from zero to an integer: the usual commercial rounding. */
export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** amount × basisPoints / 10 000, rounded to the minor unit. */
export function applyBasisPoints(amountMinor: number, basisPoints: number): number {
  return roundHalfAwayFromZero((amountMinor * basisPoints) / 10_000);
}

/** Converts minor units of a foreign currency to grosze at a rate given in ten-thousandths of PLN per unit. */
export function convertToGrosze(amountMinor: number, plnPerUnitTenThousandths: number): number {
  return roundHalfAwayFromZero((amountMinor * plnPerUnitTenThousandths) / 10_000);
}

const plnFormatters = new Map<string, Intl.NumberFormat>();

/** "12 345,67 zł" with U+00A0 separators, as Polish documents show it; groups four-digit amounts too. */
export function formatPln(grosze: number, locale: "pl" | "en" = "pl"): string {
  let formatter = plnFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", {
      style: "currency",
      currency: "PLN",
      useGrouping: "always",
    });
    plnFormatters.set(locale, formatter);
  }
  return formatter.format(grosze / 100);
}
