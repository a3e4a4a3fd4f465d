export { healthStats, recordKey, nextMonths, DISPOSITION_STATES, PI_CODES, NO_CATEGORY, type HealthInput, type HealthStats, type CategoryStat } from './stats';
export { renderHealthHtml, type HealthHtmlOptions } from './html';
