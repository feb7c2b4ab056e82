export { addWorkingDays, weekday } from './working-days.js';
