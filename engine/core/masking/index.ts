export { maskPersonalData, maskPersonalDataDeep } from './personal-data.js';
