export { fixedClock, isoNow, systemClock, type Clock } from './clock.js';
