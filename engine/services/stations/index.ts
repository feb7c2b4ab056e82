export { addStation, divisionTreeWithStations, requireServedLocality } from './stations.js';
