/** Every IANA time zone the browser knows, for the time zone fields' suggestions. */
export const TIME_ZONES: readonly string[] = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
