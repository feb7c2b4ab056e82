export { addStation, divisionTreeWithStations, localityName, requireServedLocality } from './stations.js';
