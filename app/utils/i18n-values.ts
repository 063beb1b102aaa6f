// Values that travel as text (an error key's "?count=3", a toast's values in the session cookie)
// get their count back as a number: i18next picks the plural form (x_one / x_other) only for a
// numeric count, and a string count would show "1 minuten".
export function withNumericCount(values: Record<string, string> | undefined): Record<string, string | number> | undefined {
  if (!values || values.count === undefined || !/^-?\d+(\.\d+)?$/.test(values.count)) return values;
  return { ...values, count: Number(values.count) };
}
