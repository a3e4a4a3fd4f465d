import { piRule } from './pi-scan';

/** 港澳居民来往内地通行证, 往来港澳通行证 and 台湾居民来往大陆通行证 numbers, after the word for them. */
export const piTravelPermit = piRule({ code: 'pi-travel-permit', kind: 'travel-permit', what: { en: 'Travel permit number', zh: '通行证号码' } });
