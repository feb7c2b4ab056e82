export { mayHoldPersonalData, maskPersonalData, maskPersonalDataDeep } from './personal-data.js';
